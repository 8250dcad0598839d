// Guide timings (issue #3's budgets), in Chromium with the END-TO-END build: it holds the target
// hosts up front (automation cannot click Chrome's permission prompt) and opens the guide's shadow
// root. The bench fixture (bench/fixtures/x-bench.*) is served at https://x.com/home with an
// X-like `script-src 'self'`, and every other http(s) request is aborted. Three measures:
//   insertion  the composer is replaced → the guide's spotlight is drawn; driver.js beside it
//   start      Start clicked in the side panel → first spotlight in the loaded X tab
//   scroll     long tasks while scrolling a 5,000-element page, with the overlay and without
// The walkthrough is 'x-write-post', whose first step points at X's composer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './speed.mjs';
import { median, round, timing } from './stats.mjs';

export const X_HOME = 'https://x.com/home';
const X_ORIGIN = 'https://x.com';
/** X-like: same-origin scripts only, so inline and injected page scripts are blocked; inline styles allowed, as on X. */
export const FIXTURE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'";
const GUIDE_HOST = 'digital-friend-guide';
const LESSON_ID = 'x-write-post';
/** What driver.js's popover says: the same words as the guide's first step. */
const DRIVER_POPOVER = {
  title: 'Find the box for your post',
  description: 'At the top of your Home timeline is a box that says <b>What’s happening?</b>. Select it to start writing.',
};

/** Facts read from the product, so the bench and the guide cannot drift apart. */
export function guideFacts(root) {
  const guide = readFileSync(path.join(root, 'lib/overlay/guide.ts'), 'utf8');
  const mark = /SPOTLIGHT_MARK\s*=\s*['"]([^'"]+)['"]/.exec(guide)?.[1];
  if (!mark) throw new Error('Could not find SPOTLIGHT_MARK in lib/overlay/guide.ts');
  const library = readFileSync(path.join(root, 'lib/walkthrough/library/x.ts'), 'utf8');
  const title = new RegExp(`id:\\s*'${LESSON_ID}',\\s*title:\\s*'([^']+)'`).exec(library)?.[1];
  if (!title) throw new Error(`Could not find the walkthrough '${LESSON_ID}' in lib/walkthrough/library/x.ts`);
  return { mark, lesson: { id: LESSON_ID, title } };
}

/** The end-to-end flavour is the one that holds x.com without asking; the production build would stall on the prompt. */
export function assertEndToEndBuild(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  if (!(manifest.host_permissions ?? []).some((p) => p.startsWith(`${X_ORIGIN}/`))) {
    throw new Error(`${dir} does not grant ${X_ORIGIN} up front: not the end-to-end build (npm run build:e2e)`);
  }
}

function fixtureRoute(root) {
  const file = (p) => readFileSync(path.join(root, p));
  const js = 'text/javascript; charset=utf-8';
  const files = {
    '/home': { body: file('bench/fixtures/x-bench.html'), type: 'text/html; charset=utf-8', csp: true },
    '/bench/x-bench.js': { body: file('bench/fixtures/x-bench.js'), type: js },
    // driver.js from the same origin, so the page's `script-src 'self'` admits it unchanged.
    '/bench/driver.js.iife.js': { body: file('node_modules/driver.js/dist/driver.js.iife.js'), type: js },
    '/bench/driver.css': { body: file('node_modules/driver.js/dist/driver.css'), type: 'text/css; charset=utf-8' },
  };
  return (route) => {
    const f = files[new URL(route.request().url()).pathname.replace(/\/$/, '')];
    if (!f) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not part of the bench fixture' });
    return route.fulfill({ status: 200, contentType: f.type, headers: f.csp ? { 'content-security-policy': FIXTURE_CSP } : {}, body: f.body });
  };
}

/** Chromium with the end-to-end build, the fixture at https://x.com/** and the rest of the network closed. */
export async function launchGuideBrowser({ root, extensionDir, executablePath }) {
  // A dead proxy as well: anything Playwright's routing cannot see fails instead of going out.
  const browser = await launchBrowser({
    extensionDir,
    executablePath,
    viewport: { width: 1280, height: 800 },
    args: ['--proxy-server=http://127.0.0.1:9'],
  });
  const blocked = [];
  // Playwright tries the newest route first: the fixture, then the catch-all abort.
  await browser.context.route(/^https?:\/\//, (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await browser.context.route(`${X_ORIGIN}/**`, fixtureRoute(root));
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#learn`);
  return { ...browser, panel, blocked };
}

const startButton = (panel, lesson) => panel.getByRole('button', { name: `Start ${lesson.title}`, exact: true });

async function sidePanelError(panel) {
  const texts = await panel.locator('.govuk-error-message, [role="alert"]').allTextContents().catch(() => []);
  return texts.length ? ` (side panel says: ${texts.join(' | ').trim()})` : '';
}

/** The first spotlight mark in `page`, waited for: its time on the wall clock and its detail. */
async function waitForSpotlight(page, mark, timeoutMs) {
  await page.waitForFunction((name) => globalThis.performance.getEntriesByName(name, 'mark').length > 0, mark, { polling: 10, timeout: timeoutMs });
  return page.evaluate((name) => {
    const m = globalThis.performance.getEntriesByName(name, 'mark')[0];
    return { at: globalThis.performance.timeOrigin + m.startTime, detail: m.detail };
  }, mark);
}

/**
 * Clicks Start in the side panel tab for the lesson, with `xPage` (already loaded) the only x.com tab:
 * the background focuses it and injects the guide. Returns the click and the first spotlight, both as
 * performance.timeOrigin + performance.now() in their own page, i.e. on the shared wall clock.
 */
async function startFromPanel({ context, panel, xPage, lesson, mark, timeoutMs = 15_000 }) {
  await panel.bringToFront();
  await panel.evaluate(() => {
    globalThis.__dfBenchClickAt = null;
    globalThis.document.addEventListener(
      'click',
      () => {
        globalThis.__dfBenchClickAt = globalThis.performance.timeOrigin + globalThis.performance.now();
      },
      { capture: true, once: true },
    );
  });
  const tabs = context.pages().length;
  try {
    await startButton(panel, lesson).click({ timeout: timeoutMs });
  } catch (error) {
    throw new Error(`could not click "Start ${lesson.title}" in the side panel: ${error.message.split('\n')[0]}`);
  }
  const clickAt = await panel.evaluate(() => globalThis.__dfBenchClickAt);
  let spot;
  try {
    spot = await waitForSpotlight(xPage, mark, timeoutMs);
  } catch (error) {
    throw new Error(`no '${mark}' mark in the X tab within ${timeoutMs} ms of Start${await sidePanelError(panel)}: ${error.message.split('\n')[0]}`);
  }
  if (context.pages().length !== tabs) throw new Error('the background opened another tab instead of using the loaded x.com tab');
  if (spot.detail?.lesson !== lesson.id || spot.detail?.step !== 0) {
    throw new Error(`the first spotlight was for ${JSON.stringify(spot.detail)}, not step 0 of ${lesson.id}`);
  }
  return { clickAt, spotAt: spot.at };
}

/** Exit in the side panel's current step, then wait until the guide has left the X tab. */
async function exitFromPanel(panel, xPage) {
  await panel.bringToFront();
  const banner = panel.getByTestId('current-step');
  await banner.getByRole('button', { name: 'Exit', exact: true }).click({ timeout: 10_000 });
  await xPage.waitForFunction((tag) => !globalThis.document.querySelector(tag), GUIDE_HOST, { polling: 20, timeout: 10_000 });
  await banner.waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * Start → spotlight: per run, load the fixture in the (one) X tab, click Start, read the mark, Exit.
 * The tab is reloaded every run, so each run injects the guide into a fresh page, as a person
 * starting a walkthrough on a page they have open. One warm-up run is not counted.
 */
export async function measureStart({ context, panel, facts, runs, log }) {
  const samples = [];
  const xPage = await context.newPage();
  try {
    for (let i = 0; i <= runs; i++) {
      await xPage.goto(X_HOME, { waitUntil: 'load' });
      const { clickAt, spotAt } = await startFromPanel({ context, panel, xPage, ...facts });
      if (i > 0) samples.push(spotAt - clickAt);
      await exitFromPanel(panel, xPage);
      log?.(`  start → spotlight ${i === 0 ? 'warm-up' : `${i}/${runs}`}: ${(spotAt - clickAt).toFixed(1)} ms`);
    }
  } finally {
    await xPage.close().catch(() => undefined);
  }
  return {
    ...timing('Start clicked → first spotlight', samples),
    warmup: 1,
    clock: 'performance.timeOrigin + performance.now() in each page (the shared wall clock): click = capture listener on the side panel document; spotlight = timeOrigin + mark.startTime in the X tab',
  };
}

async function reinsertTrials(page, options, { trials, warmup }, measure) {
  const values = [];
  for (let i = 0; i < warmup + trials; i++) {
    const r = await page.evaluate((o) => globalThis.dfBench.reinsert(o), options);
    if (r.error) throw new Error(`trial ${i + 1}: ${r.error}`);
    if (i >= warmup) values.push(measure(r));
  }
  return values;
}

/**
 * Target inserted → highlight drawn, `trials` times after `warmup` uncounted ones, first with the
 * guide (walkthrough started from the side panel), then with driver.js in a fresh tab of the same
 * fixture. Times are on the page's own clock: from performance.now() just before the insertion to
 * the guide's spotlight mark, or to when driver.js's popover and overlay were first present.
 */
export async function measureInsertion({ context, panel, facts, trials, warmup, log }) {
  const result = { trials, warmup };
  const xPage = await context.newPage();
  try {
    await xPage.goto(X_HOME, { waitUntil: 'load' });
    await startFromPanel({ context, panel, xPage, ...facts });
    await xPage.bringToFront();
    const ours = await reinsertTrials(xPage, { until: 'spotlight', mark: facts.mark }, { trials, warmup }, (r) => r.mark - r.t0);
    result.ours = timing('Digital Friend guide: spotlight mark', ours);
    log?.(`  insertion → spotlight: median ${median(ours).toFixed(2)} ms`);
    await exitFromPanel(panel, xPage);
  } finally {
    await xPage.close().catch(() => undefined);
  }
  const driverPage = await context.newPage();
  try {
    await driverPage.goto(X_HOME, { waitUntil: 'load' });
    await driverPage.bringToFront();
    await driverPage.addStyleTag({ url: `${X_ORIGIN}/bench/driver.css` });
    await driverPage.addScriptTag({ url: `${X_ORIGIN}/bench/driver.js.iife.js` });
    const started = await driverPage.evaluate((popover) => globalThis.dfBench.startDriver(popover), DRIVER_POPOVER);
    if (!started.highlighted) throw new Error('driver.js did not highlight the composer');
    const both = [];
    await reinsertTrials(driverPage, { until: 'driver' }, { trials, warmup }, (r) => both.push(r));
    result.driverPopover = timing('driver.js: popover in the DOM', both.map((r) => r.popover - r.t0));
    result.driverOverlay = timing('driver.js: overlay (stage) in the DOM', both.map((r) => r.overlay - r.t0));
    log?.(`  insertion → driver.js popover: median ${result.driverPopover.medianMs} ms, overlay ${result.driverOverlay.medianMs} ms`);
  } finally {
    await driverPage.close().catch(() => undefined);
  }
  return result;
}

function scrollSummary(label, passes) {
  const tasks = passes.flatMap((p) => p.longTasks);
  return {
    label,
    passes: passes.length,
    longTasks: tasks.length,
    maxLongTaskMs: tasks.length ? round(Math.max(...tasks.map((t) => t.duration)), 1) : 0,
    totalLongTaskMs: round(tasks.reduce((n, t) => n + t.duration, 0), 1),
    longTasksPerPass: passes.map((p) => p.longTasks.length),
    maxFrameGapMs: round(Math.max(...passes.map((p) => p.maxFrameGapMs)), 1),
    medianScrollMs: round(median(passes.map((p) => p.durationMs)), 1),
    longTasksBeforeScrolling: passes.map((p) => p.before),
    // Per pass: each long task's start, from the first scroll step, and its duration.
    tasks: passes.map((p) => p.longTasks.map((t) => ({ atMs: round(t.sinceScrollStart, 1), durationMs: round(t.duration, 1), name: t.name }))),
  };
}

/**
 * Scrolling `nodes` elements top to bottom in `steps` frames, with a long-task observer registered
 * first. Control (no walkthrough: the extension is loaded but injects nothing) and overlay (the
 * walkthrough started, spotlight drawn) alternate, each pass in a fresh tab, so attribution is fair.
 */
export async function measureScroll({ context, panel, facts, passes, steps, nodes, log }) {
  const runs = { control: [], overlay: [] };
  for (let p = 0; p < passes; p++) {
    for (const kind of p % 2 ? ['overlay', 'control'] : ['control', 'overlay']) {
      const page = await context.newPage();
      try {
        await page.goto(`${X_HOME}?nodes=${nodes}`, { waitUntil: 'load' });
        if (kind === 'overlay') await startFromPanel({ context, panel, xPage: page, ...facts });
        await page.bringToFront();
        const r = await page.evaluate((o) => globalThis.dfBench.scrollThrough(o), { steps });
        if (kind === 'overlay') {
          if (!(await page.evaluate(() => globalThis.dfBench.guidePresent()))) throw new Error('the guide left the page while it scrolled');
          await exitFromPanel(panel, page);
        } else if (await page.evaluate(() => globalThis.dfBench.guidePresent())) {
          throw new Error('the guide was on the control page');
        }
        runs[kind].push(r);
        log?.(`  scroll ${kind}: ${r.longTasks.length} long tasks, ${r.elements} elements, longest frame gap ${r.maxFrameGapMs.toFixed(1)} ms`);
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  }
  return {
    steps,
    elements: runs.control[0]?.elements ?? null,
    control: scrollSummary('without the overlay (control)', runs.control),
    overlay: scrollSummary('with the overlay showing', runs.overlay),
  };
}

/** After a failed measure: end any running walkthrough and close x.com tabs, so the next measure starts clean. */
export async function resetGuide({ context, panel }) {
  await Promise.all(context.pages().filter((p) => p.url().startsWith(X_ORIGIN)).map((p) => p.close().catch(() => undefined)));
  const exit = panel.getByTestId('current-step').getByRole('button', { name: 'Exit', exact: true });
  if (await exit.count().catch(() => 0)) await exit.click({ timeout: 5_000 }).catch(() => undefined);
}
