import type { Settings } from '../settings/settings';
import { missedPrompt, nextPromptTime, previousPromptTime } from './schedule';
import { isoWeek, weekStart } from './week';

/**
 * What the weekly prompt remembers between service-worker restarts (storage.local), and the pure
 * decisions made from it. The background (lib/background/prompts.ts) reads the clock, storage and
 * the journal, then asks these functions what to do.
 *
 * "This week" is always the ISO week of `now` in local time, the same week the journal files an
 * entry under (entry.week), so "answered" and "skipped" mean the same thing everywhere.
 */
export interface PromptState {
  /** When a prompt notification was last shown (ISO date-time). A due prompt is shown once. */
  lastShown: string | null;
  /** A snoozed prompt comes back at this time (ISO date-time). */
  snoozedUntil: string | null;
  /** The ISO week key ("2026-W48") the person chose to skip. */
  skippedWeek: string | null;
  /**
   * Prompt times before this do not count: set at install, after "Reset everything", and when the
   * schedule changes or the prompt is turned back on. So installing on a Saturday, or moving the
   * prompt to a day already past, does not greet anyone with an overdue badge.
   */
  activeSince: string | null;
}

export const EMPTY_PROMPT_STATE: Readonly<PromptState> = Object.freeze({
  lastShown: null,
  snoozedUntil: null,
  skippedWeek: null,
  activeSince: null,
});

type Schedule = Pick<Settings, 'promptDay' | 'promptTime' | 'promptEnabled'>;

const WEEK_KEY = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

function isoTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Repairs whatever storage holds, field by field (it is never trusted blindly). */
export function parsePromptState(raw: unknown): PromptState {
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const own = (key: keyof PromptState) => (Object.hasOwn(source, key) ? source[key] : undefined);
  const week = own('skippedWeek');
  return {
    lastShown: isoTime(own('lastShown')),
    snoozedUntil: isoTime(own('snoozedUntil')),
    skippedWeek: typeof week === 'string' && WEEK_KEY.test(week) ? week : null,
    activeSince: isoTime(own('activeSince')),
  };
}

const time = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** This ISO week's prompt time: the prompt day of the week holding `now`, at the prompt time. */
export function promptTimeThisWeek(settings: Pick<Settings, 'promptDay' | 'promptTime'>, now: Date): Date {
  const monday = weekStart(isoWeek(now).key)!;
  // The last instant of the week (Sunday 23:59:59.999 local); the week's one prompt is at or before it.
  const end = new Date(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7).getTime() - 1);
  return previousPromptTime(settings, end);
}

/** Local midnight at the start of next week's Monday: when "this week" changes. */
export function nextWeekStart(now: Date): Date {
  const monday = weekStart(isoWeek(now).key)!;
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7);
}

export interface PromptFacts {
  settings: Schedule;
  state: PromptState;
  now: Date;
  /** Whether a live entry answering a prompt exists in this ISO week (journalRepo.answeredWeek). */
  answered: boolean;
}

/** Answered or skipped: nothing more to ask this week. */
export function weekDone({ state, now, answered }: Pick<PromptFacts, 'state' | 'now' | 'answered'>): boolean {
  return answered || state.skippedWeek === isoWeek(now).key;
}

/** The badge shows from this week's prompt time until the week is answered or skipped. */
export function badgeDue(facts: PromptFacts): boolean {
  const { settings, state, now } = facts;
  if (!settings.promptEnabled || weekDone(facts)) return false;
  const due = promptTimeThisWeek(settings, now).getTime();
  const since = time(state.activeSince);
  return due <= now.getTime() && (since === null || due >= since);
}

/**
 * Whether to show the notification now (when the alarm fires, or at browser start for a prompt
 * missed while the browser was closed). Shown once: not again after `lastShown`. A prompt from an
 * earlier week is not shown: a new week has its own question, and its own prompt to come.
 */
export function shouldShowPrompt(facts: PromptFacts): boolean {
  const { settings, state, now, answered } = facts;
  if (!settings.promptEnabled || weekDone(facts)) return false;
  const snoozed = time(state.snoozedUntil);
  if (snoozed !== null && snoozed <= now.getTime()) return true;
  const lastShown = time(state.lastShown);
  const due = missedPrompt({
    settings,
    now,
    lastShown: lastShown === null ? null : new Date(lastShown),
    answeredWeek: answered,
    skippedWeek: false,
  });
  if (!due || isoWeek(due).key !== isoWeek(now).key) return false;
  const since = time(state.activeSince);
  return since === null || due.getTime() >= since;
}

/**
 * When the one prompt alarm should next fire, or null when prompts are off. Each alarm is a
 * one-shot at an absolute time computed in local wall-clock terms, and the next is computed after
 * it fires, so daylight-saving changes never make the prompt drift.
 * It is the earliest of: the next prompt after `after` (at least `now`; the time the alarm that
 * just fired was due, so an early or ambiguous firing cannot repeat it), a pending snooze, and,
 * while the badge shows, the start of next week (when the badge must go).
 */
export function nextAlarmTime(facts: PromptFacts & { after?: Date }): Date | null {
  const { settings, state, now } = facts;
  if (!settings.promptEnabled) return null;
  const after = facts.after && facts.after.getTime() > now.getTime() ? facts.after : now;
  const candidates = [nextPromptTime(settings, after).getTime()];
  const snoozed = time(state.snoozedUntil);
  if (snoozed !== null && snoozed > now.getTime()) candidates.push(snoozed);
  if (badgeDue(facts)) candidates.push(nextWeekStart(now).getTime());
  return new Date(Math.min(...candidates));
}
