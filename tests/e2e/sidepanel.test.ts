import { expect, test } from './fixtures';
import { AREAS, areaLabel } from './pages/SidePanelPage';

// The side panel is the app: Learn · Journal · Drafts · Packs · Settings.

test('a keyboard user reaches every area with Tab and Enter, and lands on its heading', async ({ sidePanel }) => {
  await sidePanel.open();
  expect(await sidePanel.currentNavLink.textContent()).toBe(areaLabel('learn'));

  // Settings first, so that Learn is also reached by navigating rather than by default.
  for (const area of [...AREAS.slice(1), AREAS[0]]) {
    const label = areaLabel(area);
    await sidePanel.navigateByKeyboard(label);

    expect(sidePanel.page.url()).toMatch(new RegExp(`#${area}$`));
    expect(await sidePanel.currentNavLink.textContent(), `current link after choosing ${label}`).toBe(label);
    expect(await sidePanel.navigation.locator('a[aria-current]').count(), 'exactly one current link').toBe(1);
    expect(await sidePanel.headingHasFocus(), `focus moves to the ${label} heading`).toBe(true);
    expect((await sidePanel.heading.textContent())?.trim()).toBeTruthy();
  }
});

test('a deep link to sidepanel.html#settings opens Settings', async ({ sidePanel }) => {
  await sidePanel.open('settings');
  expect(await sidePanel.currentNavLink.textContent()).toBe('Settings');
  expect(await sidePanel.heading.textContent()).toBe('Settings');
  await expect.poll(() => sidePanel.settings.daySelect.isVisible()).toBe(true);
});

test('the browser Back button returns to the previous area', async ({ sidePanel }) => {
  await sidePanel.open('journal');
  await sidePanel.navigateTo('Settings');
  await sidePanel.page.goBack();
  await expect.poll(() => sidePanel.currentNavLink.textContent()).toBe('Journal');
});

test('every area fits a 320 px wide side panel without scrolling sideways', async ({ sidePanel }) => {
  await sidePanel.page.setViewportSize({ width: 320, height: 640 });
  await sidePanel.open();
  for (const area of AREAS) {
    await sidePanel.navigateTo(areaLabel(area));
    expect(await sidePanel.scrollWidth(), `${area} at 320 px`).toBeLessThanOrEqual(320);
  }
});
