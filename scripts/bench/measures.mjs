// What `npm run bench` measures. To add a measure, add an entry to one of these lists:
// - sizeMeasures: async ({ root, dir }) => rows (see sizeRow); a row with id 'driver.js' is the yardstick.
// - speedProbes: { id, label, sample(env) => ms }, timed in interleaved rounds against the blank page.
// - guideMeasures: { id, run({ context, panel, facts, options, log }) => object }, run in the end-to-end
//   build with the bench fixture at https://x.com/home (scripts/bench/guide.mjs); stored as results.guide[id].
// - The journal's measures (issue #4) live in scripts/bench/journal.mjs and fill results.journal.
// - budgets: { name, unit: 'bytes' | 'ms' | '×' | any, budget, value(results) }, met when value ≤ budget.
//   `budget` may be a function of the results too (a limit measured in the same run).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BLANK_PAGE } from './build.mjs';
import { htmlPages, libraryFiles, pageFiles, pageScripts, read, scriptFiles, sizeRow } from './sizes.mjs';
import { measureInsertion, measureScroll, measureStart } from './guide.mjs';
import { JOURNAL_SIZES, TRANSFER_SIZE } from './journal.mjs';
import { extensionPageProbe } from './speed.mjs';

export const REFERENCE_ID = 'driver.js';
export const BASELINE_ID = 'blank';

const page = (id, label, html, options) => async ({ dir }) => [
  sizeRow({ id, label, kind: 'entry', files: await pageFiles(dir, html, options) }),
];

const library = (id, entry, css) => async ({ root }) => [
  sizeRow({
    id,
    label: `${id} (reference)`,
    kind: 'reference',
    files: await libraryFiles(root, { name: id, entry, css: css.map((c) => path.join(root, c)) }),
  }),
];

const NAMED_PAGES = ['popup.html', 'sidepanel.html', 'welcome.html', BLANK_PAGE];

/**
 * The area the side panel opens on when it has no hash: Learn, areaFromHash's home area
 * (components/sidepanel/areas.ts). entrypoints/sidepanel/main.tsx awaits that area's chunk
 * (preloadArea) before the first render, so the chunk is part of the panel's initial download.
 */
const OPENING_AREA = 'learn';

/** The chunk name of the opening area's `import()`, read from components/sidepanel/areaViews.ts. */
function openingAreaChunk(root) {
  const source = readFileSync(path.join(root, 'components/sidepanel/areaViews.ts'), 'utf8');
  const target = new RegExp(`\\b${OPENING_AREA}:\\s*\\(\\)\\s*=>\\s*import\\(\\s*['"]([^'"]+)['"]`).exec(source)?.[1];
  if (!target) throw new Error(`Could not find the ${OPENING_AREA} area's import() in components/sidepanel/areaViews.ts`);
  return path.basename(target).replace(/\.[jt]sx?$/, '');
}

export const sizeMeasures = [
  page('popup', 'popup', 'popup.html'),
  // Initial = the HTML's files and their static imports, plus the opening area's chunk (and its
  // static imports and CSS), which the panel loads before it first renders.
  async ({ root, dir }) => [
    sizeRow({
      id: 'sidepanel',
      label: 'side panel (initial, with Learn)',
      kind: 'entry',
      files: await pageFiles(dir, 'sidepanel.html', { preload: [openingAreaChunk(root)] }),
    }),
  ],
  // For context only: the side panel with every lazily loaded area, as after visiting them all.
  page('sidepanel-all', 'side panel (all areas)', 'sidepanel.html', { lazy: true }),
  page('welcome', 'welcome', 'welcome.html'),
  // Any other extension page (e.g. the offline practice copies), initial load.
  async ({ dir }) =>
    Promise.all(
      htmlPages(dir)
        .filter((f) => !NAMED_PAGES.includes(f))
        .map(async (f) => {
          const name = f.replace(/\.html$/, '');
          return sizeRow({ id: `page:${name}`, label: `page: ${name}`, kind: 'entry', files: await pageFiles(dir, f) });
        }),
    ),
  async ({ dir }) => [sizeRow({ id: 'background', label: 'background', kind: 'entry', files: await scriptFiles(dir, 'background.js') })],
  // Scripts that run inside web pages: the guide, whether WXT emits it as a content script
  // (content-scripts/guide.js → 'content:guide') or as an injected unlisted script (guide.js → 'script:guide').
  async ({ dir }) =>
    Promise.all(
      pageScripts(dir, { exclude: ['background.js', 'bench-blank.js'] }).map(async ({ id, label, files }) => {
        const scripts = await Promise.all(files.filter((f) => f.endsWith('.js')).map((f) => scriptFiles(dir, f)));
        const styles = files.filter((f) => f.endsWith('.css')).map((f) => read(dir, f));
        return sizeRow({ id, label, kind: 'entry', files: [...scripts.flat(), ...styles] });
      }),
    ),
  library(REFERENCE_ID, "export * from 'driver.js';", ['node_modules/driver.js/dist/driver.css']),
  library('shepherd.js', "export * from 'shepherd.js';\nexport { default } from 'shepherd.js';", [
    'node_modules/shepherd.js/dist/css/shepherd.css',
  ]),
];

export const speedProbes = ({ mark }) => [
  extensionPageProbe({ id: BASELINE_ID, label: 'blank extension page', page: BLANK_PAGE, mark }),
  extensionPageProbe({ id: 'popup', label: 'popup', page: 'popup.html', mark }),
  extensionPageProbe({ id: 'sidepanel', label: 'side panel', page: 'sidepanel.html', mark }),
];

// Issue #3's guide measures, in the order they run. Each gets a fresh x.com tab (or several).
export const guideMeasures = [
  {
    id: 'insertion',
    run: ({ context, panel, facts, options, log }) => measureInsertion({ context, panel, facts, trials: options.trials, warmup: 5, log }),
  },
  { id: 'start', run: ({ context, panel, facts, options, log }) => measureStart({ context, panel, facts, runs: options.startRuns, log }) },
  {
    id: 'scroll',
    run: ({ context, panel, facts, options, log }) => measureScroll({ context, panel, facts, passes: options.scrollPasses, steps: 100, nodes: 5000, log }),
  },
];

const journal = (r) => r.journal ?? {};

const scrollExcess = (r) => r.guide?.scroll?.overlay && r.guide.scroll.control && r.guide.scroll.overlay.longTasks - r.guide.scroll.control.longTasks;

export const budgets = [
  { name: 'popup JS+CSS gzipped', unit: 'bytes', budget: 100 * 1024, value: (r) => r.sizes.popup?.total },
  { name: 'side panel initial JS+CSS gzipped (with Learn)', unit: 'bytes', budget: 150 * 1024, value: (r) => r.sizes.sidepanel?.total },
  // Issue #3: the guide must be no bigger than driver.js, measured in the same run.
  { name: 'guide script ≤ driver.js JS+CSS gzipped', unit: 'bytes', budget: (r) => r.sizes[REFERENCE_ID]?.total, value: (r) => r.sizes['script:guide']?.total },
  { name: 'popup first render, median', unit: 'ms', budget: 100, value: (r) => r.speed.popup?.medianMs },
  { name: 'side panel first render, median', unit: 'ms', budget: 150, value: (r) => r.speed.sidepanel?.medianMs },
  // Issue #3: a late target is drawn within one frame at 60 Hz.
  { name: 'target inserted → spotlight, median', unit: 'ms', budget: 16.7, value: (r) => r.guide?.insertion?.ours?.medianMs },
  { name: 'Start clicked → first spotlight, median', unit: 'ms', budget: 300, value: (r) => r.guide?.start?.medianMs },
  // Issue #3: no long task caused by the overlay while scrolling; the control run is the baseline.
  { name: 'long tasks scrolling 5,000 nodes: overlay − control', unit: 'long tasks', budget: 0, value: scrollExcess },
  // Issue #4: the journal, with 10,000 and 50,000 generated entries (scripts/bench/journal.mjs).
  // First render must not grow with the journal: the first page and the count only, never every entry.
  ...JOURNAL_SIZES.map((size) => ({
    name: `journal first render, ${size.toLocaleString('en-GB')} entries ÷ empty journal (median)`,
    unit: '×',
    budget: 1.2,
    value: (r) => journal(r).firstRender?.[size]?.ratioToEmpty,
  })),
  { name: 'journal search p95, 10,000 entries (repo.search)', unit: 'ms', budget: 20, value: (r) => journal(r).search?.[10_000]?.repo?.p95Ms },
  { name: 'journal search p95, 50,000 entries (repo.search)', unit: 'ms', budget: 50, value: (r) => journal(r).search?.[50_000]?.repo?.p95Ms },
  { name: 'journal save: update (autosave) p95, 10,000 entries', unit: 'ms', budget: 20, value: (r) => journal(r).save?.update?.p95Ms },
  { name: 'journal save: create p95, 10,000 entries', unit: 'ms', budget: 20, value: (r) => journal(r).save?.create?.p95Ms },
  { name: `journal import ${TRANSFER_SIZE.toLocaleString('en-GB')} (panel: Import → success)`, unit: 'ms', budget: 3000, value: (r) => journal(r).importUi?.importMs },
  { name: `journal export ${TRANSFER_SIZE.toLocaleString('en-GB')} (panel: click → download), median`, unit: 'ms', budget: 1000, value: (r) => journal(r).exportUi?.download?.medianMs },
];
