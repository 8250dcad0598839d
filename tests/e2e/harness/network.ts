import { readFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { SITE_FIXTURES_DIR } from './paths';

/**
 * Serving the target sites from tests/fixtures/sites at their real URLs, and keeping everything
 * else off the network.
 *
 * - `blockExternalRequests(context)` aborts every http(s) request that no fixture route answers.
 *   Call it first: Playwright tries routes newest first, so fixture routes added later win.
 * - `routeSite(context, url, file, { csp, headers })` serves one file at one URL glob.
 * - `serveSite(context, 'x')` serves a whole site described by tests/fixtures/sites/x/site.json.
 *
 * URL globs match scheme, host and path; the query string and hash are ignored.
 * `*` matches within one path segment and `**` across segments, so `https://x.com/**` is the
 * whole site and `https://x.com/i/*` one level under /i/.
 */

export interface RouteOptions {
  /** Content-Security-Policy header for HTML responses (the page's policy). */
  csp?: string;
  /** Extra response headers, for every response of the route. */
  headers?: Record<string, string>;
  /** HTTP status, 200 unless told. */
  status?: number;
  /** Overrides the content type guessed from the file extension. */
  contentType?: string;
}

/** tests/fixtures/sites/<name>/site.json */
export interface SiteDefinition {
  /** Why this site looks the way it does, with sources. Not used by the harness. */
  $comment?: string | string[];
  /** Content-Security-Policy sent with every HTML response of the site. */
  csp?: string;
  /** Headers sent with every response of the site. */
  headers?: Record<string, string>;
  /** URL glob → file, relative to the site's folder. The first glob that matches wins. */
  routes: Record<string, string>;
}

export interface BlockedRequests {
  /** URLs aborted because no fixture route answered them, in order. */
  readonly urls: string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Turns a URL glob into a test on `origin + pathname`. */
export function urlGlob(glob: string): (url: URL) => boolean {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`);
  return (url) => re.test(`${url.origin}${url.pathname}`);
}

const isWeb = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/**
 * Aborts any http(s) request that no fixture route answered, so no test ever depends on, or
 * leaks to, the real network. The launch flags add a dead proxy behind this, for requests
 * Playwright cannot see (service worker fetches, the browser's own).
 */
export async function blockExternalRequests(context: BrowserContext): Promise<BlockedRequests> {
  const blocked: BlockedRequests = { urls: [] };
  await context.route(isWeb, (route) => {
    blocked.urls.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return blocked;
}

function fulfilFrom(route: Route, file: string, options: RouteOptions): Promise<void> {
  const contentType = options.contentType ?? contentTypeFor(file);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'cache-control': 'no-store',
    ...options.headers,
  };
  if (options.csp && contentType.startsWith('text/html')) headers['content-security-policy'] = options.csp;
  return route.fulfill({ status: options.status ?? 200, headers, body: readFileSync(file) });
}

const resolveFixture = (file: string, base = SITE_FIXTURES_DIR) => (isAbsolute(file) ? file : join(base, file));

/**
 * Serves `fixturePath` (relative to tests/fixtures/sites) for every request matching `url`.
 * Returns a function that removes the route.
 */
export async function routeSite(
  context: BrowserContext,
  url: string,
  fixturePath: string,
  options: RouteOptions = {},
): Promise<() => Promise<void>> {
  const file = resolveFixture(fixturePath);
  readFileSync(file); // Fail here, with the path, rather than as a mysterious network error later.
  const matches = urlGlob(url);
  const handler = (route: Route) => fulfilFrom(route, file, options);
  const predicate = (u: URL) => matches(u);
  await context.route(predicate, handler);
  return () => context.unroute(predicate, handler);
}

export function loadSite(name: string): SiteDefinition {
  const path = join(SITE_FIXTURES_DIR, name, 'site.json');
  return JSON.parse(readFileSync(path, 'utf8')) as SiteDefinition;
}

/**
 * Serves every route of tests/fixtures/sites/<name>/site.json (or of a definition passed in),
 * with the site's CSP and headers. Returns a function that removes the routes.
 */
export async function serveSite(
  context: BrowserContext,
  site: string | { name: string; definition: SiteDefinition },
): Promise<() => Promise<void>> {
  const name = typeof site === 'string' ? site : site.name;
  const definition = typeof site === 'string' ? loadSite(site) : site.definition;
  const folder = join(SITE_FIXTURES_DIR, name);
  const table = Object.entries(definition.routes).map(([glob, file]) => {
    const path = resolveFixture(file, folder);
    readFileSync(path);
    return { matches: urlGlob(glob), path };
  });
  const find = (url: URL) => table.find((entry) => entry.matches(url));
  const predicate = (url: URL) => find(url) !== undefined;
  const handler = (route: Route) => {
    const entry = find(new URL(route.request().url()));
    if (!entry) return route.fallback();
    return fulfilFrom(route, entry.path, { csp: definition.csp, headers: definition.headers });
  };
  await context.route(predicate, handler);
  return () => context.unroute(predicate, handler);
}
