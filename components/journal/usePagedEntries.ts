import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState } from 'react';
import type { JournalRepo } from '../../lib/db/journal-repo';
import type { JournalEntry } from '../../lib/journal/entry';

/** Entries read per page. The first page is all the journal reads when it opens. */
export const PAGE_SIZE = 30;

interface Window {
  from: number;
  to: number;
}

/**
 * Every entry, newest first, read a page at a time through repo.page(offset, limit) as the list
 * scrolls, never all at once. The live query covers the pages around what is on screen (one page
 * either side), so an edit, delete or new entry shows at once; while a new window loads, the last
 * one keeps filling the cards it covers.
 */
export function usePagedEntries(repo: JournalRepo) {
  const count = useLiveQuery(() => repo.count(), [repo]);
  const [win, setWin] = useState<Window>({ from: 0, to: PAGE_SIZE });
  const result = useLiveQuery(async () => ({ ...win, entries: await repo.page(win.from, win.to - win.from) }), [repo, win]);
  const last = useRef<(Window & { entries: JournalEntry[] }) | undefined>(undefined);
  if (result) last.current = result;
  const shown = last.current;

  const item = useCallback(
    (index: number): JournalEntry | undefined => (shown && index >= shown.from ? shown.entries[index - shown.from] : undefined),
    [shown],
  );

  const onRange = useCallback((first: number, lastIndex: number) => {
    setWin((current) => {
      // Keep the window while what is on screen sits inside it with half a page to spare.
      const roomAbove = current.from === 0 ? Infinity : first - current.from;
      const roomBelow = current.to - 1 - lastIndex;
      if (roomAbove >= PAGE_SIZE / 2 && roomBelow >= PAGE_SIZE / 2) return current;
      return { from: Math.max(0, (Math.floor(first / PAGE_SIZE) - 1) * PAGE_SIZE), to: (Math.floor(lastIndex / PAGE_SIZE) + 2) * PAGE_SIZE };
    });
  }, []);

  // `count` waits for the first page too, so the list never opens on a screen of placeholders.
  return { count: shown ? count : undefined, item, onRange, loading: result?.from !== win.from || result.to !== win.to };
}
