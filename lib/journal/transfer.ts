import * as v from 'valibot';
import { isWeekday, type Settings } from '../settings/settings';
import { ENTRY_ID, MAX_TAG, MAX_TAGS, MAX_TEXT, type JournalEntry } from './entry';
import { weekRange } from './week';

/**
 * The journal's export file and its validation on import. Every file is untrusted: it is parsed,
 * validated against a strict schema (unknown keys rejected, so `__proto__` and `constructor` never
 * reach an object), and either accepted whole or refused with errors that say what and where.
 */
export const FORMAT = 'digital-friend/journal';
export const FORMAT_VERSION = 1;
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Clocks differ a little between machines; more than this ahead is refused as a future date. */
const FUTURE_SLACK_MS = 36 * 3_600_000;

export interface JournalFile {
  format: typeof FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  entries: JournalEntry[];
}

export interface ImportProblem {
  /** Where, in words a person can follow: "entry 3 (id e-…), field createdAt". */
  where: string;
  message: string;
}

export type ParseResult = { ok: true; file: JournalFile } | { ok: false; problems: ImportProblem[] };

/** The timestamp pattern lets "2026-02-30" through, and Date.parse quietly rolls it into March. */
function isRealDay(value: string): boolean {
  // Not a timestamp at all: isoTimestamp has said so already.
  if (!v.ISO_TIMESTAMP_REGEX.test(value)) return true;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && Number.isFinite(Date.parse(value));
}

const isoDate = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp('is not a valid date and time'), v.check(isRealDay, 'is not a real date'));

const EntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ENTRY_ID, 'is not a Digital Friend entry id')),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT, `is longer than ${MAX_TEXT.toLocaleString('en-GB')} characters`)),
  createdAt: isoDate,
  updatedAt: isoDate,
  week: v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/, 'is not an ISO week such as 2026-W48'), v.check((w) => weekRange(w) !== null, 'is not a real ISO week')),
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TAG))), v.maxLength(MAX_TAGS, `has more than ${MAX_TAGS} tags`)),
  lessonId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  promptId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  private: v.boolean(),
  deletedAt: v.optional(isoDate),
});

const SettingsSchema = v.strictObject({
  promptDay: v.pipe(v.number(), v.check((n: number) => isWeekday(n), 'is not a day of the week (0–6)')),
  promptTime: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a time such as 16:00')),
  promptEnabled: v.boolean(),
});

const FileSchema = v.strictObject({
  format: v.literal(FORMAT),
  version: v.literal(FORMAT_VERSION),
  exportedAt: isoDate,
  settings: SettingsSchema,
  entries: v.array(EntrySchema),
});

function describePath(issue: v.BaseIssue<unknown>, raw: unknown): string {
  const keys = (issue.path ?? []).map((p) => p.key);
  if (keys.length === 0) return 'the file';
  const [first, index, ...rest] = keys;
  if (first === 'entries' && typeof index === 'number') {
    const id = (raw as { entries?: { id?: unknown }[] }).entries?.[index]?.id;
    const label = `entry ${index + 1}${typeof id === 'string' ? ` (id ${id.slice(0, 40)})` : ''}`;
    return rest.length ? `${label}, field ${rest.join('.')}` : label;
  }
  return `field ${keys.join('.')}`;
}

/** Valibot's issue in words a person can act on. */
function explain(issue: v.BaseIssue<unknown>): string {
  // A strict object reports a missing key as expected "key" but received undefined, and a key it
  // does not know (including __proto__ and constructor) as expected never.
  if (issue.received === 'undefined') return 'is missing';
  if (issue.expected === 'never') return 'is not part of a Digital Friend export';
  // The schema's own words ("is not a time such as 16:00") beat valibot's "Invalid …" defaults.
  if (!issue.message.startsWith('Invalid ')) return issue.message;
  return issue.expected && issue.received ? `expected ${issue.expected} but found ${issue.received}` : issue.message;
}

export function parseJournalFile(text: string, now: Date): ParseResult {
  const fail = (message: string, where = 'the file'): ParseResult => ({ ok: false, problems: [{ where, message }] });
  if (text.trim() === '') return fail('The file is empty.');
  if (text.length > MAX_FILE_BYTES) return fail('The file is larger than 50 MB, which is more than any journal export. Check you chose the right file.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`This is not a Digital Friend export: it is not valid JSON, or it was cut short (${detail}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('This is not a Digital Friend journal export.');
  const head = raw as Record<string, unknown>;
  if (head.format !== FORMAT) return fail('This is not a Digital Friend journal export: its "format" is missing or different.');
  if (Number.isInteger(head.version) && (head.version as number) > FORMAT_VERSION) {
    return fail(`This file was made by a newer version of Digital Friend (format ${head.version}; this version reads format ${FORMAT_VERSION}). Update Digital Friend, then import it again.`);
  }
  const result = v.safeParse(FileSchema, raw);
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.slice(0, 20).map((issue) => ({
        where: describePath(issue, raw),
        message: explain(issue),
      })),
    };
  }
  const file = result.output as JournalFile;
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const latest = now.getTime() + FUTURE_SLACK_MS;
  file.entries.forEach((entry, i) => {
    const where = `entry ${i + 1} (id ${entry.id})`;
    const first = seen.get(entry.id);
    if (first !== undefined) problems.push({ where, message: `has the same id as entry ${first + 1}` });
    else seen.set(entry.id, i);
    for (const field of ['createdAt', 'updatedAt', 'deletedAt'] as const) {
      const value = entry[field];
      if (value && Date.parse(value) > latest) problems.push({ where: `${where}, field ${field}`, message: 'is in the future' });
    }
    if (Date.parse(entry.updatedAt) < Date.parse(entry.createdAt)) problems.push({ where: `${where}, field updatedAt`, message: 'is before createdAt' });
  });
  return problems.length ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, file };
}

export function toJournalFile(entries: readonly JournalEntry[], settings: Settings, now: Date): JournalFile {
  return { format: FORMAT, version: FORMAT_VERSION, exportedAt: now.toISOString(), settings, entries: [...entries] };
}

const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long' });
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Markdown with one section per week, newest first; entries oldest first within a week. */
export function toMarkdown(entries: readonly JournalEntry[], title = 'Reflections journal'): string {
  const weeks = new Map<string, JournalEntry[]>();
  for (const e of [...entries].filter((x) => !x.deletedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const list = weeks.get(e.week) ?? [];
    list.push(e);
    weeks.set(e.week, list);
  }
  const out = [`# ${title}`, ''];
  for (const key of [...weeks.keys()].sort().reverse()) {
    const range = weekRange(key);
    const [year, week] = key.split('-W');
    out.push(`## Week ${Number(week)}, ${year}${range ? ` (${shortDate.format(range.start)} to ${shortDate.format(range.end)})` : ''}`, '');
    for (const e of weeks.get(key)!) {
      const at = new Date(e.createdAt);
      out.push(`### ${longDate.format(at)}, ${time.format(at)}${e.private ? ' (private)' : ''}`, '');
      if (e.tags.length) out.push(`Tags: ${e.tags.join(', ')}`, '');
      // `<` is escaped so that a Markdown viewer that renders HTML shows what was typed rather
      // than running it (an entry may hold pasted HTML).
      out.push(e.text.trim().replace(/</g, '\\<'), '');
    }
  }
  return `${out.join('\n').trim()}\n`;
}
