import { isInZone } from './zone-names.js';

export { isInZone };

/** The labels of a stored-form name ("" is the root and has none). */
export function labelsOf(name: string): string[] {
  return name === '' ? [] : name.split('.');
}

/** The name one label up ("" for a top-level name). */
export function parentName(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/** A stored-form name in absolute presentation form, with the trailing dot ("." for the root). */
export function fqdn(name: string): string {
  return name === '' ? '.' : `${name}.`;
}

/** Turns a name as typed ("Example.COM.", ".", "") into the stored form: lowercase, no trailing dot. */
export function toStoredName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === '.' || lower === '') return '';
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** The name RFC 9156 section 2.3 sends next: the zone cut plus one more label of qname. */
export function minimisedName(qname: string, zone: string): string {
  const qLabels = labelsOf(qname);
  const zLabels = labelsOf(zone).length;
  return qLabels.slice(qLabels.length - zLabels - 1).join('.');
}

/** Whether name is strictly below zone. */
export function isBelow(name: string, zone: string): boolean {
  return name !== zone && isInZone(name, zone);
}
