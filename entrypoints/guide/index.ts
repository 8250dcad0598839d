import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startGuideClient, type GuideRuntime } from '../../lib/overlay/client';

// The in-page guide. Injected by the background with scripting.executeScript, only into the tab
// where the user started a walkthrough on a site they granted (never declared in the manifest).
// It uses the browser's native promise-based runtime rather than the polyfill, to stay tiny.
type Native = { runtime: GuideRuntime; i18n: { getMessage(key: string, subs?: string[]): string } };

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { browser?: Native; chrome?: Native };
  const api = (g.browser?.runtime ? g.browser : g.chrome)!;
  startGuideClient({
    runtime: api.runtime,
    doc: document,
    t: (key, subs) => api.i18n.getMessage(key, subs) || key,
  });
});
