import { errorText } from '../../lib/platform/i18n';
import { send } from '../../lib/platform/messaging';
import { requestSite } from '../../lib/platform/permissions';
import type { Walkthrough } from '../../lib/walkthrough/model';
import type { SessionMode } from '../../lib/walkthrough/session';

/** message: what to show when it failed, in the UI's language (lib/platform/i18n.ts errorText). */
export type StartResult = { ok: true } | { ok: false; reason: 'denied' } | { ok: false; reason: 'failed'; message: string };

/**
 * Starts a walkthrough from a click. For a live one the site permission is requested first, in
 * the same gesture (an await before it would lose the gesture and the browser would refuse).
 */
export async function startWalkthrough(lesson: Walkthrough, mode: SessionMode, resume: boolean): Promise<StartResult> {
  if (mode === 'live') {
    const granted = await requestSite(lesson.origin ?? '').catch(() => false);
    if (!granted) return { ok: false, reason: 'denied' };
  }
  try {
    await send('walkthrough/start', { lessonId: lesson.id, mode, resume });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: 'failed', message: errorText(error) };
  }
}
