import { indexWords } from './text';
import { isoWeek } from './week';

/** A reflection. Private ones never go into drafts, progress reports or any other sharing. */
export interface JournalEntry {
  /** Time-ordered and unique: `e-<ms since epoch, base 36, 9 chars>-<random>`. Stable across export and import. */
  id: string;
  /** Plain text with a little Markdown, rendered safely. */
  text: string;
  createdAt: string;
  updatedAt: string;
  /** ISO week of createdAt in local time, e.g. "2026-W48". */
  week: string;
  tags: string[];
  /** The walkthrough or lesson it reflects on. */
  lessonId?: string;
  /** The reflection prompt it answers. */
  promptId?: string;
  private: boolean;
  /** Set while the entry is in "recently deleted" (undo); purged after 30 days. */
  deletedAt?: string;
}

/**
 * What the entries table holds: the entry itself. Rows written by schema v2 (0.2.0) also carried
 * their search words; v3 moved those into the search index (lib/journal/search-index.ts), and
 * `fromStored` drops the field should an older release ever write it again.
 */
export interface StoredEntry extends JournalEntry {
  words?: string[];
}

export const ENTRY_ID = /^e-[0-9a-z]{9}-[0-9a-z]{4,16}$/;
export const MAX_TEXT = 100_000;
export const MAX_TAGS = 20;
export const MAX_TAG = 40;

export function newEntryId(now: Date, random: () => number = Math.random): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  let rand = '';
  while (rand.length < 8) rand += Math.floor(random() * 36).toString(36);
  return `e-${time}-${rand}`;
}

/** Trims, lowercases, de-duplicates and bounds tags ("#Policy, policy " → ["policy"]). */
export function normaliseTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of tags) {
    const tag = raw.replace(/^#+/, '').trim().toLowerCase().replace(/\s+/g, '-').slice(0, MAX_TAG);
    if (tag) out.add(tag);
    if (out.size >= MAX_TAGS) break;
  }
  return [...out];
}

/** Parses a comma-separated tag field. */
export function parseTagInput(input: string): string[] {
  return normaliseTags(input.split(','));
}

export function createEntry(fields: { text: string; tags?: string[]; lessonId?: string; promptId?: string; private?: boolean }, now: Date, id = newEntryId(now)): JournalEntry {
  const iso = now.toISOString();
  return {
    id,
    text: fields.text,
    createdAt: iso,
    updatedAt: iso,
    week: isoWeek(now).key,
    tags: normaliseTags(fields.tags ?? []),
    ...(fields.lessonId ? { lessonId: fields.lessonId } : {}),
    ...(fields.promptId ? { promptId: fields.promptId } : {}),
    private: fields.private ?? false,
  };
}

/** The words an entry is found by: its text's and its tags'. */
export function entryWords(entry: Pick<JournalEntry, 'text' | 'tags'>): string[] {
  return indexWords(`${entry.text} ${entry.tags.join(' ')}`);
}

export function fromStored(stored: StoredEntry): JournalEntry {
  if (!('words' in stored)) return stored;
  const { words: _words, ...entry } = stored;
  return entry;
}

/** Entries that may leave the journal (drafts, reports, sharing): never private, never deleted. */
export function shareable<T extends JournalEntry>(entries: readonly T[]): T[] {
  return entries.filter((e) => !e.private && !e.deletedAt);
}
