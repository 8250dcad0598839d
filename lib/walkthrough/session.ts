import type { Step, Walkthrough } from './model';

/**
 * A running walkthrough, as the background keeps it in storage.session, and the pure step machine
 * that moves it on. Events from the guide name the step they are about, so a late event from a
 * step the person has already left is ignored rather than skipping a step.
 */
export type SessionMode = 'live' | 'practice';

export interface Session {
  lessonId: string;
  mode: SessionMode;
  /** The tab the guide runs in; only that tab receives the script. */
  tabId: number;
  stepIndex: number;
  total: number;
  /** The guide could not find the current step's target in time. */
  missing: boolean;
  status: 'active' | 'finished';
  startedAt: string;
}

export type SessionEvent =
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'exit' }
  /** The step's completion condition was met (or "I've done it"). */
  | { kind: 'completed'; stepIndex: number }
  /** Skip a step whose target could not be found, or an optional step whose target is absent. */
  | { kind: 'skip'; stepIndex: number }
  | { kind: 'missing'; stepIndex: number }
  | { kind: 'found'; stepIndex: number };

export function startSession(args: Omit<Session, 'stepIndex' | 'missing' | 'status'>): Session {
  return { ...args, stepIndex: 0, missing: false, status: 'active' };
}

function goTo(session: Session, stepIndex: number): Session {
  if (stepIndex >= session.total) return { ...session, stepIndex: session.total - 1, missing: false, status: 'finished' };
  return { ...session, stepIndex: Math.max(0, stepIndex), missing: false, status: 'active' };
}

/** Returns the next session, or null when the walkthrough has ended (exit). */
export function nextStep(session: Session, event: SessionEvent): Session | null {
  if (event.kind === 'exit') return null;
  if (session.status === 'finished') return event.kind === 'back' ? goTo(session, session.total - 1) : session;
  const current = session.stepIndex;
  switch (event.kind) {
    case 'next':
      return goTo(session, current + 1);
    case 'back':
      return goTo(session, current - 1);
    case 'completed':
    case 'skip':
      return event.stepIndex === current ? goTo(session, current + 1) : session;
    case 'missing':
      return event.stepIndex === current ? { ...session, missing: true } : session;
    case 'found':
      return event.stepIndex === current && session.missing ? { ...session, missing: false } : session;
  }
}

/** What the guide overlay (and the side panel) needs to show the current step. */
export interface GuideView {
  lessonId: string;
  lessonTitle: string;
  index: number;
  total: number;
  step: Step;
  missing: boolean;
  finished: boolean;
}

export function guideView(session: Session, walkthrough: Walkthrough): GuideView | null {
  const step = walkthrough.steps[session.stepIndex];
  if (!step) return null;
  return {
    lessonId: walkthrough.id,
    lessonTitle: walkthrough.title,
    index: session.stepIndex,
    total: walkthrough.steps.length,
    step,
    missing: session.missing,
    finished: session.status === 'finished',
  };
}
