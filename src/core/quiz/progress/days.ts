/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Local midnight before `ms` (the process's time zone, so "today" matches the learner's wall clock). */
export function startOfLocalDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** The local calendar date of `ms` as YYYY-MM-DD. */
export function localDayKey(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight `days` calendar days after the one containing `ms` (DST-safe). */
export function addLocalDays(ms: number, days: number): number {
  const date = new Date(startOfLocalDay(ms));
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/** Whole local calendar days from the day of `fromMs` to the day of `toMs`. */
export function localDaysBetween(fromMs: number, toMs: number): number {
  return Math.round((startOfLocalDay(toMs) - startOfLocalDay(fromMs)) / DAY_MS);
}

/** "today 14:05", "tomorrow", "in 3 days (Mon 2026-06-08)", "in 10 min": when something is due, for people. */
export function describeDue(dueMs: number, nowMs: number): string {
  const minutes = Math.round((dueMs - nowMs) / 60_000);
  if (dueMs <= nowMs) return 'now';
  if (minutes < 60) return `in ${Math.max(1, minutes)} min`;
  const days = localDaysBetween(nowMs, dueMs);
  const date = new Date(dueMs);
  if (days === 0) return `today ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (days === 1) return `tomorrow (${localDayKey(dueMs)})`;
  return `in ${days} days (${localDayKey(dueMs)})`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
