import { createStore } from 'zustand/vanilla';

/** A banner about something just done, shown on the view it was shown for (`hash`) only. */
export type JournalNotice = { kind: 'deleted' | 'restored'; id: string; hash: string };

/** View state only (ARCHITECTURE.md habit 10): the entries themselves live in Dexie. */
export interface JournalViewState {
  notice: JournalNotice | null;
  show(notice: JournalNotice): void;
  clear(): void;
}

export function createJournalStore() {
  return createStore<JournalViewState>((set) => ({
    notice: null,
    show: (notice) => set({ notice }),
    clear: () => set({ notice: null }),
  }));
}

export type JournalStore = ReturnType<typeof createJournalStore>;
