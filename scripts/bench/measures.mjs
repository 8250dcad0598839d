// What `npm run bench` measures. To add a measure, add an entry to one of these lists:
// - sizeMeasures: async ({ root, dir }) => rows (see sizeRow); a row with id 'driver.js' is the yardstick.
// - speedProbes: { id, label, sample(env) => ms }, timed in interleaved rounds against the blank page.
// - budgets: { name, unit: 'bytes' | 'ms' | '×' | any, budget, value(results) }, met when value ≤ budget.
import path from 'node:path';
import { BLANK_PAGE } from './build.mjs';
import { htmlPages, libraryFiles, pageFiles, pageScripts, read, scriptFiles, sizeRow } from './sizes.mjs';
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

export const sizeMeasures = [
  page('popup', 'popup', 'popup.html'),
  page('sidepanel', 'side panel (initial)', 'sidepanel.html'),
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

export const budgets = [
  { name: 'popup JS+CSS gzipped', unit: 'bytes', budget: 100 * 1024, value: (r) => r.sizes.popup?.total },
  { name: 'side panel initial JS+CSS gzipped', unit: 'bytes', budget: 150 * 1024, value: (r) => r.sizes.sidepanel?.total },
  { name: 'popup first render, median', unit: 'ms', budget: 100, value: (r) => r.speed.popup?.medianMs },
  { name: 'side panel first render, median', unit: 'ms', budget: 150, value: (r) => r.speed.sidepanel?.medianMs },
];
