import type { Walkthrough } from '../model';
import { xWalkthroughs } from './x';

/** The built-in library, in the order Learn lists topics. */
export const LIBRARY: readonly Walkthrough[] = [...xWalkthroughs];

const byId = new Map(LIBRARY.map((w) => [w.id, w]));

export function findBuiltIn(id: string): Walkthrough | undefined {
  return byId.get(id);
}
