import { expect, test } from './fixtures';

// The harness serves static copies of the target sites at their real URLs, with their CSP.
// This file proves it on X's home timeline (tests/fixtures/sites/x).

const COMPOSER = 'div[data-testid="tweetTextarea_0"][role="textbox"][contenteditable="true"]';
const POST_BUTTON = 'button[data-testid="tweetButtonInline"]';

test('x.com/home is served from the fixture, with X-style CSP, and the composer mounts late', async ({ sites, page }) => {
  await sites.serve('x');

  const response = await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' });
  expect(response?.status()).toBe(200);
  const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'unsafe-inline' https://*.twimg.com https://x.com 'nonce-abc'");
  expect(await page.title()).toBe('Home / X');

  // The shell comes first: React root, primary column, the side nav's Post link; no composer yet.
  await page.locator('#react-root [data-testid="primaryColumn"]').waitFor();
  expect(await page.locator('a[data-testid="SideNav_NewTweet_Button"]').getAttribute('href')).toBe('/compose/post');
  expect(await page.locator(COMPOSER).count()).toBe(0);

  // Then, later, the composer, inside the primary column, with its Post button disabled.
  await page.locator(`[data-testid="primaryColumn"] ${COMPOSER}`).waitFor();
  const [shell, composer] = await page.evaluate(() =>
    ['x-fixture:shell', 'x-fixture:composer'].map((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN),
  );
  expect(composer! - shell!).toBeGreaterThanOrEqual(700);
  expect(await page.locator(POST_BUTTON).getAttribute('aria-disabled')).toBe('true');
});

test('the X fixture behaves like X: typing enables Post, posting shows the toast', async ({ sites, page }) => {
  await sites.serve('x');
  await page.goto('https://x.com/home?composerDelay=0');

  const editor = page.locator(COMPOSER);
  await editor.click();
  await page.keyboard.type('Hello from the fixture');
  await expect.poll(() => page.locator(POST_BUTTON).getAttribute('aria-disabled')).toBeNull();
  expect(await page.locator('.public-DraftEditorPlaceholder-root').isVisible()).toBe(false);

  await page.locator(POST_BUTTON).click();
  expect(await page.locator('[data-testid="toast"][role="alert"]').textContent()).toContain('Your post was sent.');
  expect(await page.locator(POST_BUTTON).getAttribute('aria-disabled')).toBe('true');
  expect(await page.locator('article[data-testid="tweet"] [data-testid="tweetText"]').first().textContent()).toBe('Hello from the fixture');
});

test('the compose modal opens from the side nav and at /compose/post', async ({ sites, page }) => {
  await sites.serve('x');
  await page.goto('https://x.com/home?composerDelay=0');
  await page.locator('a[data-testid="SideNav_NewTweet_Button"]').click();
  expect(new URL(page.url()).pathname).toBe('/compose/post');
  const dialog = page.locator('#layers [role="dialog"][aria-modal="true"]');
  await dialog.locator(COMPOSER).waitFor();
  expect(await dialog.locator('button[data-testid="tweetButton"]').getAttribute('aria-disabled')).toBe('true');

  await page.goto('https://x.com/compose/post?composerDelay=0');
  await dialog.locator(COMPOSER).waitFor();
});

test("the page's CSP blocks an inline script without the nonce, and allows one with it", async ({ sites, page, extensionErrors }) => {
  await sites.serve('x');
  await page.goto('https://x.com/home?composerDelay=0');
  const mark = extensionErrors.mark();

  const withoutNonce = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; directive: string; blocked: string }>((resolve) => {
        const w = window as unknown as Record<string, unknown>;
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve({ ran: w.__inlineRan === true, directive: event.effectiveDirective, blocked: event.blockedURI }),
          { once: true },
        );
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.append(script);
      }),
  );
  expect(withoutNonce).toEqual({ ran: false, directive: 'script-src-elem', blocked: 'inline' });

  const withNonce = await page.evaluate(() => {
    const script = document.createElement('script');
    script.nonce = 'abc';
    script.textContent = 'window.__nonceRan = true';
    document.body.append(script);
    return (window as unknown as Record<string, unknown>).__nonceRan === true;
  });
  expect(withNonce).toBe(true);
  // The page's own nonce'd inline state script ran too.
  expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__INITIAL_STATE__)).toBe('object');
  // The violation is the site's console error, not the extension's.
  expect(extensionErrors.since(mark)).toEqual([]);
});

test('requests no fixture answers are aborted and listed, never sent', async ({ page, blockedRequests }) => {
  const error = await page.goto('https://example.org/anything').then(
    () => null,
    (e: unknown) => String(e),
  );
  expect(error).toMatch(/ERR_BLOCKED_BY_CLIENT/);
  expect(blockedRequests.urls).toContain('https://example.org/anything');
});

test('routeSite serves any fixture file at any URL, with the CSP and headers asked for', async ({ sites, page }) => {
  await sites.route('https://www.linkedin.com/feed/**', 'x/home.html', {
    csp: "script-src 'none'",
    headers: { 'x-fixture': 'yes' },
  });
  const response = await page.goto('https://www.linkedin.com/feed/?shareActive=true');
  const headers = await response!.allHeaders();
  expect(headers['content-type']).toBe('text/html; charset=utf-8');
  expect(headers['content-security-policy']).toBe("script-src 'none'");
  expect(headers['x-fixture']).toBe('yes');
  // script-src 'none': the X app never runs, so the shell stays empty.
  expect(await page.locator('#react-root').innerHTML()).toBe('');
});

test("one test's routes do not leak into the next", async ({ page, blockedRequests }) => {
  await expect(page.goto('https://x.com/home')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
  expect(blockedRequests.urls).toContain('https://x.com/home');
});
