import type { DnssecModel } from '../world/dnssec-model.js';
import type { FileLineError } from '../world/file-error.js';
import { normaliseOrigin, toAbsoluteName, isInZone } from '../names/zone-names.js';
import type { FieldReader } from './field-reader.js';

/** A fault a signed zone can be given: its signer stopped re-signing, its parent lacks its DS, or the DS names a key it no longer has. */
export type SigningFault = 'expired-signatures' | 'missing-ds' | 'ds-mismatch';

/** One entry of servers.yaml's `signed_zones:` as written: the zone, its fault if any, and its line for later errors. */
export interface SignedZoneEntry {
  zone: string;
  fault?: SigningFault;
  /** True when the zone signs online and denies with compact answers (RFC 9824). */
  compact?: boolean;
  /** Present when the zone denies with NSEC3 (RFC 5155) rather than NSEC: its extra iterations and hex salt. */
  nsec3?: { iterations: number; salt: string };
  line: number;
}

const ENTRY_FIELDS = ['zone', 'denial', 'iterations', 'salt', 'fault'];
// Unbound's limit since 1.13.2 (val-nsec3-keysize-iterations, 150 for every key size; its changelog gives it as BIND's and
// Knot's too), above which a validator treats the zone as insecure, which is not modelled; RFC 9276 section 3.1 asks for 0.
const MAX_NSEC3_ITERATIONS = 150;
const DENIALS = ['nsec', 'nsec3', 'compact'];
const FAULTS: SigningFault[] = ['expired-signatures', 'missing-ds', 'ds-mismatch'];
/** The wall clock of a signed user world at virtual time 0 (2024-06-15 00:00 UTC, as the bundled DNSSEC scenarios): signatures are dated from it. */
export const SIGNED_WORLD_EPOCH_SECONDS = 1_718_409_600;

/** Reads `signed_zones:`, a list of zones the simulator signs, each with its denial method and an optional fault, reporting every problem at its line. */
export function readSignedZones(value: unknown, reader: FieldReader): SignedZoneEntry[] {
  if (!Array.isArray(value)) {
    reader.fail(['signed_zones'], "'signed_zones' must be a list of {zone, denial, iterations, salt, fault}");
    return [];
  }
  const entries: SignedZoneEntry[] = [];
  value.forEach((item: unknown, index: number) => {
    const path = ['signed_zones', index];
    const entry = readEntry(item, path, reader);
    if (!entry) return;
    if (entries.some((other) => other.zone === entry.zone)) reader.fail([...path, 'zone'], `zone ${entry.zone || '.'} is listed twice in 'signed_zones'`);
    else entries.push(entry);
  });
  return entries;
}

function readEntry(item: unknown, path: (string | number)[], reader: FieldReader): SignedZoneEntry | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    reader.fail(path, "each entry of 'signed_zones' must be a mapping with a zone");
    return undefined;
  }
  const value = item as Record<string, unknown>;
  const unknown = Object.keys(value).filter((key) => !ENTRY_FIELDS.includes(key));
  for (const key of unknown) reader.fail([...path, key], `unknown field '${key}' (known: ${ENTRY_FIELDS.join(', ')})`);
  const zone = readZone(value.zone, path, reader);
  const denialOk = value.denial === undefined || DENIALS.includes(value.denial as string);
  if (!denialOk) reader.fail([...path, 'denial'], `denial ${JSON.stringify(value.denial)} is not ${DENIALS.join(', ')}`);
  const nsec3 = value.denial === 'nsec3' ? readNsec3(value, path, reader) : undefined;
  const paramsOk = value.denial === 'nsec3' ? nsec3 !== undefined : checkNoParams(value, path, reader);
  const faultOk = value.fault === undefined || (FAULTS as unknown[]).includes(value.fault);
  if (!faultOk) reader.fail([...path, 'fault'], `fault ${JSON.stringify(value.fault)} is not ${FAULTS.join(', ')}`);
  if (unknown.length > 0 || zone === undefined || !denialOk || !paramsOk || !faultOk) return undefined;
  return { zone, line: reader.lineOf(path), ...(value.fault === undefined ? {} : { fault: value.fault as SigningFault }), ...(nsec3 ? { nsec3 } : {}), ...(value.denial === 'compact' ? { compact: true } : {}) };
}

// NSEC3's parameters, RFC 9276's advice when left out: no extra iteration, no salt.
function readNsec3(value: Record<string, unknown>, path: (string | number)[], reader: FieldReader): { iterations: number; salt: string } | undefined {
  const iterations = value.iterations ?? 0;
  const salt = value.salt ?? '-';
  const iterationsOk = typeof iterations === 'number' && Number.isInteger(iterations) && iterations >= 0 && iterations <= MAX_NSEC3_ITERATIONS;
  if (!iterationsOk) reader.fail([...path, 'iterations'], `iterations ${JSON.stringify(iterations)} must be a whole number from 0 to ${MAX_NSEC3_ITERATIONS} (0 is RFC 9276's advice)`);
  const saltOk = typeof salt === 'string' && (salt === '-' || /^([0-9a-fA-F]{2}){1,255}$/.test(salt));
  if (!saltOk) reader.fail([...path, 'salt'], `salt ${JSON.stringify(salt)} must be hex digits in pairs, at most 255 bytes, or "-" for none (RFC 9276's advice)`);
  if (!iterationsOk || !saltOk) return undefined;
  return { iterations: iterations as number, salt: salt === '-' ? '' : (salt as string).toLowerCase() };
}

function checkNoParams(value: Record<string, unknown>, path: (string | number)[], reader: FieldReader): boolean {
  const given = ['iterations', 'salt'].filter((key) => value[key] !== undefined);
  for (const key of given) reader.fail([...path, key], `'${key}' is a parameter of NSEC3: it needs denial: nsec3`);
  return given.length === 0;
}

function readZone(raw: unknown, path: (string | number)[], reader: FieldReader): string | undefined {
  if (raw === undefined) {
    reader.fail(path, `'zone' is missing: the origin of a zone file of the world, such as example.com or "."`);
    return undefined;
  }
  const parsed = typeof raw === 'string' && raw.trim() !== '' ? toAbsoluteName(raw === '.' ? '.' : `${normaliseOrigin(raw)}.`, '') : undefined;
  if (parsed?.ok) return parsed.name;
  reader.fail([...path, 'zone'], parsed ? parsed.message : `zone ${JSON.stringify(raw)} must be a name such as "example.com" or "."`);
  return undefined;
}

/** Turns the entries into the DNSSEC model, checking them against the world's zones: each must be a zone of the world, and a DS fault needs a signed parent that holds the DS. */
export function signingModel(entries: readonly SignedZoneEntry[], origins: readonly string[], file: string): { model?: DnssecModel; errors: FileLineError[] } {
  if (entries.length === 0) return { errors: [] };
  const errors: FileLineError[] = [];
  const signed = entries.map((entry) => entry.zone);
  for (const entry of entries) {
    const shown = entry.zone || '.';
    if (!origins.includes(entry.zone)) {
      errors.push({ file, line: entry.line, message: `signed zone ${shown} is not a zone of the world (no zone file defines it)` });
      continue;
    }
    if (entry.fault !== 'missing-ds' && entry.fault !== 'ds-mismatch') continue;
    const parent = closestEnclosing(entry.zone, origins);
    if (parent === undefined || !signed.includes(parent)) {
      const where = parent === undefined ? 'it has no parent zone in the world' : `its parent zone ${parent || '.'} is not signed`;
      errors.push({ file, line: entry.line, message: `fault ${entry.fault} on ${shown} needs a signed parent zone to hold its DS, but ${where}` });
    }
  }
  const having = (fault: SigningFault): string[] => entries.filter((entry) => entry.fault === fault).map((entry) => entry.zone);
  const model: DnssecModel = { signedZones: signed, epochSeconds: SIGNED_WORLD_EPOCH_SECONDS };
  const nsec3Zones = entries.flatMap((entry) => (entry.nsec3 ? [{ zone: entry.zone, ...entry.nsec3 }] : []));
  if (nsec3Zones.length > 0) model.nsec3Zones = nsec3Zones;
  const compactZones = entries.filter((entry) => entry.compact).map((entry) => entry.zone);
  if (compactZones.length > 0) model.compactZones = compactZones;
  for (const [key, fault] of [['expiredZones', 'expired-signatures'], ['missingDsZones', 'missing-ds'], ['mismatchedDsZones', 'ds-mismatch']] as const) {
    if (having(fault).length > 0) model[key] = having(fault);
  }
  return { model, errors };
}

function closestEnclosing(zone: string, origins: readonly string[]): string | undefined {
  if (zone === '') return undefined;
  return origins.filter((origin) => origin !== zone && isInZone(zone, origin)).sort((a, b) => b.length - a.length)[0];
}
