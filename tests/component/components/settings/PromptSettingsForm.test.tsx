import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PromptSettingsForm } from '../../../../components/settings/PromptSettingsForm';

async function renderForm() {
  render(<PromptSettingsForm />);
  // Settings load from storage first; the form appears once they have.
  const time = await screen.findByRole('textbox', { name: 'Time' });
  return { time, day: screen.getByRole('combobox', { name: 'Day' }), user: userEvent.setup() };
}

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as unknown;

describe('PromptSettingsForm', () => {
  it('starts from the defaults: Friday at 16:00', async () => {
    const { time, day } = await renderForm();

    expect(day).toHaveDisplayValue('Friday');
    expect(time).toHaveValue('16:00');
    expect(screen.getByRole('group', { name: 'Weekly reflection prompt' })).toBeInTheDocument();
  });

  it('shows what was saved before', async () => {
    await fakeBrowser.storage.local.set({ settings: { promptDay: 1, promptTime: '08:45' } });
    const { time, day } = await renderForm();

    expect(day).toHaveDisplayValue('Monday');
    expect(time).toHaveValue('08:45');
  });

  it('offers the days from Monday to Sunday', async () => {
    const { day } = await renderForm();
    const options = Array.from((day as HTMLSelectElement).options).map((option) => option.text);
    expect(options).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
  });

  it('rejects a time that is not on the 24-hour clock, with an error summary, and saves nothing', async () => {
    const { time, user } = await renderForm();

    await user.clear(time);
    await user.type(time, '25:00');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    expect(summary).toHaveFocus();
    const link = screen.getByRole('link', { name: 'Enter a time between 00:00 and 23:59, for example 16:00' });
    expect(link).toHaveAttribute('href', `#${time.id}`);
    expect(time).toHaveAccessibleDescription(/Error: Enter a time between 00:00 and 23:59/);
    expect(time).toHaveClass('govuk-input--error');
    expect(await stored()).toBeUndefined();
    expect(screen.queryByText('Settings saved')).not.toBeInTheDocument();
  });

  it('saves a valid day and time, tidied to HH:MM, and confirms it', async () => {
    const { time, day, user } = await renderForm();

    await user.selectOptions(day, 'Thursday');
    await user.clear(time);
    await user.type(time, '9.30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(await stored()).toEqual({ promptDay: 4, promptTime: '09:30', promptEnabled: true });
    expect(time).toHaveValue('09:30');
    expect(screen.queryByText('There is a problem')).not.toBeInTheDocument();
  });

  it('clears the error once the time is corrected and saved', async () => {
    const { time, user } = await renderForm();
    await user.clear(time);
    await user.type(time, 'teatime');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('There is a problem')).toBeInTheDocument();

    await user.clear(time);
    await user.type(time, '17:15');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(screen.queryByText('There is a problem')).not.toBeInTheDocument();
    expect(time).not.toHaveClass('govuk-input--error');
    expect(await stored()).toEqual({ promptDay: 5, promptTime: '17:15', promptEnabled: true });
  });

  it('has the weekly reminder on by default, with a hint that the journal works without it', async () => {
    await renderForm();
    const reminder = screen.getByRole('checkbox', { name: 'Remind me each week' });
    expect(reminder).toBeChecked();
    expect(reminder).toHaveAccessibleDescription('You can write in your journal at any time, with or without a reminder.');
  });

  it('turns the reminder off and on again, saving it with the day and time', async () => {
    const { user } = await renderForm();
    const reminder = screen.getByRole('checkbox', { name: 'Remind me each week' });

    await user.click(reminder);
    expect(await stored(), 'nothing is saved until "Save settings"').toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(await stored()).toEqual({ promptDay: 5, promptTime: '16:00', promptEnabled: false });

    // Changing it again takes the "saved" message away until it is saved.
    await user.click(reminder);
    expect(screen.queryByText('Settings saved')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(await stored()).toEqual({ promptDay: 5, promptTime: '16:00', promptEnabled: true });
  });

  it('shows the reminder as off when it was turned off before', async () => {
    await fakeBrowser.storage.local.set({ settings: { promptDay: 2, promptTime: '10:00', promptEnabled: false } });
    await renderForm();
    expect(screen.getByRole('checkbox', { name: 'Remind me each week' })).not.toBeChecked();
  });
});
