import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGET_HOST_PATTERNS } from '../../lib/sites/hosts';

/**
 * Pins what the BUILT manifests ask for, so any widening of permissions or attack surface is a
 * visible diff in review. Reads .output (and .output-e2e); `npm test` builds both first.
 */

const ROOT = join(import.meta.dirname, '..', '..');
type Manifest = Record<string, unknown> & { manifest_version: number };

function built(outDir: '.output' | '.output-e2e', target: 'chrome-mv3' | 'edge-mv3' | 'firefox-mv3'): Manifest {
  const path = join(ROOT, outDir, target, 'manifest.json');
  if (!existsSync(path)) {
    const command = outDir === '.output' ? 'npm run build' : 'npm run build:e2e';
    throw new Error(`${path} is missing. Run \`${command}\` first (\`npm test\` builds everything).`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const OPTIONAL_HOSTS = [...TARGET_HOST_PATTERNS];

describe.each(['chrome-mv3', 'edge-mv3'] as const)('%s manifest', (target) => {
  const manifest = () => built('.output', target);

  it('is Manifest V3', () => {
    expect(manifest().manifest_version).toBe(3);
  });

  it('asks for exactly these permissions', () => {
    expect(manifest().permissions).toEqual(['storage', 'scripting', 'alarms', 'notifications', 'unlimitedStorage', 'sidePanel']);
  });

  it('asks for no site at install: the target sites are optional, requested from a click', () => {
    expect(manifest()).not.toHaveProperty('host_permissions');
    expect(manifest().optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  });

  it('runs nothing in web pages by itself and exposes no files to them', () => {
    expect(manifest()).not.toHaveProperty('content_scripts');
    expect(manifest()).not.toHaveProperty('web_accessible_resources');
  });

  it('admits no other extension or web page as a messaging peer', () => {
    expect(manifest().externally_connectable).toEqual({ ids: [], matches: [] });
  });

  it('keeps the default (strict) extension page CSP', () => {
    expect(manifest()).not.toHaveProperty('content_security_policy');
  });
});

describe('firefox-mv3 manifest', () => {
  const manifest = () => built('.output', 'firefox-mv3');

  it('is Manifest V3 too (WXT would default Firefox to MV2)', () => {
    expect(manifest().manifest_version).toBe(3);
  });

  it('asks for exactly these permissions', () => {
    expect(manifest().permissions).toEqual(['storage', 'scripting', 'alarms', 'notifications', 'unlimitedStorage']);
  });

  it('asks for no site at install: the target sites are optional, requested from a click', () => {
    expect(manifest()).not.toHaveProperty('host_permissions');
    expect(manifest().optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  });

  it('runs nothing in web pages by itself, exposes no files, keeps the default CSP', () => {
    expect(manifest()).not.toHaveProperty('content_scripts');
    expect(manifest()).not.toHaveProperty('web_accessible_resources');
    expect(manifest()).not.toHaveProperty('content_security_policy');
  });

  it('has a fixed add-on id and declares that it collects no data', () => {
    expect(manifest().browser_specific_settings).toEqual({
      gecko: {
        id: 'digital-friend@digital-friend.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
  });
});

describe('end-to-end build', () => {
  it('differs from the Chrome build only by granting the target sites up front', () => {
    const { host_permissions: granted, ...rest } = built('.output-e2e', 'chrome-mv3');
    expect(granted).toEqual(OPTIONAL_HOSTS);
    expect(rest).toEqual(built('.output', 'chrome-mv3'));
  });
});
