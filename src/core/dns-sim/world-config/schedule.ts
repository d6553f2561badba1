import { parseDurationMs } from '../duration.js';
import type { FieldReader } from './field-reader.js';
import type { ServerBehaviour } from '../world/world.js';
import { normaliseOrigin, toAbsoluteName } from '../names/zone-names.js';
import { readRecordsChange, type RecordsChange } from './schedule-records.js';

/** One entry of servers.yaml's `schedule:` as written, before its zone file is read: when, where it was written, and what changes. */
export interface ScheduleEntry {
  atMs: number;
  /** The line of servers.yaml the entry starts on, for errors and for the trace. */
  line: number;
  note?: string;
  change: { kind: 'zone'; zone: string; file: string } | { kind: 'server'; server: string; behaviour?: ServerBehaviour; rttMs?: number } | RecordsChange;
}

const ENTRY_FIELDS = ['at', 'note', 'zone', 'file', 'server', 'behaviour', 'rtt_ms', 'name', 'type', 'ttl', 'records'];
const RECORDS_FIELDS = ['name', 'type', 'ttl', 'records'];
const BEHAVIOURS: ServerBehaviour[] = ['up', 'drop', 'refused', 'unreachable'];
/** The latest time a change may be scheduled: a week of virtual time, longer than any TTL a lesson waits out. */
export const MAX_SCHEDULE_MS = 7 * 86_400_000;
/** The most entries a schedule may have. */
export const MAX_SCHEDULE_ENTRIES = 500;

/** Reads `schedule:`, a list of changes each at an offset from the start of the run, reporting every problem at its line. */
export function readSchedule(value: unknown, reader: FieldReader): ScheduleEntry[] {
  if (!Array.isArray(value)) {
    reader.fail(['schedule'], "'schedule' must be a list of changes, each with 'at' and a zone or a server");
    return [];
  }
  if (value.length > MAX_SCHEDULE_ENTRIES) {
    reader.fail(['schedule'], `'schedule' has ${value.length} entries; at most ${MAX_SCHEDULE_ENTRIES} are allowed`);
    return [];
  }
  return value.flatMap((item: unknown, index: number) => {
    const entry = readScheduleEntry(item, ['schedule', index], reader);
    return entry ? [entry] : [];
  });
}

/** Reads one change in the schedule's format (a session's change step reads it too), reporting every problem at its line. */
export function readScheduleEntry(item: unknown, path: (string | number)[], reader: FieldReader): ScheduleEntry | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    reader.fail(path, "each schedule entry must be a mapping with 'at' and a zone or a server");
    return undefined;
  }
  const value = item as Record<string, unknown>;
  let ok = true;
  const fail = (key: string | undefined, message: string): void => {
    reader.fail(key === undefined ? path : [...path, key], message);
    ok = false;
  };
  for (const key of Object.keys(value)) {
    const hint = key === 'behavior' ? " (spelled 'behaviour')" : '';
    if (!ENTRY_FIELDS.includes(key)) fail(key, `unknown field '${key}'${hint} (known: ${ENTRY_FIELDS.join(', ')})`);
  }
  const atMs = typeof value.at === 'string' || typeof value.at === 'number' ? parseDurationMs(String(value.at)) : undefined;
  if (atMs === undefined || atMs > MAX_SCHEDULE_MS) fail(value.at === undefined ? undefined : 'at', value.at === undefined ? "'at' is missing: when the change happens, such as 30s or 1m30s after the start" : `at ${JSON.stringify(value.at)} is not a time from 0 to 7d such as 30s, 1m30s or 500ms`);
  if (value.note !== undefined && typeof value.note !== 'string') fail('note', "'note' must be text");
  const line = reader.lineOf(path);
  const note = typeof value.note === 'string' ? { note: value.note } : {};
  const setsRecords = value.name !== undefined;
  // A change of records may name its zone too, so 'zone' marks a zone swap only without 'name'.
  if ([value.zone !== undefined && !setsRecords, value.server !== undefined, setsRecords].filter(Boolean).length !== 1) {
    fail(undefined, "each schedule entry changes one thing: a zone ('zone' and 'file'), a server ('server' with 'behaviour' or 'rtt_ms') or the records of one name and type ('name', 'type', 'ttl' and 'records', optionally 'zone')");
    return undefined;
  }
  if (setsRecords) {
    const records = readRecordsChange(value, path, reader);
    return ok && records ? { atMs: atMs!, line, ...note, change: records } : undefined;
  }
  for (const key of RECORDS_FIELDS) if (value[key] !== undefined) fail(key, `'${key}' belongs to a change of records ('name', 'type', 'ttl', 'records')`);
  if (value.zone !== undefined) {
    for (const key of ['behaviour', 'rtt_ms']) if (value[key] !== undefined) fail(key, `'${key}' belongs to a server change, not a zone change`);
    const zone = typeof value.zone === 'string' && value.zone.trim() !== '' ? toAbsoluteName(value.zone === '.' ? '.' : `${normaliseOrigin(value.zone)}.`, '') : undefined;
    if (!zone?.ok) fail('zone', zone ? zone.message : `zone ${JSON.stringify(value.zone)} must be a zone origin such as "example.com" or "."`);
    const file = typeof value.file === 'string' && /^[^/\\]+\.zone$/i.test(value.file) ? value.file : undefined;
    if (file === undefined) fail(value.file === undefined ? undefined : 'file', value.file === undefined ? "'file' is missing: the zone file of this folder that replaces the zone" : `file ${JSON.stringify(value.file)} must be the name of a .zone file in the world folder`);
    return ok && zone?.ok && file ? { atMs: atMs!, line, ...note, change: { kind: 'zone', zone: zone.name, file } } : undefined;
  }
  if (value.file !== undefined) fail('file', "'file' belongs to a zone change, not a server change");
  if (typeof value.server !== 'string' || value.server.trim() === '') fail('server', "'server' must be the name of a server in 'servers'");
  let behaviour: ServerBehaviour | undefined;
  if (value.behaviour !== undefined) {
    if (typeof value.behaviour === 'string' && (BEHAVIOURS as string[]).includes(value.behaviour)) behaviour = value.behaviour as ServerBehaviour;
    else fail('behaviour', `behaviour ${JSON.stringify(value.behaviour)} is not up, drop, refused or unreachable`);
  }
  const rtt = value.rtt_ms;
  if (rtt !== undefined && !(typeof rtt === 'number' && Number.isInteger(rtt) && rtt >= 0 && rtt <= 60000)) fail('rtt_ms', `rtt_ms ${JSON.stringify(rtt)} is not a whole number from 0 to 60000`);
  if (value.behaviour === undefined && rtt === undefined) fail(undefined, "a server change needs 'behaviour', 'rtt_ms' or both");
  if (!ok) return undefined;
  const server = normaliseOrigin(value.server as string);
  return { atMs: atMs!, line, ...note, change: { kind: 'server', server, ...(behaviour ? { behaviour } : {}), ...(rtt === undefined ? {} : { rttMs: rtt as number }) } };
}
