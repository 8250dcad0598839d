/**
 * The one typed map of every message in Digital Friend.
 *
 * Each entry names its direction. `request` is what the sender passes, `response` what it gets
 * back. Senders and handlers are typed from this map (lib/platform/messaging.ts), and every
 * incoming message is validated with `isEnvelope` before a handler sees it, because a content
 * script runs beside a page we do not control.
 */
import type { Snooze } from '../journal/schedule';
import type { GuideEvent } from '../walkthrough/events';
import type { GuideView, SessionMode } from '../walkthrough/session';

export interface ProtocolMap {
  // Side panel → Background: delete everything stored and return to the just-installed state.
  'app/reset': { request: Record<string, never>; response: { ok: true } };

  // Side panel / Popup / Welcome → Background: start (or resume) a walkthrough, live on the real
  // site (after the page asked for the site permission from the user's click) or as practice.
  'walkthrough/start': {
    request: { lessonId: string; mode: SessionMode; resume?: boolean };
    response: { ok: true; tabId: number };
  };
  // Popup → Background: the walkthrough to continue (running now, or started and not finished).
  'walkthrough/current': {
    request: Record<string, never>;
    response: { current: { lessonId: string; title: string; mode: SessionMode; origin?: string } | null };
  };
  // Side panel → Background: the same controls as the overlay, for the accessible primary channel.
  'walkthrough/control': { request: { event: ControlEvent }; response: { ok: true } };

  // Popup → Background: save a quick journal note. The popup never opens Dexie itself (~33 KB of
  // its 100 KB budget). Without `id` it creates an entry; with the id it got back, autosave
  // replaces that entry's text. Validated (lib/background/journal.ts): text 1–100,000 characters.
  'journal/quick-note': { request: { text: string; id?: string }; response: { id: string } };

  // Guide (content script or practice page) → Background: "I am loaded; what should I show?"
  'guide/hello': { request: Record<string, never>; response: { view: GuideView | null } };
  // Guide → Background: something happened on the page or in the callout. UNTRUSTED: validated.
  'guide/event': { request: { event: GuideEvent }; response: { view: GuideView | null } };
  // Guide → Background: "Reflect on this" in the finished callout. A web page cannot open extension
  // pages, so the background opens the journal with a new entry about the lesson. UNTRUSTED: the
  // lesson id is checked against the catalogue.
  'guide/reflect': { request: { lessonId: string }; response: { ok: true } };
  // Background → Guide (tabs.sendMessage; runtime broadcast for practice pages): show this.
  'guide/update': { request: { view: GuideView | null }; response: void };

  // Side panel (journal prompt view) / Settings → Background: bring this week's prompt back in an
  // hour or tomorrow at the prompt time (Firefox shows no notification buttons, so this is the way
  // there). `until` is checked: anything but 'hour' or 'tomorrow' is refused.
  'prompt/snooze': { request: { until: Snooze }; response: { ok: true; until: string } };
  // Side panel → Background: no prompt and no badge for the rest of this week.
  'prompt/skip': { request: Record<string, never>; response: { ok: true; week: string } };
  // Side panel → Background: turn the weekly prompt off (as the Settings checkbox does).
  'prompt/turn-off': { request: Record<string, never>; response: { ok: true } };
  // Side panel → Background: this week's prompt and where it stands.
  'prompt/status': { request: Record<string, never>; response: PromptStatus };
  // Side panel (journal) → Background: entries were written, changed, deleted or imported, so
  // whether this week's reflection is done may have changed (the toolbar badge is re-checked).
  'journal/changed': { request: Record<string, never>; response: { ok: true } };
}

/** What the side panel may ask of a running walkthrough. */
export type ControlEvent = { kind: 'next' } | { kind: 'back' } | { kind: 'exit' } | { kind: 'completed'; stepIndex: number } | { kind: 'skip'; stepIndex: number };

/** Where this week's reflection prompt stands, for the journal's prompt view. */
export interface PromptStatus {
  enabled: boolean;
  /** This ISO week ("2026-W48") and its question's id (lib/journal/prompts.ts). */
  week: string;
  promptId: string;
  answered: boolean;
  skipped: boolean;
  /** The toolbar badge is showing: the prompt time has passed and the week is not done. */
  due: boolean;
  /** ISO date-times, or null. */
  snoozedUntil: string | null;
  nextPrompt: string | null;
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  /** Marks our own messages, so that stray ones from other code in the same context are ignored. */
  df: 1;
  type: K;
  payload: RequestOf<K>;
}

/** Every type the background answers. Keep in step with ProtocolMap (checked by a unit test). */
export const MESSAGE_TYPES: readonly MessageType[] = [
  'app/reset',
  'walkthrough/start',
  'walkthrough/current',
  'walkthrough/control',
  'journal/quick-note',
  'guide/hello',
  'guide/event',
  'guide/reflect',
  'guide/update',
  'prompt/snooze',
  'prompt/skip',
  'prompt/turn-off',
  'prompt/status',
  'journal/changed',
];

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.df === 1 &&
    typeof v.type === 'string' &&
    (MESSAGE_TYPES as readonly string[]).includes(v.type) &&
    typeof v.payload === 'object' &&
    v.payload !== null &&
    !Array.isArray(v.payload)
  );
}

/** What a handler sends back when it fails: a message safe to show, never a stack. */
export interface ErrorReply {
  dfError: string;
  /** A UserError's message key and substitutions, so that the page can word it (lib/messaging/user-error.ts). */
  dfErrorKey?: string;
  dfErrorSubs?: string[];
}

export function isErrorReply(value: unknown): value is ErrorReply {
  return typeof value === 'object' && value !== null && typeof (value as ErrorReply).dfError === 'string';
}
