import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState } from 'react';
import type { JournalRepo } from '../../lib/db/journal-repo';
import type { JournalEntry } from '../../lib/journal/entry';

/** Entries read per page: a side panel's screenful and then some. The first is all the journal reads to open. */
export const PAGE_SIZE = 20;
const SPARE = 5;

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
  const [win, setWin] = useState<Window>({ from: 0, to: PAGE_SIZE });
  const result = useLiveQuery(async () => ({ ...win, entries: await repo.page(win.from, win.to - win.from) }), [repo, win]);
  const last = useRef<(Window & { entries: JournalEntry[] }) | undefined>(undefined);
  if (result) last.current = result;
  const shown = last.current;
  // Counting walks every key, so it waits until the first page is on screen (it is asked for
  // second, not alongside, because IndexedDB answers one after the other anyway). Until then a
  // short first page is the whole journal, and a full one says "at least this many".
  const counted = useLiveQuery(() => (shown ? repo.count() : undefined), [repo, shown !== undefined]);
  const firstPage = shown && shown.from === 0 ? shown.entries.length : undefined;
  const exact = counted ?? (firstPage !== undefined && firstPage < PAGE_SIZE ? firstPage : undefined);

  const item = useCallback(
    (index: number): JournalEntry | undefined => (shown && index >= shown.from ? shown.entries[index - shown.from] : undefined),
    [shown],
  );

  const onRange = useCallback((first: number, lastIndex: number) => {
    setWin((current) => {
      // Keep the window while what is rendered (on screen plus overscan) sits inside it with a
      // few entries to spare; otherwise read the pages around it, one either side.
      const roomAbove = current.from === 0 ? Infinity : first - current.from;
      const roomBelow = current.to - 1 - lastIndex;
      if (roomAbove >= SPARE && roomBelow >= SPARE) return current;
      return { from: Math.max(0, (Math.floor(first / PAGE_SIZE) - 1) * PAGE_SIZE), to: (Math.floor(lastIndex / PAGE_SIZE) + 2) * PAGE_SIZE };
    });
  }, []);

  return {
    /** How many entries there are, once known. */
    count: exact,
    /** How many the list holds now: the count, or the first page while counting. */
    length: exact ?? firstPage,
    item,
    onRange,
    loading: result?.from !== win.from || result.to !== win.to,
  };
}
