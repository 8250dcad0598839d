/**
 * The lesson model: a walkthrough is plain data (no code), so lesson packs can carry it too.
 *
 * A walkthrough is 3–8 short steps. Each step says where it applies (a URL pattern), what to point
 * at (ordered target candidates, most stable first), what the person does, how the step knows it
 * is done, and its words (short plain text with a little safe formatting, see richtext.ts).
 */

/** One way of finding the element to point at. Candidates are tried in order. */
export type TargetCandidate =
  /** A CSS selector on stable attributes: data-testid, aria-label, role, id. Never hashed classes. */
  | { css: string }
  /** An ARIA role plus accessible name; `name` matches case-insensitively, whole or as a prefix. */
  | { role: string; name: string }
  /** Visible text of an element (optionally of one tag), matched case-insensitively. */
  | { text: string; tag?: string };

export type StepAction = 'read' | 'click' | 'type' | 'wait' | 'navigate';

export type Completion =
  /** The person pressed Next (reading steps). */
  | { kind: 'manual' }
  /** The target was clicked. */
  | { kind: 'click' }
  /** The target field (input, textarea or contenteditable) became non-empty. */
  | { kind: 'input' }
  /** The page's URL matched this pattern. */
  | { kind: 'url'; url: string }
  /** An element matching these candidates appeared. */
  | { kind: 'appear'; target: TargetCandidate[] };

export interface Step {
  /** Stable within its walkthrough; used for progress and broken-step reports. */
  id: string;
  /** URL pattern (see url.ts) of the page this step applies to. */
  url: string;
  /** What to point at. A step without a target shows its callout centred on the page. */
  target?: TargetCandidate[];
  /** In plain words, what to look for when the target cannot be found. */
  lookFor?: string;
  action: StepAction;
  done: Completion;
  title: string;
  body: string;
  /** An optional step is skipped when its target is absent. */
  optional?: boolean;
  /** For `navigate` steps: where "Take me there" goes. */
  goTo?: string;
}

export type Topic = 'viva-engage' | 'x' | 'linkedin' | 'passwords';

export interface Walkthrough {
  id: string;
  title: string;
  topic: Topic;
  /** Estimated minutes; walkthroughs aim to be under 5. */
  minutes: number;
  /** One line: why this matters at work. */
  why: string;
  /** A civil-service tip: the Code, impartiality, what is fine to share. */
  tip?: string;
  /** Where Start takes the person. */
  startUrl: string;
  /** The optional host permission this walkthrough needs (one of lib/sites/hosts.ts). */
  origin?: string;
  /** Whether an offline practice copy exists (entrypoints/practice). */
  practice?: boolean;
  /**
   * Text-and-pictures lessons (the browser's own password manager, whose chrome:// pages cannot be
   * scripted) have no live overlay: they are read in the side panel.
   */
  readOnly?: boolean;
  steps: Step[];
}
