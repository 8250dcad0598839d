import type { JournalRepo } from '../db/journal-repo';
import { ENTRY_ID, MAX_TEXT } from '../journal/entry';
import type { Handlers } from '../platform/messaging';
import { openPage as openExtensionPage } from '../platform/tabs';
import type { Walkthrough } from '../walkthrough/model';
import { UserError } from '../messaging/user-error';

export interface JournalDeps {
  repo: JournalRepo;
  findLesson(id: string): Walkthrough | undefined;
  /** Opens an extension page in a new tab (lib/platform/tabs by default). */
  openPage?(path: string): Promise<number>;
}

/** Where "Reflect on this" leads: the journal, with a new entry about the lesson. */
export const reflectPath = (lessonId: string) => `/sidepanel.html#journal/new?lesson=${encodeURIComponent(lessonId)}`;

/**
 * A quick note from the popup, checked before it is stored: text of 1 to MAX_TEXT characters with
 * something other than spaces in it, and, for autosave, the id of the entry being written.
 * Returns a fresh object with only those fields, or null.
 */
export function parseQuickNote(raw: unknown): { text: string; id?: string } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const text = Object.hasOwn(r, 'text') ? r.text : undefined;
  const id = Object.hasOwn(r, 'id') ? r.id : undefined;
  if (typeof text !== 'string' || text.length > MAX_TEXT || !text.trim()) return null;
  if (id !== undefined && (typeof id !== 'string' || !ENTRY_ID.test(id))) return null;
  return id === undefined ? { text } : { text, id };
}

/** The lesson named by a guide message, if it is one we know. */
export function parseReflect(raw: unknown, findLesson: JournalDeps['findLesson']): Walkthrough | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const lessonId = Object.hasOwn(raw, 'lessonId') ? (raw as { lessonId: unknown }).lessonId : undefined;
  if (typeof lessonId !== 'string' || lessonId.length > 200) return null;
  return findLesson(lessonId) ?? null;
}

/**
 * The journal's messages: the popup's quick note (the popup keeps Dexie out of its bundle), and
 * the guide's "Reflect on this" (a web page cannot open extension pages itself).
 */
export function registerJournal({ repo, findLesson, openPage = openExtensionPage }: JournalDeps): Handlers {
  return {
    'journal/quick-note': async (payload) => {
      const note = parseQuickNote(payload);
      if (!note) throw new UserError('errorQuickNoteSize');
      const existing = note.id ? await repo.get(note.id) : undefined;
      // Autosave keeps writing the same entry; if it was deleted meanwhile, the words start a new one.
      if (existing && !existing.deletedAt) {
        await repo.update(existing.id, { text: note.text });
        return { id: existing.id };
      }
      const created = await repo.create({ text: note.text });
      return { id: created.id };
    },
    'guide/reflect': async (payload) => {
      const lesson = parseReflect(payload, findLesson);
      if (!lesson) throw new UserError('errorNotAReflection');
      await openPage(reflectPath(lesson.id));
      return { ok: true as const };
    },
  };
}
