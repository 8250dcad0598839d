import { createStore } from 'zustand/vanilla';
import { areaFromHash, type Area } from './areas';

/** View state only: which area of the side panel is showing. Follows the URL hash, so it deep-links. */
export interface NavState {
  area: Area;
  go(area: Area): void;
}

export function createNavStore(win: Window = window) {
  const store = createStore<NavState>((set) => ({
    area: areaFromHash(win.location.hash),
    go(area) {
      if (win.location.hash !== `#${area}`) win.history.pushState(null, '', `#${area}`);
      set({ area });
    },
  }));
  const sync = () => store.setState({ area: areaFromHash(win.location.hash) });
  win.addEventListener('hashchange', sync);
  win.addEventListener('popstate', sync);
  return store;
}

export type NavStore = ReturnType<typeof createNavStore>;
