import { isEnvelope, type Envelope, type MessageType, type RequestOf, type ResponseOf } from '../messaging/protocol';
import type { GuideView } from '../walkthrough/session';
import { createGuide, type Guide } from './guide';

/** The little of the runtime API the guide needs; native `chrome.runtime` / `browser.runtime` fit. */
export interface GuideRuntime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(cb: (message: unknown, sender: { id?: string }) => void): void };
}

export interface ClientOptions {
  runtime: GuideRuntime;
  doc: Document;
  t(key: string, substitutions?: string[]): string;
  /** Practice pages pass the real site's URL they stand in for. */
  url?: () => string;
  timeoutMs?: number;
}

const LOADED = Symbol.for('digital-friend.guide');

/**
 * Connects a guide to the background: asks what to show, reports what happens, and follows the
 * background's updates. Injecting it twice into one page refreshes the first copy instead.
 */
export function startGuideClient(options: ClientOptions): { refresh(): Promise<void> } {
  const scope = options.doc.defaultView as unknown as Record<symbol, { refresh(): Promise<void> } | undefined>;
  const existing = scope[LOADED];
  if (existing) {
    void existing.refresh();
    return existing;
  }
  const { runtime, doc } = options;
  let guide: Guide | null = null;

  async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K> | null> {
    const envelope: Envelope<K> = { df: 1, type, payload };
    try {
      return (await runtime.sendMessage(envelope)) as ResponseOf<K>;
    } catch {
      // The extension was updated or removed under us: leave the page as we found it.
      guide?.destroy();
      guide = null;
      return null;
    }
  }

  function apply(view: GuideView | null | undefined) {
    if (!view) {
      guide?.destroy();
      guide = null;
      return;
    }
    if (!guide?.active) {
      guide = createGuide({
        doc,
        t: options.t,
        url: options.url ?? (() => doc.location.href),
        timeoutMs: options.timeoutMs,
        send: (event) => void send('guide/event', { event }).then((reply) => reply && apply(reply.view)),
        // A web page cannot open extension pages: the background opens the journal (#4).
        reflect: (lessonId) => void send('guide/reflect', { lessonId }),
      });
    }
    guide.show(view);
  }

  runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== runtime.id || !isEnvelope(message) || message.type !== 'guide/update') return;
    apply((message.payload as RequestOf<'guide/update'>).view);
  });

  const client = {
    refresh: () => send('guide/hello', {}).then((reply) => apply(reply?.view)),
  };
  scope[LOADED] = client;
  void client.refresh();
  return client;
}
