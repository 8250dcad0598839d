import { measureElement as measureDefault, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { JournalEntry } from '../../lib/journal/entry';
import { t } from '../../lib/platform/i18n';

/** A guess at an entry card's height before it is measured (CSS pixels). */
export const ESTIMATED_HEIGHT = 160;

interface Props {
  /** How many entries the list holds in all, loaded or not. */
  count: number;
  /** The size of the whole set when the list shows only the start of it; -1 while it is unknown (ARIA). */
  total?: number;
  label: string;
  /** The entry at an index, or undefined while its page loads. */
  item(index: number): JournalEntry | undefined;
  /** Told which indexes the window needs now (visible plus overscan), to load their page. */
  onRange?(first: number, last: number): void;
  render(entry: JournalEntry, index: number): ReactNode;
  busy?: boolean;
}

/**
 * A long list of entries, windowed: only the cards near the viewport are in the DOM, so 10,000
 * entries scroll like ten. The page itself scrolls (no box inside a box in a narrow side panel).
 *
 * It is an ARIA feed: each card is an article that knows its position in the whole list
 * (aria-posinset / aria-setsize), so screen readers say "12 of 10,000" although most are not in the
 * DOM. Tab moves through the cards' links, and the next few are always rendered (overscan); Page Down
 * and Page Up move from card to card, as the feed pattern expects.
 */
export function VirtualFeed({ count, total = count, label, item, onRange, render, busy = false }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the list starts on the page: whatever is above it (headings, a banner) moves it.
    // Summed offsets rather than getBoundingClientRect, which would mix in how far the page is scrolled.
    let top = 0;
    for (let node: HTMLElement | null = listRef.current; node; node = node.offsetParent as HTMLElement | null) top += node.offsetTop;
    if (top !== margin) setMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ESTIMATED_HEIGHT,
    overscan: 4,
    scrollMargin: margin,
    getItemKey: (index) => item(index)?.id ?? `slot-${index}`,
    // A card measured at 0 px is not laid out (a hidden panel, jsdom): keep the estimate rather than
    // let the window grow to hold every entry.
    measureElement: (el, entry, instance) => {
      const size = measureDefault(el, entry, instance);
      return size > 0 ? size : ESTIMATED_HEIGHT;
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= 0) onRange?.(first, last);
  }, [first, last, onRange]);

  const focusCard = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'start' });
    // The card may only be rendered after the scroll has been seen: try on the next two frames.
    const attempt = (tries: number) =>
      requestAnimationFrame(() => {
        const card = listRef.current?.querySelector<HTMLElement>(`article[data-index="${index}"]`);
        if (card) card.focus();
        else if (tries > 0) attempt(tries - 1);
      });
    attempt(2);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const card = (event.target as Element).closest<HTMLElement>('article[data-index]');
    if (!card) return;
    const next = Number(card.dataset.index) + (event.key === 'PageDown' ? 1 : -1);
    if (next < 0 || next >= count) return;
    event.preventDefault();
    focusCard(next);
  };

  return (
    <div role="feed" aria-label={label} aria-busy={busy} ref={listRef} className="df-feed" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
      {items.map((virtual) => {
        const entry = item(virtual.index);
        return (
          <article
            key={virtual.key}
            data-index={virtual.index}
            ref={virtualizer.measureElement}
            className="df-feed__item"
            tabIndex={-1}
            aria-posinset={virtual.index + 1}
            aria-setsize={total}
            aria-labelledby={entry ? `entry-${entry.id}` : undefined}
            aria-busy={entry ? undefined : true}
            style={{ transform: `translateY(${virtual.start - virtualizer.options.scrollMargin}px)` }}
          >
            {entry ? render(entry, virtual.index) : <p className="govuk-body df-secondary">{t('journalLoadingEntry')}</p>}
          </article>
        );
      })}
    </div>
  );
}
