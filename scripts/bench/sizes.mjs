// Size measures: gzip -9 of the JavaScript and CSS a page or script loads, and of reference
// libraries bundled the way a consumer would ship them.
import { Buffer } from 'node:buffer';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** One row of the size table, from a list of { path, content } files. */
export function sizeRow({ id, label, kind, files, note }) {
  const described = files.map((f) => ({
    path: f.path,
    type: f.type ?? (f.path.endsWith('.css') ? 'css' : 'js'),
    raw: Buffer.byteLength(f.content),
    gzip: gzipBytes(f.content),
  }));
  const sum = (type, key) => described.filter((f) => f.type === type).reduce((n, f) => n + f[key], 0);
  const js = sum('js', 'gzip');
  const css = sum('css', 'gzip');
  return {
    id,
    label,
    kind, // 'entry' (ours) or 'reference' (a library we compare with)
    js,
    css,
    total: js + css,
    raw: { js: sum('js', 'raw'), css: sum('css', 'raw') },
    files: described.map(({ path: p, gzip, raw }) => ({ path: p, gzip, raw })),
    ...(note ? { note } : {}),
  };
}

/** esbuild's metafile inputs for everything `entries` import, statically or with `import()`. */
async function importGraph(dir, entries) {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'out',
    logLevel: 'silent',
  });
  return result.metafile.inputs;
}

/** Files reachable from `entries` in an import graph; `dynamic` also follows `import()` edges. */
function walk(inputs, entries, { dynamic }) {
  const seen = new Set();
  const queue = entries.map((e) => path.normalize(e));
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of inputs[file]?.imports ?? []) {
      if (edge.external) continue;
      if (edge.kind === 'import-statement' || (dynamic && edge.kind === 'dynamic-import')) queue.push(edge.path);
    }
  }
  return seen;
}

/**
 * The JS modules reachable from `entries` inside the build folder. With `dynamic: false` only static
 * `import`/`export … from` edges are followed: areas behind `import()` load lazily, after first paint.
 * esbuild's metafile tells the two kinds apart, so no hand-written parsing of minified code.
 */
export async function reachableModules(dir, entries, { dynamic }) {
  if (entries.length === 0) return [];
  return [...walk(await importGraph(dir, entries), entries, { dynamic })].sort();
}

/**
 * The stylesheets Vite loads together with a lazy chunk: `import("./X.js"),__vite__mapDeps([i, …])`
 * in the importing chunk indexes its `m.f=[…]` file list, which names the chunk's CSS.
 */
function viteCssDeps(dir, importer, chunk) {
  const text = readFileSync(path.join(dir, importer), 'utf8');
  const files = /m\.f=(\[[^\]]*\])/.exec(text)?.[1];
  const name = path.basename(chunk).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const indices = new RegExp(`import\\(["'][^"']*${name}["']\\)\\s*,\\s*__vite__mapDeps\\(\\[([\\d,\\s]*)\\]`).exec(text)?.[1];
  if (!files || !indices) return [];
  const list = JSON.parse(files);
  return indices
    .split(',')
    .map((i) => list[Number(i)])
    .filter((f) => typeof f === 'string' && f.endsWith('.css') && existsSync(path.join(dir, f)));
}

/** The scripts and stylesheets an extension page's HTML loads directly. */
export function htmlAssets(dir, htmlName) {
  const html = readFileSync(path.join(dir, htmlName), 'utf8');
  const scripts = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const ref = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!ref || /^[a-z]+:/i.test(ref)) continue;
    const file = ref.replace(/^\//, '');
    if (tag.startsWith('<script')) scripts.push(file);
    else if (/rel="stylesheet"/.test(tag)) styles.push(file);
    else if (/rel="modulepreload"/.test(tag)) scripts.push(file);
  }
  return { scripts, styles };
}

export const read = (dir, file) => ({ path: file, content: readFileSync(path.join(dir, file)) });

/**
 * An extension page's initial JS and CSS: what its HTML loads plus everything statically imported
 * from there. `preload` names lazy chunks (by their source module's name, e.g. 'LearnArea') that the
 * page imports before its first render: each counts with its own static imports and the CSS Vite
 * loads with it. With `lazy: true`, every chunk behind `import()` counts, with the CSS they pull in.
 */
export async function pageFiles(dir, htmlName, { lazy = false, preload = [] } = {}) {
  const { scripts, styles } = htmlAssets(dir, htmlName);
  if (scripts.length === 0) return styles.map((f) => read(dir, f));
  const inputs = await importGraph(dir, scripts);
  const initial = walk(inputs, scripts, { dynamic: false });
  const css = new Set(styles);
  const preloaded = [];
  for (const name of preload) {
    const pattern = new RegExp(`(^|/)${name}-[\\w-]+\\.js$`);
    const found = [...initial].flatMap((importer) =>
      (inputs[importer]?.imports ?? [])
        .filter((edge) => edge.kind === 'dynamic-import' && !edge.external && pattern.test(edge.path))
        .map((edge) => ({ importer, chunk: edge.path })),
    );
    if (found.length === 0) throw new Error(`${htmlName} has no import() of a chunk named ${name}-*.js to count as preloaded`);
    for (const { importer, chunk } of found) {
      preloaded.push(chunk);
      for (const f of viteCssDeps(dir, importer, chunk)) css.add(f);
    }
  }
  const modules = [...walk(inputs, [...scripts, ...preloaded], { dynamic: lazy })].sort();
  if (lazy) {
    // Vite lists a lazy chunk's stylesheets in __vite__mapDeps and loads them with the chunk.
    for (const m of modules) {
      for (const [, ref] of readFileSync(path.join(dir, m), 'utf8').matchAll(/["'/]((?:assets|chunks)\/[^"'\s]+\.css)["']/g)) {
        if (existsSync(path.join(dir, ref))) css.add(ref);
      }
    }
  }
  return [...modules, ...[...css].sort()].map((f) => read(dir, f));
}

/** A script with its static imports (the background worker, a content script). */
export async function scriptFiles(dir, file) {
  const modules = await reachableModules(dir, [file], { dynamic: false });
  return modules.map((f) => read(dir, f));
}

/**
 * Scripts that run in web pages, as { id, label, files }: content scripts WXT wrote under
 * content-scripts/ (name.js and name.css), and unlisted scripts at the top of the build that the
 * background injects with scripting.executeScript (e.g. guide.js). Files with the same name are one row.
 */
export function pageScripts(dir, { exclude = [] } = {}) {
  const rows = new Map();
  const add = (id, label, file) => {
    const row = rows.get(id) ?? { id, label, files: [] };
    row.files.push(file);
    rows.set(id, row);
  };
  const folder = path.join(dir, 'content-scripts');
  if (existsSync(folder)) {
    for (const file of readdirSync(folder).sort()) {
      const name = /^(.+)\.(js|css)$/.exec(file)?.[1];
      if (name) add(`content:${name}`, `content script: ${name}`, `content-scripts/${file}`);
    }
  }
  for (const file of readdirSync(dir).sort()) {
    const name = /^(.+)\.js$/.exec(file)?.[1];
    if (name && !exclude.includes(file)) add(`script:${name}`, `injected script: ${name}`, file);
  }
  return [...rows.values()];
}

/** Extension pages at the top of the build (name.html). */
export const htmlPages = (dir) => readdirSync(dir).filter((f) => f.endsWith('.html')).sort();

/**
 * The default `build.target` ('baseline-widely-available') of the Vite that WXT 0.21 builds with
 * (7.x), so libraries are compiled for the same browsers as our own chunks.
 */
const BROWSER_TARGET = ['chrome107', 'edge107', 'firefox104', 'safari16'];

/**
 * A library as an app would ship it: its whole public ESM API bundled with its dependencies,
 * minified, plus its stylesheet minified. Legal comments are dropped, as in our own chunks.
 */
export async function libraryFiles(root, { name, entry, css }) {
  const js = await build({
    absWorkingDir: root,
    stdin: { contents: entry, resolveDir: root, loader: 'js', sourcefile: `${name}-entry.js` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: BROWSER_TARGET,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const files = [{ path: `${name} (bundled)`, type: 'js', content: Buffer.from(js.outputFiles[0].contents) }];
  for (const cssFile of css) {
    const out = await build({
      absWorkingDir: root,
      entryPoints: [cssFile],
      bundle: true,
      minify: true,
      target: BROWSER_TARGET,
      legalComments: 'none',
      write: false,
      outdir: 'out',
      logLevel: 'silent',
    });
    files.push({ path: `${path.relative(root, cssFile)} (minified)`, type: 'css', content: Buffer.from(out.outputFiles[0].contents) });
  }
  return files;
}
