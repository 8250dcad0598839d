import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { UserError } from '../../../../lib/messaging/user-error';
import { errorText } from '../../../../lib/platform/i18n';
import { listen, send } from '../../../../lib/platform/messaging';

const OWN_ID = fakeBrowser.runtime.id;
const reset = { df: 1, type: 'app/reset', payload: {} } as const;
/** What a browser reports for a message from our own side panel. */
const sidePanel = (): Browser.runtime.MessageSender => ({ id: OWN_ID, url: fakeBrowser.runtime.getURL('/sidepanel.html') });

/** Delivers a message as the browser would, from `sender`, and returns what our listener answered. */
async function deliver(message: unknown, sender: Browser.runtime.MessageSender = sidePanel()): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers[0];
}

describe('listen', () => {
  it('passes the payload and sender to the handler and returns its result', async () => {
    const seen: unknown[] = [];
    listen({
      'app/reset': (payload, sender) => {
        seen.push(payload, sender.id);
        return { ok: true };
      },
    });
    await expect(deliver(reset)).resolves.toEqual({ ok: true });
    expect(seen).toEqual([{}, OWN_ID]);
  });

  it('waits for an async handler', async () => {
    listen({ 'app/reset': async () => ({ ok: true }) });
    await expect(deliver(reset)).resolves.toEqual({ ok: true });
  });

  it('ignores messages from another extension, or with no sender id, without calling the handler', async () => {
    let calls = 0;
    listen({
      'app/reset': () => {
        calls += 1;
        return { ok: true };
      },
    });
    await expect(deliver(reset, { ...sidePanel(), id: 'some-other-extension' })).resolves.toBeUndefined();
    await expect(deliver(reset, { url: sidePanel().url })).resolves.toBeUndefined();
    expect(calls).toBe(0);
  });

  it('ignores an extension-page verb sent by our own content script in a web page', async () => {
    let calls = 0;
    listen({
      'app/reset': () => {
        calls += 1;
        return { ok: true };
      },
    });
    await expect(deliver(reset, { id: OWN_ID, url: 'https://x.com/home', tab: { id: 3 } as Browser.tabs.Tab })).resolves.toBeUndefined();
    await expect(deliver(reset, { id: OWN_ID })).resolves.toBeUndefined();
    expect(calls).toBe(0);
  });

  it('still answers a guide verb from our content script in a web page', async () => {
    listen({ 'guide/hello': () => ({ view: null }) });
    const hello = { df: 1, type: 'guide/hello', payload: {} };
    await expect(deliver(hello, { id: OWN_ID, url: 'https://x.com/home', tab: { id: 3 } as Browser.tabs.Tab })).resolves.toEqual({ view: null });
  });

  it('accepts the extension id it is given instead of the runtime id', async () => {
    listen({ 'app/reset': () => ({ ok: true }) }, 'pinned-id');
    await expect(deliver(reset, sidePanel())).resolves.toBeUndefined();
    await expect(deliver(reset, { ...sidePanel(), id: 'pinned-id' })).resolves.toEqual({ ok: true });
  });

  it.each([
    ['a string', 'app/reset'],
    ['null', null],
    ['an unknown type', { df: 1, type: 'app/nuke', payload: {} }],
    ['a message without the df marker', { type: 'app/reset', payload: {} }],
    ['a message without a payload', { df: 1, type: 'app/reset' }],
  ])('ignores %s without calling the handler', async (_label, message) => {
    let calls = 0;
    listen({
      'app/reset': () => {
        calls += 1;
        return { ok: true };
      },
    });
    await expect(deliver(message)).resolves.toBeUndefined();
    expect(calls).toBe(0);
  });

  it('leaves a valid message it has no handler for to other listeners', async () => {
    listen({});
    await expect(deliver(reset)).resolves.toBeUndefined();
  });

  it('turns a thrown error into { dfError } with its message and no stack', async () => {
    listen({
      'app/reset': () => {
        throw new Error('Disk full');
      },
    });
    await expect(deliver(reset)).resolves.toEqual({ dfError: 'Disk full' });
  });

  it('turns a rejected promise, or a thrown non-Error, into { dfError }', async () => {
    listen({ 'app/reset': () => Promise.reject(new Error('Quota exceeded')) });
    await expect(deliver(reset)).resolves.toEqual({ dfError: 'Quota exceeded' });

    fakeBrowser.runtime.onMessage.removeAllListeners();
    listen({
      'app/reset': () => {
        throw 'plain string';
      },
    });
    await expect(deliver(reset)).resolves.toEqual({ dfError: 'plain string' });
  });

  it('sends a UserError as its message key and substitutions, with the key as dfError for anything that knows no keys', async () => {
    listen({
      'app/reset': () => {
        throw new UserError('errorNoPracticeCopy', ['Write a post']);
      },
    });
    await expect(deliver(reset)).resolves.toEqual({ dfError: 'errorNoPracticeCopy', dfErrorKey: 'errorNoPracticeCopy', dfErrorSubs: ['Write a post'] });
  });

  it('returns a teardown that removes its listener', async () => {
    let calls = 0;
    const stop = listen({
      'app/reset': () => {
        calls += 1;
        return { ok: true };
      },
    });
    stop();
    await expect(deliver(reset)).resolves.toBeUndefined();
    expect(calls).toBe(0);
  });
});

describe('send', () => {
  it('wraps the payload in an envelope and returns the reply', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
      return Promise.resolve({ ok: true });
    });
    await expect(send('app/reset', {})).resolves.toEqual({ ok: true });
    expect(received).toEqual([{ df: 1, type: 'app/reset', payload: {} }]);
  });

  it('throws the error a handler replied with', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ dfError: 'Disk full' }));
    await expect(send('app/reset', {})).rejects.toThrow(new Error('Disk full'));
  });

  it('throws a UserError when the reply names a message key, keeping only string substitutions', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ dfError: 'errorNeedsSitePermission', dfErrorKey: 'errorNeedsSitePermission', dfErrorSubs: ['https://x.com/*', 7] }));
    const error = await send('app/reset', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ key: 'errorNeedsSitePermission', subs: ['https://x.com/*'] });
  });

  it('throws a plain Error when the reply has no key, or an empty one', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ dfError: 'Disk full', dfErrorKey: '' }));
    const error = await send('app/reset', {}).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UserError);
    expect(error).toEqual(new Error('Disk full'));
  });

  it('round-trips through listen() when the sender is this extension', async () => {
    // The fake browser's sendMessage reports an empty sender; a real browser names our own id
    // and the sending page.
    fakeBrowser.runtime.sendMessage = (async (message: unknown) =>
      (await fakeBrowser.runtime.onMessage.trigger(message, sidePanel())).find(Boolean)) as typeof fakeBrowser.runtime.sendMessage;
    listen({
      'app/reset': () => {
        throw new Error('Could not delete journal');
      },
    });
    await expect(send('app/reset', {})).rejects.toThrow('Could not delete journal');
  });
});

describe('a UserError from the background, shown on a page', () => {
  beforeEach(() => {
    fakeBrowser.runtime.sendMessage = (async (message: unknown) =>
      (await fakeBrowser.runtime.onMessage.trigger(message, sidePanel())).find(Boolean)) as typeof fakeBrowser.runtime.sendMessage;
  });

  it('is worded from the locale catalogue, with its substitutions, and not wrapped in "Something went wrong"', async () => {
    listen({
      'app/reset': () => {
        throw new UserError('errorNeedsSitePermission', ['https://x.com/*']);
      },
    });
    const error = await send('app/reset', {}).catch((e: unknown) => e);
    expect(errorText(error)).toBe('Digital Friend needs your permission to guide you on https://x.com/*.');
  });

  it('leaves any other error inside "Something went wrong"', async () => {
    listen({
      'app/reset': () => {
        throw new Error('Disk full');
      },
    });
    const error = await send('app/reset', {}).catch((e: unknown) => e);
    expect(errorText(error)).toBe('Something went wrong: Disk full. Your saved work has not changed.');
  });
});
