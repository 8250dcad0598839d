// Making sure there is a current Chrome build, and taking a private copy of it to measure.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Everything whose change can change the Chrome build. */
const SOURCE_DIRS = ['entrypoints', 'components', 'lib', 'styles', 'public', 'assets', 'modules'];
const SOURCE_FILES = ['wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows up only as a newer folder
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why the build at outDir needs redoing, or null when it is current. */
export function staleReason(root, outDir) {
  const manifest = path.join(outDir, 'manifest.json');
  if (!existsSync(manifest)) return `${path.relative(root, outDir)} is missing`;
  const built = statSync(manifest).mtimeMs;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => path.join(root, p));
  const changed = sources.find((p) => newestMtime(p) > built);
  return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

/**
 * Builds one Chrome flavour (what the bench measures), when asked or when stale: the production
 * build by default, or the end-to-end one with `env: { DF_E2E: '1' }` (wxt.config.ts writes it to
 * .output-e2e). `npm run build` would also build Edge and Firefox, which the bench never looks at.
 */
export function ensureBuild({ root, outDir, force, skip, log, label = 'Chrome', env = {} }) {
  const reason = force ? 'asked to (--build)' : skip ? null : staleReason(root, outDir);
  if (!reason) {
    log(`Using the existing ${label} build in ${path.relative(root, outDir)}${skip ? ' (--no-build)' : ''}.`);
    return { built: false };
  }
  const prefix = Object.entries(env).map(([k, v]) => `${k}=${v} `).join('');
  log(`Building ${label} (${reason}): ${prefix}npx wxt build -b chrome`);
  const started = Date.now();
  // Build output goes to stderr so stdout carries only the report.
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`wxt build (${label}) failed (exit ${result.status ?? result.signal}); fix it, or measure the existing build with --no-build`);
  }
  return { built: true, seconds: (Date.now() - started) / 1000 };
}

/** Files the manifest or a page's HTML refers to that are not in `dir`: used to check a copy is whole. */
function missingReferences(dir) {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return ['manifest.json'];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const refs = [
    manifest.action?.default_popup,
    manifest.side_panel?.default_path,
    manifest.background?.service_worker,
    manifest.options_page,
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter(Boolean);
  const missing = refs.filter((ref) => !existsSync(path.join(dir, ref))).map((ref) => `manifest.json → ${ref}`);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
    const html = readFileSync(path.join(dir, name), 'utf8');
    for (const [, ref] of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(ref)) continue;
      if (!existsSync(path.join(dir, ref.replace(/^\//, '')))) missing.push(`${name} → ${ref}`);
    }
  }
  return missing;
}

export const BLANK_PAGE = 'bench-blank.html';

/**
 * Copies the build to a temp folder so every measure reads one consistent snapshot (others may
 * rebuild .output while the bench runs) and production files are never touched. Given `readyMark`,
 * it also adds the blank baseline page. MV3's CSP forbids inline scripts, so the blank page's mark
 * comes from a module file.
 */
export function snapshotBuild({ outDir, readyMark = null }) {
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'df-bench-'));
    cpSync(outDir, dir, { recursive: true });
    const missing = missingReferences(dir);
    if (missing.length === 0) {
      if (readyMark !== null) addBlankPage(dir, readyMark);
      return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    }
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 5) throw new Error(`The build in ${outDir} is incomplete (${missing.join(', ')}); rebuild with --build`);
    // Someone else is probably rebuilding right now; give their build a moment to finish.
    spawnSync('sleep', ['3']);
  }
}

function addBlankPage(dir, readyMark) {
  writeFileSync(
    path.join(dir, BLANK_PAGE),
    '<!DOCTYPE html>\n<html lang="en-GB">\n  <head>\n    <meta charset="utf-8">\n    <title>Bench blank page</title>\n' +
      '    <script type="module" src="/bench-blank.js"></script>\n  </head>\n  <body></body>\n</html>\n',
  );
  writeFileSync(path.join(dir, 'bench-blank.js'), `performance.mark(${JSON.stringify(readyMark)});\n`);
}
