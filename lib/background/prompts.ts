import { browser } from 'wxt/browser';
import { promptForWeek } from '../journal/prompts';
import {
  badgeDue,
  nextAlarmTime,
  parsePromptState,
  shouldShowPrompt,
  weekDone,
  type PromptFacts,
  type PromptState,
} from '../journal/prompt-state';
import { nextPromptTime, snoozeUntil, type Snooze } from '../journal/schedule';
import { isoWeek } from '../journal/week';
import type { PromptStatus } from '../messaging/protocol';
import { alarmTime, clearAlarm, onAlarm, setAlarm } from '../platform/alarms';
import { clearBadge, showBadge } from '../platform/badge';
import { t } from '../platform/i18n';
import type { Handlers } from '../platform/messaging';
import { clearNotification, onNotificationButtonClicked, onNotificationClicked, showNotification } from '../platform/notifications';
import { loadSettings, saveSettings } from '../platform/settings-store';
import { parseSettings, type Settings } from '../settings/settings';
import { UserError } from '../messaging/user-error';

/** The one alarm: the next prompt, a snooze, or the end of a week whose badge is showing. */
export const PROMPT_ALARM = 'weekly-prompt';
export const PROMPT_NOTIFICATION = 'weekly-prompt';
export const PROMPT_STATE_KEY = 'promptState';
/** The journal's view of this week's prompt, with an editor whose entry answers it. */
export const JOURNAL_PROMPT_PATH = '/sidepanel.html#journal/prompt';
/** GOV.UK blue: a reminder, not an error. */
const BADGE_COLOUR = '#1d70b8';
const SETTINGS_KEY = 'settings';

export interface PromptDeps {
  /** Whether a live entry answering a prompt exists in an ISO week (journalRepo.answeredWeek). */
  answeredWeek(weekKey: string): Promise<boolean>;
  now?: () => Date;
}

/**
 * The weekly reflection prompt (#4): one alarm, a system notification, and the toolbar badge.
 *
 * Nothing is kept in memory between events: settings and this module's state live in
 * storage.local and the schedule in the alarm, because the MV3 worker is stopped at will. Every
 * event runs the same `reconcile`, which reads everything afresh, decides with the pure functions
 * in lib/journal/prompt-state.ts, then sets the notification, badge and alarm to match.
 * Listeners register synchronously when this is called at start-up.
 */
export function registerPrompts({ answeredWeek, now = () => new Date() }: PromptDeps): Handlers {
  // One change at a time: an alarm, a start-up and a message can arrive together.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function loadState(): Promise<PromptState> {
    const stored = await browser.storage.local.get(PROMPT_STATE_KEY);
    return parsePromptState(stored[PROMPT_STATE_KEY]);
  }

  async function facts(): Promise<PromptFacts> {
    const [settings, state] = await Promise.all([loadSettings(), loadState()]);
    const at = now();
    // The database is briefly closed during "Reset everything": count the week as not answered.
    const answered = await answeredWeek(isoWeek(at).key).catch(() => false);
    return { settings, state, now: at, answered };
  }

  interface ReconcileOptions {
    /** Show a due prompt now: when the alarm fires and at browser start, not on every wake. */
    show?: boolean;
    /** The alarm that fired was due at this time. */
    firedAt?: Date;
    /** Changes to the state to make first (snooze, skip, a new schedule). */
    change?: (state: PromptState, facts: PromptFacts) => PromptState;
  }

  async function reconcile({ show = false, firedAt, change }: ReconcileOptions = {}): Promise<PromptFacts> {
    const current = await facts();
    const { settings } = current;
    const at = current.now;
    let state = current.state;
    // Tracking starts now if it never has (install, "Reset everything"): no overdue greeting.
    if (state.activeSince === null) state = { ...state, activeSince: at.toISOString() };
    if (change) state = change(state, current);

    let f: PromptFacts = { ...current, state };
    if (!settings.promptEnabled) {
      await Promise.all([clearAlarm(PROMPT_ALARM), clearNotification(PROMPT_NOTIFICATION), clearBadge(t('actionTitle'))]);
    } else {
      if (weekDone(f)) {
        // Answered or skipped: a notification still on screen is out of date, and so is a snooze.
        state = { ...state, snoozedUntil: null };
        await clearNotification(PROMPT_NOTIFICATION);
      } else if (show && shouldShowPrompt(f)) {
        await showNotification(PROMPT_NOTIFICATION, {
          title: t('promptNotificationTitle'),
          message: promptForWeek(isoWeek(at).key).question,
          // Chrome and Edge only; the same two actions are messages for the journal's prompt view.
          buttons: [t('promptSnoozeHour'), t('promptSkipWeek')],
        });
        state = { ...state, lastShown: at.toISOString(), snoozedUntil: null };
      }
      f = { ...f, state };

      if (badgeDue(f)) await showBadge({ text: t('promptBadgeText'), title: t('promptBadgeTitle'), color: BADGE_COLOUR });
      else await clearBadge(t('actionTitle'));

      const next = nextAlarmTime({ ...f, after: firedAt });
      const pending = await alarmTime(PROMPT_ALARM);
      // An alarm already due is about to fire, and its own reconcile will show the prompt and
      // schedule the next; replacing it here could lose that prompt. (Not when it is the one firing.)
      const aboutToFire = !firedAt && pending !== null && pending <= at.getTime();
      if (next && !aboutToFire && pending !== next.getTime()) await setAlarm(PROMPT_ALARM, next);
    }

    if (JSON.stringify(state) !== JSON.stringify(current.state)) await browser.storage.local.set({ [PROMPT_STATE_KEY]: state });
    return f;
  }

  const run = (options?: ReconcileOptions) => serial(() => reconcile(options));

  /** Opens this week's prompt in the journal. */
  async function openJournal(): Promise<void> {
    await clearNotification(PROMPT_NOTIFICATION);
    // A tab, in every browser. Opening the side panel instead is not done: Firefox's
    // sidebarAction.open() needs a user gesture that a notification click does not give, Chrome's
    // sidePanel.open() from a service worker loses its gesture at the first await (and it needs a
    // window id, which takes one), and the panel cannot be sent to #journal/prompt without
    // sidePanel.setOptions({ path }), which would also change where every later opening lands.
    const tab = await browser.tabs.create({ url: browser.runtime.getURL(JOURNAL_PROMPT_PATH as '/sidepanel.html'), active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  }

  const snooze = (until: Snooze) =>
    run({
      change: (state, { settings, now: at }) => {
        const week = isoWeek(at).key;
        return {
          ...state,
          snoozedUntil: snoozeUntil(until, settings, at).toISOString(),
          // "Later" overrides an earlier "skip" of the same week.
          skippedWeek: state.skippedWeek === week ? null : state.skippedWeek,
        };
      },
    }).then(async (f) => {
      await clearNotification(PROMPT_NOTIFICATION);
      return f;
    });

  const skip = () => run({ change: (state, { now: at }) => ({ ...state, skippedWeek: isoWeek(at).key, snoozedUntil: null }) });

  /** A new schedule counts from now: moving the prompt to a time already past is not "overdue". */
  function scheduleChanged(oldValue: unknown, newValue: unknown): boolean {
    const before: Settings = parseSettings(oldValue);
    const after: Settings = parseSettings(newValue);
    return before.promptDay !== after.promptDay || before.promptTime !== after.promptTime || (!before.promptEnabled && after.promptEnabled);
  }

  // Each listener returns its work's promise: browsers ignore it, and the fake browser in the
  // tests awaits it.
  onAlarm(PROMPT_ALARM, (scheduledTime) => run({ show: true, firedAt: new Date(scheduledTime) }));
  onNotificationClicked(PROMPT_NOTIFICATION, openJournal);
  onNotificationButtonClicked(PROMPT_NOTIFICATION, (index) => (index === 0 ? snooze('hour') : index === 1 ? skip() : undefined));
  // A prompt missed while the browser was closed is shown once, at the next start.
  browser.runtime.onStartup.addListener(() => run({ show: true }));
  browser.runtime.onInstalled.addListener(() => run());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return undefined;
    const settings = changes[SETTINGS_KEY];
    if (settings) {
      const restart = scheduleChanged(settings.oldValue, settings.newValue);
      return run(restart ? { change: (state, { now: at }) => ({ ...state, activeSince: at.toISOString() }) } : {});
    }
    // Removed by "Reset everything": start again from the defaults.
    if (PROMPT_STATE_KEY in changes && changes[PROMPT_STATE_KEY]?.newValue == null) return run();
    return undefined;
  });
  // Every wake: check the alarm still exists and the badge is right (nothing is shown here).
  void run();

  return {
    'prompt/snooze': async ({ until }) => {
      if (until !== 'hour' && until !== 'tomorrow') throw new UserError('errorSnoozeChoice');
      if (!(await loadSettings()).promptEnabled) throw new UserError('errorPromptOff');
      const f = await snooze(until);
      return { ok: true as const, until: f.state.snoozedUntil ?? f.now.toISOString() };
    },
    'prompt/skip': async () => {
      const f = await skip();
      return { ok: true as const, week: isoWeek(f.now).key };
    },
    'prompt/turn-off': async () => {
      const settings = await loadSettings();
      await saveSettings({ ...settings, promptEnabled: false });
      await run();
      return { ok: true as const };
    },
    'prompt/status': async (): Promise<PromptStatus> => {
      const f = await run();
      const week = isoWeek(f.now).key;
      return {
        enabled: f.settings.promptEnabled,
        week,
        promptId: promptForWeek(week).id,
        answered: f.answered,
        skipped: f.state.skippedWeek === week,
        due: badgeDue(f),
        snoozedUntil: f.state.snoozedUntil,
        nextPrompt: f.settings.promptEnabled ? nextPromptTime(f.settings, f.now).toISOString() : null,
      };
    },
    'journal/changed': async () => {
      await run();
      return { ok: true as const };
    },
  };
}
