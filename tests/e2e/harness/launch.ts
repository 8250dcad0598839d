import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { E2E_EXTENSION_DIR, requireBuild } from './paths';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's origin, `chrome-extension://<id>`. */
  origin: string;
  /** The service worker that was running when the launch finished (see `currentServiceWorker`). */
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension to load; the end-to-end Chrome build unless told. */
  extensionDir?: string;
  /** Debian's Chromium unless told (there is no Playwright-downloaded browser here). */
  executablePath?: string;
}

/**
 * Starts Chromium with the extension loaded, in a fresh temporary profile that is deleted on
 * `close()`. New headless mode runs extensions, including their service worker.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = requireBuild(options.extensionDir ?? E2E_EXTENSION_DIR, 'npm run build:e2e');
  const profile = mkdtempSync(join(tmpdir(), 'df-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath ?? process.env.DF_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // A dead proxy: whatever the fixture routes do not answer fails at once instead of reaching
      // the internet, including requests Playwright's routing cannot see. Loopback stays direct.
      '--proxy-server=http://127.0.0.1:9',
    ],
  });
  try {
    const serviceWorker = await firstServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      origin: `chrome-extension://${extensionId}`,
      serviceWorker,
      async close() {
        await context.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

async function firstServiceWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 15_000,
    });
  } catch {
    throw new Error(
      'The extension\'s service worker never started. Its script probably threw while loading: ' +
        'open chrome://extensions in a headed Chromium with the build loaded to see the error.',
    );
  }
}

/** The extension's service worker as it is now: MV3 workers are stopped and restarted at will. */
export async function currentServiceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const origin = `chrome-extension://${extensionId}/`;
  return (
    context.serviceWorkers().find((w) => w.url().startsWith(origin)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(origin) }))
  );
}
