/** A parsed time value, or why it is not one. */
export type TtlResult = { ok: true; seconds: number } | { ok: false; message: string };

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** RFC 2181 section 8: a TTL is 32 bits with the top bit zero. */
export const MAX_TTL_SECONDS = 2147483647;

/** Parses a TTL or SOA timer: plain seconds or BIND's units ("1h30m", "2d", "1W"), up to 2^31 - 1 seconds. */
export function parseTtl(text: string, what = 'TTL'): TtlResult {
  if (!/^\d/.test(text)) return { ok: false, message: `${what} '${text}' is not a number` };
  let seconds = 0;
  const pattern = /(\d+)([a-zA-Z]?)/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return { ok: false, message: `${what} '${text}' is not a number` };
    const unit = (match[2] ?? '').toLowerCase();
    const factor = unit === '' ? 1 : UNIT_SECONDS[unit];
    if (factor === undefined) {
      return { ok: false, message: `${what} '${text}' has an unknown unit '${match[2]}' (BIND units: w, d, h, m, s)` };
    }
    // A bare number is allowed only at the end: "1h30" is 1 hour 30 seconds, as BIND reads it.
    if (unit === '' && pattern.lastIndex < text.length) return { ok: false, message: `${what} '${text}' is not a number` };
    seconds += Number(match[1]) * factor;
    at = pattern.lastIndex;
  }
  if (seconds > MAX_TTL_SECONDS) {
    return { ok: false, message: `${what} '${text}' is ${seconds} seconds; the largest is ${MAX_TTL_SECONDS} (RFC 2181 section 8)` };
  }
  return { ok: true, seconds };
}
