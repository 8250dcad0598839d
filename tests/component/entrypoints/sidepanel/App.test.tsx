import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../../entrypoints/sidepanel/App';

const nav = () => screen.getByRole('navigation', { name: 'Sections' });

/**
 * Waits for an area's h1. Each area is a separate chunk loaded on first use, and in the test
 * runner that first import also compiles the area's modules, which can take a few seconds.
 */
const areaHeading = (name: string) => screen.findByRole('heading', { level: 1, name }, { timeout: 10_000 });

beforeEach(() => {
  window.history.replaceState(null, '', '/sidepanel.html');
});

describe('side panel', { timeout: 20_000 }, () => {
  it('opens on Learn, the home area', async () => {
    render(<App />);

    expect(await areaHeading('Learn')).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Learn');
  });

  it('switches area from the navigation: the hash follows, the area loads and its heading takes focus', async () => {
    render(<App />);
    await areaHeading('Learn');
    const user = userEvent.setup();

    await user.click(within(nav()).getByRole('link', { name: 'Journal' }));

    // The heading takes focus in an effect just after it appears, so wait for that too.
    const heading = await areaHeading('Journal');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(window.location.hash).toBe('#journal');
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Journal');
    expect(screen.queryByRole('heading', { level: 1, name: 'Learn' })).not.toBeInTheDocument();

    await user.click(within(nav()).getByRole('link', { name: 'Settings' }));

    const settings = await areaHeading('Settings');
    await waitFor(() => expect(settings).toHaveFocus());
    expect(window.location.hash).toBe('#settings');
    // The Settings area is a lazily loaded chunk with its own content.
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeInTheDocument();
  });

  it('adds a history entry for each area, so Back returns to the previous one', async () => {
    render(<App />);
    await areaHeading('Learn');
    const user = userEvent.setup();
    await user.click(within(nav()).getByRole('link', { name: 'Drafts' }));
    await areaHeading('Drafts');

    window.history.back();

    expect(await areaHeading('Learn')).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Learn');
  });

  it('opens the area named in the link it was opened with', async () => {
    window.history.replaceState(null, '', '/sidepanel.html#packs');
    render(<App />);

    expect(await areaHeading('Lesson packs')).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Packs');
  });

  it('follows the hash when it changes from outside', async () => {
    render(<App />);
    await areaHeading('Learn');

    window.location.hash = '#drafts';

    expect(await areaHeading('Drafts')).toBeInTheDocument();
  });

  it('has a skip link that moves focus to the main content', async () => {
    render(<App />);
    await areaHeading('Learn');

    await userEvent.setup().click(screen.getByRole('link', { name: 'Skip to main content' }));

    expect(screen.getByRole('main')).toHaveFocus();
  });
});
