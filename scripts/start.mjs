#!/usr/bin/env node
// `npm start`: builds the Chrome flavour and opens Chromium with Digital Friend loaded, in a
// throwaway profile kept under .output/ so your own browser profile is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const build = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browser = candidates.find((p) => p && existsSync(p));
if (!browser) {
  console.error('No Chromium found. Install it (Debian: apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}
const extension = path.resolve('.output/chrome-mv3');
const profile = path.resolve('.output/chromium-profile');
mkdirSync(profile, { recursive: true });
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
];
if (process.getuid?.() === 0) args.push('--no-sandbox');
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.log('No display found: starting Chromium headless so you can still check that it loads.');
  args.push('--headless=new', '--remote-debugging-port=9222');
}
console.log(`Opening ${browser} with ${extension}`);
spawn(browser, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
