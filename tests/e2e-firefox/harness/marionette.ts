import { connect, type Socket } from 'node:net';

/**
 * A small client for Marionette, Firefox's own WebDriver-style remote protocol: JSON messages
 * framed as `<length>:<json>` over TCP. Commands are `[0, id, name, params]`, replies
 * `[1, id, error, result]` (https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html).
 *
 * Why not Playwright: its Firefox driver speaks WebDriver BiDi, and Firefox's BiDi leaves extension
 * documents out on purpose ("Skip extension contexts until we support debugging webextensions",
 * bugzilla 1755014, in remote/shared/BrowsingContextUtils.sys.mjs): a moz-extension:// page loads,
 * but Playwright is never told about its script realm or its load events, so every call on it
 * hangs. Marionette's actors cover every document, extension pages included.
 */

/** The key under which WebDriver hands over a reference to a DOM element. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export interface ElementRef {
  [ELEMENT_KEY]: string;
}

export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`${command}: ${error}: ${message}`);
    this.name = 'MarionetteError';
  }
}

type Pending = { command: string; resolve(value: unknown): void; reject(error: Error): void };

export class Marionette {
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.fail(new Error('Marionette connection closed (did Firefox exit?)')));
    socket.on('error', (error) => this.fail(error));
  }

  /** Connects, and waits for the server's greeting (`{"applicationType":"gecko",...}`). */
  static connect(port: number, timeoutMs = 15_000): Promise<Marionette> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`No Marionette greeting on port ${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      let greeting: Buffer = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        greeting = Buffer.concat([greeting, chunk]);
        const frame = readFrame(greeting);
        if (!frame) return;
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('error', onError);
        const client = new Marionette(socket);
        if (frame.rest.length) client.receive(frame.rest);
        resolve(client);
      };
      const onError = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      socket.on('data', onData);
      socket.on('error', onError);
    });
  }

  send<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const body = JSON.stringify([0, id, command, params]);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let frame = readFrame(this.buffer); frame; frame = readFrame(this.buffer)) {
      this.buffer = frame.rest;
      const message = frame.message;
      if (!Array.isArray(message) || message[0] !== 1) continue;
      const [, id, error, result] = message as [1, number, { error: string; message: string } | null, unknown];
      const waiter = this.pending.get(id);
      if (!waiter) continue;
      this.pending.delete(id);
      if (error) waiter.reject(new MarionetteError(waiter.command, error.error, error.message));
      else waiter.resolve(result);
    }
  }

  private fail(error: Error) {
    this.closed ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

function readFrame(buffer: Buffer): { message: unknown; rest: Buffer } | undefined {
  const colon = buffer.indexOf(0x3a);
  if (colon < 0) return undefined;
  const length = Number(buffer.subarray(0, colon).toString('ascii'));
  const end = colon + 1 + length;
  if (buffer.length < end) return undefined;
  return { message: JSON.parse(buffer.subarray(colon + 1, end).toString('utf8')), rest: buffer.subarray(end) };
}
