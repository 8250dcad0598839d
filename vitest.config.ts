import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One runner, four projects, one set of totals (scripts/test.mjs prints them).
export default defineConfig(async () => ({
  test: {
    projects: [
      {
        plugins: [await WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/fake-browser.ts'],
          globals: true,
        },
      },
      {
        plugins: [await WxtVitest()],
        resolve: {
          // WXT's mock of `wxt/browser` imports the whole `wxt/testing` entry, which loads esbuild,
          // and esbuild refuses to start under jsdom (its TextEncoder returns another realm's
          // Uint8Array; wxt-dev/wxt#1575). The fake browser on its own is all the mock needs.
          alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
        },
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/fake-browser.ts', 'tests/setup/dom.ts'],
          globals: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: this machine has two cores and CI runs alone.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globals: true,
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          // Like e2e: projects without file parallelism share Vitest's one sequential group, so a
          // Firefox never runs beside a Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globals: true,
        },
      },
    ],
  },
}));
