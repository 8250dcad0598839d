#!/usr/bin/env node
// `npm run bench`: how big and how fast Digital Friend is, next to driver.js and shepherd.js.
// Builds Chrome when the build is missing or older than the sources, measures a private copy of
// it, writes bench/results.json and prints the tables. Always exits 0 when it could measure, even
// if budgets are missed: it is a report, not a gate. See bench/README.md.
//
//   npm run bench [-- --build | --no-build] [-- --runs 15]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild, snapshotBuild } from './bench/build.mjs';
import { BASELINE_ID, REFERENCE_ID, budgets, sizeMeasures, speedProbes } from './bench/measures.mjs';
import { formatReport } from './bench/report.mjs';
import { launchBrowser, runProbes, summarise } from './bench/speed.mjs';
import { round } from './bench/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.output/chrome-mv3');
const resultsFile = path.join(root, 'bench/results.json');

function parseArgs(argv) {
  const options = { build: false, noBuild: false, runs: 15, chromium: process.env.CHROME_PATH || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--build') options.build = true;
    else if (flag === '--no-build') options.noBuild = true;
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--chromium') options.chromium = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: npm run bench [-- --build | --no-build] [--runs N] [--chromium PATH]');
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]} (try --help)`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs needs a whole number ≥ 1');
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

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const mark = readyMarkName();
  ensureBuild({ root, outDir, force: options.build, skip: options.noBuild, log });
  const snapshot = snapshotBuild({ outDir, readyMark: mark });
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
    runs: options.runs,
    reference: REFERENCE_ID,
    baseline: BASELINE_ID,
    sizes: {},
    speed: {},
    budgets: [],
    errors: [],
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
        results.errors.push(`speed not measured: ${error.message.split('\n')[0]}`);
      } finally {
        await browser?.context.close();
      }
    }
  } finally {
    snapshot.dispose();
  }

  for (const b of budgets) {
    const value = b.value(results);
    const measured = Number.isFinite(value);
    results.budgets.push({ name: b.name, value: measured ? value : null, unit: b.unit, budget: b.budget, met: measured ? value <= b.budget : null });
  }

  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `Digital Friend bench, ${results.date}\nChromium ${results.chromium ?? '(not run)'} · ${results.machine.cpus} × ${results.machine.model} · ${results.machine.platform}\n`,
  );
  console.log(formatReport(results, { referenceId: REFERENCE_ID, baselineId: BASELINE_ID }));
  console.log(`\nWritten to ${path.relative(process.cwd(), resultsFile)}`);
  // Failing to measure is an error; missing a budget is not (the report says MISSED).
  const failed = results.errors.length > 0 || Object.values(results.speed).some((s) => s.error);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
