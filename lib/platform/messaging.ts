import { browser, type Browser } from 'wxt/browser';
import {
  isEnvelope,
  isErrorReply,
  type Envelope,
  type ErrorReply,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from '../messaging/protocol';
import type { MessageKey } from '../i18n/messages';
import { UserError } from '../messaging/user-error';

export type Handlers = {
  [K in MessageType]?: (
    payload: RequestOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/** The error a handler threw, as the sender can show it: a UserError again when it was one. */
function fromErrorReply(reply: ErrorReply): Error {
  const { dfErrorKey: key, dfErrorSubs: subs } = reply;
  if (typeof key === 'string' && key !== '') {
    // The background is ours, but the reply crossed a process boundary: keep only strings.
    return new UserError(key as MessageKey, Array.isArray(subs) ? subs.filter((s): s is string => typeof s === 'string') : []);
  }
  return new Error(reply.dfError);
}

function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof UserError) return { dfError: error.message, dfErrorKey: error.key, dfErrorSubs: [...error.subs] };
  return { dfError: error instanceof Error ? error.message : String(error) };
}

/** Sends a typed message to the background and returns its typed answer, or throws its error. */
export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { df: 1, type, payload };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  if (isErrorReply(reply)) throw fromErrorReply(reply);
  return reply as ResponseOf<K>;
}

/**
 * Registers the background's handlers. Only messages from this extension itself are accepted
 * (the manifest's externally_connectable already admits nobody; this is the second lock).
 * Returns the teardown.
 */
export function listen(handlers: Handlers, extensionId = browser.runtime.id): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== extensionId || !isEnvelope(message)) return undefined;
    // Content scripts run beside pages we do not control: they may only speak the guide's verbs.
    const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
    if (!fromExtensionPage && !message.type.startsWith('guide/')) return undefined;
    const handler = handlers[message.type] as
      | ((p: unknown, s: Browser.runtime.MessageSender) => unknown)
      | undefined;
    if (!handler) return undefined;
    return Promise.resolve()
      .then(() => handler(message.payload, sender))
      .catch(toErrorReply);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
