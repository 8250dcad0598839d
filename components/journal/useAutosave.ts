import { useCallback, useEffect, useRef, useState } from 'react';
import type { JournalRepo } from '../../lib/db/journal-repo';
import { parseTagInput } from '../../lib/journal/entry';
import type { JournalDeps } from './journalDeps';

/** What the editor holds: the fields as typed (tags as the comma-separated text of their box). */
export interface Draft {
  text: string;
  tags: string;
  private: boolean;
}

export type SaveStatus = { kind: 'idle' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

/** The crash copy: written synchronously as the page hides or closes, read when the editor opens. */
export interface Backup {
  id: string;
  draft: Draft;
  at: string;
}

export const BACKUP_KEY = 'digital-friend:journal-unsaved';
export const AUTOSAVE_MS = 300;

export function readBackup(store: JournalDeps['backup']): Backup | null {
  try {
    const raw = store?.getItem(BACKUP_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Backup> | null;
    const draft = parsed?.draft;
    if (typeof parsed?.id !== 'string' || typeof parsed.at !== 'string' || !draft) return null;
    if (typeof draft.text !== 'string' || typeof draft.tags !== 'string' || typeof draft.private !== 'boolean') return null;
    return { id: parsed.id, at: parsed.at, draft: { text: draft.text, tags: draft.tags, private: draft.private } };
  } catch {
    return null;
  }
}

/**
 * Puts a crash copy back into its entry if it is newer than what was saved, then forgets it.
 * Called when the journal opens, so words typed as a page closed are not left waiting for their
 * entry's editor to be opened again.
 */
export async function recoverBackup(repo: JournalRepo, store: JournalDeps['backup']): Promise<boolean> {
  const copy = readBackup(store);
  if (!copy) return false;
  const entry = await repo.get(copy.id);
  let recovered = false;
  if (entry && !entry.deletedAt && copy.at > entry.updatedAt) {
    await repo.update(entry.id, { text: copy.draft.text, tags: parseTagInput(copy.draft.tags), private: copy.draft.private });
    recovered = true;
  }
  if (readBackup(store)?.at === copy.at) store?.removeItem(BACKUP_KEY);
  return recovered;
}

interface Options {
  repo: JournalRepo;
  backup: JournalDeps['backup'];
  now(): Date;
  /** The entry being edited; none for a new one, which is created on its first words. */
  id?: string;
  /** Fixed for a new entry: the walkthrough it reflects on and the question it answers. */
  context?: { lessonId?: string; promptId?: string };
  onCreated?(id: string): void;
  delay?: number;
}

/**
 * Saves as the person types: ~300 ms after they pause, and at once when a field loses focus, the
 * page is hidden or closes (visibilitychange, pagehide), or the editor goes away. A new entry is
 * created on its first words, without waiting. Saves run one after another, so the create always
 * lands before the updates that follow it.
 *
 * IndexedDB writes started while a page closes may never finish (the repository reads before it
 * writes, and a closing page runs no more tasks), so the unsaved draft is also copied,
 * synchronously, to `backup`; the editor offers it back when the entry is next opened.
 */
export function useAutosave({ repo, backup, now, id, context, onCreated, delay = AUTOSAVE_MS }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const idRef = useRef(id);
  const pending = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const creating = useRef(false);
  const latest = useRef({ repo, backup, now, context, onCreated });
  latest.current = { repo, backup, now, context, onCreated };
  const alive = useRef(true);

  const save = useCallback(async (draft: Draft) => {
    const { repo, backup, now, context, onCreated } = latest.current;
    const fields = { text: draft.text, tags: parseTagInput(draft.tags), private: draft.private };
    if (!idRef.current) {
      // Nothing to keep until there are words.
      if (!draft.text.trim()) return;
      const created = await repo.create({ ...fields, ...context });
      idRef.current = created.id;
      onCreated?.(created.id);
    } else {
      await repo.update(idRef.current, fields);
    }
    if (readBackup(backup)?.id === idRef.current) backup?.removeItem(BACKUP_KEY);
    if (alive.current) setStatus({ kind: 'saved', at: now() });
  }, []);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const draft = pending.current;
    if (!draft) return chain.current;
    pending.current = null;
    const run = chain.current.then(() => save(draft));
    chain.current = run.catch((error: unknown) => {
      // Keep the words for the next try, unless newer ones have arrived since.
      pending.current ??= draft;
      if (alive.current) setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return chain.current;
  }, [save]);

  const change = useCallback(
    (draft: Draft) => {
      pending.current = draft;
      clearTimeout(timer.current);
      if (!idRef.current && !creating.current && draft.text.trim()) {
        creating.current = true;
        void flush();
        return;
      }
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  useEffect(() => {
    alive.current = true;
    const keepCopy = () => {
      const draft = pending.current;
      const { backup, now } = latest.current;
      if (!draft || !idRef.current || !backup) return;
      try {
        backup.setItem(BACKUP_KEY, JSON.stringify({ id: idRef.current, draft, at: now().toISOString() } satisfies Backup));
      } catch {
        /* storage full or refused: the IndexedDB save below is all there is */
      }
    };
    const onHide = () => {
      if (document.visibilityState !== 'hidden') return;
      keepCopy();
      void flush();
    };
    const onPageHide = () => {
      keepCopy();
      void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      alive.current = false;
      // Leaving the editor inside the app (another view) saves what is left.
      void flush();
    };
  }, [flush]);

  return { change, flush, status, id: () => idRef.current };
}
