#!/usr/bin/env node
// `npm test`: builds what the end-to-end suites load, runs every Vitest project (unit, component,
// e2e, e2e-firefox), and ends with one line of totals, `N passed, N failed`, which CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let failedSteps = 0;
const step = (label, status) => {
  if (status !== 0) {
    failedSteps += 1;
    console.error(`\n✖ ${label} failed (exit ${status})`);
  }
  return status;
};

step('build (chrome, edge, firefox)', run('npm', ['run', '-s', 'build']));
step('build (end-to-end flavour)', run('npm', ['run', '-s', 'build:e2e']));

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  // A suite that failed to load has no tests to count; count it as one failure so it is seen.
  failed = (json.numFailedTests ?? 0) + (json.testResults ?? []).filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
} else if (vitestStatus !== 0) {
  failed = 1;
}
failed += failedSteps;
if (vitestStatus !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
