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

/** Where a problem is: the whole file, an entry (0-based index, its id if it has one, a field), or a top-level field path such as "settings.promptTime". */
export type ProblemPlace = { kind: 'file' } | { kind: 'entry'; index: number; id?: string; field?: string } | { kind: 'field'; path: string };

type None = Record<string, never>;

/**
 * What each problem code carries. The words are the UI's (components/journal/formatImportProblem.ts),
 * so that they come from the locale catalogue: this pure code says only what and where.
 */
export interface ImportProblemParams {
  empty: None;
  tooLarge: { maxMegabytes: number };
  /** detail: the JSON parser's own explanation, passed through as it is. */
  notJson: { detail: string };
  notExport: None;
  wrongFormat: None;
  newerVersion: { version: number; supported: number };
  missing: None;
  unknownKey: None;
  /** expected and received: valibot's tokens, such as boolean and "yes". */
  wrongType: { expected: string; received: string };
  /** A schema issue with no better description: valibot's own message. */
  invalid: { detail: string };
  invalidDate: None;
  notRealDate: None;
  invalidId: None;
  tooLong: { max: number };
  invalidWeek: None;
  notRealWeek: None;
  tooManyTags: { max: number };
  invalidDay: None;
  invalidTime: None;
  /** firstIndex: the 0-based index of the entry that had the id first. */
  duplicateId: { firstIndex: number };
  future: None;
  updatedBeforeCreated: None;
}
export type ImportProblemCode = keyof ImportProblemParams;

/** A code with its parameters, checked against each other. */
export type ImportProblemDetail = { [C in ImportProblemCode]: { code: C; params: ImportProblemParams[C] } }[ImportProblemCode];
export type ImportProblem = ImportProblemDetail & { where: ProblemPlace };

export type ParseResult = { ok: true; file: JournalFile } | { ok: false; problems: ImportProblem[] };

/**
 * The schema's own checks carry their problem code as the issue message (valibot messages are
 * strings); explain() turns it back into a code and parameters.
 */
const OWN_ISSUES = {
  invalidDate: {},
  notRealDate: {},
  invalidId: {},
  tooLong: { max: MAX_TEXT },
  invalidWeek: {},
  notRealWeek: {},
  tooManyTags: { max: MAX_TAGS },
  invalidDay: {},
  invalidTime: {},
} satisfies { [C in ImportProblemCode]?: ImportProblemParams[C] };
type OwnCode = keyof typeof OWN_ISSUES;
const OWN_PREFIX = 'df-import:';
const own = (code: OwnCode): string => OWN_PREFIX + code;

/** The timestamp pattern lets "2026-02-30" through, and Date.parse quietly rolls it into March. */
function isRealDay(value: string): boolean {
  // Not a timestamp at all: isoTimestamp has said so already.
  if (!v.ISO_TIMESTAMP_REGEX.test(value)) return true;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && Number.isFinite(Date.parse(value));
}

const isoDate = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp(own('invalidDate')), v.check(isRealDay, own('notRealDate')));

const EntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ENTRY_ID, own('invalidId'))),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT, own('tooLong'))),
  createdAt: isoDate,
  updatedAt: isoDate,
  week: v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/, own('invalidWeek')), v.check((w) => weekRange(w) !== null, own('notRealWeek'))),
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TAG))), v.maxLength(MAX_TAGS, own('tooManyTags'))),
  lessonId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  promptId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  private: v.boolean(),
  deletedAt: v.optional(isoDate),
});

const SettingsSchema = v.strictObject({
  promptDay: v.pipe(v.number(), v.check((n: number) => isWeekday(n), own('invalidDay'))),
  promptTime: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, own('invalidTime'))),
  promptEnabled: v.boolean(),
});

const FileSchema = v.strictObject({
  format: v.literal(FORMAT),
  version: v.literal(FORMAT_VERSION),
  exportedAt: isoDate,
  settings: SettingsSchema,
  entries: v.array(EntrySchema),
});

function placeOf(issue: v.BaseIssue<unknown>, raw: unknown): ProblemPlace {
  const keys = (issue.path ?? []).map((p) => p.key);
  if (keys.length === 0) return { kind: 'file' };
  const [first, index, ...rest] = keys;
  if (first === 'entries' && typeof index === 'number') {
    const id = (raw as { entries?: { id?: unknown }[] }).entries?.[index]?.id;
    return {
      kind: 'entry',
      index,
      ...(typeof id === 'string' ? { id: id.slice(0, 40) } : {}),
      ...(rest.length ? { field: rest.join('.') } : {}),
    };
  }
  return { kind: 'field', path: keys.join('.') };
}

/** Valibot's issue as a problem a person can act on. */
function explain(issue: v.BaseIssue<unknown>): ImportProblemDetail {
  // A strict object reports a missing key as expected "key" but received undefined, and a key it
  // does not know (including __proto__ and constructor) as expected never.
  if (issue.received === 'undefined') return { code: 'missing', params: {} };
  if (issue.expected === 'never') return { code: 'unknownKey', params: {} };
  // The schema's own codes ("not a time such as 16:00") beat valibot's "Invalid …" defaults.
  if (issue.message.startsWith(OWN_PREFIX)) {
    const code = issue.message.slice(OWN_PREFIX.length);
    if (Object.hasOwn(OWN_ISSUES, code)) return { code, params: OWN_ISSUES[code as OwnCode] } as ImportProblemDetail;
  }
  if (issue.message.startsWith('Invalid ') && issue.expected && issue.received) {
    return { code: 'wrongType', params: { expected: issue.expected, received: issue.received } };
  }
  return { code: 'invalid', params: { detail: issue.message } };
}

export function parseJournalFile(text: string, now: Date): ParseResult {
  const FILE: ProblemPlace = { kind: 'file' };
  const fail = (detail: ImportProblemDetail): ParseResult => ({ ok: false, problems: [{ where: FILE, ...detail }] });
  if (text.trim() === '') return fail({ code: 'empty', params: {} });
  if (text.length > MAX_FILE_BYTES) return fail({ code: 'tooLarge', params: { maxMegabytes: MAX_FILE_BYTES / (1024 * 1024) } });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail({ code: 'notJson', params: { detail: error instanceof Error ? error.message : String(error) } });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail({ code: 'notExport', params: {} });
  const head = raw as Record<string, unknown>;
  if (head.format !== FORMAT) return fail({ code: 'wrongFormat', params: {} });
  if (Number.isInteger(head.version) && (head.version as number) > FORMAT_VERSION) {
    return fail({ code: 'newerVersion', params: { version: head.version as number, supported: FORMAT_VERSION } });
  }
  const result = v.safeParse(FileSchema, raw);
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.slice(0, 20).map((issue) => ({ where: placeOf(issue, raw), ...explain(issue) })),
    };
  }
  const file = result.output as JournalFile;
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const latest = now.getTime() + FUTURE_SLACK_MS;
  file.entries.forEach((entry, index) => {
    const at = (field?: string): ProblemPlace => ({ kind: 'entry', index, id: entry.id, ...(field ? { field } : {}) });
    const first = seen.get(entry.id);
    if (first !== undefined) problems.push({ where: at(), code: 'duplicateId', params: { firstIndex: first } });
    else seen.set(entry.id, index);
    for (const field of ['createdAt', 'updatedAt', 'deletedAt'] as const) {
      const value = entry[field];
      if (value && Date.parse(value) > latest) problems.push({ where: at(field), code: 'future', params: {} });
    }
    if (Date.parse(entry.updatedAt) < Date.parse(entry.createdAt)) problems.push({ where: at('updatedAt'), code: 'updatedBeforeCreated', params: {} });
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
