import type { JournalRepo } from '../../lib/db/journal-repo';
import { MAX_FILE_BYTES, parseJournalFile, toJournalFile, toMarkdown, type ImportProblem, type JournalFile } from '../../lib/journal/transfer';
import { datedFilename, FileTooLargeError, formatBytes, prepareFile, readFileText, startDownload, type PreparedFile } from '../../lib/platform/files';
import { loadSettings, saveSettings } from '../../lib/platform/settings-store';
import type { Settings } from '../../lib/settings/settings';

/**
 * What the export and import screens do, apart from drawing them: used by the journal's
 * TransferPanel and by the private-browsing warning's Export button.
 */

export type ExportFormat = 'json' | 'markdown';

export interface ExportResult {
  file: PreparedFile;
  entries: number;
}

/**
 * Builds the export and starts its download. JSON holds everything (private entries, recently
 * deleted ones, settings) so an import gives it all back; Markdown is for reading.
 */
export async function exportJournal(
  repo: Pick<JournalRepo, 'all'>,
  format: ExportFormat,
  now: Date,
  settings: () => Promise<Settings> = loadSettings,
  download: (file: PreparedFile) => void = startDownload,
): Promise<ExportResult> {
  const [entries, current] = await Promise.all([repo.all(), format === 'json' ? settings() : Promise.resolve(null)]);
  const blob =
    format === 'json'
      ? new Blob([JSON.stringify(toJournalFile(entries, current!, now), null, 2)], { type: 'application/json' })
      : new Blob([toMarkdown(entries)], { type: 'text/markdown' });
  const file = prepareFile(blob, datedFilename('digital-friend-journal', format === 'json' ? 'json' : 'md', now));
  download(file);
  return { file, entries: entries.length };
}

export type ImportCheck =
  | { ok: true; file: JournalFile; existing: number; current: Settings }
  | { ok: false; kind: 'too-large'; size: string }
  | { ok: false; kind: 'unreadable'; detail: string }
  | { ok: false; kind: 'invalid'; problems: ImportProblem[] };

/** Reads and validates a chosen file, and works out what importing it would do. Changes nothing. */
export async function checkImport(chosen: Blob, repo: Pick<JournalRepo, 'countExisting'>, now: Date, settings: () => Promise<Settings> = loadSettings): Promise<ImportCheck> {
  let text: string;
  try {
    text = await readFileText(chosen, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) return { ok: false, kind: 'too-large', size: formatBytes(error.bytes) };
    return { ok: false, kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  const parsed = parseJournalFile(text, now);
  if (!parsed.ok) return { ok: false, kind: 'invalid', problems: parsed.problems };
  const [existing, current] = await Promise.all([repo.countExisting(parsed.file.entries.map((e) => e.id)), settings()]);
  return { ok: true, file: parsed.file, existing, current };
}

export type ImportOutcome = { added: number; replaced: number; settings: 'applied' | 'kept' | { failed: string } };

/**
 * Imports every entry in one transaction (all or nothing), then, if asked, applies the file's
 * settings. Settings live in storage.local, outside that transaction, so they are written only
 * once the entries are safely in.
 */
export async function runImport(
  repo: Pick<JournalRepo, 'importAll'>,
  file: JournalFile,
  applySettings: boolean,
  onProgress: (done: number, total: number) => void,
  save: (settings: Settings) => Promise<void> = saveSettings,
): Promise<ImportOutcome> {
  const { added, replaced } = await repo.importAll(file.entries, onProgress);
  if (!applySettings) return { added, replaced, settings: 'kept' };
  try {
    await save(file.settings);
    return { added, replaced, settings: 'applied' };
  } catch (error) {
    return { added, replaced, settings: { failed: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * A full disk shows up as QuotaExceededError, which Dexie may wrap (AbortError → inner, or a
 * BulkError listing failures), so the whole chain is read.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 20) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { name, message, inner, cause, failures } = current as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message))) return true;
    queue.push(inner, cause);
    if (Array.isArray(failures)) queue.push(...failures);
    else if (failures && typeof failures === 'object') queue.push(...Object.values(failures));
  }
  return false;
}

export function sameSettings(a: Settings, b: Settings): boolean {
  return a.promptDay === b.promptDay && a.promptTime === b.promptTime && a.promptEnabled === b.promptEnabled;
}
