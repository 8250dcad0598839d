import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The end-to-end flavour of the Chrome build: target sites granted up front (wxt.config.ts).
 * DF_E2E_EXTENSION_DIR points elsewhere, e.g. at a copy that a parallel `npm run build` cannot
 * wipe halfway through a run.
 */
export const E2E_EXTENSION_DIR = process.env.DF_E2E_EXTENSION_DIR ?? join(ROOT, '.output-e2e', 'chrome-mv3');

/** Static copies of the target sites, served at their real URLs by `serveSite` / `routeSite`. */
export const SITE_FIXTURES_DIR = join(ROOT, 'tests', 'fixtures', 'sites');

/** Fails with the command to run, rather than skipping: a missing build must never look green. */
export function requireBuild(dir: string, command: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`${command}\` first (\`npm test\` does it for you).`);
  }
  return dir;
}
