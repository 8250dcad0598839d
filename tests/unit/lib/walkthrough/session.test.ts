import type { Step, Walkthrough } from '../../../../lib/walkthrough/model';
import { guideView, nextStep, startSession, type Session, type SessionEvent } from '../../../../lib/walkthrough/session';

const step = (id: string, extra: Partial<Step> = {}): Step => ({
  id,
  url: 'https://x.com/home',
  action: 'read',
  done: { kind: 'manual' },
  title: `Title ${id}`,
  body: `Body ${id}`,
  ...extra,
});

const lesson: Walkthrough = {
  id: 'test-lesson',
  title: 'A test lesson',
  topic: 'x',
  minutes: 2,
  why: 'Because tests matter.',
  startUrl: 'https://x.com/home',
  origin: 'https://x.com/*',
  steps: [step('one'), step('two'), step('three', { optional: true }), step('four')],
};

/** A fresh, frozen session: nextStep must never change the one it is given. */
function session(overrides: Partial<Session> = {}): Session {
  return Object.freeze({
    ...startSession({ lessonId: lesson.id, mode: 'live', tabId: 7, total: 4, startedAt: '2026-11-16T09:00:00.000Z' }),
    ...overrides,
  });
}

/** Applies events in order, failing the test if the walkthrough ends on the way. */
function run(start: Session, ...events: SessionEvent[]): Session {
  return events.reduce<Session>((s, e) => {
    const next = nextStep(s, e);
    if (!next) throw new Error(`session ended at ${e.kind}`);
    return next;
  }, start);
}

describe('startSession', () => {
  it('starts active at the first step, with nothing missing, keeping what it was given', () => {
    expect(startSession({ lessonId: 'a', mode: 'practice', tabId: 3, total: 5, startedAt: 'then' })).toEqual({
      lessonId: 'a',
      mode: 'practice',
      tabId: 3,
      total: 5,
      startedAt: 'then',
      stepIndex: 0,
      missing: false,
      status: 'active',
    });
  });
});

describe('nextStep', () => {
  describe('next and back', () => {
    it('moves forward one step at a time', () => {
      expect(nextStep(session(), { kind: 'next' })).toMatchObject({ stepIndex: 1, status: 'active' });
      expect(run(session(), { kind: 'next' }, { kind: 'next' })).toMatchObject({ stepIndex: 2, status: 'active' });
    });

    it('moves back one step at a time', () => {
      expect(nextStep(session({ stepIndex: 2 }), { kind: 'back' })).toMatchObject({ stepIndex: 1, status: 'active' });
    });

    it('stays on the first step when going back from it', () => {
      expect(nextStep(session(), { kind: 'back' })).toMatchObject({ stepIndex: 0, status: 'active' });
      expect(run(session(), { kind: 'back' }, { kind: 'back' }, { kind: 'back' })).toMatchObject({ stepIndex: 0 });
    });

    it('finishes on next from the last step, staying on the last index', () => {
      expect(nextStep(session({ stepIndex: 3 }), { kind: 'next' })).toMatchObject({ stepIndex: 3, status: 'finished', missing: false });
    });

    it('finishes after exactly `total` nexts from the start', () => {
      const s = run(session(), { kind: 'next' }, { kind: 'next' }, { kind: 'next' });
      expect(s.status).toBe('active');
      expect(run(s, { kind: 'next' }).status).toBe('finished');
    });

    it('clears the missing flag when it moves', () => {
      expect(nextStep(session({ stepIndex: 1, missing: true }), { kind: 'next' })).toMatchObject({ stepIndex: 2, missing: false });
      expect(nextStep(session({ stepIndex: 1, missing: true }), { kind: 'back' })).toMatchObject({ stepIndex: 0, missing: false });
    });

    it('does not change the session it is given, and keeps the rest of it', () => {
      const before = session({ stepIndex: 1 });
      const copy = { ...before };
      const after = nextStep(before, { kind: 'next' });
      expect(before).toEqual(copy);
      expect(after).toEqual({ ...copy, stepIndex: 2 });
    });
  });

  describe('completed and skip', () => {
    it.each(['completed', 'skip'] as const)('%s for the current step advances', (kind) => {
      expect(nextStep(session({ stepIndex: 1 }), { kind, stepIndex: 1 })).toMatchObject({ stepIndex: 2, status: 'active' });
    });

    it.each(['completed', 'skip'] as const)('%s for the last step finishes', (kind) => {
      expect(nextStep(session({ stepIndex: 3 }), { kind, stepIndex: 3 })).toMatchObject({ stepIndex: 3, status: 'finished' });
    });

    it.each(['completed', 'skip'] as const)('%s for a step the person has already left is ignored', (kind) => {
      const s = session({ stepIndex: 2 });
      expect(nextStep(s, { kind, stepIndex: 1 })).toBe(s);
      expect(nextStep(s, { kind, stepIndex: 3 })).toBe(s);
      expect(nextStep(s, { kind, stepIndex: 99 })).toBe(s);
      expect(nextStep(s, { kind, stepIndex: -1 })).toBe(s);
    });

    it('a late duplicate "completed" does not skip the step after it', () => {
      // The guide reports the click, the background advances, then a second report of the same
      // click arrives: the person must still see step 2.
      const s = run(session(), { kind: 'completed', stepIndex: 0 }, { kind: 'completed', stepIndex: 0 });
      expect(s.stepIndex).toBe(1);
    });
  });

  describe('missing and found', () => {
    it('marks the current step as missing, and found clears it', () => {
      const missing = nextStep(session({ stepIndex: 1 }), { kind: 'missing', stepIndex: 1 });
      expect(missing).toMatchObject({ stepIndex: 1, missing: true, status: 'active' });
      expect(nextStep(missing!, { kind: 'found', stepIndex: 1 })).toMatchObject({ stepIndex: 1, missing: false });
    });

    it('ignores missing and found for another step', () => {
      const s = session({ stepIndex: 1 });
      expect(nextStep(s, { kind: 'missing', stepIndex: 0 })).toBe(s);
      const m = session({ stepIndex: 1, missing: true });
      expect(nextStep(m, { kind: 'found', stepIndex: 2 })).toBe(m);
    });

    it('returns the same session for found when nothing was missing', () => {
      const s = session({ stepIndex: 1 });
      expect(nextStep(s, { kind: 'found', stepIndex: 1 })).toBe(s);
    });

    it('keeps a missing step missing on a repeated report', () => {
      expect(run(session(), { kind: 'missing', stepIndex: 0 }, { kind: 'missing', stepIndex: 0 })).toMatchObject({ missing: true, stepIndex: 0 });
    });

    it('lets the person skip a missing step', () => {
      expect(run(session(), { kind: 'missing', stepIndex: 0 }, { kind: 'skip', stepIndex: 0 })).toMatchObject({ stepIndex: 1, missing: false });
    });
  });

  describe('exit', () => {
    it('ends the walkthrough from any state', () => {
      expect(nextStep(session(), { kind: 'exit' })).toBeNull();
      expect(nextStep(session({ stepIndex: 2, missing: true }), { kind: 'exit' })).toBeNull();
      expect(nextStep(session({ stepIndex: 3, status: 'finished' }), { kind: 'exit' })).toBeNull();
    });
  });

  describe('once finished', () => {
    const finished = session({ stepIndex: 3, status: 'finished' });

    it('goes back to the last step, active again', () => {
      expect(nextStep(finished, { kind: 'back' })).toMatchObject({ stepIndex: 3, status: 'active', missing: false });
    });

    it.each<SessionEvent>([
      { kind: 'next' },
      { kind: 'completed', stepIndex: 3 },
      { kind: 'skip', stepIndex: 3 },
      { kind: 'missing', stepIndex: 3 },
      { kind: 'found', stepIndex: 3 },
    ])('ignores $kind', (event) => {
      expect(nextStep(finished, event)).toBe(finished);
    });
  });

  it('walks a whole lesson: complete, go missing, skip, go back, finish', () => {
    let s = session();
    s = run(s, { kind: 'completed', stepIndex: 0 });
    s = run(s, { kind: 'missing', stepIndex: 1 }, { kind: 'skip', stepIndex: 1 });
    expect(s).toMatchObject({ stepIndex: 2, missing: false });
    s = run(s, { kind: 'back' }, { kind: 'next' }, { kind: 'next' }, { kind: 'completed', stepIndex: 3 });
    expect(s).toMatchObject({ stepIndex: 3, status: 'finished' });
  });
});

describe('guideView', () => {
  it('describes the current step of the lesson', () => {
    expect(guideView(session({ stepIndex: 1 }), lesson)).toEqual({
      lessonId: 'test-lesson',
      lessonTitle: 'A test lesson',
      index: 1,
      total: 4,
      step: lesson.steps[1],
      missing: false,
      finished: false,
    });
  });

  it('passes on missing and finished', () => {
    expect(guideView(session({ stepIndex: 2, missing: true }), lesson)).toMatchObject({ index: 2, missing: true, finished: false });
    expect(guideView(session({ stepIndex: 3, status: 'finished' }), lesson)).toMatchObject({ index: 3, finished: true, step: lesson.steps[3] });
  });

  it('takes the total from the lesson, not from the session', () => {
    expect(guideView(session({ total: 9 }), lesson)?.total).toBe(4);
  });

  it('is null when the session points past the lesson’s steps (a lesson that has shrunk)', () => {
    expect(guideView(session({ stepIndex: 4 }), lesson)).toBeNull();
    expect(guideView(session({ stepIndex: -1 }), lesson)).toBeNull();
  });
});
