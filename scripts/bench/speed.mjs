// Speed measures: Chromium with the extension snapshot loaded, and probes timed in interleaved rounds.
import { chromium } from 'playwright-core';
import { median, percentile, round } from './stats.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches Chromium with the extension in `extensionDir`; resolves its id and the browser version.
 * `args` are added to the usual flags; `viewport` is Playwright's (1280×720 unless told);
 * `userDataDir` is the profile ('' for a fresh temporary one).
 */
export async function launchBrowser({ extensionDir, executablePath, args = [], viewport, userDataDir = '' }) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ...(viewport ? { viewport } : {}),
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_ARGS, ...args],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    // The extension opens welcome.html on install. Let start-up settle, then close that tab so it
    // does not compete with the pages being timed.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await Promise.all(context.pages().filter((p) => p.url().includes('/welcome.html')).map((p) => p.close()));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    await cdp.detach();
    await page.close();
    return { context, extensionId, version: product.replace(/^[^/]*\//, ''), product };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * A probe that opens an extension page in a fresh tab and returns when the page set `mark`, in ms
 * since navigation start (the mark's own startTime, so polling latency does not count).
 */
export function extensionPageProbe({ id, label, page: pagePath, mark, timeoutMs = 15_000 }) {
  return {
    id,
    label,
    async sample({ context, extensionId }) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
        await page.waitForFunction((name) => globalThis.performance.getEntriesByName(name, 'mark').length > 0, mark, {
          timeout: timeoutMs,
          polling: 10,
        });
        return await page.evaluate((name) => globalThis.performance.getEntriesByName(name, 'mark')[0].startTime, mark);
      } catch (error) {
        const detail = errors.length ? ` (page errors: ${errors.join(' | ')})` : '';
        throw new Error(`${label}: no '${mark}' mark within ${timeoutMs} ms${detail}: ${error.message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    },
  };
}

/**
 * Runs every probe once to warm up (not counted), then `runs` rounds in which each probe runs once.
 * The order rotates from round to round so machine noise and position effects hit all probes alike.
 */
export async function runProbes(probes, env, { runs, log }) {
  const samples = Object.fromEntries(probes.map((p) => [p.id, []]));
  const failures = {};
  const attempt = async (probe, record) => {
    if (failures[probe.id]) return;
    try {
      const value = await probe.sample(env);
      if (record) samples[probe.id].push(value);
    } catch (error) {
      failures[probe.id] = error.message;
    }
  };
  for (const probe of probes) await attempt(probe, false);
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < probes.length; i++) await attempt(probes[(round + i) % probes.length], true);
    log?.(`  round ${round + 1}/${runs}`);
  }
  return { samples, failures };
}

/** The per-probe summary stored in results.json. */
export function summarise(probe, values, failure, baselineMedian) {
  const m = median(values);
  return {
    label: probe.label,
    runs: values.length,
    medianMs: round(m, 2),
    minMs: round(Math.min(...values), 2),
    p90Ms: round(percentile(values, 90), 2),
    maxMs: round(Math.max(...values), 2),
    ratioToBlank: Number.isFinite(baselineMedian) && values.length ? round(m / baselineMedian, 2) : null,
    samplesMs: values.map((v) => round(v, 2)),
    ...(failure ? { error: failure } : {}),
  };
}
