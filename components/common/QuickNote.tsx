import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_TEXT } from '../../lib/journal/entry';
import { t } from '../../lib/platform/i18n';
import { send } from '../../lib/platform/messaging';

/** The note being written, kept synchronously so closing the popup mid-word loses nothing. */
export const QUICK_NOTE_KEY = 'digital-friend:quick-note';
const AUTOSAVE_MS = 300;

interface Kept {
  text: string;
  /** The journal entry it has been saved as so far, if any. */
  id?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function local(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readKept(store: Store | null): Kept {
  try {
    const parsed = JSON.parse(store?.getItem(QUICK_NOTE_KEY) ?? 'null') as Partial<Kept> | null;
    if (typeof parsed?.text !== 'string') return { text: '' };
    return typeof parsed.id === 'string' ? { text: parsed.text, id: parsed.id } : { text: parsed.text };
  } catch {
    return { text: '' };
  }
}

/**
 * A quick journal note from the toolbar popup, in two actions at most: type (the box has focus when
 * the popup opens), then "Save note" or Ctrl+Enter. The popup never opens the database (Dexie
 * alone is a third of its size budget): notes go to the background as 'journal/quick-note'.
 *
 * Popups close the moment focus leaves them, so the note is saved as it is typed, like the side
 * panel's editor: ~300 ms after a pause, and at once on blur, hide and close. Every keystroke is
 * also kept in localStorage, synchronously, and the box reopens with it until the note is saved.
 */
export function QuickNote({ store = local() }: { store?: Store | null }) {
  const [kept] = useState(() => readKept(store));
  const [text, setText] = useState(kept.text);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const id = useRef(kept.id);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const latest = useRef(kept.text);

  const keep = useCallback(
    (value: string) => {
      try {
        if (value) store?.setItem(QUICK_NOTE_KEY, JSON.stringify({ text: value, ...(id.current ? { id: id.current } : {}) } satisfies Kept));
        else store?.removeItem(QUICK_NOTE_KEY);
      } catch {
        /* storage refused: the message below is all there is */
      }
    },
    [store],
  );

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const value = pending.current;
    pending.current = null;
    // An empty box saves nothing: the entry keeps its last words until there are new ones.
    if (value === null || !value.trim()) return chain.current;
    chain.current = chain.current
      .then(() => send('journal/quick-note', id.current ? { text: value, id: id.current } : { text: value }))
      .then((reply) => {
        id.current = reply.id;
        // Remember which entry this is, so a popup reopened mid-note carries on with it.
        keep(latest.current);
        setError('');
      })
      .catch((e: unknown) => {
        pending.current ??= value;
        setError(t('quickNoteFailed', e instanceof Error ? e.message : String(e)));
      });
    return chain.current;
  }, [keep]);

  useEffect(() => {
    // A note carried over from last time continues where it stopped, not before its first word.
    const box = boxRef.current;
    if (box && box.value) box.setSelectionRange(box.value.length, box.value.length);
  }, []);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [flush]);

  const change = (value: string) => {
    setText(value);
    latest.current = value;
    setSaved(false);
    if (error && value.trim()) setError('');
    pending.current = value;
    keep(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) {
      setError(t('quickNoteEmpty'));
      boxRef.current?.focus();
      return;
    }
    pending.current = text;
    await flush();
    if (pending.current !== null) return; // the save failed: the words stay, with the error
    // Done: the next note is a new entry.
    id.current = undefined;
    latest.current = '';
    keep('');
    setText('');
    setSaved(true);
    boxRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save(event);
  };

  return (
    <form className="df-quick-note" onSubmit={(e) => void save(e)} noValidate>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="quick-note">
          {t('popupQuickNote')}
        </label>
        <div className="govuk-hint" id="quick-note-hint">
          {t('quickNoteHint')}
        </div>
        {error && (
          <p className="govuk-error-message" id="quick-note-error">
            <span className="govuk-visually-hidden">{t('quickNoteErrorPrefix')}:</span> {error}
          </p>
        )}
        <textarea
          className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id="quick-note"
          name="note"
          rows={4}
          maxLength={MAX_TEXT}
          // The reason to open the popup is often just this: the box is ready to type in.
          autoFocus
          ref={boxRef}
          aria-describedby={error ? 'quick-note-hint quick-note-error' : 'quick-note-hint'}
          value={text}
          onChange={(e) => change(e.target.value)}
          onBlur={() => void flush()}
          onKeyDown={onKeyDown}
        />
      </div>
      <button type="submit" className="govuk-button df-button-full">
        {t('quickNoteSave')}
      </button>
      <p className="govuk-body-s" role="status">
        {saved ? t('quickNoteSaved') : ''}
      </p>
    </form>
  );
}
