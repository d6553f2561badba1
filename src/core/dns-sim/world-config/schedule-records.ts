import type { FieldReader } from './field-reader.js';
import { normaliseOrigin, toAbsoluteName } from '../names/zone-names.js';
import { SUPPORTED_TYPES } from '../world/record-data.js';
import type { RecordType, ResourceRecord } from '../world/world.js';
import { parseZoneFile } from '../world/zone-file.js';
import { parseTtl } from '../world/zone-ttl.js';

/** A schedule entry's change of one RRset: the owner, the type, and the records it holds from then on (none removes it), in the zone named or else the closest served one. */
export interface RecordsChange {
  kind: 'records';
  zone?: string;
  name: string;
  type: RecordType;
  records: ResourceRecord[];
}

/** The most records one entry may set: more than any RRset a lesson needs, few enough to keep a hostile file cheap. */
export const MAX_SCHEDULE_RECORDS = 100;

type Path = (string | number)[];

/**
 * Reads an entry that sets the records of one name and type (`name`, `type`, `ttl`, `records`, optionally `zone`), each record's data
 * written as in a zone file and read by the zone-file reader, so a record is checked as it would be in a zone.
 * Names inside the data are absolute (a trailing dot is optional): the entry has no origin of its own.
 */
export function readRecordsChange(value: Record<string, unknown>, path: Path, reader: FieldReader): RecordsChange | undefined {
  let ok = true;
  const fail = (at: Path, message: string): void => {
    reader.fail([...path, ...at], message);
    ok = false;
  };
  for (const key of ['file', 'server', 'behaviour', 'rtt_ms']) if (value[key] !== undefined) fail([key], `'${key}' belongs to a zone swap or a server change, not a change of records`);
  const zone = value.zone === undefined ? undefined : typeof value.zone === 'string' && value.zone.trim() !== '' ? toAbsoluteName(value.zone === '.' ? '.' : `${normaliseOrigin(value.zone)}.`, '') : undefined;
  if (value.zone !== undefined && !zone?.ok) fail(['zone'], zone ? zone.message : `zone ${JSON.stringify(value.zone)} must be a zone origin such as "example.com" or "."`);
  const owner = typeof value.name === 'string' && value.name.trim() !== '' && value.name.trim() !== '.' ? toAbsoluteName(`${normaliseOrigin(value.name)}.`, '') : undefined;
  if (!owner?.ok) fail(['name'], owner ? owner.message : `name ${JSON.stringify(value.name)} must be a domain name such as www.example.com`);
  const typeText = typeof value.type === 'string' ? value.type.toUpperCase() : undefined;
  const type = typeText !== undefined && (SUPPORTED_TYPES as readonly string[]).includes(typeText) && typeText !== 'SOA' ? (typeText as RecordType) : undefined;
  if (!type) fail(value.type === undefined ? [] : ['type'], value.type === undefined ? "'type' is missing: the record type whose records are set, such as A" : `type ${JSON.stringify(value.type)} is not one of ${SUPPORTED_TYPES.filter((known) => known !== 'SOA').join(', ')} (a zone's SOA changes with the zone file)`);
  const ttlText = typeof value.ttl === 'number' || typeof value.ttl === 'string' ? String(value.ttl) : undefined;
  const ttl = ttlText === undefined ? undefined : parseTtl(ttlText);
  if (!ttl?.ok) fail(value.ttl === undefined ? [] : ['ttl'], value.ttl === undefined ? "'ttl' is missing: the records' TTL, such as 300 or 1h" : `ttl ${JSON.stringify(value.ttl)}: ${ttl ? ttl.message : 'is not a TTL such as 300 or 1h'}`);
  const data = value.records;
  if (!Array.isArray(data) || data.length > MAX_SCHEDULE_RECORDS) {
    fail(data === undefined ? [] : ['records'], data === undefined ? "'records' is missing: the records' data as in a zone file, such as [192.0.2.20], or [] to remove them" : `'records' must be a list of at most ${MAX_SCHEDULE_RECORDS} records' data, such as [192.0.2.20]`);
    return undefined;
  }
  if (!ok || !owner?.ok || !type || !ttl?.ok) return undefined;
  const records = data.flatMap((datum: unknown, index: number) => {
    const record = readRecord(datum, owner.name, type, ttl.seconds);
    if (typeof record === 'string') {
      fail(['records', index], record);
      return [];
    }
    return [record];
  });
  return ok ? { kind: 'records', ...(zone?.ok ? { zone: zone.name } : {}), name: owner.name, type, records } : undefined;
}

// One record's data, read as the zone-file line "owner ttl IN type data" would be: the reader's own checks and messages.
function readRecord(datum: unknown, name: string, type: RecordType, ttlSeconds: number): ResourceRecord | string {
  if (typeof datum !== 'string' && typeof datum !== 'number') return `each record is its data as text, such as "192.0.2.20" or "10 mail.example.com."`;
  const text = String(datum);
  if (/[\r\n()]/.test(text)) return `record ${JSON.stringify(text)}: one record's data on one line, without parentheses`;
  const parsed = parseZoneFile(`${name}. ${ttlSeconds} IN ${type} ${text}\n`, { file: 'records', origin: '' });
  const records = parsed.zone.records;
  if (parsed.errors.length > 0 || records.length !== 1) return `record ${JSON.stringify(text)}: ${parsed.errors[0]?.message ?? `is not one ${type} record`}`;
  const { source: _source, ...record } = records[0]!;
  return record;
}
