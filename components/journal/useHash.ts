import { useEffect, useState } from 'react';

/**
 * The page's hash, updated when the person navigates (links, Back, Forward). Deliberately not
 * read afresh on every render: the editor moves the URL on with history.replaceState once a new
 * entry exists, so a reload reopens it, and that must not remount the editor under the cursor.
 */
export function useHash(win: Window = window): string {
  const [hash, setHash] = useState(() => win.location.hash);
  useEffect(() => {
    const sync = () => setHash(win.location.hash);
    // The side panel's own navigation moves with history.pushState, which fires no event: its
    // "Journal" link, pressed inside the journal, must still bring back the journal's home. Its
    // click handler has run by the time the click reaches the document.
    const afterClick = () => queueMicrotask(sync);
    win.addEventListener('hashchange', sync);
    win.addEventListener('popstate', sync);
    win.document.addEventListener('click', afterClick);
    return () => {
      win.removeEventListener('hashchange', sync);
      win.removeEventListener('popstate', sync);
      win.document.removeEventListener('click', afterClick);
    };
  }, [win]);
  return hash;
}

/** Goes to a journal route as a new history entry, as a link would. */
export function go(hash: string, win: Window = window): void {
  if (win.location.hash !== hash) win.location.hash = hash;
}

/** Changes the URL without a navigation (no hashchange), for "this is now entry X". */
export function replaceQuietly(hash: string, win: Window = window): void {
  win.history.replaceState(win.history.state, '', hash);
}
