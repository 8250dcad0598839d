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
    win.addEventListener('hashchange', sync);
    win.addEventListener('popstate', sync);
    return () => {
      win.removeEventListener('hashchange', sync);
      win.removeEventListener('popstate', sync);
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
