import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../../entrypoints/sidepanel/App';

const nav = () => screen.getByRole('navigation', { name: 'Sections' });

beforeEach(() => {
  window.history.replaceState(null, '', '/sidepanel.html');
});

describe('side panel', () => {
  it('opens on Learn, the home area', async () => {
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Learn' })).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Learn');
  });

  it('switches area from the navigation: the hash follows, the area loads and its heading takes focus', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Learn' });
    const user = userEvent.setup();

    await user.click(within(nav()).getByRole('link', { name: 'Journal' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Journal' });
    expect(heading).toHaveFocus();
    expect(window.location.hash).toBe('#journal');
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Journal');
    expect(screen.queryByRole('heading', { level: 1, name: 'Learn' })).not.toBeInTheDocument();

    await user.click(within(nav()).getByRole('link', { name: 'Settings' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus();
    expect(window.location.hash).toBe('#settings');
    // The Settings area is a lazily loaded chunk with its own content.
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeInTheDocument();
  });

  it('adds a history entry for each area, so Back returns to the previous one', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Learn' });
    const user = userEvent.setup();
    await user.click(within(nav()).getByRole('link', { name: 'Drafts' }));
    await screen.findByRole('heading', { level: 1, name: 'Drafts' });

    window.history.back();

    expect(await screen.findByRole('heading', { level: 1, name: 'Learn' })).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Learn');
  });

  it('opens the area named in the link it was opened with', async () => {
    window.history.replaceState(null, '', '/sidepanel.html#packs');
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Lesson packs' })).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { current: 'page' })).toHaveTextContent('Packs');
  });

  it('follows the hash when it changes from outside', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Learn' });

    window.location.hash = '#drafts';

    expect(await screen.findByRole('heading', { level: 1, name: 'Drafts' })).toBeInTheDocument();
  });

  it('has a skip link that moves focus to the main content', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Learn' });

    await userEvent.setup().click(screen.getByRole('link', { name: 'Skip to main content' }));

    expect(screen.getByRole('main')).toHaveFocus();
  });
});
