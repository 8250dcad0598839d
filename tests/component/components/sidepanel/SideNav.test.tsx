import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SideNav } from '../../../../components/sidepanel/SideNav';
import type { Area } from '../../../../components/sidepanel/areas';

function renderNav(current: Area) {
  const chosen: Area[] = [];
  render(<SideNav current={current} onNavigate={(area) => chosen.push(area)} />);
  return { chosen, nav: screen.getByRole('navigation', { name: 'Sections' }) };
}

describe('SideNav', () => {
  it('lists the five areas in order, as links to their hashes', () => {
    const { nav } = renderNav('learn');
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Learn', 'Journal', 'Drafts', 'Packs', 'Settings']);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#learn', '#journal', '#drafts', '#packs', '#settings']);
  });

  it('marks the current area, and only that one, with aria-current="page"', () => {
    const { nav } = renderNav('drafts');
    expect(within(nav).getByRole('link', { current: 'page' })).toHaveTextContent('Drafts');
    for (const name of ['Learn', 'Journal', 'Packs', 'Settings']) {
      expect(within(nav).getByRole('link', { name })).not.toHaveAttribute('aria-current');
    }
  });

  it('calls onNavigate with the area clicked, and does not follow the link itself', async () => {
    const before = window.location.href;
    const { nav, chosen } = renderNav('learn');
    const user = userEvent.setup();

    await user.click(within(nav).getByRole('link', { name: 'Journal' }));
    await user.click(within(nav).getByRole('link', { name: 'Settings' }));

    expect(chosen).toEqual(['journal', 'settings']);
    expect(window.location.href).toBe(before);
  });

  it('can be used from the keyboard', async () => {
    const { nav, chosen } = renderNav('learn');
    const user = userEvent.setup();
    within(nav).getByRole('link', { name: 'Packs' }).focus();

    await user.keyboard('{Enter}');

    expect(chosen).toEqual(['packs']);
  });
});
