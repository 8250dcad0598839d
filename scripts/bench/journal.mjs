// Journal timings (issue #4's budgets), in Chromium with the PRODUCTION build, with an empty journal
// and with 10,000 and 50,000 generated entries (scripts/bench/journal-data.mjs). See bench/README.md.
//
// Three browsers, each with its own profile and so its own IndexedDB 'digital-friend':
//   empty   nothing in the journal; at the end, the repo-level import of 10,000 entries
//   10000   filled by the timed import of 10,000 entries through the Transfer panel (UI); then
//           search, export and save are timed in it
//   50000   seeded through the product's repo.importAll (rows and search index in one transaction);
//           kept between runs in node_modules/.cache, checked before use
// The first-render opens rotate between the three, so machine noise hits all three alike.
//
// The in-page kit (scripts/bench/journal-kit.mjs, bundled with esbuild together with lib/journal,
// lib/db/schema.ts and lib/db/journal-repo.ts) is served from the extension's own origin as
// bench/journal.html in a private copy of the build. That copy also gets a fixed manifest "key",
// so its extension id, and with it the cached profile's database, is the same from run to run.
// The functions passed to addInitScript and page.evaluate run in the page, hence its globals:
/* global MutationObserver, document, performance */
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './speed.mjs';
import { median, percentile, round, timing } from './stats.mjs';

export const EMPTY = 'empty';
export const JOURNAL_SIZES = [10_000, 50_000];
/** The size the import, export and save budgets are set at. */
export const TRANSFER_SIZE = 10_000;
const DATASET_SEED = 4;
const QUERY_SEED = 7;
/** The generated export file's exportedAt (fixed, so the file is the same from run to run). */
const EXPORTED_AT = '2026-11-01T09:00:00.000Z';
const KIT_DIR = 'bench';
const KIT_PAGE = `${KIT_DIR}/journal.html`;
/**
 * A public key for the copy's manifest, so Chromium gives it the same id wherever the copy lives
 * (hafnenegmpfcgioegdkcodgehlilffop). Bench only: the measured build itself has no key.
 */
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApSbvDs5I7enVYbjkLDN60+SZ//DA2hBusL2wlnwx+dXB4dKJB45LXGlpPggp01bgkmz58JNYQFEADEqGuCVk+FH4BPREgOqnaMD9Dmo+/Rk5MZbVbaI3A3FYuM9tMAjMWyLNknJHQNSBrfTBQFRGuZL1W8DVZUnybZH+Jmv639AFMTy+41Al1l8L8Gp/NIDo/r1AEyNVkMadm/Gk6mCxNEW6V2LQ4ROwaWOiwU+00Jtr/PfsjVUEZk0J14qyya0t4sZLc3rfBWAHOwVsciwUk4j5Ip5wbOgMUkuJkWYXqIlVSyFR41sNQpoe0O7oia7isw/FjetEneen7ynITjnHbQIDAQAB';
/** What the stored rows depend on: a change to any of these makes the cached 50,000-entry profile stale. */
const DATASET_SOURCES = [
  'scripts/bench/journal-data.mjs',
  'lib/journal/entry.ts',
  'lib/journal/text.ts',
  'lib/journal/week.ts',
  'lib/journal/prompts.ts',
  'lib/db/migrations/index.ts',
  'lib/journal/search-index.ts',
  'lib/db/journal-repo.ts',
];
const CACHE_DIR = 'node_modules/.cache/digital-friend-bench';

/** Stable selectors in components/journal (no visible text, except the empty journal's message). */
export const SELECTORS = {
  entryCard: '.df-feed__item h3[id^="entry-"]', // VirtualFeed's article holding a rendered EntryCard
  count: '[data-testid="journal-count"]', // EntriesView's "N entries"
  searchInput: '#journal-search',
  searchButton: 'form[role="search"] button[type="submit"]',
  searchStatus: '[data-testid="journal-search-status"]',
  exportJson: 'button[aria-describedby$="-json-hint"]', // TransferPanel's "Export a file to import later"
  fileInput: 'input[type="file"][name="journalFile"]',
  checkFile: 'form:has(input[name="journalFile"]) button[type="submit"]',
  confirm: '[data-testid="import-confirm"]',
  importButton: '[data-testid="import-confirm"] .govuk-button-group button:not(.govuk-button--secondary)',
  importDone: '[data-testid="import-done"]',
  importErrors: '[data-testid="import-errors"]',
  importProgress: '[data-testid="import-progress"]',
};

const sizeLabel = (size) => (size === EMPTY ? 'empty journal' : `${size.toLocaleString('en-GB')} entries`);
const firstLine = (error) => String(error?.message ?? error).split('\n')[0];
const loadAverage = () => os.loadavg().map((n) => round(n, 2));

/** The message the journal shows when it has no entries, from the copy's own locale catalogue. */
function emptyJournalText(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const messages = JSON.parse(readFileSync(path.join(dir, '_locales', manifest.default_locale ?? 'en_GB', 'messages.json'), 'utf8'));
  const text = messages.journalNothingYet?.message;
  if (!text) throw new Error("No 'journalNothingYet' message in the build's locale catalogue");
  return text;
}

/** A private copy of the build with the kit page and a fixed key. */
async function prepareExtension({ root, snapshotDir }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'df-bench-journal-'));
  cpSync(snapshotDir, dir, { recursive: true });
  const bundle = await build({
    entryPoints: [path.join(root, 'scripts/bench/journal-kit.mjs')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(path.join(dir, KIT_DIR), { recursive: true });
  writeFileSync(path.join(dir, KIT_DIR, 'journal.js'), bundle.outputFiles[0].text);
  writeFileSync(
    path.join(dir, KIT_PAGE),
    '<!DOCTYPE html>\n<html lang="en-GB">\n  <head>\n    <meta charset="utf-8">\n    <title>Journal bench kit</title>\n' +
      `    <script src="/${KIT_DIR}/journal.js"></script>\n  </head>\n  <body></body>\n</html>\n`,
  );
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: EXTENSION_KEY }));
  return { dir, kitBytes: bundle.outputFiles[0].contents.length, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function datasetHash(root) {
  const hash = createHash('sha256');
  for (const file of DATASET_SOURCES) hash.update(file).update(readFileSync(path.join(root, file)));
  hash.update(String(DATASET_SEED));
  return hash.digest('hex').slice(0, 16);
}

/** The kit page in `browser`, open for the whole run: the bench's handle on the journal's database. */
async function openKit(browser, { name, log }) {
  const page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.text().startsWith('df-bench:')) log(`  ${name}: ${message.text().slice(10)}`);
  });
  await page.goto(`chrome-extension://${browser.extensionId}/${KIT_PAGE}`);
  await page.waitForFunction(() => Boolean(globalThis.dfJournal), null, { timeout: 20_000 });
  await page.evaluate(() => globalThis.dfJournal.ready());
  const call = (method, arg) => page.evaluate(([m, a]) => globalThis.dfJournal[m](a), [method, arg]);
  return { page, call };
}

/**
 * The cached profile for the 50,000-entry journal: reused when it was made from the same dataset
 * sources and Chromium, and its rows check out; otherwise made again.
 */
async function launchCached({ root, size, extensionDir, executablePath, useCache, log }) {
  const hash = datasetHash(root);
  const cacheRoot = path.join(root, CACHE_DIR);
  const profile = useCache ? path.join(cacheRoot, `journal-${size}`) : mkdtempSync(path.join(os.tmpdir(), 'df-bench-profile-'));
  const metaFile = path.join(cacheRoot, `journal-${size}.json`);
  const meta = useCache && existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, 'utf8')) : null;
  // Made from other dataset sources (or never finished): start again.
  if (useCache && meta?.hash !== hash) rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  let browser;
  try {
    browser = await launchBrowser({ extensionDir, executablePath, userDataDir: profile });
  } catch (error) {
    if (!useCache) throw error;
    // Locked by another bench run, or left unusable: measure in a fresh profile instead.
    log(`  The cached ${size.toLocaleString('en-GB')}-entry profile could not be opened (${firstLine(error)}); seeding a fresh one.`);
    return launchCached({ root, size, extensionDir, executablePath, useCache: false, log });
  }
  if (useCache && meta?.hash === hash && meta.chromium !== browser.version) {
    // Made by another Chromium: its database may be in an older on-disk format. Start again.
    await browser.context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(metaFile, { force: true });
    return launchCached({ root, size, extensionDir, executablePath, useCache, log });
  }
  const dispose = useCache ? () => {} : () => rmSync(profile, { recursive: true, force: true });
  const remember = () => {
    if (!useCache) return;
    mkdirSync(cacheRoot, { recursive: true });
    writeFileSync(metaFile, `${JSON.stringify({ hash, size, seed: DATASET_SEED, chromium: browser.version, seededAt: new Date().toISOString() }, null, 2)}\n`);
  };
  return { browser, profile: useCache ? path.relative(root, profile) : '(temporary)', remember, dispose };
}

/** Makes the journal hold exactly the dataset: reused if it checks out, else cleared and seeded. */
async function ensureDataset(kit, { size, log }) {
  const before = await kit.call('verify', { count: size, seed: DATASET_SEED });
  if (before.ok) return { seeded: false, verified: true };
  if (before.stored > 0) {
    log(`  The ${size.toLocaleString('en-GB')}-entry journal does not match the dataset (${before.stored} rows, mismatches ${before.mismatches.join(', ') || 'none'}); seeding again.`);
    await kit.call('clear');
  }
  log(`  Seeding ${size.toLocaleString('en-GB')} entries (repo.importAll; about a minute on a small VM, once)…`);
  const started = Date.now();
  const seeded = await kit.call('seed', { count: size, seed: DATASET_SEED });
  const after = await kit.call('verify', { count: size, seed: DATASET_SEED });
  if (!after.ok) throw new Error(`seeding ${size} entries left ${after.stored} rows (${after.live} live), mismatches ${after.mismatches.join(', ')}`);
  return { seeded: true, verified: true, seedSeconds: round((Date.now() - started) / 1000, 1), generateMs: round(seeded.generateMs, 0), writeMs: round(seeded.writeMs, 0) };
}

// ---------------------------------------------------------------------------------------------
// First render

/**
 * Runs in every journal tab before the page's own scripts (addInitScript): records, on the page's
 * clock, when the first entry card, the count, or the empty journal's message enters the DOM.
 */
function firstRenderProbe({ selectors, emptyText }) {
  const state = {};
  globalThis.__dfJournalBench = state;
  const observer = new MutationObserver(() => {
    const t = performance.now();
    if (state.entry === undefined && document.querySelector(selectors.entryCard)) state.entry = t;
    if (state.empty === undefined) {
      for (const p of document.querySelectorAll('p.govuk-body')) if (p.textContent === emptyText) state.empty = t;
    }
    if (state.count === undefined && document.querySelector(selectors.count)?.textContent.trim()) state.count = t;
    if (state.shown === undefined) state.shown = state.entry ?? state.empty;
    if (state.shown !== undefined && (state.count !== undefined || state.empty !== undefined)) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function openJournal(browser, { emptyText, mark, timeoutMs = 60_000 }) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.addInitScript(firstRenderProbe, { selectors: SELECTORS, emptyText });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#journal`);
    await page.waitForFunction(() => {
      const s = globalThis.__dfJournalBench;
      return s && s.shown !== undefined && (s.count !== undefined || s.empty !== undefined);
    }, null, { polling: 20, timeout: timeoutMs });
    return await page.evaluate((name) => ({ ...globalThis.__dfJournalBench, ready: globalThis.performance.getEntriesByName(name, 'mark')[0]?.startTime }), mark);
  } catch (error) {
    throw new Error(`the journal did not render within ${timeoutMs} ms${errors.length ? ` (page errors: ${errors.join(' | ')})` : ''}: ${firstLine(error)}`);
  } finally {
    await page.close();
  }
}

async function measureFirstRender({ browsers, runs, emptyText, mark, log }) {
  const keys = Object.keys(browsers);
  const samples = Object.fromEntries(keys.map((k) => [k, []]));
  for (const key of keys) await openJournal(browsers[key], { emptyText, mark }); // warm-up, not counted
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(r + i) % keys.length];
      samples[key].push(await openJournal(browsers[key], { emptyText, mark }));
    }
    log(`  first render: round ${r + 1}/${runs}`);
  }
  const out = {};
  for (const key of keys) {
    const list = samples[key];
    const populated = key !== EMPTY;
    out[key] = {
      ...timing(`side panel #journal, ${sizeLabel(key === EMPTY ? EMPTY : Number(key))}`, list.map((s) => s.shown)),
      p90Ms: round(percentile(list.map((s) => s.shown), 90), 2),
      readyMarkMedianMs: round(median(list.map((s) => s.ready).filter(Number.isFinite)), 2),
      countMedianMs: populated ? round(median(list.map((s) => s.count).filter(Number.isFinite)), 2) : null,
      /** Opens in which the ready mark came before the first entry (or the empty message). */
      markBeforeShown: list.filter((s) => s.ready < s.shown).length,
      /** A populated journal that flashed "You have not written anything yet" first. */
      emptyFlashes: populated ? list.filter((s) => s.empty !== undefined).length : 0,
    };
  }
  const base = out[EMPTY]?.medianMs;
  for (const key of keys) out[key].ratioToEmpty = Number.isFinite(base) ? round(out[key].medianMs / base, 2) : null;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Search

function searchSummary(samples) {
  const ms = samples.map((s) => s.ms);
  const byKind = {};
  for (const s of samples) (byKind[s.kind] ??= []).push(s.ms);
  return {
    queries: samples.length,
    ...timing('repo.search (limit 50)', ms),
    p50Ms: round(median(ms), 2),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { n: v.length, p50Ms: round(median(v), 1), p95Ms: round(percentile(v, 95), 1), maxMs: round(Math.max(...v), 1) }])),
    slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => ({ q: s.q, ms: round(s.ms, 1), matches: s.total })),
    samples: samples.map((s) => ({ kind: s.kind, q: s.q, ms: round(s.ms, 2), matches: s.total })),
  };
}

/** Submit → results: the search box in the side panel, timed on the page's clock. */
async function measureSearchUi(browser, queries) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#journal/search`);
    await page.waitForSelector(SELECTORS.searchInput);
    const values = [];
    for (const { q } of queries) {
      await page.evaluate(() => {
        globalThis.location.hash = '#journal/search?q=';
      });
      await page.waitForFunction((sel) => !globalThis.document.querySelector(sel)?.textContent.trim(), SELECTORS.searchStatus, { polling: 20 });
      await page.fill(SELECTORS.searchInput, q);
      await page.evaluate((selectors) => {
        const s = (globalThis.__dfSearch = {});
        const doc = globalThis.document;
        doc.addEventListener('submit', () => (s.submitted = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (s.submitted === undefined || !doc.querySelector(selectors.searchStatus)?.textContent.trim()) return;
          if (doc.querySelector(selectors.entryCard) || !doc.querySelector('[role="feed"]')) {
            s.done = performance.now();
            s.matches = doc.querySelectorAll(selectors.entryCard).length;
            observer.disconnect();
          }
        });
        observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
      }, SELECTORS);
      await page.click(SELECTORS.searchButton);
      await page.waitForFunction(() => globalThis.__dfSearch?.done !== undefined, null, { polling: 10, timeout: 60_000 });
      const s = await page.evaluate(() => globalThis.__dfSearch);
      values.push(s.done - s.submitted);
    }
    return { ...timing('search box: submit → results rendered', values), p50Ms: round(median(values), 2), queries: queries.map((q) => q.q) };
  } finally {
    await page.close();
  }
}

async function measureSearch({ kit, browser, size, uiEvery, log }) {
  const queries = await kit.call('queries', { count: size, seed: DATASET_SEED, querySeed: QUERY_SEED });
  const samples = await kit.page.evaluate((qs) => globalThis.dfJournal.search(qs), queries);
  const repo = searchSummary(samples);
  log(`  search at ${size.toLocaleString('en-GB')}: p50 ${repo.p50Ms} ms, p95 ${repo.p95Ms} ms, max ${repo.maxMs} ms over ${repo.queries} queries`);
  const accents = [];
  for (const [query, word] of [['cafe', 'café'], ['naive', 'naïve'], ['zoe', 'Zoë']]) accents.push(await kit.page.evaluate(([q, w]) => globalThis.dfJournal.accentCheck(q, w), [query, word]));
  // Every answer checked against a scan of the dataset: a fast wrong search is no use.
  const check = await kit.call('checkSearch', { count: size, seed: DATASET_SEED, queries });
  if (check.mismatchCount > 0) log(`  search at ${size.toLocaleString('en-GB')}: ${check.mismatchCount} answers differ from a scan, e.g. ${JSON.stringify(check.mismatches[0])}`);
  // The first search in a page that has not read the index yet, for the slowest two queries and a rare one.
  const cold = [];
  for (const q of [...repo.slowest.slice(0, 2).map((s) => s.q), queries.find((x) => x.kind === 'no match')?.q].filter(Boolean)) cold.push(await kit.call('coldSearch', q));
  let ui;
  try {
    ui = await measureSearchUi(browser, queries.filter((_, i) => i % uiEvery === 0));
    log(`  search box at ${size.toLocaleString('en-GB')}: p50 ${ui.p50Ms} ms, p95 ${ui.p95Ms} ms over ${ui.runs} queries`);
  } catch (error) {
    ui = { error: firstLine(error) };
  }
  return {
    repo,
    ui,
    accents,
    check,
    cold: cold.map((c) => ({ ...c, searchMs: round(c.searchMs, 1), baseReadMs: round(c.baseReadMs, 1) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Import and export

/** The Transfer panel's import: choose the file, Continue (read + validate), Import (one transaction). */
async function importThroughPanel(browser, file, { timeoutMs = 300_000 } = {}) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#journal/transfer`);
    await page.waitForSelector(SELECTORS.fileInput, { state: 'attached' });
    await page.setInputFiles(SELECTORS.fileInput, file);
    await page.evaluate((selectors) => {
      const s = (globalThis.__dfImport = { progress: [] });
      const doc = globalThis.document;
      doc.addEventListener(
        'click',
        (event) => {
          const t = performance.now();
          if (event.target.closest?.(selectors.checkFile)) s.checkAt ??= t;
          if (event.target.closest?.(selectors.importButton)) s.importAt ??= t;
        },
        { capture: true },
      );
      const observer = new MutationObserver(() => {
        const t = performance.now();
        if (s.confirmAt === undefined && doc.querySelector(selectors.confirm)) s.confirmAt = t;
        if (s.doneAt === undefined && doc.querySelector(selectors.importDone)) {
          s.doneAt = t;
          s.doneText = [...doc.querySelectorAll(`${selectors.importDone} :is(h4, p)`)].map((e) => e.textContent).join(' ');
        }
        const errors = doc.querySelector(selectors.importErrors);
        if (errors && s.errorAt === undefined) {
          s.errorAt = t;
          s.errorText = errors.textContent;
        }
        const progress = doc.querySelector(`${selectors.importProgress} p`)?.textContent ?? '';
        if (s.importAt !== undefined && progress && progress !== s.progress.at(-1)?.text) s.progress.push({ at: t - s.importAt, text: progress.slice(0, 80) });
      });
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    }, SELECTORS);
    await page.click(SELECTORS.checkFile);
    await page.waitForFunction(() => globalThis.__dfImport.confirmAt !== undefined || globalThis.__dfImport.errorAt !== undefined, null, { polling: 20, timeout: timeoutMs });
    let s = await page.evaluate(() => globalThis.__dfImport);
    if (s.errorAt !== undefined) throw new Error(`the panel refused the file: ${s.errorText.trim().slice(0, 300)}`);
    await page.click(SELECTORS.importButton);
    await page.waitForFunction(() => globalThis.__dfImport.doneAt !== undefined || globalThis.__dfImport.errorAt !== undefined, null, { polling: 20, timeout: timeoutMs });
    s = await page.evaluate(() => globalThis.__dfImport);
    if (s.errorAt !== undefined) throw new Error(`the import failed: ${s.errorText.trim().slice(0, 300)}`);
    return {
      checkMs: round(s.confirmAt - s.checkAt, 1),
      importMs: round(s.doneAt - s.importAt, 1),
      totalMs: round(s.confirmAt - s.checkAt + (s.doneAt - s.importAt), 1),
      banner: s.doneText.trim().replace(/\s+/g, ' ').slice(0, 200),
      progress: s.progress.map((p) => ({ atMs: round(p.at, 0), text: p.text })),
    };
  } finally {
    await page.close();
  }
}

/** The Transfer panel's JSON export, `runs` times: click → the browser's download event. */
async function exportThroughPanel(browser, runs, { timeoutMs = 120_000 } = {}) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#journal/transfer`);
    await page.waitForSelector(`${SELECTORS.exportJson}:enabled`);
    await page.evaluate((selector) => {
      globalThis.document.addEventListener(
        'click',
        (event) => {
          const s = globalThis.__dfExport;
          const at = performance.timeOrigin + performance.now();
          if (s && event.target.closest?.(selector)) s.clickAt ??= at;
          // lib/platform/files.ts startDownload: a hidden <a download> clicked once the Blob is ready.
          if (s && event.target.matches?.('a[download]')) s.linkAt ??= at;
        },
        { capture: true },
      );
    }, SELECTORS.exportJson);
    const toDownload = [];
    const toLink = [];
    let bytes = null;
    let entries = null;
    for (let run = 0; run < runs + 1; run++) {
      await page.waitForSelector(`${SELECTORS.exportJson}:enabled`);
      await page.evaluate(() => (globalThis.__dfExport = {}));
      const downloading = page.waitForEvent('download', { timeout: timeoutMs });
      await page.click(SELECTORS.exportJson);
      const download = await downloading;
      const eventAt = Date.now();
      const s = await page.evaluate(() => globalThis.__dfExport);
      const saved = await download.path();
      if (run === 0) {
        // The warm-up's file is checked: it should hold every entry.
        const text = readFileSync(saved, 'utf8');
        bytes = Buffer.byteLength(text);
        entries = JSON.parse(text).entries?.length ?? null;
      } else {
        toDownload.push(eventAt - s.clickAt);
        toLink.push(s.linkAt - s.clickAt);
      }
      await download.delete();
    }
    return { download: timing('export button clicked → download event', toDownload), link: timing('export button clicked → download link clicked (page clock)', toLink), bytes, entries };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Issue #4's journal measures; returns results.journal. `snapshotDir` is the production build's
 * snapshot; `options.journalRuns` opens per journal size for first render.
 */
export async function measureJournal({ root, snapshotDir, options, mark, log }) {
  const started = Date.now();
  const result = { build: 'production (.output/chrome-mv3)', mark, selectors: SELECTORS, load: { start: loadAverage() }, errors: [] };
  const extension = await prepareExtension({ root, snapshotDir });
  const emptyText = emptyJournalText(extension.dir);
  const launch = (userDataDir) => launchBrowser({ extensionDir: extension.dir, executablePath: options.chromium, userDataDir });
  const opened = [];
  let cached;
  const attempt = async (id, run) => {
    try {
      result[id] = await run();
    } catch (error) {
      result[id] = { error: firstLine(error) };
      result.errors.push(`journal ${id} not measured: ${firstLine(error)}`);
    }
  };
  try {
    const [empty, ten] = await Promise.all([launch(''), launch('')]);
    opened.push(empty, ten);
    cached = await launchCached({ root, size: JOURNAL_SIZES[1], extensionDir: extension.dir, executablePath: options.chromium, useCache: options.journalCache, log });
    opened.push(cached.browser);
    const browsers = { [EMPTY]: empty, [JOURNAL_SIZES[0]]: ten, [JOURNAL_SIZES[1]]: cached.browser };
    const kits = {};
    for (const [key, browser] of Object.entries(browsers)) kits[key] = await openKit(browser, { name: sizeLabel(key === EMPTY ? EMPTY : Number(key)), log });
    result.extensionId = empty.extensionId;
    result.kitBytes = extension.kitBytes;

    // The datasets: what they hold, and the 50,000-entry one in place (cached, or seeded now).
    const big = JOURNAL_SIZES[1];
    result.datasets = {};
    for (const size of JOURNAL_SIZES) result.datasets[size] = { seed: DATASET_SEED, ...(await kits[size].call('describe', { count: size, seed: DATASET_SEED })) };
    result.datasets[big] = { ...result.datasets[big], profile: cached.profile, ...(await ensureDataset(kits[big], { size: big, log })) };
    cached.remember();

    // Import 10,000 through the Transfer panel into the empty 10,000 browser: the import budget,
    // and how that journal gets its entries. The file is what the product's export writes.
    const fileDir = mkdtempSync(path.join(os.tmpdir(), 'df-bench-file-'));
    try {
      const file = path.join(fileDir, `digital-friend-journal-${TRANSFER_SIZE}.json`);
      writeFileSync(file, await kits[TRANSFER_SIZE].call('exportFileText', { count: TRANSFER_SIZE, seed: DATASET_SEED, exportedAt: EXPORTED_AT }));
      result.importFile = { entries: TRANSFER_SIZE, bytes: statSync(file).size };
      log(`Journal: importing ${TRANSFER_SIZE.toLocaleString('en-GB')} entries through the Transfer panel…`);
      await attempt('importUi', () => importThroughPanel(ten, file));
    } finally {
      rmSync(fileDir, { recursive: true, force: true });
    }
    const check = await kits[TRANSFER_SIZE].call('verify', { count: TRANSFER_SIZE, seed: DATASET_SEED });
    result.datasets[TRANSFER_SIZE].filledBy = 'the Transfer panel import';
    if (!check.ok) {
      result.errors.push(`after the panel's import the ${TRANSFER_SIZE}-entry journal held ${check.stored} rows (mismatches ${check.mismatches.join(', ') || 'none'}); seeded it directly`);
      Object.assign(result.datasets[TRANSFER_SIZE], { filledBy: 'raw seeding (the import did not give the dataset)' }, await ensureDataset(kits[TRANSFER_SIZE], { size: TRANSFER_SIZE, log }));
    }

    log(`Journal: first render, 1 warm-up + ${options.journalRuns} rounds (empty, ${JOURNAL_SIZES.map((s) => s.toLocaleString('en-GB')).join(', ')})…`);
    await attempt('firstRender', () => measureFirstRender({ browsers, runs: options.journalRuns, emptyText, mark, log: (m) => process.stderr.isTTY && log(m) }));

    result.search = {};
    for (const size of JOURNAL_SIZES) {
      log(`Journal: search at ${size.toLocaleString('en-GB')} entries…`);
      try {
        result.search[size] = await measureSearch({ kit: kits[size], browser: browsers[size], size, uiEvery: 10, log });
      } catch (error) {
        result.search[size] = { error: firstLine(error) };
        result.errors.push(`journal search at ${size} not measured: ${firstLine(error)}`);
      }
    }

    log(`Journal: export, save and import at ${TRANSFER_SIZE.toLocaleString('en-GB')} entries…`);
    const exportRuns = options.journalExportRuns;
    await attempt('exportUi', () => exportThroughPanel(ten, exportRuns));
    await attempt('exportRepo', async () => {
      await kits[TRANSFER_SIZE].call('exportRepo'); // warm-up
      const runs = [];
      for (let i = 0; i < exportRuns; i++) runs.push(await kits[TRANSFER_SIZE].call('exportRepo'));
      return {
        ...timing('repo.all() + JSON.stringify + Blob', runs.map((r) => r.totalMs)),
        readMs: round(median(runs.map((r) => r.readMs)), 1),
        stringifyMs: round(median(runs.map((r) => r.stringifyMs)), 1),
        blobMs: round(median(runs.map((r) => r.blobMs)), 1),
        entries: runs[0].entries,
        bytes: runs[0].bytes,
      };
    });
    await attempt('save', async () => {
      const { update, create } = await kits[TRANSFER_SIZE].call('save', { n: 50, warmup: 3 });
      const after = await kits[TRANSFER_SIZE].call('verify', { count: TRANSFER_SIZE, seed: DATASET_SEED });
      if (!after.ok) result.errors.push(`the save measure did not leave the ${TRANSFER_SIZE}-entry journal as it was (${after.stored} rows)`);
      return { entries: TRANSFER_SIZE, update: timing('repo.update (autosave of the text)', update), create: timing('repo.create', create) };
    });
    if (options.journalProfile) {
      // Where import time goes: the same rows written with fewer indexes, into throwaway databases.
      log('Journal: write profile (--journal-profile)…');
      await attempt('writeProfile', async () => {
        // Schema v3's entries indexes, then none.
        const out = [];
        for (const indexes of [['week', '*tags', 'deletedAt'], []]) {
          const r = await kits[EMPTY].call('writeProbe', { count: TRANSFER_SIZE, seed: DATASET_SEED, indexes });
          out.push({ indexes: r.indexes, rows: r.rows, writeMs: round(r.writeMs, 0), wordsMs: round(r.wordsMs, 0), buildMs: round(r.buildMs, 0), baseChars: r.baseChars });
        }
        return out;
      });
    }
    // Last, into the empty journal (its first-render samples are taken already).
    await attempt('importRepo', async () => {
      const r = await kits[EMPTY].call('importRepo', { count: TRANSFER_SIZE, seed: DATASET_SEED, exportedAt: EXPORTED_AT });
      if (r.stored !== TRANSFER_SIZE) throw new Error(`importAll left ${r.stored} rows, not ${TRANSFER_SIZE}`);
      return { entries: TRANSFER_SIZE, bytes: r.bytes, parseMs: round(r.parseMs, 1), importAllMs: round(r.importMs, 1), totalMs: round(r.totalMs, 1), added: r.added };
    });
  } catch (error) {
    result.errors.push(`journal not measured: ${firstLine(error)}`);
  } finally {
    await Promise.all(opened.map((b) => b.context.close().catch(() => {})));
    cached?.dispose();
    extension.dispose();
    result.load.end = loadAverage();
    result.seconds = round((Date.now() - started) / 1000, 1);
  }
  return result;
}

export { sizeLabel };
