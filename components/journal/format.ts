import { t } from '../../lib/platform/i18n';
import { weekRange } from '../../lib/journal/week';

/** Dates in the words of the page's language ("Friday 28 November 2026"), GOV.UK style. */
function formatter(options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(t('htmlLang'), options);
}

/** "Friday 28 November 2026": GOV.UK style, without the comma some locales' data adds. */
export function formatDate(iso: string | Date): string {
  const parts = formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
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
  const day = formatter({ day: 'numeric', month: 'long' });
  return t('journalWeekRange', [day.format(range.start), `${day.format(range.end)} ${range.end.getFullYear()}`]);
}

export function formatCount(n: number, one: Parameters<typeof t>[0], many: Parameters<typeof t>[0]): string {
  return n === 1 ? t(one) : t(many, n.toLocaleString(t('htmlLang')));
}
