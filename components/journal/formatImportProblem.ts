import type { MessageKey } from '../../lib/i18n/messages';
import type { ImportProblem, ImportProblemCode, ProblemPlace } from '../../lib/journal/transfer';
import { t } from '../../lib/platform/i18n';

/** "Entry 3 (id e-…), field createdAt": entries are counted from 1, as a person counts them. */
export function formatPlace(place: ProblemPlace): string {
  if (place.kind === 'file') return t('importPlaceFile');
  if (place.kind === 'field') return t('importPlaceField', place.path);
  const number = String(place.index + 1);
  if (place.id === undefined) return place.field === undefined ? t('importPlaceEntry', number) : t('importPlaceEntryField', [number, place.field]);
  return place.field === undefined ? t('importPlaceEntryId', [number, place.id]) : t('importPlaceEntryIdField', [number, place.id, place.field]);
}

/** Each code's message. The file-wide ones are sentences on their own; the rest start with where. */
const KEYS: Record<ImportProblemCode, MessageKey> = {
  empty: 'importProblemEmpty',
  tooLarge: 'importProblemTooLarge',
  notJson: 'importProblemNotJson',
  notExport: 'importProblemNotExport',
  wrongFormat: 'importProblemWrongFormat',
  newerVersion: 'importProblemNewerVersion',
  missing: 'importProblemMissing',
  unknownKey: 'importProblemUnknownKey',
  wrongType: 'importProblemWrongType',
  invalid: 'importProblemInvalid',
  invalidDate: 'importProblemInvalidDate',
  notRealDate: 'importProblemNotRealDate',
  invalidId: 'importProblemInvalidId',
  tooLong: 'importProblemTooLong',
  invalidWeek: 'importProblemInvalidWeek',
  notRealWeek: 'importProblemNotRealWeek',
  tooManyTags: 'importProblemTooManyTags',
  invalidDay: 'importProblemInvalidDay',
  invalidTime: 'importProblemInvalidTime',
  duplicateId: 'importProblemDuplicateId',
  future: 'importProblemFuture',
  updatedBeforeCreated: 'importProblemUpdatedBeforeCreated',
};

/** One problem from parseJournalFile as a sentence for the error summary, in the UI's language. */
export function formatImportProblem(problem: ImportProblem): string {
  const key = KEYS[problem.code];
  const number = (n: number) => n.toLocaleString(t('htmlLang'));
  switch (problem.code) {
    case 'empty':
    case 'notExport':
    case 'wrongFormat':
      return t(key);
    case 'tooLarge':
      return t(key, number(problem.params.maxMegabytes));
    case 'notJson':
      return t(key, problem.params.detail);
    case 'newerVersion':
      return t(key, [String(problem.params.version), String(problem.params.supported)]);
    default:
  }
  const place = formatPlace(problem.where);
  switch (problem.code) {
    case 'wrongType':
      return t(key, [place, problem.params.expected, problem.params.received]);
    case 'invalid':
      return t(key, [place, problem.params.detail]);
    case 'tooLong':
    case 'tooManyTags':
      return t(key, [place, number(problem.params.max)]);
    case 'duplicateId':
      return t(key, [place, String(problem.params.firstIndex + 1)]);
    default:
      return t(key, place);
  }
}
