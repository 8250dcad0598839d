import {
  EMPTY_PROMPT_STATE,
  badgeDue,
  nextAlarmTime,
  nextWeekStart,
  parsePromptState,
  promptTimeThisWeek,
  shouldShowPrompt,
  type PromptFacts,
} from '../../../../lib/journal/prompt-state';

// Pure decisions behind the weekly prompt, in Europe/London local time.
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.TZ;
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

const settings = { promptDay: 5, promptTime: '16:00', promptEnabled: true } as const;
const facts = (now: Date, extra: Partial<PromptFacts> = {}): PromptFacts => ({ settings, state: { ...EMPTY_PROMPT_STATE }, now, answered: false, ...extra });

describe('parsePromptState', () => {
  it('keeps valid fields and normalises times to ISO', () => {
    expect(
      parsePromptState({ lastShown: '2026-11-27T16:00:00Z', snoozedUntil: null, skippedWeek: '2026-W48', activeSince: '2026-11-01T00:00:00.000Z' }),
    ).toEqual({ lastShown: '2026-11-27T16:00:00.000Z', snoozedUntil: null, skippedWeek: '2026-W48', activeSince: '2026-11-01T00:00:00.000Z' });
  });

  it.each([undefined, null, 'state', 7, [], ['2026-W48']])('gives the empty state for %j', (raw) => {
    expect(parsePromptState(raw)).toEqual(EMPTY_PROMPT_STATE);
  });

  it('drops junk field by field, and inherited keys', () => {
    expect(parsePromptState({ lastShown: 'yesterday', snoozedUntil: 12, skippedWeek: '2026-W54', activeSince: 'x'.repeat(100) })).toEqual(EMPTY_PROMPT_STATE);
    expect(parsePromptState({ skippedWeek: '2026-w48' }).skippedWeek).toBeNull();
    expect(parsePromptState(JSON.parse('{"__proto__": {"skippedWeek": "2026-W48"}}'))).toEqual(EMPTY_PROMPT_STATE);
  });
});

describe('this week', () => {
  it('has its prompt on the prompt day of the ISO week holding now, before or after now', () => {
    expect(promptTimeThisWeek(settings, new Date(2026, 10, 23, 0, 0))).toEqual(new Date(2026, 10, 27, 16, 0)); // Monday
    expect(promptTimeThisWeek(settings, new Date(2026, 10, 29, 23, 59))).toEqual(new Date(2026, 10, 27, 16, 0)); // Sunday
    expect(promptTimeThisWeek({ promptDay: 0, promptTime: '23:59' }, new Date(2026, 10, 23, 9))).toEqual(new Date(2026, 10, 29, 23, 59));
    expect(nextWeekStart(new Date(2026, 10, 29, 23, 59))).toEqual(new Date(2026, 10, 30));
  });

  it('ends at local midnight on Monday even when the clocks change that weekend', () => {
    expect(nextWeekStart(new Date(2026, 9, 24, 12))).toEqual(new Date(2026, 9, 26, 0, 0));
    expect(nextWeekStart(new Date(2026, 2, 28, 12)).toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });
});

describe('badgeDue and shouldShowPrompt', () => {
  const friday5pm = new Date(2026, 10, 27, 17, 0);

  it('are due after the prompt time until the week is answered or skipped', () => {
    expect(badgeDue(facts(new Date(2026, 10, 27, 15, 59)))).toBe(false);
    expect(badgeDue(facts(friday5pm))).toBe(true);
    expect(shouldShowPrompt(facts(friday5pm))).toBe(true);
    expect(badgeDue(facts(friday5pm, { answered: true }))).toBe(false);
    const skipped = { ...EMPTY_PROMPT_STATE, skippedWeek: '2026-W48' };
    expect(badgeDue(facts(friday5pm, { state: skipped }))).toBe(false);
    expect(shouldShowPrompt(facts(friday5pm, { state: skipped }))).toBe(false);
  });

  it('show a prompt once: not again after it was shown', () => {
    const shown = { ...EMPTY_PROMPT_STATE, lastShown: new Date(2026, 10, 27, 16, 0).toISOString() };
    expect(shouldShowPrompt(facts(friday5pm, { state: shown }))).toBe(false);
    expect(badgeDue(facts(friday5pm, { state: shown })), 'the badge stays').toBe(true);
  });

  it('show a snoozed prompt when the snooze ends, even though it was shown', () => {
    const state = { ...EMPTY_PROMPT_STATE, lastShown: new Date(2026, 10, 27, 16, 0).toISOString(), snoozedUntil: friday5pm.toISOString() };
    expect(shouldShowPrompt(facts(new Date(2026, 10, 27, 16, 59), { state }))).toBe(false);
    expect(shouldShowPrompt(facts(friday5pm, { state }))).toBe(true);
  });

  it('ignore prompt times before tracking began, and every prompt when it is off', () => {
    const state = { ...EMPTY_PROMPT_STATE, activeSince: new Date(2026, 10, 27, 16, 30).toISOString() };
    expect(badgeDue(facts(friday5pm, { state }))).toBe(false);
    expect(shouldShowPrompt(facts(friday5pm, { state }))).toBe(false);
    const off = { ...settings, promptEnabled: false };
    expect(badgeDue(facts(friday5pm, { settings: off }))).toBe(false);
    expect(shouldShowPrompt(facts(friday5pm, { settings: off }))).toBe(false);
  });
});

describe('nextAlarmTime', () => {
  it('is the next prompt, or an earlier snooze, or Monday while the badge shows; none when off', () => {
    const wednesday = new Date(2026, 10, 25, 9, 0);
    expect(nextAlarmTime(facts(wednesday))).toEqual(new Date(2026, 10, 27, 16, 0));
    const snoozed = { ...EMPTY_PROMPT_STATE, snoozedUntil: new Date(2026, 10, 25, 10, 0).toISOString() };
    expect(nextAlarmTime(facts(wednesday, { state: snoozed }))).toEqual(new Date(2026, 10, 25, 10, 0));
    expect(nextAlarmTime(facts(new Date(2026, 10, 27, 16, 0)))).toEqual(new Date(2026, 10, 30, 0, 0));
    expect(nextAlarmTime(facts(new Date(2026, 10, 27, 16, 0), { answered: true }))).toEqual(new Date(2026, 11, 4, 16, 0));
    expect(nextAlarmTime(facts(wednesday, { settings: { ...settings, promptEnabled: false } }))).toBeNull();
  });

  it('counts from the time the alarm was due when it fires early, so a prompt never repeats', () => {
    const early = new Date(2026, 10, 27, 15, 59, 59, 900);
    expect(nextAlarmTime({ ...facts(early, { answered: true }), after: new Date(2026, 10, 27, 16, 0) })).toEqual(new Date(2026, 11, 4, 16, 0));
  });
});
