import { browser } from 'wxt/browser';
import type { Session } from '../walkthrough/session';

/**
 * The running walkthrough lives in storage.session: it survives the service worker being stopped
 * and restarted, and is gone when the browser closes. Extension pages may read it; content scripts
 * may not (the default access level), so a page can never see or change it.
 */
export const SESSION_KEY = 'walkthroughSession';

function parse(raw: unknown): Session | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<Session>;
  const ok =
    typeof s.lessonId === 'string' &&
    (s.mode === 'live' || s.mode === 'practice') &&
    Number.isInteger(s.tabId) &&
    Number.isInteger(s.stepIndex) &&
    Number.isInteger(s.total) &&
    typeof s.missing === 'boolean' &&
    (s.status === 'active' || s.status === 'finished') &&
    typeof s.startedAt === 'string';
  return ok ? (s as Session) : null;
}

export async function loadSession(): Promise<Session | null> {
  const stored = await browser.storage.session.get(SESSION_KEY);
  return parse(stored[SESSION_KEY]);
}

export async function saveSession(session: Session | null): Promise<void> {
  if (session) await browser.storage.session.set({ [SESSION_KEY]: session });
  else await browser.storage.session.remove(SESSION_KEY);
}

/** Calls back with the session whenever it changes. Returns the teardown. */
export function watchSession(callback: (session: Session | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && SESSION_KEY in changes) callback(parse(changes[SESSION_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
