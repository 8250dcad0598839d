import { useCallback, useEffect, useRef, useState } from 'react';
import { canOpenSidePanel, currentWindowId, openSidePanel } from '../../lib/platform/sidepanel';

/**
 * Gives a click handler that opens the side panel. The window id is fetched on mount because the
 * browser only opens the panel from a click that has not awaited anything first.
 */
export function useSidePanelOpener(onOpened?: () => void) {
  const windowId = useRef<number | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const available = canOpenSidePanel();

  useEffect(() => {
    if (!available) return;
    void currentWindowId().then((id) => {
      windowId.current = id;
    });
  }, [available]);

  const open = useCallback(() => {
    setFailed(false);
    openSidePanel(windowId.current).then(
      () => onOpened?.(),
      () => setFailed(true),
    );
  }, [onOpened]);

  return { available, open, failed };
}
