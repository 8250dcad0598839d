import { defineConfig } from 'wxt';
import { TARGET_HOST_PATTERNS } from './lib/sites/hosts';

/**
 * Two flavours of the same extension:
 * - the production build (default) asks for every target site at run time, from the user's click;
 * - the end-to-end build (`DF_E2E=1`) grants the fixture hosts up front, because automation cannot
 *   click Chrome's permission prompt (issue #3). It is written to its own folder so it can never be
 *   zipped for a store by mistake.
 */
const e2e = process.env.DF_E2E === '1';

export default defineConfig({
  // Explicit imports only: lint rules and readers can see every dependency (ARCHITECTURE.md).
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output-e2e' : '.output',
  // Firefox builds as MV3 too (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en_GB',
    action: { default_title: '__MSG_actionTitle__' },
    // alarms + notifications: the weekly reflection prompt (#4). unlimitedStorage: the browser must
    // never evict the journal.
    permissions: ['storage', 'scripting', 'alarms', 'notifications', 'unlimitedStorage'],
    optional_host_permissions: [...TARGET_HOST_PATTERNS],
    ...(e2e ? { host_permissions: [...TARGET_HOST_PATTERNS] } : {}),
    // Without this key any other extension may message us; with empty lists nobody can.
    ...(browser === 'firefox' ? {} : { externally_connectable: { ids: [], matches: [] } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'digital-friend@digital-friend.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    define: {
      'import.meta.env.DF_GUIDE_SHADOW': JSON.stringify(e2e ? 'open' : 'closed'),
    },
    css: {
      preprocessorOptions: {
        scss: {
          // govuk-frontend's partials are found by path; its own deprecation notices are not ours.
          loadPaths: ['node_modules'],
          quietDeps: true,
        },
      },
    },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.output-e2e/**', 'bench/results.json', 'test-results/**', '.ci-logs/**'],
  },
});
