#!/usr/bin/env node
// `npm run bench`: how big and how fast Digital Friend is, next to driver.js and shepherd.js.
// Builds Chrome (and its end-to-end flavour, for the guide timings) when a build is missing or older
// than the sources, measures private copies of them, writes bench/results.json and prints the
// tables. Always exits 0 when it could measure, even if budgets are missed: it is a report, not a
// gate. See bench/README.md.
//
//   npm run bench [-- --build | --no-build] [--runs 15] [--trials 50] [--start-runs 12]
//                 [--scroll-passes 4] [--no-guide] [--journal-runs 12] [--export-runs 3]
//                 [--no-journal] [--no-journal-cache] [--journal-profile]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild, snapshotBuild } from './bench/build.mjs';
import { FIXTURE_CSP, assertEndToEndBuild, guideFacts, launchGuideBrowser, resetGuide } from './bench/guide.mjs';
import { BASELINE_ID, REFERENCE_ID, budgets, guideMeasures, sizeMeasures, speedProbes } from './bench/measures.mjs';
import { measureJournal } from './bench/journal.mjs';
import { formatReport } from './bench/report.mjs';
import { launchBrowser, runProbes, summarise } from './bench/speed.mjs';
import { round } from './bench/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.output/chrome-mv3');
const e2eOutDir = path.join(root, '.output-e2e/chrome-mv3');
const resultsFile = path.join(root, 'bench/results.json');

function parseArgs(argv) {
  const options = {
    build: false,
    noBuild: false,
    runs: 15,
    trials: 50,
    startRuns: 12,
    scrollPasses: 4,
    guide: true,
    journal: true,
    journalRuns: 12,
    journalExportRuns: 3,
    journalCache: true,
    journalProfile: false,
    chromium: process.env.CHROME_PATH || '/usr/bin/chromium',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--build') options.build = true;
    else if (flag === '--no-build') options.noBuild = true;
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--trials') options.trials = Number(value());
    else if (flag === '--start-runs') options.startRuns = Number(value());
    else if (flag === '--scroll-passes') options.scrollPasses = Number(value());
    else if (flag === '--no-guide') options.guide = false;
    else if (flag === '--no-journal') options.journal = false;
    else if (flag === '--journal-runs') options.journalRuns = Number(value());
    else if (flag === '--export-runs') options.journalExportRuns = Number(value());
    else if (flag === '--no-journal-cache') options.journalCache = false;
    else if (flag === '--journal-profile') options.journalProfile = true;
    else if (flag === '--chromium') options.chromium = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(
        'Usage: npm run bench [-- --build | --no-build] [--runs N] [--trials N] [--start-runs N] [--scroll-passes N] [--no-guide]\n' +
          '                     [--journal-runs N] [--export-runs N] [--no-journal] [--no-journal-cache] [--journal-profile] [--chromium PATH]',
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]} (try --help)`);
  }
  for (const [flag, key] of [
    ['--runs', 'runs'],
    ['--trials', 'trials'],
    ['--start-runs', 'startRuns'],
    ['--scroll-passes', 'scrollPasses'],
    ['--journal-runs', 'journalRuns'],
    ['--export-runs', 'journalExportRuns'],
  ]) {
    if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`${flag} needs a whole number ≥ 1`);
  }
  return options;
}

/** The mark name, read from the product so the two can never drift apart. */
function readyMarkName() {
  const source = readFileSync(path.join(root, 'components/common/readyMark.ts'), 'utf8');
  const name = /READY_MARK\s*=\s*['"]([^'"]+)['"]/.exec(source)?.[1];
  if (!name) throw new Error('Could not find READY_MARK in components/common/readyMark.ts');
  return name;
}

const log = (message) => console.error(message); // progress on stderr, the report on stdout
const firstLine = (error) => error.message.split('\n')[0];

/** Issue #3's guide timings, in the end-to-end build; fills results.guide, or results.errors. */
async function measureGuide(results, { snapshotDir, options }) {
  results.guide = { build: path.relative(root, e2eOutDir), fixture: 'bench/fixtures/x-bench.html at https://x.com/home', csp: FIXTURE_CSP };
  log(`Timing the guide in ${results.guide.build} (the end-to-end build)…`);
  const progress = (m) => process.stderr.isTTY && log(m);
  let browser;
  try {
    const facts = guideFacts(root);
    Object.assign(results.guide, { lesson: facts.lesson.id, mark: facts.mark });
    browser = await launchGuideBrowser({ root, extensionDir: snapshotDir, executablePath: options.chromium });
    for (const measure of guideMeasures) {
      try {
        results.guide[measure.id] = await measure.run({ context: browser.context, panel: browser.panel, facts, options, log: progress });
      } catch (error) {
        results.guide[measure.id] = { error: firstLine(error) };
        results.errors.push(`guide ${measure.id} not measured: ${firstLine(error)}`);
        await resetGuide(browser);
      }
    }
    results.guide.blockedRequests = browser.blocked;
  } catch (error) {
    results.errors.push(`guide not measured: ${firstLine(error)}`);
  } finally {
    await browser?.context.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const mark = readyMarkName();
  const started = Date.now();
  ensureBuild({ root, outDir, force: options.build, skip: options.noBuild, log });
  const snapshot = snapshotBuild({ outDir, readyMark: mark });
  // The guide timings need the end-to-end flavour: it holds x.com up front, so no permission prompt.
  let e2eSnapshot = null;
  let e2eError = null;
  if (options.guide) {
    try {
      ensureBuild({ root, outDir: e2eOutDir, force: options.build, skip: options.noBuild, log, label: 'Chrome (end-to-end flavour)', env: { DF_E2E: '1' } });
      e2eSnapshot = snapshotBuild({ outDir: e2eOutDir });
      assertEndToEndBuild(e2eSnapshot.dir);
    } catch (error) {
      e2eError = `guide not measured: ${firstLine(error)}`;
    }
  }
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString(),
    chromium: null,
    node: process.version,
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? 'unknown',
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      memoryGB: round(os.totalmem() / 2 ** 30, 1),
    },
    // Load average (1, 5, 15 min) when the bench started and ended: other work on the machine inflates every timing.
    load: { start: os.loadavg().map((n) => round(n, 2)), end: null },
    runs: options.runs,
    seconds: null,
    reference: REFERENCE_ID,
    baseline: BASELINE_ID,
    sizes: {},
    speed: {},
    journal: null,
    guide: null,
    budgets: [],
    errors: e2eError ? [e2eError] : [],
  };

  try {
    log('Measuring sizes…');
    const env = { root, dir: snapshot.dir };
    for (const measure of sizeMeasures) {
      try {
        for (const row of await measure(env)) results.sizes[row.id] = row;
      } catch (error) {
        results.errors.push(`size measure failed: ${error.message}`);
      }
    }
    const reference = results.sizes[REFERENCE_ID]?.total;
    for (const row of Object.values(results.sizes)) row.ratioToReference = reference ? round(row.total / reference, 2) : null;

    if (!existsSync(options.chromium)) {
      results.errors.push(`No Chromium at ${options.chromium} (set CHROME_PATH or --chromium): speed not measured`);
    } else {
      log(`Timing pages in ${options.chromium}: 1 warm-up + ${options.runs} rounds…`);
      let browser;
      try {
        browser = await launchBrowser({ extensionDir: snapshot.dir, executablePath: options.chromium });
        results.chromium = browser.version;
        const probes = speedProbes({ mark });
        const { samples, failures } = await runProbes(probes, browser, {
          runs: options.runs,
          log: (m) => process.stderr.isTTY && log(m),
        });
        const baseline = probes.find((p) => p.id === BASELINE_ID);
        const baselineMedian = summarise(baseline, samples[BASELINE_ID], null, NaN).medianMs;
        for (const probe of probes) results.speed[probe.id] = summarise(probe, samples[probe.id], failures[probe.id], baselineMedian);
      } catch (error) {
        results.errors.push(`speed not measured: ${firstLine(error)}`);
      } finally {
        await browser?.context.close();
      }
      if (options.journal) {
        log('Timing the journal (issue #4) in the production build…');
        try {
          results.journal = await measureJournal({ root, snapshotDir: snapshot.dir, options, mark, log });
          results.errors.push(...results.journal.errors);
        } catch (error) {
          results.errors.push(`journal not measured: ${firstLine(error)}`);
        }
      }
      if (e2eSnapshot) await measureGuide(results, { snapshotDir: e2eSnapshot.dir, options });
    }
  } finally {
    snapshot.dispose();
    e2eSnapshot?.dispose();
  }

  for (const b of budgets) {
    const value = b.value(results);
    const limit = typeof b.budget === 'function' ? b.budget(results) : b.budget;
    const measured = Number.isFinite(value) && Number.isFinite(limit);
    results.budgets.push({
      name: b.name,
      value: Number.isFinite(value) ? value : null,
      unit: b.unit,
      budget: Number.isFinite(limit) ? limit : null,
      met: measured ? value <= limit : null,
    });
  }
  results.seconds = round((Date.now() - started) / 1000, 1);
  results.load.end = os.loadavg().map((n) => round(n, 2));

  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `Digital Friend bench, ${results.date}\nChromium ${results.chromium ?? '(not run)'} · ${results.machine.cpus} × ${results.machine.model} · ${results.machine.platform}\n` +
      `Load average at start ${results.load.start.join(', ')} · at end ${results.load.end.join(', ')} (1, 5, 15 min)\n`,
  );
  console.log(formatReport(results, { referenceId: REFERENCE_ID, baselineId: BASELINE_ID }));
  console.log(`\nWritten to ${path.relative(process.cwd(), resultsFile)}`);
  // Failing to measure is an error; missing a budget is not (the report says MISSED).
  const failed = results.errors.length > 0 || Object.values(results.speed).some((s) => s.error);
  log(`Bench took ${results.seconds} s.`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
