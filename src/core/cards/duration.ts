import { sumDurationParts } from '../text/duration-parts.js';

const UNIT_MINUTES: Record<string, number> = {
  h: 60, hr: 60, hrs: 60, hour: 60, hours: 60,
  m: 1, min: 1, mins: 1, minute: 1, minutes: 1,
};

/** Parses an estimated time like `15min`, `1h30m`, `2 hours` or a bare number of minutes; undefined when unparseable. */
export function parseDurationMinutes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const total = sumDurationParts(text, UNIT_MINUTES);
  return total !== undefined && total > 0 ? total : undefined;
}

/** Formats minutes for display: `15 min`, `1 h 30 min`. */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
