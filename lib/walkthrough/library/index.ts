import type { Walkthrough } from '../model';
import { linkedInWalkthroughs } from './linkedin';
import { passwordWalkthroughs } from './passwords';
import { vivaEngageWalkthroughs } from './viva-engage';
import { xWalkthroughs } from './x';

/** The built-in library, in the order Learn lists topics. */
export const LIBRARY: readonly Walkthrough[] = [...xWalkthroughs, ...linkedInWalkthroughs, ...vivaEngageWalkthroughs, ...passwordWalkthroughs];

const byId = new Map(LIBRARY.map((w) => [w.id, w]));

export function findBuiltIn(id: string): Walkthrough | undefined {
  return byId.get(id);
}
