import { mountPage } from '../../components/common/mount';
import { preloadArea } from '../../components/sidepanel/areaViews';
import { areaFromHash } from '../../components/sidepanel/areas';
import { App } from './App';

void preloadArea(areaFromHash(location.hash)).then((preloaded) => mountPage('brandName', <App preloaded={preloaded} />));
