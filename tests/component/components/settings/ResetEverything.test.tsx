import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ResetEverything } from '../../../../components/settings/ResetEverything';
import { listen } from '../../../../lib/platform/messaging';

/**
 * A stand-in background: the project's own listen(), with a reset handler the test controls.
 * The fake browser's sendMessage reports an empty sender, where a real browser names this
 * extension and the sending page; listen() checks both, so this sendMessage does the same.
 */
function fakeBackground(reset: () => Promise<{ ok: true }>) {
  const received: unknown[] = [];
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    received.push(message);
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
    return (await fakeBrowser.runtime.onMessage.trigger(message, sender)).find(Boolean);
  }) as typeof fakeBrowser.runtime.sendMessage;
  listen({ 'app/reset': reset });
  return received;
}

function renderReset() {
  render(<ResetEverything />);
  return { user: userEvent.setup(), start: screen.getByRole('button', { name: 'Reset everything' }) };
}

describe('ResetEverything', () => {
  it('asks for confirmation first, and moves focus to the question', async () => {
    const received = fakeBackground(async () => ({ ok: true }));
    const { user, start } = renderReset();

    await user.click(start);

    const question = screen.getByRole('group', { name: /Are you sure you want to delete everything/ });
    expect(question).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Yes, delete everything' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reset everything' })).not.toBeInTheDocument();
    expect(received).toEqual([]);
  });

  it('goes back, without deleting anything, on Cancel, and returns focus to the start button', async () => {
    const received = fakeBackground(async () => ({ ok: true }));
    const { user, start } = renderReset();
    await user.click(start);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    const again = screen.getByRole('button', { name: 'Reset everything' });
    await waitFor(() => expect(again).toHaveFocus());
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(received).toEqual([]);
  });

  it('on confirmation, asks the background to reset, waits, then says it is done', async () => {
    let finish: () => void = () => undefined;
    let resets = 0;
    const received = fakeBackground(() => {
      resets += 1;
      return new Promise((resolve) => {
        finish = () => resolve({ ok: true });
      });
    });
    const { user, start } = renderReset();
    await user.click(start);

    await user.click(screen.getByRole('button', { name: 'Yes, delete everything' }));

    // While the background works, neither choice can be made again.
    expect(screen.getByRole('button', { name: 'Yes, delete everything' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(received).toEqual([{ df: 1, type: 'app/reset', payload: {} }]);
    expect(resets).toBe(1);

    finish();

    const done = await screen.findByRole('alert');
    expect(done).toHaveTextContent('Everything has been deleted. Digital Friend is back to how it was when you installed it.');
    expect(done).toHaveFocus();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });

  it('shows the error when the background could not reset', async () => {
    fakeBackground(async () => {
      throw new Error('the journal database is in use');
    });
    const { user, start } = renderReset();
    await user.click(start);

    await user.click(screen.getByRole('button', { name: 'Yes, delete everything' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong: the journal database is in use.');
    expect(screen.queryByText(/Everything has been deleted/)).not.toBeInTheDocument();
  });
});
