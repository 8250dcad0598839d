/**
 * Marks the moment a page first shows its real content (not a loading message), once per page.
 * `npm run bench` reads this User Timing mark to time first meaningful render.
 */
export const READY_MARK = 'digital-friend:ready';

export function markReady(perf: Performance = performance): void {
  if (perf.getEntriesByName(READY_MARK, 'mark').length === 0) perf.mark(READY_MARK);
}
