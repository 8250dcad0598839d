/**
 * The one typed map of every message in Digital Friend.
 *
 * Each entry names its direction. `request` is what the sender passes, `response` what it gets
 * back. Senders and handlers are typed from this map (lib/platform/messaging.ts), and every
 * incoming message is validated with `isEnvelope` before a handler sees it, because a content
 * script runs beside a page we do not control.
 */
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

  // Guide (content script or practice page) → Background: "I am loaded; what should I show?"
  'guide/hello': { request: Record<string, never>; response: { view: GuideView | null } };
  // Guide → Background: something happened on the page or in the callout. UNTRUSTED: validated.
  'guide/event': { request: { event: GuideEvent }; response: { view: GuideView | null } };
  // Background → Guide (tabs.sendMessage; runtime broadcast for practice pages): show this.
  'guide/update': { request: { view: GuideView | null }; response: void };
}

/** What the side panel may ask of a running walkthrough. */
export type ControlEvent = { kind: 'next' } | { kind: 'back' } | { kind: 'exit' } | { kind: 'completed'; stepIndex: number } | { kind: 'skip'; stepIndex: number };

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
  'guide/hello',
  'guide/event',
  'guide/update',
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
}

export function isErrorReply(value: unknown): value is ErrorReply {
  return typeof value === 'object' && value !== null && typeof (value as ErrorReply).dfError === 'string';
}
