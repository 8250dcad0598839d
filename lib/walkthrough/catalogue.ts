import { findBuiltIn, LIBRARY } from './library';
import type { Walkthrough } from './model';

/**
 * Every walkthrough the extension knows: the built-in library now; lesson packs join it later.
 */
export function findLesson(id: string): Walkthrough | undefined {
  return findBuiltIn(id);
}

export function allLessons(): readonly Walkthrough[] {
  return LIBRARY;
}
