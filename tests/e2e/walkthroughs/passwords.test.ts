import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import { describeViolations, WCAG_TAGS } from '../harness/axe';
import { text } from '../harness/messages';
import { expect, test } from '../fixtures';
import { GuideOverlay } from '../pages/GuideOverlay';
import { LearnArea } from '../pages/LearnArea';

/**
 * The password-manager walkthroughs, end to end: started from Learn, run on the Bitwarden fixture
 * (hash routing, CDK overlay menus and dialogs, the vault's strict CSP, its extension's top-layer
 * autofill menu) and the LastPass fixture (the vault in a same-origin iframe#newvault). The
 * person's part is played with real clicks and typing. Throughout, the guide must never point at
 * a password field; the browser's own password manager is a lesson to read in the side panel.
 */

/** Pages the walkthroughs open, closed after each test. */
const opened: Page[] = [];

test.beforeEach(async ({ clearStorage, clearDatabases }) => {
  // No walkthrough left running from an earlier test: Start is disabled while one runs.
  await clearStorage();
  // No progress either, or Start would resume a walkthrough an earlier test left half done.
  await clearDatabases();
});

afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

async function startLive(learn: LearnArea, lessonId: string): Promise<{ site: Page; guide: GuideOverlay }> {
  const site = await learn.startLive(lessonId);
  opened.push(site);
  return { site, guide: new GuideOverlay(site) };
}

type Box = { x: number; y: number; width: number; height: number };

/** Every visible password field in the page and its same-origin frames, in top-viewport pixels. */
async function passwordFieldBoxes(site: Page): Promise<Box[]> {
  const boxes: Box[] = [];
  const frames: Frame[] = site.frames();
  for (const frame of frames) {
    const fields = frame.locator('input[type="password"]');
    for (let i = 0; i < (await fields.count()); i += 1) {
      const box = await fields.nth(i).boundingBox();
      if (box && box.width > 0 && box.height > 0) boxes.push(box);
    }
  }
  return boxes;
}

/**
 * Whether the spotlight is drawn around a password field: it hugs the field (the guide draws it
 * 6 px outside its target) rather than a larger control that merely contains one.
 */
async function spotlightOnAPasswordField(site: Page, guide: GuideOverlay): Promise<boolean> {
  const spot = await guide.spotlightBox();
  if (!spot) return false;
  return (await passwordFieldBoxes(site)).some(
    (b) => Math.abs(spot.left - b.x) <= 16 && Math.abs(spot.top - b.y) <= 16 && Math.abs(spot.left + spot.width - (b.x + b.width)) <= 16 && Math.abs(spot.top + spot.height - (b.y + b.height)) <= 16,
  );
}

/** Waits for step n, then checks that the spotlight (if any) is not on a password field. */
async function atStep(site: Page, guide: GuideOverlay, n: number, total: number): Promise<void> {
  await guide.waitForStep(n, total);
  // The spotlight moves on the frame after the step changes.
  await site.waitForTimeout(100);
  expect(await spotlightOnAPasswordField(site, guide), `step ${n}: the spotlight is on a password field`).toBe(false);
}

/** Whether the callout is what a click at its centre would reach: on top of everything else. */
async function calloutOnTop(site: Page): Promise<boolean> {
  return site.evaluate(() => {
    const host = document.querySelector('digital-friend-guide');
    const callout = host?.shadowRoot?.querySelector('.c');
    if (!callout) return false;
    const r = callout.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host;
  });
}

// ---- Bitwarden -----------------------------------------------------------------------------------------

async function addBitwardenLogin(site: Page, guide: GuideOverlay): Promise<void> {
  await atStep(site, guide, 1, 7);
  const newButton = site.locator('button#newItemDropdown');
  expect(await guide.spotlightSurrounds(newButton)).toBe(true);
  await newButton.click();

  // The menu is mounted into the CDK overlay container only now.
  await atStep(site, guide, 2, 7);
  const login = site.locator('.cdk-overlay-container [role="menu"]').getByRole('menuitem', { name: 'Login' });
  expect(await guide.spotlightSurrounds(login)).toBe(true);
  await login.click();

  await atStep(site, guide, 3, 7);
  const form = site.locator('form#cipherForm');
  await form.getByLabel('Item name').fill('');
  await form.getByLabel('Item name').pressSequentially('Civil Service HR');

  await atStep(site, guide, 4, 7);
  await form.getByLabel('Username', { exact: true }).click();
  await site.keyboard.type('a.person@example.gov.uk');
  // Bitwarden's own extension opens its autofill menu in the top layer by the field; the guide
  // must still be on top of it and usable.
  await site.waitForFunction(() => (window as unknown as { __bwExtensionMenu: Element }).__bwExtensionMenu.matches(':popover-open'));
  await expect.poll(() => calloutOnTop(site)).toBe(true);

  await atStep(site, guide, 5, 7);
  const generate = form.locator('[data-testid="generate-password-button"]');
  expect(await guide.spotlightSurrounds(generate)).toBe(true);
  await generate.click();

  await atStep(site, guide, 6, 7);
  await form.getByLabel('Website (URI)').click();
  await site.keyboard.type('https://www.civilservicehr.gov.uk');

  await atStep(site, guide, 7, 7);
  const save = site.locator('button[type="submit"][form="cipherForm"]');
  expect(await guide.spotlightSurrounds(save)).toBe(true);
  await save.click();

  await guide.waitForFinished();
  const saved = await site.evaluate(() => (window as unknown as { __bwFixture: { items(): { name: string; username: string; uri: string }[] } }).__bwFixture.items());
  expect(saved).toContainEqual({ name: 'Civil Service HR', username: 'a.person@example.gov.uk', uri: 'https://www.civilservicehr.gov.uk' });
}

test('bitwarden-add-login: a person saves a login, letting Bitwarden make the password, and is never pointed at the password box', async ({ sites, sidePanel }) => {
  await sites.serve('bitwarden');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'bitwarden-add-login');
  expect(site.url()).toBe('https://vault.bitwarden.com/#/vault');
  await addBitwardenLogin(site, guide);
});

test('bitwarden-generate-password: a person opens the generator, makes a passphrase and copies it; the value itself is never pointed at', async ({ sites, sidePanel }) => {
  await sites.serve('bitwarden');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'bitwarden-generate-password');

  await atStep(site, guide, 1, 5);
  const link = site.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generator' });
  expect(await guide.spotlightSurrounds(link)).toBe(true);
  await link.click();

  // Hash routing: #/vault → #/tools/generator completes the step.
  await atStep(site, guide, 2, 5);
  expect(site.url()).toBe('https://vault.bitwarden.com/#/tools/generator');
  expect(await guide.spotlightSurrounds(site.locator('bit-toggle-group'))).toBe(true);
  // The generator route renders once after its loading state (the fixture marks it); only then
  // is the toggle the person presses the one that stays on screen.
  await site.waitForFunction(() => performance.getEntriesByName('bw-fixture:route').length >= 2);
  const passphrase = site.locator('bit-toggle-group input[value="passphrase"]');
  await site.locator('bit-toggle-group').getByText('Passphrase', { exact: true }).click();
  await expect.poll(() => passphrase.isChecked()).toBe(true);
  await guide.nextButton.click();

  await atStep(site, guide, 3, 5);
  const regenerate = site.getByRole('button', { name: 'Generate passphrase' });
  expect(await guide.spotlightSurrounds(regenerate)).toBe(true);
  expect(await guide.spotlightSurrounds(site.locator('bit-color-password'), 300)).toBe(false);
  await regenerate.click();

  await atStep(site, guide, 4, 5);
  const copy = site.getByRole('button', { name: 'Copy passphrase' });
  expect(await guide.spotlightSurrounds(copy)).toBe(true);
  await copy.click();

  await atStep(site, guide, 5, 5);
  await guide.finishButton.click();
  await guide.waitForFinished();
});

test('bitwarden-two-step: a person turns on an authenticator app; the master-password check is pointed at as a whole dialog, never its password box', async ({ sites, sidePanel }) => {
  await sites.serve('bitwarden');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'bitwarden-two-step');
  expect(site.url()).toBe('https://vault.bitwarden.com/#/settings/security/two-factor');

  await atStep(site, guide, 1, 7);
  await guide.nextButton.click();

  await atStep(site, guide, 2, 7);
  const manage = site.getByRole('listitem').filter({ hasText: 'Authenticator app' }).getByRole('button', { name: 'Manage' });
  expect(await guide.spotlightSurrounds(manage)).toBe(true);
  await manage.click();

  await atStep(site, guide, 3, 7);
  const check = site.locator('.cdk-overlay-container bit-dialog');
  expect(await guide.spotlightSurrounds(check)).toBe(true);
  // The person types their master password themselves; the walkthrough only said where.
  await check.getByLabel('Master password').fill('correct horse battery staple');
  expect(await spotlightOnAPasswordField(site, guide)).toBe(false);
  await check.getByRole('button', { name: 'Continue' }).click();

  // The check gives way to the authenticator dialog: its QR code appearing completes step 3.
  await atStep(site, guide, 4, 7);
  expect(await guide.spotlightSurrounds(site.locator('canvas#qr'))).toBe(true);
  await guide.nextButton.click();

  await atStep(site, guide, 5, 7);
  await site.getByLabel('Verification code').fill('123456');
  const turnOn = site.getByRole('button', { name: 'Turn on' });
  expect(await guide.spotlightSurrounds(turnOn)).toBe(true);
  await turnOn.click();

  await atStep(site, guide, 6, 7);
  const close = site.locator('.cdk-overlay-container bit-dialog header').getByRole('button', { name: 'Close' });
  expect(await guide.spotlightSurrounds(close)).toBe(true);
  await close.click();

  await atStep(site, guide, 7, 7);
  expect(await guide.spotlightSurrounds(site.getByRole('button', { name: 'View recovery code' }))).toBe(true);
  await guide.finishButton.click();
  await guide.waitForFinished();
  expect(await site.evaluate(() => (window as unknown as { __bwFixture: { twoStep: { authenticator: boolean } } }).__bwFixture.twoStep.authenticator)).toBe(true);
});

test("Bitwarden's strict CSP: the guide shows, styled, and causes no CSP violation", async ({ sites, sidePanel, context }) => {
  // Record every CSP violation in the page from its very first script on.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: { directive: string; blocked: string; sample: string }[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  await sites.serve('bitwarden');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'bitwarden-add-login');
  const consoleCsp: string[] = [];
  site.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  // The policy the page runs under: style-src with hashes and no 'unsafe-inline'.
  const csp = await site.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy') ?? ''));
  expect(csp).toMatch(/style-src 'self' 'sha256-/);
  expect(csp).not.toContain('unsafe-inline');

  await guide.waitForSpotlight('bitwarden-add-login', 0);
  await expect.poll(() => guide.callout.isVisible()).toBe(true);
  const look = await guide.host.evaluate((host) => {
    const root = host.shadowRoot!;
    const callout = getComputedStyle(root.querySelector('.c')!);
    const spot = getComputedStyle(root.querySelector('.s')!);
    const primary = root.querySelector('button.p');
    return {
      background: callout.backgroundColor,
      topBorder: callout.borderTopColor,
      position: callout.position,
      spotBorder: spot.borderTopColor,
      button: primary ? getComputedStyle(primary).backgroundColor : null,
    };
  });
  expect(look.background).toBe('rgb(255, 255, 255)');
  expect(look.topBorder).toBe('rgb(29, 112, 184)');
  expect(look.position).toBe('fixed');
  expect(look.spotBorder).toBe('rgb(255, 221, 0)');

  // Go through a few steps, so the guide redraws over mounted and unmounted CDK overlays.
  await site.locator('button#newItemDropdown').click();
  await guide.waitForStep(2, 7);
  await site.getByRole('menuitem', { name: 'Login' }).click();
  await guide.waitForStep(3, 7);
  await guide.exitButton.click();
  await guide.host.waitFor({ state: 'detached' });

  const violations = await site.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations);
  expect(violations).toEqual([]);
  expect(consoleCsp).toEqual([]);

  // The control: the page's policy really does refuse an injected <style>, the thing the guide avoids.
  await site.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red }';
    document.head.append(style);
  });
  await expect.poll(() => site.evaluate(() => (window as unknown as { __cspViolations: { directive: string }[] }).__cspViolations.map((v) => v.directive))).toEqual(['style-src-elem']);
});

test('the guide overlay on Bitwarden passes axe (WCAG 2.2 AA)', async ({ sites, sidePanel }) => {
  await sites.serve('bitwarden');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'bitwarden-add-login');
  const check = async (where: string) => {
    const results = await new AxeBuilder({ page: site }).include('digital-friend-guide').withTags(WCAG_TAGS).analyze();
    expect(results.passes.length, `${where}: axe looked inside the overlay`).toBeGreaterThan(0);
    expect(describeViolations(results.violations), where).toBe('');
  };
  await guide.waitForSpotlight('bitwarden-add-login', 0);
  await check('step 1, on the vault');
  await site.locator('button#newItemDropdown').click();
  await site.getByRole('menuitem', { name: 'Login' }).click();
  await guide.waitForStep(3, 7);
  await check('step 3, over the item dialog');
  // A step whose target is missing shows the warning and its extra buttons.
  await site.getByRole('button', { name: 'Cancel' }).click();
  await guide.warning.waitFor({ timeout: 15_000 });
  await check('a missing target');
});

test('the guide never points at a password field, even when a step’s only match is one', async ({ sites, sidePanel }) => {
  await sites.serve('bitwarden');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'bitwarden-add-login');
  await guide.waitForSpotlight('bitwarden-add-login', 0);
  await site.locator('button#newItemDropdown').click();
  await site.getByRole('menuitem', { name: 'Login' }).click();
  const form = site.locator('form#cipherForm');
  await form.getByLabel('Item name').fill('Example');
  await form.getByLabel('Item name').press('Tab');
  await guide.waitForStep(4, 7);

  // A page that moves the generate button's hook onto the password field itself (as a hostile or
  // broken page might), so that every candidate of step 5 now reaches the password field.
  await site.evaluate(() => {
    const form = document.querySelector('form#cipherForm')!;
    for (const b of form.querySelectorAll('[data-testid="generate-password-button"]')) b.remove();
    const secret = form.querySelector<HTMLInputElement>('input[type="password"]')!;
    secret.setAttribute('data-testid', 'generate-password-button');
    secret.setAttribute('aria-label', 'Generate password');
  });
  await form.getByLabel('Username', { exact: true }).fill('someone');
  await form.getByLabel('Username', { exact: true }).press('Tab');

  await guide.waitForStep(5, 7);
  // The guide says it cannot find the button rather than pointing at the password box.
  await guide.warning.waitFor({ timeout: 15_000 });
  expect(await guide.warning.textContent()).toContain('next to the "Password" box');
  expect(await guide.spotlightBox()).toBeNull();
  expect(await spotlightOnAPasswordField(site, guide)).toBe(false);
  await guide.exitButton.click();
});

// ---- LastPass: the vault in iframe#newvault --------------------------------------------------------------

test('lastpass-add-site: the spotlight is drawn on the add button inside the vault iframe, where it is on screen', async ({ sites, sidePanel }) => {
  await sites.serve('lastpass');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'lastpass-add-site');
  await site.emulateMedia({ reducedMotion: 'reduce' });
  await guide.waitForSpotlight('lastpass-add-site', 0);

  const add = site.frameLocator('iframe#newvault').locator('#openAddDialog');
  const box = (await add.boundingBox())!;
  const frame = (await site.locator('iframe#newvault').boundingBox())!;
  // The frame is offset (a notice bar above it, a margin to its left), so a box in the frame's own
  // coordinates would be off by exactly that much.
  expect(frame.x).toBeGreaterThan(0);
  expect(frame.y).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const spot = await guide.spotlightBox();
      if (!spot) return null;
      // The guide draws the spotlight 6 px outside its target on every side.
      return [spot.left + 6 - box.x, spot.top + 6 - box.y, spot.width - 12 - box.width, spot.height - 12 - box.height].map((d) => Math.round(Math.abs(d)));
    })
    .toEqual([0, 0, 0, 0]);
});

async function addLastPassSite(site: Page, guide: GuideOverlay): Promise<void> {
  const vault = site.frameLocator('iframe#newvault');
  await atStep(site, guide, 1, 6);
  await vault.locator('#openAddDialog').click();

  // Seeing the add menu (in the frame) completes step 1.
  await atStep(site, guide, 2, 6);
  const card = vault.locator('button.addItemCard.Password');
  expect(await guide.spotlightSurrounds(card)).toBe(true);
  await card.click();

  await atStep(site, guide, 3, 6);
  const url = vault.locator('#siteDialogURL');
  expect(await guide.spotlightSurrounds(url)).toBe(true);
  await url.fill('');
  await url.pressSequentially('https://www.civilservicejobs.service.gov.uk');

  await atStep(site, guide, 4, 6);
  const name = vault.locator('#siteDialogName');
  expect(await guide.spotlightSurrounds(name)).toBe(true);
  await name.fill('');
  await name.pressSequentially('Civil Service Jobs (work)');

  await atStep(site, guide, 5, 6);
  await vault.getByLabel('Username').fill('a.person@example.gov.uk');
  await vault.getByLabel('Site password').fill('correct-horse-battery-staple');
  await guide.nextButton.click();

  await atStep(site, guide, 6, 6);
  const save = vault.getByRole('button', { name: 'Save' });
  expect(await guide.spotlightSurrounds(save)).toBe(true);
  await save.click();
  await guide.waitForFinished();
}

test('lastpass-add-site: a person adds a site in the vault iframe, and the guide follows their typing and clicks there', async ({ sites, sidePanel }) => {
  await sites.serve('lastpass');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'lastpass-add-site');
  await addLastPassSite(site, guide);
  const saved = await site.frame({ url: /\/vault\/app\// })!.evaluate(() => (window as unknown as { __lpFixture: { sites(): { name: string }[] } }).__lpFixture.sites());
  expect(saved.map((s) => s.name)).toContain('Civil Service Jobs (work)');
});

/** Opens the add-site dialog in the vault frame, as steps 1 and 2 of lastpass-add-site. */
async function openAddSiteDialog(site: Page, guide: GuideOverlay): Promise<void> {
  const vault = site.frameLocator('iframe#newvault');
  await guide.waitForStep(1, 6);
  await vault.locator('#openAddDialog').click();
  await guide.waitForStep(2, 6);
  await vault.locator('button.addItemCard.Password').click();
}

// A pre-filled field ("http://" in older LastPass vaults) must not count as typed just because
// focus moved: only leaving the field itself, or pausing after typing in it, finishes the step.
test('a pre-filled URL box does not count as typed when the person clicks into it', async ({ sites, sidePanel }) => {
  await sites.serve('lastpass');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'lastpass-add-site');
  await guide.waitForStep(1, 6);
  // Older vaults, whose URL box starts with "http://". The guide is injected again after the load.
  await site.goto('https://lastpass.com/vault/?prefill=1');
  await openAddSiteDialog(site, guide);
  await guide.waitForStep(3, 6);
  await site.frameLocator('iframe#newvault').locator('#siteDialogURL').click();
  await site.waitForTimeout(2_000);
  // Nothing typed yet: still on "Add the website address".
  expect(await guide.counter.textContent()).toBe(GuideOverlay.stepOf(3, 6));
});

// When the next step appears, the guide must not take the cursor from someone typing inside a
// same-origin iframe (the LastPass vault): it looks through the iframe for the focused field.
test('a person typing in the vault iframe keeps their cursor when the next step appears', async ({ sites, sidePanel }) => {
  await sites.serve('lastpass');
  const learn = await new LearnArea(sidePanel).open();
  const { site, guide } = await startLive(learn, 'lastpass-add-site');
  await openAddSiteDialog(site, guide);
  await guide.waitForStep(3, 6);
  const url = site.frameLocator('iframe#newvault').locator('#siteDialogURL');
  await url.click();
  await site.keyboard.type('https://www.gov.uk');
  await guide.waitForStep(4, 6);
  await site.keyboard.type('/jobs');
  expect(await url.inputValue()).toBe('https://www.gov.uk/jobs');
});

// ---- The browser's own password manager: a lesson to read ---------------------------------------------------

test('browser-password-manager is read in the side panel: "Read the steps", and no Start or practice button', async ({ sidePanel }) => {
  const learn = await new LearnArea(sidePanel).open();
  const card = learn.card('browser-password-manager');
  await card.waitFor();
  expect(await card.getByRole('button', { name: new RegExp(`^(${text('learnStart')}|${text('learnPractise')}) `) }).count()).toBe(0);

  const read = card.getByRole('button', { name: new RegExp(`^${text('learnReadSteps')} `) });
  expect(await read.getAttribute('aria-expanded')).toBe('false');
  await read.click();
  const steps = card.getByRole('list').getByRole('listitem');
  await steps.first().waitFor();
  expect(await steps.count()).toBe(5);
  const words = await card.textContent();
  for (const expected of ['In Google Chrome', 'chrome://password-manager', 'In Microsoft Edge', 'edge://wallet/passwords', 'In Mozilla Firefox', 'about:logins']) {
    expect(words).toContain(expected);
  }
  const hide = card.getByRole('button', { name: new RegExp(`^${text('learnHideSteps')} `) });
  expect(await hide.getAttribute('aria-expanded')).toBe('true');
  await hide.click();
  expect(await steps.count()).toBe(0);
});
