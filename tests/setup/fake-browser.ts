import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The fake browser has no i18n catalogue, so serve the real en-GB one: components render the
// words users will see, and a missing key shows up in tests as the bare key.
const catalogue = JSON.parse(
  readFileSync(new URL('../../public/_locales/en_GB/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Z_][A-Z0-9_]*)\$/gi, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
