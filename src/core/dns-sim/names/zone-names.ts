import { checkNameSize } from './name-rules.js';

/** A name turned absolute, or why it could not be. */
export type NameResult = { ok: true; name: string } | { ok: false; message: string };

/** Normalises an origin given as "example.com", "example.com." or "." to the stored form ("example.com", "" for the root). */
export function normaliseOrigin(origin: string): string {
  const lower = origin.trim().toLowerCase();
  if (lower === '.' || lower === '') return '';
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Whether name equals zone or lies below it (both stored form). */
export function isInZone(name: string, zone: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

/** Turns a master-file name into the stored form: "@" is the origin, a name without a trailing dot is relative to it (RFC 1035 section 5.1). */
export function toAbsoluteName(raw: string, origin: string | undefined): NameResult {
  if (raw.includes('\\')) {
    return { ok: false, message: `name '${raw}' uses a backslash escape; the simulator supports plain names only` };
  }
  let name: string;
  if (raw === '@' || !raw.endsWith('.')) {
    if (origin === undefined) {
      return { ok: false, message: `relative name '${raw}' but no origin is set: add $ORIGIN or end the name with a dot` };
    }
    name = raw === '@' ? origin : origin === '' ? raw : `${raw}.${origin}`;
  } else {
    name = raw === '.' ? '' : raw.slice(0, -1);
  }
  name = name.toLowerCase();
  if (name === '') return { ok: true, name };
  const labels = name.split('.');
  const size = checkNameSize(labels);
  if (size) return { ok: false, message: `name '${raw}': ${size.message}` };
  for (const [index, label] of labels.entries()) {
    const bad = /[^a-z0-9_\-*/]/.exec(label);
    if (bad) {
      const what = /[^\x21-\x7e]/.test(bad[0]) ? 'a non-ASCII or space character' : `the character '${bad[0]}'`;
      return { ok: false, message: `name '${raw}' has ${what}; write internationalised names in punycode (xn--…)` };
    }
    // RFC 4592 section 2.1.1: "*" is a wildcard only as the whole leftmost label.
    if (label.includes('*') && (label !== '*' || index > 0)) {
      return { ok: false, message: `name '${raw}': '*' is allowed only as the whole leftmost label (RFC 4592 2.1.1)` };
    }
  }
  return { ok: true, name };
}
