import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/popup/App';

/** A side panel API that records how it was asked to open, and opens or refuses. */
class FakePanel {
  calls: unknown[] = [];
  constructor(private readonly outcome: 'opens' | 'refuses' = 'opens') {}
  open = (...args: unknown[]): Promise<void> => {
    this.calls.push(args[0]);
    return this.outcome === 'opens' ? Promise.resolve() : Promise.reject(new Error('No user gesture'));
  };
}

// The setup makes globalThis.chrome and globalThis.browser the fake browser. It has no Chrome
// `sidePanel`, and its Firefox `sidebarAction` only throws "not implemented", so each test
// decides which of the two this browser has.
type Panels = { sidePanel?: FakePanel; sidebarAction?: FakePanel };
const fake = fakeBrowser as unknown as Panels;
const fakeSidebarAction = fake.sidebarAction;
const realClose = window.close;
let closed = 0;

/** The popup reads the window id as it opens, before any click can happen; let that settle. */
async function renderPopup() {
  render(<App />);
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeEach(async () => {
  delete fake.sidebarAction;
  closed = 0;
  // jsdom's own window.close tears the test document down; the popup only needs to ask for it.
  window.close = () => {
    closed += 1;
  };
  await fakeBrowser.windows.create({ focused: true });
});

afterEach(() => {
  delete fake.sidePanel;
  fake.sidebarAction = fakeSidebarAction;
  window.close = realClose;
});

describe('popup', () => {
  it('in Chrome, opens the side panel in the current window, then closes itself', async () => {
    const sidePanel = new FakePanel();
    (globalThis as unknown as { chrome: Panels }).chrome.sidePanel = sidePanel;
    const current = await fakeBrowser.windows.getCurrent();
    await renderPopup();

    expect(screen.getByRole('heading', { level: 1, name: 'Digital Friend' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open Digital Friend' }));

    expect(current.id).toEqual(expect.any(Number));
    expect(sidePanel.calls).toEqual([{ windowId: current.id }]);
    expect(closed).toBe(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('in Firefox, opens the sidebar', async () => {
    const sidebarAction = new FakePanel();
    fake.sidebarAction = sidebarAction;
    await renderPopup();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Open Digital Friend' }));

    expect(sidebarAction.calls).toEqual([undefined]);
    expect(closed).toBe(1);
  });

  it('says so, and stays open, when the browser refuses to open the panel', async () => {
    (globalThis as unknown as { chrome: Panels }).chrome.sidePanel = new FakePanel('refuses');
    await renderPopup();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Open Digital Friend' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The side panel could not be opened here.');
    expect(closed).toBe(0);
  });

  it('hides the button where there is no side panel API', async () => {
    await renderPopup();

    expect(screen.getByText('A few minutes at a time, at your own pace.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open Digital Friend' })).not.toBeInTheDocument();
  });
});
