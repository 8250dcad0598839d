import type { SessionEvent } from './session';

/** Everything the guide may report: step-machine events plus "report a broken step". */
export type GuideEvent = SessionEvent | { kind: 'report'; stepIndex: number; url: string };

const INDEXED = new Set(['completed', 'skip', 'missing', 'found', 'report']);
const PLAIN = new Set(['next', 'back', 'exit']);

/**
 * Validates an event from a content script, which runs beside a page we do not control.
 * Returns a fresh object holding only the known fields, or null.
 */
export function parseGuideEvent(raw: unknown): GuideEvent | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const kind = Object.hasOwn(r, 'kind') ? r.kind : undefined;
  if (typeof kind !== 'string') return null;
  if (PLAIN.has(kind)) return { kind } as GuideEvent;
  if (!INDEXED.has(kind)) return null;
  const stepIndex = r.stepIndex;
  if (typeof stepIndex !== 'number' || !Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex > 1000) return null;
  if (kind === 'report') {
    const url = r.url;
    if (typeof url !== 'string' || url.length > 2048 || !/^(https?|chrome-extension|moz-extension):/.test(url)) return null;
    return { kind, stepIndex, url };
  }
  return { kind, stepIndex } as GuideEvent;
}
