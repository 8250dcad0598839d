import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, requireBuild } from '../../e2e/harness/paths';
import { ExtensionErrorLog } from './errors';
import { ELEMENT_KEY, Marionette, type ElementRef } from './marionette';

/** The Firefox build that `npm run build` makes (`npm test` builds it first). */
export const FIREFOX_EXTENSION_DIR = process.env.DF_FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output', 'firefox-mv3');

/** Debian's Firefox ESR (.ci/run installs it). */
export const FIREFOX_EXECUTABLE = process.env.DF_FIREFOX ?? '/usr/bin/firefox-esr';

export interface LaunchOptions {
  /**
   * "Never remember history": every window is private (`browser.privatebrowsing.autostart`), and
   * the extension is allowed to run in private windows, as a person would allow it in
   * about:addons. That is the setting in which Firefox refuses the extension's IndexedDB
   * (w3c/webextensions#534, bugzilla 1982707).
   */
  neverRememberHistory?: boolean;
  extensionDir?: string;
}

type Script<A extends unknown[], R> = (...args: A) => R;

/**
 * Firefox ESR with the extension installed, driven through Marionette, in a fresh temporary
 * profile deleted on `close()`.
 *
 * - The unpacked build is copied into `<profile>/extensions/<gecko id>/`: Firefox installs what it
 *   finds there at start-up (an unsigned add-on is accepted because ESR honours
 *   `xpinstall.signatures.required = false`). It is a normal install, not a temporary one, so
 *   Firefox opens the extension's sidebar as it does for a person who has just installed it.
 * - Its moz-extension:// UUID is chosen here (`extensions.webextensions.uuids`), so URLs are known.
 * - Private-window access is the `internal:privateBrowsingAllowed` permission, which Firefox keeps
 *   in `<profile>/extension-preferences.json` (ExtensionPermissions.sys.mjs); written before start.
 * - `MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1` (= `--remote-allow-system-access`): without it Marionette
 *   refuses to navigate to moz-extension:// URLs and to touch the browser's own UI (the sidebar).
 * - What Firefox prints is read for the extension's errors (`errors`, see harness/errors.ts).
 */
export class FirefoxExtension {
  private constructor(
    private readonly marionette: Marionette,
    private readonly firefox: ChildProcess,
    private readonly profile: string,
    /** `moz-extension://<uuid>` */
    readonly origin: string,
    /** Where Firefox saves downloads (the journal export), inside the temporary profile. */
    readonly downloadsDir: string,
    /** The extension's console errors and uncaught errors, from all its documents. */
    readonly errors: ExtensionErrorLog,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<FirefoxExtension> {
    const extensionDir = requireBuild(options.extensionDir ?? FIREFOX_EXTENSION_DIR, 'npm run build');
    if (!existsSync(FIREFOX_EXECUTABLE)) {
      throw new Error(`No Firefox at ${FIREFOX_EXECUTABLE}. Install it: apt-get install firefox-esr (.ci/run does), or set DF_FIREFOX.`);
    }
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    const addonId = manifest.browser_specific_settings?.gecko?.id;
    if (!addonId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);

    const uuid = randomUUID();
    const profile = mkdtempSync(join(tmpdir(), 'df-firefox-'));
    const downloadsDir = join(profile, 'downloads');
    mkdirSync(downloadsDir);
    mkdirSync(join(profile, 'extensions'));
    // A copy: a parallel `npm run build` cannot pull the files out from under a running Firefox.
    cpSync(extensionDir, join(profile, 'extensions', addonId), { recursive: true });
    if (options.neverRememberHistory) {
      writeFileSync(
        join(profile, 'extension-preferences.json'),
        JSON.stringify({ [addonId]: { permissions: ['internal:privateBrowsingAllowed'], origins: [], data_collection: [] } }),
      );
    }
    writeFileSync(join(profile, 'user.js'), userJs(prefs({ addonId, uuid, downloadsDir, neverRememberHistory: !!options.neverRememberHistory })));

    const firefox = spawn(FIREFOX_EXECUTABLE, ['--marionette', '--headless', '--no-remote', '--profile', profile], {
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a Firefox that will not quit is ended with its content processes.
      detached: true,
    });
    const origin = `moz-extension://${uuid}`;
    const errors = new ExtensionErrorLog(origin);
    let output = '';
    const collect = (stream: string) => (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-20_000);
      errors.read(stream, text);
    };
    firefox.stdout?.on('data', collect('stdout'));
    firefox.stderr?.on('data', collect('stderr'));
    const tail = () => output.split('\n').slice(-30).join('\n');

    try {
      const port = await marionettePort(profile, firefox, tail);
      const marionette = await Marionette.connect(port);
      await marionette.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { pageLoadStrategy: 'normal' } } });
      await marionette.send('WebDriver:SetTimeouts', { script: 30_000, pageLoad: 30_000, implicit: 0 });
      return new FirefoxExtension(marionette, firefox, profile, origin, downloadsDir, errors);
    } catch (error) {
      stop(firefox);
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`Firefox did not start under Marionette: ${(error as Error).message}\n--- Firefox output ---\n${tail()}`);
    }
  }

  /** A page of the extension, by path (`sidepanel.html#journal`). Waits for its load event. */
  async open(path: string): Promise<void> {
    await this.marionette.send('WebDriver:Navigate', { url: `${this.origin}/${path}` });
  }

  async reload(): Promise<void> {
    await this.marionette.send('WebDriver:Refresh');
  }

  /**
   * Runs `fn` in the current page (its own realm: an extension page sees `browser.*`) and returns
   * what it returns, awaited. Elements come back as references for `click` and `type`.
   * `fn` is sent as source text, so it must not use anything from the test's scope.
   */
  async evaluate<A extends unknown[], R>(fn: Script<A, R>, ...args: A): Promise<Awaited<R>> {
    const result = await this.marionette.send<{ value: Awaited<R> }>('WebDriver:ExecuteScript', {
      script: `return (${fn.toString()}).apply(null, arguments);`,
      args,
    });
    return result.value;
  }

  /** Polls `fn` in the page until it returns something truthy, and returns that. */
  async waitFor<A extends unknown[], R>(description: string, fn: Script<A, R>, args: A, timeoutMs = 10_000): Promise<NonNullable<Awaited<R>>> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await this.evaluate(fn, ...args);
        if (value) return value as NonNullable<Awaited<R>>;
        lastError = undefined;
      } catch (error) {
        // A navigation can replace the document between two polls.
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A real click (Marionette checks the element is visible and not covered, then dispatches input). */
  async click(element: ElementRef): Promise<void> {
    await this.marionette.send('WebDriver:ElementClick', { id: element[ELEMENT_KEY] });
  }

  /** Types into a field key by key, as a person would; React sees every input event. */
  async type(element: ElementRef, text: string): Promise<void> {
    await this.marionette.send('WebDriver:ElementSendKeys', { id: element[ELEMENT_KEY], text });
  }

  /** Runs `fn` in the browser window's own (privileged) document, for the sidebar and the like. */
  async inBrowserWindow<A extends unknown[], R>(fn: Script<A, R>, ...args: A): Promise<Awaited<R>> {
    await this.marionette.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return await this.evaluate(fn, ...args);
    } finally {
      await this.marionette.send('Marionette:SetContext', { value: 'content' });
    }
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.firefox.exitCode !== null || this.firefox.signalCode !== null) resolve();
      else this.firefox.once('exit', () => resolve());
    });
    await this.marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    this.marionette.close();
    const quit = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
    if (!quit) {
      stop(this.firefox);
      await exited;
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}

function stop(firefox: ChildProcess) {
  if (firefox.pid === undefined || firefox.exitCode !== null) return;
  try {
    process.kill(-firefox.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Firefox writes the port it chose (`marionette.port` 0) to `<profile>/MarionetteActivePort`. */
async function marionettePort(profile: string, firefox: ChildProcess, tail: () => string): Promise<number> {
  const file = join(profile, 'MarionetteActivePort');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (firefox.exitCode !== null) throw new Error(`Firefox exited (code ${firefox.exitCode}) before Marionette started:\n${tail()}`);
    const port = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : 0;
    if (port > 0) return port;
    if (Date.now() > deadline) throw new Error('Marionette did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function prefs(o: { addonId: string; uuid: string; downloadsDir: string; neverRememberHistory: boolean }): Record<string, string | number | boolean> {
  return {
    // The extension: unsigned, installed from the profile without asking, at a known URL.
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [o.addonId]: o.uuid }),
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'marionette.port': 0,
    // For the error check (harness/errors.ts): content documents' console calls printed to stdout
    // (`console.error: …`; the extension's documents are content, the browser's own code is not),
    // and uncaught errors to stderr (`JavaScript error: …`; ESR 153 prints none without the second).
    'devtools.console.stdout.content': true,
    'browser.dom.window.dump.enabled': true,
    ...(o.neverRememberHistory ? { 'browser.privatebrowsing.autostart': true } : {}),
    // The journal export is a download: into the profile, without a dialog.
    'browser.download.folderList': 2,
    'browser.download.dir': o.downloadsDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    // A quiet start: no first-run pages, no default-browser question.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    // The network is closed, as in the Chromium harness: a dead proxy for everything.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.connectivity-service.enabled': false,
    'network.captive-portal-service.enabled': false,
    'app.normandy.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
  };
}

function userJs(values: Record<string, string | number | boolean>): string {
  return Object.entries(values)
    .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
    .join('\n');
}

export { ELEMENT_KEY, type ElementRef };
