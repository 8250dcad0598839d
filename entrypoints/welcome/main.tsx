import { mountPage } from '../../components/common/mount';
import { App } from './App';

mountPage('welcomeTitle', <App />);
