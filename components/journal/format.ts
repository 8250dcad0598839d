import type { MessageKey } from '../../lib/i18n/messages';
import { weekRange } from '../../lib/journal/week';
import { t } from '../../lib/platform/i18n';

// Dates are put together from the locale catalogue rather than Intl.DateTimeFormat: the first
// DateTimeFormat in a fresh page costs ~30 ms while ICU loads (measured in Chromium), which alone
// broke the journal's first-render budget, and GOV.UK's "Friday 28 November 2026" has no commas
// that some ICU data adds.
const DAYS = ['day0', 'day1', 'day2', 'day3', 'day4', 'day5', 'day6'] as const satisfies readonly MessageKey[];
const MONTHS = [
  'month0',
  'month1',
  'month2',
  'month3',
  'month4',
  'month5',
  'month6',
  'month7',
  'month8',
  'month9',
  'month10',
  'month11',
] as const satisfies readonly MessageKey[];

const dayMonth = (d: Date) => `${d.getDate()} ${t(MONTHS[d.getMonth()]!)}`;

/** "Friday 28 November 2026". */
export function formatDate(iso: string | Date): string {
  const d = new Date(iso);
  return `${t(DAYS[d.getDay()]!)} ${dayMonth(d)} ${d.getFullYear()}`;
}

/** GOV.UK writes times like "2:32pm". */
export function formatTime(iso: string | Date): string {
  const d = new Date(iso);
  const hours = d.getHours();
  const minutes = String(d.getMinutes()).padStart(2, '0');
  return `${hours % 12 || 12}:${minutes}${hours < 12 ? 'am' : 'pm'}`;
}

export function formatDateTime(iso: string | Date): string {
  return t('journalDateAtTime', [formatDate(iso), formatTime(iso)]);
}

/** "24 November to 30 November 2026" for a week key; the key itself if it is not a week. */
export function formatWeek(key: string): string {
  const range = weekRange(key);
  if (!range) return key;
  return t('journalWeekRange', [dayMonth(range.start), `${dayMonth(range.end)} ${range.end.getFullYear()}`]);
}

/** "10,000": thousands separated by commas, as in English and Welsh (no Intl, as above). */
export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatCount(n: number, one: MessageKey, many: MessageKey): string {
  return n === 1 ? t(one) : t(many, formatNumber(n));
}
