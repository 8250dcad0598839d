import type { Settings } from '../settings/settings';

/**
 * When the weekly reflection prompt fires, in local wall-clock time. All arithmetic goes through
 * local calendar fields (new Date(y, m, d, h, min)), so a prompt set for Friday 16:00 stays at
 * 16:00 across daylight-saving changes and follows the machine's time zone.
 */

function at(day: Date, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h ?? 16, m ?? 0, 0, 0);
}

/** The next prompt strictly after `now`. */
export function nextPromptTime(settings: Pick<Settings, 'promptDay' | 'promptTime'>, now: Date): Date {
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    if (day.getDay() !== settings.promptDay) continue;
    const when = at(day, settings.promptTime);
    if (when.getTime() > now.getTime()) return when;
  }
  // Unreachable: within 8 days the weekday recurs after `now`.
  throw new Error('No prompt time found');
}

/** The most recent prompt time at or before `now`. */
export function previousPromptTime(settings: Pick<Settings, 'promptDay' | 'promptTime'>, now: Date): Date {
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - offset);
    if (day.getDay() !== settings.promptDay) continue;
    const when = at(day, settings.promptTime);
    if (when.getTime() <= now.getTime()) return when;
  }
  throw new Error('No prompt time found');
}

export type Snooze = 'hour' | 'tomorrow';

/** One hour from now, or tomorrow at the prompt's time of day. */
export function snoozeUntil(kind: Snooze, settings: Pick<Settings, 'promptTime'>, now: Date): Date {
  if (kind === 'hour') return new Date(now.getTime() + 3_600_000);
  return at(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1), settings.promptTime);
}

/**
 * Whether a prompt was missed (the browser was closed or asleep when it was due) and should be
 * shown once now: it fell due after the last one shown, and the person has not answered it.
 */
export function missedPrompt(args: {
  settings: Pick<Settings, 'promptDay' | 'promptTime'>;
  now: Date;
  lastShown: Date | null;
  answeredWeek: boolean;
  skippedWeek: boolean;
}): Date | null {
  const due = previousPromptTime(args.settings, args.now);
  if (args.answeredWeek || args.skippedWeek) return null;
  if (args.lastShown && args.lastShown.getTime() >= due.getTime()) return null;
  return due;
}
