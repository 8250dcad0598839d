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

export type Handlers = {
  [K in MessageType]?: (
    payload: RequestOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/** Sends a typed message to the background and returns its typed answer, or throws its error. */
export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { df: 1, type, payload };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  if (isErrorReply(reply)) throw new Error(reply.dfError);
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
      .catch((error: unknown): ErrorReply => ({
        dfError: error instanceof Error ? error.message : String(error),
      }));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
