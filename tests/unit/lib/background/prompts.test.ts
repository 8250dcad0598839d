import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  JOURNAL_PROMPT_PATH,
  PROMPT_ALARM,
  PROMPT_NOTIFICATION,
  PROMPT_STATE_KEY,
  registerPrompts,
} from '../../../../lib/background/prompts';
import { createJournalRepo, type JournalRepo } from '../../../../lib/db/journal-repo';
import { DigitalFriendDb } from '../../../../lib/db/schema';
import { promptForWeek } from '../../../../lib/journal/prompts';
import type { MessageType, RequestOf, ResponseOf } from '../../../../lib/messaging/protocol';
import { listen } from '../../../../lib/platform/messaging';
import type { Settings } from '../../../../lib/settings/settings';

// The weekly prompt's background module against WXT's fake browser, which has working alarms,
// notifications, badge, tabs and storage (but never fires an alarm by itself: `fireAlarm` below
// does what the browser would), and a real journal in fake-indexeddb. The clock is ours to move.
// Every date is local time in Europe/London.

let saved: string | undefined;
beforeAll(() => {
  saved = process.env.TZ;
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

let clock: Date;
let db: DigitalFriendDb;
let repo: JournalRepo;
let dbCount = 0;

beforeEach(async () => {
  clock = new Date(2026, 10, 25, 9, 0); // Wednesday 25 November 2026, 09:00
  dbCount += 1;
  db = new DigitalFriendDb(`prompts-test-${dbCount}`);
  await db.open();
  repo = createJournalRepo(db, () => clock);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const sidePanel: Browser.runtime.MessageSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };

/** Delivers a message from the side panel, as the browser would, and returns the answer. */
async function message<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger({ df: 1, type, payload }, sidePanel);
  if (answer && typeof answer === 'object' && 'dfError' in answer) throw new Error(String(answer.dfError));
  return answer as ResponseOf<K>;
}

/** The events a worker listens to; stopping a worker loses its listeners, not storage or alarms. */
const EVENTS = [
  fakeBrowser.alarms.onAlarm,
  fakeBrowser.notifications.onClicked,
  fakeBrowser.notifications.onButtonClicked,
  fakeBrowser.runtime.onStartup,
  fakeBrowser.runtime.onInstalled,
  fakeBrowser.runtime.onMessage,
  fakeBrowser.storage.onChanged,
];

/** Starts the service worker as the composition root does, and waits for its start-up work. */
async function startWorker() {
  listen(registerPrompts({ answeredWeek: repo.answeredWeek, now: () => clock }));
  // A message is answered after the work queued before it, so this waits for the wake-up check.
  await message('prompt/status', {});
}

/** MV3 stops the worker whenever it likes: its listeners and memory go, storage and alarms stay. */
function stopWorker() {
  for (const event of EVENTS) event.removeAllListeners();
}

/** Closing the browser also forgets the badge (and Firefox forgets its alarms). */
async function closeBrowser({ keepAlarms = true } = {}) {
  stopWorker();
  await fakeBrowser.action.setBadgeText({ text: '' });
  await fakeBrowser.action.setTitle({ title: '' });
  if (!keepAlarms) await fakeBrowser.alarms.clearAll();
}

async function startBrowser() {
  await startWorker();
  await fakeBrowser.runtime.onStartup.trigger();
}

async function install() {
  await startWorker();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
}

const alarm = () => fakeBrowser.alarms.get(PROMPT_ALARM);
const alarmAt = async () => {
  const a = await alarm();
  return a ? new Date(a.scheduledTime) : null;
};

/** Moves the clock to the prompt alarm and fires it, as the browser does (a one-shot alarm is gone once fired). */
async function fireAlarm() {
  const due = await alarm();
  if (!due) throw new Error('No prompt alarm is set');
  clock = new Date(due.scheduledTime);
  await fakeBrowser.alarms.clear(PROMPT_ALARM);
  await fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime: due.scheduledTime });
}

const notification = async () => (await fakeBrowser.notifications.getAll())[PROMPT_NOTIFICATION] as Browser.notifications.NotificationOptions | undefined;
const badge = () => fakeBrowser.action.getBadgeText({});
const title = () => fakeBrowser.action.getTitle({});
const state = async () => (await fakeBrowser.storage.local.get(PROMPT_STATE_KEY))[PROMPT_STATE_KEY] as Record<string, unknown> | undefined;
const saveSettings = (settings: Partial<Settings>) =>
  fakeBrowser.storage.local.set({ settings: { promptDay: 5, promptTime: '16:00', promptEnabled: true, ...settings } });

/** Counts notifications shown, across replacements of the one notification id. */
function countShown() {
  const shown: string[] = [];
  const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
  fakeBrowser.notifications.create = (async (id: string, options: Browser.notifications.NotificationCreateOptions) => {
    shown.push(clock.toString());
    return create(id, options);
  }) as typeof fakeBrowser.notifications.create;
  return shown;
}

const FRIDAY_4PM = new Date(2026, 10, 27, 16, 0);

describe('scheduling', () => {
  it('on install, sets one alarm for Friday at 16:00 and shows nothing', async () => {
    await install();
    expect(await alarmAt()).toEqual(FRIDAY_4PM);
    expect(await notification()).toBeUndefined();
    expect(await badge()).toBe('');
  });

  it('when the settings change, moves the alarm to the new day and time', async () => {
    await install();
    await saveSettings({ promptDay: 1, promptTime: '08:30' });
    expect(await alarmAt()).toEqual(new Date(2026, 10, 30, 8, 30));
    await saveSettings({ promptDay: 3, promptTime: '17:45' });
    expect(await alarmAt(), 'later today').toEqual(new Date(2026, 10, 25, 17, 45));
  });

  it('after firing, schedules the next prompt from the time it fired, at 16:00 local across the October clock change', async () => {
    clock = new Date(2026, 9, 21, 9, 0); // Wed 21 Oct; the clocks go back on Sun 25 Oct
    await install();
    expect((await alarmAt())?.toISOString()).toBe('2026-10-23T15:00:00.000Z'); // Fri 16:00 BST
    await fireAlarm();
    expect(await notification()).toBeDefined();
    // While the badge shows, the next alarm is Monday's: the week ends and the badge goes.
    expect(await alarmAt()).toEqual(new Date(2026, 9, 26, 0, 0));
    await fireAlarm();
    expect(await badge()).toBe('');
    expect((await alarmAt())?.toISOString()).toBe('2026-10-30T16:00:00.000Z'); // Fri 16:00 GMT
    expect((await alarmAt())?.getHours()).toBe(16);
  });

  it('survives the worker being stopped: the alarm stays, and a new worker shows nothing on waking', async () => {
    await install();
    const shown = countShown();
    stopWorker();
    clock = new Date(2026, 10, 26, 12, 0);
    await startWorker();
    expect(await alarmAt()).toEqual(FRIDAY_4PM);
    expect(shown).toEqual([]);
    // And the new worker answers the alarm.
    await fireAlarm();
    expect(shown).toHaveLength(1);
  });

  it('puts the alarm back on waking if the browser lost it', async () => {
    await install();
    await fakeBrowser.alarms.clearAll();
    stopWorker();
    await startWorker();
    expect(await alarmAt()).toEqual(FRIDAY_4PM);
  });

  it('leaves an alarm that is due alone on waking, so its prompt is not lost', async () => {
    await install();
    stopWorker();
    clock = new Date(FRIDAY_4PM.getTime() + 500); // woken by something else, half a second after 16:00
    await startWorker();
    expect(await alarmAt(), 'still due').toEqual(FRIDAY_4PM);
    await fireAlarm();
    expect(await notification()).toBeDefined();
  });
});

describe('the notification', () => {
  it('fires at the prompt time with this week’s question, the icon, and two buttons', async () => {
    await install();
    await fireAlarm();
    expect(clock).toEqual(FRIDAY_4PM);
    expect(await notification()).toEqual({
      type: 'basic',
      iconUrl: fakeBrowser.runtime.getURL('/icon/128.png'),
      title: 'Time to reflect',
      message: promptForWeek('2026-W48').question,
      requireInteraction: false,
      buttons: [{ title: 'Snooze for an hour' }, { title: 'Skip this week' }],
    });
  });

  it('opens this week’s prompt in the journal when clicked, and goes away', async () => {
    await install();
    await fireAlarm();
    await fakeBrowser.notifications.onClicked.trigger(PROMPT_NOTIFICATION);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL(JOURNAL_PROMPT_PATH as '/sidepanel.html'));
    expect(JOURNAL_PROMPT_PATH).toBe('/sidepanel.html#journal/prompt');
    expect(await notification()).toBeUndefined();
  });

  it('ignores clicks on other notifications', async () => {
    await install();
    await fireAlarm();
    const before = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.notifications.onClicked.trigger('someone-else');
    expect((await fakeBrowser.tabs.query({})).length).toBe(before);
    expect(await notification()).toBeDefined();
  });

  it('is not shown when this week is already answered', async () => {
    await install();
    await repo.create({ text: 'Wrote it early.', promptId: promptForWeek('2026-W48').id });
    await fireAlarm();
    expect(await notification()).toBeUndefined();
    expect(await badge()).toBe('');
  });
});

describe('the badge', () => {
  it('shows from the prompt time, with a title that says why, and clears once an entry answers the prompt', async () => {
    await install();
    expect(await badge()).toBe('');
    await fireAlarm();
    expect(await badge()).toBe('1');
    expect(await title()).toBe('Digital Friend: this week’s reflection is waiting');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x1d, 0x70, 0xb8, 255]);

    // An entry without a prompt is not the reflection.
    clock = new Date(2026, 10, 27, 17, 0);
    await repo.create({ text: 'A note about something else.' });
    await message('journal/changed', {});
    expect(await badge()).toBe('1');

    await repo.create({ text: 'This week I learned…', promptId: promptForWeek('2026-W48').id });
    await message('journal/changed', {});
    expect(await badge()).toBe('');
    expect(await title()).toBe('Digital Friend');
  });

  it('comes back if the answering entry is deleted', async () => {
    await install();
    await fireAlarm();
    const entry = await repo.create({ text: 'Answer', promptId: promptForWeek('2026-W48').id });
    await message('journal/changed', {});
    expect(await badge()).toBe('');
    await repo.remove(entry.id);
    await message('journal/changed', {});
    expect(await badge()).toBe('1');
  });

  it('does not greet a new install with an overdue badge for a prompt time already past', async () => {
    clock = new Date(2026, 10, 28, 10, 0); // Saturday, the day after the prompt
    await install();
    expect(await badge()).toBe('');
    expect(await alarmAt()).toEqual(new Date(2026, 11, 4, 16, 0));
  });
});

describe('snooze', () => {
  it('“Snooze for an hour” on the notification brings it back an hour later, once', async () => {
    await install();
    const shown = countShown();
    await fireAlarm();
    await fakeBrowser.notifications.onButtonClicked.trigger(PROMPT_NOTIFICATION, 0);
    expect(await notification()).toBeUndefined();
    expect(await alarmAt()).toEqual(new Date(2026, 10, 27, 17, 0));
    expect(await badge(), 'still not done').toBe('1');

    await fireAlarm();
    expect(await notification()).toBeDefined();
    expect(shown).toEqual([FRIDAY_4PM.toString(), new Date(2026, 10, 27, 17, 0).toString()]);
    expect((await state())?.snoozedUntil).toBeNull();
    expect(await alarmAt(), 'then the end of the week').toEqual(new Date(2026, 10, 30, 0, 0));
  });

  it('“tomorrow” by message brings it back the next day at the prompt time', async () => {
    await install();
    await fireAlarm();
    const answer = await message('prompt/snooze', { until: 'tomorrow' });
    expect(answer).toEqual({ ok: true, until: new Date(2026, 10, 28, 16, 0).toISOString() });
    expect(await alarmAt()).toEqual(new Date(2026, 10, 28, 16, 0));
    await fireAlarm();
    expect((await notification())?.message).toBe(promptForWeek('2026-W48').question);
  });

  it('refuses anything but an hour or tomorrow, and changes nothing', async () => {
    await install();
    await fireAlarm();
    await expect(message('prompt/snooze', { until: 'week' } as unknown as RequestOf<'prompt/snooze'>)).rejects.toThrow('errorSnoozeChoice');
    await expect(message('prompt/snooze', {} as RequestOf<'prompt/snooze'>)).rejects.toThrow();
    expect((await state())?.snoozedUntil).toBeNull();
    expect(await notification()).toBeDefined();
  });

  it('shows nothing when the snooze ends if the week was answered meanwhile', async () => {
    await install();
    await fireAlarm();
    await message('prompt/snooze', { until: 'hour' });
    clock = new Date(2026, 10, 27, 16, 30);
    await repo.create({ text: 'Done', promptId: promptForWeek('2026-W48').id });
    await message('journal/changed', {});
    expect(await alarmAt(), 'the snooze is dropped').toEqual(new Date(2026, 11, 4, 16, 0));
    expect(await notification()).toBeUndefined();
  });
});

describe('skip this week', () => {
  it('from the notification button: the notification and badge go, and next week’s prompt is set', async () => {
    await install();
    await fireAlarm();
    await fakeBrowser.notifications.onButtonClicked.trigger(PROMPT_NOTIFICATION, 1);
    expect(await notification()).toBeUndefined();
    expect(await badge()).toBe('');
    expect((await state())?.skippedWeek).toBe('2026-W48');
    expect(await alarmAt()).toEqual(new Date(2026, 11, 4, 16, 0));

    await fireAlarm();
    expect((await notification())?.message, 'next week asks again').toBe(promptForWeek('2026-W49').question);
  });

  it('by message before the prompt time: the prompt does not come this week', async () => {
    await install();
    await expect(message('prompt/skip', {})).resolves.toEqual({ ok: true, week: '2026-W48' });
    const shown = countShown();
    await fireAlarm();
    expect(clock).toEqual(FRIDAY_4PM);
    expect(shown).toEqual([]);
    expect(await badge()).toBe('');
  });
});

describe('turning it off', () => {
  it('from Settings clears the alarm, the notification and the badge; turning it on again sets the next prompt', async () => {
    await install();
    await fireAlarm();
    await saveSettings({ promptEnabled: false });
    expect(await alarm()).toBeUndefined();
    expect(await notification()).toBeUndefined();
    expect(await badge()).toBe('');

    // Nothing comes back on waking or on the next browser start.
    await closeBrowser();
    clock = new Date(2026, 11, 4, 17, 0);
    await startBrowser();
    expect(await alarm()).toBeUndefined();
    expect(await notification()).toBeUndefined();

    await saveSettings({ promptEnabled: true });
    expect(await alarmAt()).toEqual(new Date(2026, 11, 11, 16, 0));
    expect(await badge(), 'this week’s prompt time passed before it was turned on').toBe('');
  });

  it('by message saves the setting, as the Settings checkbox does', async () => {
    await install();
    await expect(message('prompt/turn-off', {})).resolves.toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ promptDay: 5, promptTime: '16:00', promptEnabled: false });
    expect(await alarm()).toBeUndefined();
    await expect(message('prompt/snooze', { until: 'hour' })).rejects.toThrow('errorPromptOff');
  });
});

describe('a prompt missed while the browser was closed', () => {
  it('is shown once at the next start, and not at the start after', async () => {
    await install();
    const shown = countShown();
    await closeBrowser({ keepAlarms: false }); // Firefox keeps no alarms across a restart
    clock = new Date(2026, 10, 28, 10, 0); // Saturday morning
    await startBrowser();
    expect(shown).toEqual([clock.toString()]);
    expect(await badge()).toBe('1');
    expect(await alarmAt()).toEqual(new Date(2026, 10, 30, 0, 0));

    await closeBrowser();
    clock = new Date(2026, 10, 28, 18, 0);
    await startBrowser();
    expect(shown, 'not again').toHaveLength(1);
    expect(await badge(), 'but the badge is back').toBe('1');
  });

  it('is shown once even when Chrome also fires the overdue alarm at start', async () => {
    await install();
    const shown = countShown();
    await closeBrowser(); // Chrome kept the alarm
    clock = new Date(2026, 10, 28, 10, 0);
    await startBrowser();
    const overdue = await alarm();
    expect(overdue?.scheduledTime, 'left for the browser to fire').toBe(FRIDAY_4PM.getTime());
    await fakeBrowser.alarms.clear(PROMPT_ALARM);
    await fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime: overdue!.scheduledTime });
    expect(shown).toHaveLength(1);
    expect(await alarmAt()).toEqual(new Date(2026, 10, 30, 0, 0));
  });

  it('is not shown in a later week: the new week has its own question and prompt', async () => {
    await install();
    const shown = countShown();
    await closeBrowser();
    clock = new Date(2026, 10, 30, 9, 0); // the Monday after
    await startBrowser();
    // Chrome fires the overdue alarm too; neither shows last week's prompt.
    const overdue = await alarm();
    if (overdue && overdue.scheduledTime <= clock.getTime()) {
      await fakeBrowser.alarms.clear(PROMPT_ALARM);
      await fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime: overdue.scheduledTime });
    }
    expect(shown).toEqual([]);
    expect(await badge()).toBe('');
    expect(await alarmAt()).toEqual(new Date(2026, 11, 4, 16, 0));
  });

  it('is not shown when the week was skipped or answered', async () => {
    await install();
    await message('prompt/skip', {});
    const shown = countShown();
    await closeBrowser({ keepAlarms: false });
    clock = new Date(2026, 10, 28, 10, 0);
    await startBrowser();
    expect(shown).toEqual([]);
  });
});

describe('status and reset', () => {
  it('reports where this week’s prompt stands', async () => {
    await install();
    await expect(message('prompt/status', {})).resolves.toEqual({
      enabled: true,
      week: '2026-W48',
      promptId: promptForWeek('2026-W48').id,
      answered: false,
      skipped: false,
      due: false,
      snoozedUntil: null,
      nextPrompt: FRIDAY_4PM.toISOString(),
    });
    await fireAlarm();
    await message('prompt/snooze', { until: 'hour' });
    expect(await message('prompt/status', {})).toMatchObject({ due: true, snoozedUntil: new Date(2026, 10, 27, 17, 0).toISOString() });
  });

  it('starts again from the defaults after “Reset everything” empties storage', async () => {
    await install();
    await saveSettings({ promptDay: 2, promptTime: '07:00' });
    await fireAlarm();
    expect(clock).toEqual(new Date(2026, 11, 1, 7, 0));
    expect(await badge()).toBe('1');

    clock = new Date(2026, 11, 1, 8, 0);
    await fakeBrowser.storage.local.clear();
    expect(await alarmAt(), 'Friday 16:00 again').toEqual(new Date(2026, 11, 4, 16, 0));
    expect(await badge()).toBe('');
    expect(await state()).toEqual({ lastShown: null, snoozedUntil: null, skippedWeek: null, activeSince: clock.toISOString() });
  });

  it('starts again when only its own state is removed (settings never saved)', async () => {
    clock = new Date(2026, 10, 28, 10, 0);
    await install();
    await fakeBrowser.storage.local.set({ [PROMPT_STATE_KEY]: { activeSince: new Date(2026, 10, 1).toISOString() } });
    await message('journal/changed', {});
    expect(await badge(), 'Friday’s prompt counts from 1 November').toBe('1');
    await fakeBrowser.storage.local.clear();
    expect(await badge()).toBe('');
    expect((await state())?.activeSince).toBe(clock.toISOString());
  });
});
