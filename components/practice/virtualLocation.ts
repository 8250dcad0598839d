/**
 * The real-site URL a practice copy stands in for. Steps are matched against it exactly as they
 * are against the real site's location, so the same walkthrough runs in both places.
 */
export function createVirtualLocation(initial: string) {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    href: () => current,
    /** Like the site's own pushState navigation. */
    push(url: string) {
      current = url;
      listeners.forEach((l) => l());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type VirtualLocation = ReturnType<typeof createVirtualLocation>;
