/** One day of the calendar heatmap: its date, answer count and shade from 0 (none) to 4 (most). */
export interface HeatCell {
  day: string;
  answers: number;
  level: 0 | 1 | 2 | 3 | 4;
}

/** A calendar heatmap: seven rows (Monday first), one column per week, blanks before the first day. */
export interface Heatmap {
  rows: { label: string; cells: (HeatCell | undefined)[] }[];
  max: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Lays out days (oldest first, consecutive YYYY-MM-DD) as a week-by-weekday grid with shades relative to the busiest day. */
export function buildHeatmap(days: readonly { day: string; answers: number }[]): Heatmap {
  const max = Math.max(0, ...days.map((day) => day.answers));
  const first = days[0];
  const offset = first ? (weekday(first.day) + 6) % 7 : 0;
  const weeks = Math.ceil((offset + days.length) / 7);
  const rows = WEEKDAYS.map((label) => ({ label, cells: new Array<HeatCell | undefined>(weeks).fill(undefined) }));
  days.forEach((day, index) => {
    const slot = offset + index;
    const level = day.answers === 0 || max === 0 ? 0 : (Math.max(1, Math.ceil((4 * day.answers) / max)) as HeatCell['level']);
    rows[slot % 7]!.cells[Math.floor(slot / 7)] = { ...day, level };
  });
  return { rows, max };
}

// Day of the week (0 Sunday) of a calendar date, by Zeller-style arithmetic so time zones cannot shift it.
function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
