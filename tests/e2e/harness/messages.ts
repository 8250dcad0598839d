import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageKey } from '../../../lib/i18n/messages';
import { ROOT } from './paths';

const catalogue = JSON.parse(readFileSync(join(ROOT, 'public', '_locales', 'en_GB', 'messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

/**
 * The en-GB words a user sees for a message key, so page objects find controls by the same
 * labels people read, and a reworded label does not break every test.
 */
export function text(key: MessageKey): string {
  const entry = catalogue[key];
  if (!entry) throw new Error(`No message "${key}" in public/_locales/en_GB/messages.json`);
  return entry.message;
}
