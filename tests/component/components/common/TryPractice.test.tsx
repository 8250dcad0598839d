import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TryPractice } from '../../../../components/common/TryPractice';

/** The background's answer to walkthrough/start, as the browser hands it back. */
function backgroundReplies(reply: unknown) {
  fakeBrowser.runtime.sendMessage = (() => Promise.resolve(reply)) as typeof fakeBrowser.runtime.sendMessage;
}

describe('TryPractice when the background refuses', () => {
  it('shows a refusal the background named by message key in the catalogue’s words', async () => {
    backgroundReplies({ dfError: 'errorNoWalkthrough', dfErrorKey: 'errorNoWalkthrough', dfErrorSubs: ['x-write-post'] });
    render(<TryPractice />);
    await userEvent.setup().click(screen.getByRole('button'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^There is no walkthrough called "x-write-post" to start\.$/);
  });

  it('shows any other fault inside "Something went wrong"', async () => {
    backgroundReplies({ dfError: 'Disk full' });
    render(<TryPractice />);
    await userEvent.setup().click(screen.getByRole('button'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong: Disk full. Your saved work has not changed.');
  });
});
