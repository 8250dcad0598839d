import type { MessageKey } from '../../lib/i18n/messages';

export const AREAS = ['learn', 'journal', 'drafts', 'packs', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_LABEL: Record<Area, MessageKey> = {
  learn: 'navLearn',
  journal: 'navJournal',
  drafts: 'navDrafts',
  packs: 'navPacks',
  settings: 'navSettings',
};

/** `#journal` or `#journal/anything` → 'journal'; anything unknown → Learn, the home area. */
export function areaFromHash(hash: string): Area {
  const head = hash.replace(/^#/, '').split('/')[0] ?? '';
  return (AREAS as readonly string[]).includes(head) ? (head as Area) : 'learn';
}
