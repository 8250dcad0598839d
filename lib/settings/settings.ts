/**
 * User settings: pure parsing and defaults. Storage is in lib/platform/settings-store.ts.
 * Anything read back from storage is treated as untrusted and repaired field by field.
 */

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface Settings {
  /** Day of the weekly reflection prompt, 0 = Sunday … 6 = Saturday (as Date#getDay). */
  promptDay: Weekday;
  /** Local wall-clock time of the prompt, "HH:MM" on the 24-hour clock. */
  promptTime: string;
  /** The person can turn the weekly prompt off altogether. */
  promptEnabled: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  promptDay: 5,
  promptTime: '16:00',
  promptEnabled: true,
});

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Accepts "9:5"-style input too, and returns canonical "09:05", or null when it is not a time. */
export function normaliseTime(input: string): string | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(input);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6;
}

/** Repairs whatever storage holds into valid settings, keeping every field that is valid. */
export function parseSettings(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const day = Object.hasOwn(source, 'promptDay') ? source.promptDay : undefined;
  const time = Object.hasOwn(source, 'promptTime') ? source.promptTime : undefined;
  const enabled = Object.hasOwn(source, 'promptEnabled') ? source.promptEnabled : undefined;
  return {
    promptDay: isWeekday(day) ? day : DEFAULT_SETTINGS.promptDay,
    promptTime: typeof time === 'string' && TIME.test(time) ? time : DEFAULT_SETTINGS.promptTime,
    promptEnabled: typeof enabled === 'boolean' ? enabled : DEFAULT_SETTINGS.promptEnabled,
  };
}
