/**
 * ISO 8601 weeks in the person's local time: weeks start on Monday, and week 1 is the week with
 * the year's first Thursday. Keys look like "2026-W48".
 */
export interface IsoWeek {
  year: number;
  week: number;
  key: string;
}

const DAY = 86_400_000;

export function isoWeek(date: Date): IsoWeek {
  // Work on a UTC date holding the local calendar day, so DST shifts cannot move the day.
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / DAY + 1) / 7);
  return { year, week, key: `${year}-W${String(week).padStart(2, '0')}` };
}

export function parseWeekKey(key: string): { year: number; week: number } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  return { year, week };
}

/** Local midnight at the start of the Monday of an ISO week. */
export function weekStart(key: string): Date | null {
  const parsed = parseWeekKey(key);
  if (!parsed) return null;
  // 4 January is always in week 1.
  const jan4 = new Date(parsed.year, 0, 4);
  const monday = new Date(parsed.year, 0, 4 - ((jan4.getDay() || 7) - 1) + (parsed.week - 1) * 7);
  return isoWeek(monday).key === key ? monday : null;
}

/** "24 November to 30 November 2026" style label parts for a week key. */
export function weekRange(key: string): { start: Date; end: Date } | null {
  const start = weekStart(key);
  if (!start) return null;
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  return { start, end };
}
