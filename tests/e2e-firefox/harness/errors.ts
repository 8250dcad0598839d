import { afterEach } from 'vitest';

/** One error the extension's own code raised, as Firefox printed it. */
export interface ExtensionError {
  /** `console.error` from an extension document, or an uncaught exception / unhandled rejection. */
  source: 'console.error' | 'uncaught';
  text: string;
}

/**
 * Collects the extension's errors from what Firefox prints (stdout and stderr of the Firefox
 * process, which its content processes share). Marionette has no console events, and WebDriver
 * BiDi leaves extension documents out (README.md), so this is the one channel that sees every
 * document: the side panel tab, the sidebar, the popup and the background page.
 *
 * Firefox prints two kinds of lines we want:
 *
 * - `JavaScript error: <url>, line <n>: <message>`, on stderr, for every uncaught exception and
 *   unhandled rejection, from any process. Those whose url is the extension's origin are kept.
 *   So are those with no url at all (`JavaScript error: , line 0: …`): Firefox writes that for an
 *   exception thrown by a native function called straight from the event loop and for a rejection
 *   with something other than an Error, and it cannot say from where; browser code names its
 *   resource:// or chrome:// file.
 * - `console.error: <arguments>`, on stdout, with `devtools.console.stdout.content` (see `prefs` in firefox.ts).
 *   It names no document, but that pref prints only content documents, not the browser's own
 *   code, and the only content documents in this suite are the extension's (the network is
 *   closed and the tests open nothing else). The extension's pages and its background page live
 *   in the extension process, which counts as content. An argument that is an Error shows its file.
 *   Some browser modules print their own `console.error` lines whatever the prefs say (Remote
 *   Settings does, at every start); those print words or a prefix, where a content document's line
 *   prints its arguments as source (`"words"`), so they are told apart (`CONTENT_ARGUMENTS`).
 */
export class ExtensionErrorLog {
  readonly entries: ExtensionError[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly partial = new Map<string, string>();
  private checked = 0;

  constructor(private readonly extensionOrigin: string) {}

  /** Feeds a chunk of one stream (`stdout` or `stderr`); lines are split per stream. */
  read(stream: string, chunk: string): void {
    const lines = ((this.partial.get(stream) ?? '') + chunk).split('\n');
    this.partial.set(stream, lines.pop() ?? '');
    for (const line of lines) this.line(line);
  }

  /**
   * Everything recorded since the last call, minus what the current test allowed; then forgets
   * the allowances. Errors logged between two tests (or while Firefox started) go to the next one.
   */
  takeUnchecked(): ExtensionError[] {
    const errors = this.entries.slice(this.checked).filter((e) => !this.allowed.some((re) => re.test(e.text)));
    this.checked = this.entries.length;
    this.allowed.length = 0;
    return errors;
  }

  /** Lets the current test produce errors matching `pattern` (for tests that provoke them). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  static format(errors: readonly ExtensionError[]): string {
    return errors.map((e) => `  [${e.source}] ${e.text.split('\n').join('\n    ')}`).join('\n');
  }

  private line(line: string): void {
    const jsError = /^JavaScript error: (.*?), line \d+: /.exec(line);
    if (jsError) {
      const url = jsError[1] ?? '';
      if (url === '' || url.startsWith(this.extensionOrigin)) this.entries.push({ source: 'uncaught', text: line.slice('JavaScript error: '.length) });
      return;
    }
    // One line: arguments print as source, where line breaks are escaped.
    const consoleError = /^console\.error: /.exec(line);
    const args = consoleError ? line.slice(consoleError[0].length) : '';
    if (consoleError && CONTENT_ARGUMENTS.test(args)) this.entries.push({ source: 'console.error', text: args });
  }
}

/**
 * How a content document's `console.error(…)` prints its first argument: as source (`"words"`,
 * `(new Error("…", "<file>", <line>))`, `({…})`, `[…]`, `<div>`, `42`, `null`, …), or nothing.
 * The browser's own modules log through console instances that print a prefix (`RSLoader: …`)
 * or plain words, whatever `devtools.console.stdout.chrome` says; those are not the extension.
 */
const CONTENT_ARGUMENTS = /^($|["'([{<\d-]|(true|false|null|undefined|NaN|Infinity|Symbol|function|async|class)\b)/;

/** Console messages are printed a moment after the code that caused them. */
const SETTLE_MS = 150;

/**
 * Fails each test of the file in which the extension logged an error, listing them, as the
 * Chromium fixtures' `failOnExtensionErrors` does. A test that provokes one on purpose calls
 * `firefox.errors.allow(/…/)`. Call it in the `describe` that launches Firefox.
 */
export function failOnExtensionErrors(firefox: () => { errors: ExtensionErrorLog } | undefined): void {
  afterEach(async () => {
    const log = firefox()?.errors;
    if (!log) return;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const errors = log.takeUnchecked();
    if (errors.length > 0) {
      throw new Error(`The extension logged ${errors.length} error(s):\n${ExtensionErrorLog.format(errors)}`);
    }
  });
}
