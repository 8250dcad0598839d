import { parseWeekKey } from './week';

/**
 * The weekly reflection questions, written for senior civil servants who are new to writing in
 * public. One a week, in rotation, so a year of Fridays has variety without randomness.
 * Ids are stable: entries record the prompt they answer.
 */
export interface ReflectionPrompt {
  id: string;
  question: string;
}

export const PROMPTS: readonly ReflectionPrompt[] = [
  { id: 'learned', question: 'What did you learn this week?' },
  { id: 'public-interest', question: 'What would the public find interesting about your team’s work this week?' },
  { id: 'helped', question: 'Who helped you this week, and how could you thank them in public?' },
  { id: 'next-week', question: 'What is one thing you will try next week?' },
  { id: 'surprised', question: 'What surprised you this week?' },
  { id: 'explain', question: 'What did you explain to someone this week that others might want to know?' },
  { id: 'digital-step', question: 'What small digital step did you take this week, and how did it feel?' },
  { id: 'proud', question: 'What is your team proud of this week?' },
];

/** The prompt for an ISO week key ("2026-W48"), rotating through PROMPTS. */
export function promptForWeek(weekKey: string): ReflectionPrompt {
  const parsed = parseWeekKey(weekKey);
  const n = parsed ? parsed.year * 53 + parsed.week : 0;
  return PROMPTS[n % PROMPTS.length]!;
}

export function findPrompt(id: string): ReflectionPrompt | undefined {
  return PROMPTS.find((p) => p.id === id);
}
