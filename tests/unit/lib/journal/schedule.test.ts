import { missedPrompt, nextPromptTime, previousPromptTime, snoozeUntil } from '../../../../lib/journal/schedule';
import type { Settings } from '../../../../lib/settings/settings';

// The schedule is local wall-clock arithmetic, so these tests run in named time zones. Node reads
// process.env.TZ afresh when it is assigned, so each block sets the zone and puts it back after.
// The dates are 2026's daylight-saving changes:
//   Europe/London     spring forward Sun 29 Mar 01:00 GMT → 02:00 BST; fall back Sun 25 Oct 02:00 BST → 01:00 GMT
//   America/New_York  spring forward Sun 8 Mar 02:00 → 03:00; fall back Sun 1 Nov 02:00 → 01:00
//   Australia/Sydney  fall back Sun 5 Apr 03:00 → 02:00; spring forward Sun 4 Oct 02:00 → 03:00

const FRIDAY_4PM: Pick<Settings, 'promptDay' | 'promptTime'> = { promptDay: 5, promptTime: '16:00' };

function inZone(zone: string) {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}

/** Local wall-clock reading of a Date, to compare with what a person's clock shows. */
const local = (d: Date) =>
  `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()]} ${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** Fires the alarm chain as the background does: each next prompt computed from the last. */
function chain(settings: Pick<Settings, 'promptDay' | 'promptTime'>, from: Date, count: number): Date[] {
  const out: Date[] = [];
  let at = from;
  for (let i = 0; i < count; i += 1) {
    at = nextPromptTime(settings, at);
    out.push(at);
  }
  return out;
}

describe('the weekly prompt in Europe/London', () => {
  inZone('Europe/London');

  it('is at the chosen day and time, strictly after now', () => {
    const wednesday = new Date(2026, 10, 25, 9, 0); // Wed 25 Nov 2026
    expect(local(nextPromptTime(FRIDAY_4PM, wednesday))).toBe('Fri 2026-11-27 16:00');
    // At 16:00 exactly, this week's prompt is now, so the next is a week on.
    expect(local(nextPromptTime(FRIDAY_4PM, new Date(2026, 10, 27, 16, 0)))).toBe('Fri 2026-12-04 16:00');
    expect(local(nextPromptTime(FRIDAY_4PM, new Date(2026, 10, 27, 15, 59)))).toBe('Fri 2026-11-27 16:00');
    expect(local(previousPromptTime(FRIDAY_4PM, new Date(2026, 10, 27, 16, 0)))).toBe('Fri 2026-11-27 16:00');
    expect(local(previousPromptTime(FRIDAY_4PM, new Date(2026, 10, 27, 15, 59)))).toBe('Fri 2026-11-20 16:00');
  });

  it('stays at 16:00 local on the Friday after the clocks go forward in March', () => {
    const friday = new Date('2026-03-27T16:00:00Z'); // Fri 27 Mar 16:00 GMT
    expect(local(friday)).toBe('Fri 2026-03-27 16:00');
    const next = nextPromptTime(FRIDAY_4PM, friday);
    expect(local(next)).toBe('Fri 2026-04-03 16:00');
    expect(next.toISOString()).toBe('2026-04-03T15:00:00.000Z'); // 16:00 BST
    // So the week between is an hour short of 7 × 24 hours: a fixed period would drift to 17:00.
    expect(next.getTime() - friday.getTime()).toBe(7 * 86_400_000 - 3_600_000);
  });

  it('stays at 16:00 local on the Friday after the clocks go back in October', () => {
    const friday = new Date('2026-10-23T15:00:00Z'); // Fri 23 Oct 16:00 BST
    expect(local(friday)).toBe('Fri 2026-10-23 16:00');
    const next = nextPromptTime(FRIDAY_4PM, friday);
    expect(local(next)).toBe('Fri 2026-10-30 16:00');
    expect(next.toISOString()).toBe('2026-10-30T16:00:00.000Z'); // 16:00 GMT
    expect(next.getTime() - friday.getTime()).toBe(7 * 86_400_000 + 3_600_000);
  });

  it('computed week after week through a whole year, every prompt is Friday 16:00 local', () => {
    const prompts = chain(FRIDAY_4PM, new Date(2026, 0, 1), 53);
    expect(new Set(prompts.map((d) => local(d).replace(/\d{4}-\d{2}-\d{2}/, '')))).toEqual(new Set(['Fri  16:00']));
    expect(prompts).toHaveLength(53);
  });

  it('fires a 01:30 Sunday prompt once on the spring-forward Sunday, at 02:30 BST: the clock skips 01:00–02:00, so it comes as soon as the clock passes the gap', () => {
    // Decided behaviour: a time that does not exist is read with the offset from before the change
    // (ECMAScript's rule for local times in a gap), which puts it one hour later on the clock,
    // 02:30 BST, the same instant as 01:30 GMT. It neither vanishes nor fires twice.
    const sunday0130: Pick<Settings, 'promptDay' | 'promptTime'> = { promptDay: 0, promptTime: '01:30' };
    const week = chain(sunday0130, new Date('2026-03-21T12:00:00Z'), 3);
    expect(week.map(local)).toEqual(['Sun 2026-03-22 01:30', 'Sun 2026-03-29 02:30', 'Sun 2026-04-05 01:30']);
    expect(week[1]!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // Once it has fired, the next is a week on, not again later that night.
    expect(nextPromptTime(sunday0130, week[1]!).toISOString()).toBe('2026-04-05T00:30:00.000Z');
  });

  it('fires a 01:30 Sunday prompt once on the fall-back Sunday, when 01:30 happens twice: at the first', () => {
    const sunday0130: Pick<Settings, 'promptDay' | 'promptTime'> = { promptDay: 0, promptTime: '01:30' };
    const first = nextPromptTime(sunday0130, new Date('2026-10-24T12:00:00Z'));
    expect(first.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST, the first 01:30
    // An hour later the clock reads 01:30 again (GMT): the prompt does not fire a second time.
    const second = nextPromptTime(sunday0130, first);
    expect(local(second)).toBe('Sun 2026-11-01 01:30');
    expect(nextPromptTime(sunday0130, new Date('2026-10-25T01:30:00Z')).toISOString()).toBe(second.toISOString());
  });

  it('snoozes for an hour of real time, and until tomorrow at the prompt time on the clock', () => {
    const now = new Date('2026-03-29T00:30:00Z'); // Sun 00:30 GMT, half an hour before the change
    expect(snoozeUntil('hour', FRIDAY_4PM, now).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    const saturday = new Date('2026-03-28T16:05:00Z');
    expect(local(snoozeUntil('tomorrow', FRIDAY_4PM, saturday))).toBe('Sun 2026-03-29 16:00');
    expect(snoozeUntil('tomorrow', FRIDAY_4PM, saturday).toISOString()).toBe('2026-03-29T15:00:00.000Z');
    // Late on the last day of a month and of a year, tomorrow is the next month and year.
    expect(local(snoozeUntil('tomorrow', { promptTime: '09:15' }, new Date(2026, 11, 31, 23, 30)))).toBe('Fri 2027-01-01 09:15');
  });
});

describe('the weekly prompt in America/New_York', () => {
  inZone('America/New_York');

  it('keeps Friday 16:00 local across both changes', () => {
    const prompts = chain(FRIDAY_4PM, new Date('2026-02-27T12:00:00Z'), 3);
    expect(prompts.map(local)).toEqual(['Fri 2026-02-27 16:00', 'Fri 2026-03-06 16:00', 'Fri 2026-03-13 16:00']);
    expect(prompts[2]!.toISOString()).toBe('2026-03-13T20:00:00.000Z'); // EDT, UTC−4
    const autumn = chain(FRIDAY_4PM, new Date('2026-10-28T12:00:00Z'), 2);
    expect(autumn.map(local)).toEqual(['Fri 2026-10-30 16:00', 'Fri 2026-11-06 16:00']);
    expect(autumn[1]!.toISOString()).toBe('2026-11-06T21:00:00.000Z'); // EST, UTC−5
  });

  it('moves a 02:30 Sunday prompt to 03:30 on the spring-forward Sunday, once', () => {
    const sunday0230: Pick<Settings, 'promptDay' | 'promptTime'> = { promptDay: 0, promptTime: '02:30' };
    const prompts = chain(sunday0230, new Date('2026-03-02T12:00:00Z'), 2);
    expect(prompts.map(local)).toEqual(['Sun 2026-03-08 03:30', 'Sun 2026-03-15 02:30']);
  });
});

describe('the weekly prompt in Australia/Sydney', () => {
  inZone('Australia/Sydney');

  it('keeps Friday 16:00 local across April’s fall back and October’s spring forward', () => {
    const april = chain(FRIDAY_4PM, new Date('2026-03-30T00:00:00Z'), 2);
    expect(april.map(local)).toEqual(['Fri 2026-04-03 16:00', 'Fri 2026-04-10 16:00']);
    expect(april.map((d) => d.toISOString())).toEqual(['2026-04-03T05:00:00.000Z', '2026-04-10T06:00:00.000Z']);
    const october = chain(FRIDAY_4PM, new Date('2026-09-28T00:00:00Z'), 2);
    expect(october.map(local)).toEqual(['Fri 2026-10-02 16:00', 'Fri 2026-10-09 16:00']);
    expect(october.map((d) => d.toISOString())).toEqual(['2026-10-02T06:00:00.000Z', '2026-10-09T05:00:00.000Z']);
  });

  it('finds the next prompt from a day that is Friday in Sydney but still Thursday in London', () => {
    const now = new Date('2026-11-26T22:00:00Z'); // Fri 27 Nov 09:00 in Sydney
    expect(local(now)).toBe('Fri 2026-11-27 09:00');
    expect(local(nextPromptTime(FRIDAY_4PM, now))).toBe('Fri 2026-11-27 16:00');
  });
});

describe('missedPrompt', () => {
  inZone('Europe/London');
  const settings = FRIDAY_4PM;
  const monday = new Date(2026, 10, 30, 9, 0); // Mon 30 Nov, after Fri 27 Nov 16:00

  it('reports the last prompt when it fell due while nothing was shown', () => {
    expect(missedPrompt({ settings, now: monday, lastShown: null, answeredWeek: false, skippedWeek: false })).toEqual(new Date(2026, 10, 27, 16, 0));
    expect(missedPrompt({ settings, now: monday, lastShown: new Date(2026, 10, 20, 16, 0), answeredWeek: false, skippedWeek: false })).toEqual(
      new Date(2026, 10, 27, 16, 0),
    );
  });

  it('does not report it again once it has been shown', () => {
    expect(missedPrompt({ settings, now: monday, lastShown: new Date(2026, 10, 27, 16, 0), answeredWeek: false, skippedWeek: false })).toBeNull();
    expect(missedPrompt({ settings, now: monday, lastShown: new Date(2026, 10, 29, 8, 0), answeredWeek: false, skippedWeek: false })).toBeNull();
  });

  it('does not report a week already answered or skipped', () => {
    expect(missedPrompt({ settings, now: monday, lastShown: null, answeredWeek: true, skippedWeek: false })).toBeNull();
    expect(missedPrompt({ settings, now: monday, lastShown: null, answeredWeek: false, skippedWeek: true })).toBeNull();
  });
});
