import { isInZone } from '../names/names.js';
import { bindRrl } from '../servers/rrl.js';
import type { ResourceRecord, RrlSpec, ServerMisbehaviour } from '../world/world.js';
import { parseZoneFile } from '../world/zone-file.js';
import type { FieldReader } from './field-reader.js';

/** The servers.yaml keys this file reads. */
export const MISBEHAVIOUR_FIELDS = ['inject', 'rrl', 'delay_ms'];
const RRL_FIELDS = ['rate', 'window', 'slip'];
/** The most records one server may inject: a poisoning attempt needs a handful. */
export const MAX_INJECTED_RECORDS = 20;
// BIND's ranges (ARM, rate-limit): responses-per-second 0 to 1000, window 1 to 3600, slip 0 to 10.
const RRL_RANGES: Record<string, [number, number]> = { rate: [1, 1000], window: [1, 3600], slip: [0, 10] };

type Path = (string | number)[];

/** Reads a server's `inject`, `rrl` and `delay_ms`, reporting each bad value at its line; null when any is bad. */
export function readMisbehaviour(value: Record<string, unknown>, zones: readonly string[], path: Path, reader: FieldReader): ServerMisbehaviour | null {
  let ok = true;
  const fail = (at: Path, message: string): void => {
    reader.fail(at, message);
    ok = false;
  };
  const result: ServerMisbehaviour = {};
  if (value.inject !== undefined) {
    const inject = readInject(value.inject, zones, [...path, 'inject'], reader, fail);
    if (inject) result.inject = inject;
  }
  if (value.rrl !== undefined) {
    const rrl = readRrl(value.rrl, [...path, 'rrl'], fail);
    if (rrl) result.rrl = rrl;
  }
  const delay = value.delay_ms;
  if (delay !== undefined) {
    if (typeof delay === 'number' && Number.isInteger(delay) && delay >= 0 && delay <= 60000) result.delayMs = delay;
    else fail([...path, 'delay_ms'], `delay_ms ${JSON.stringify(delay)} is not a whole number from 0 to 60000`);
  }
  return ok ? result : null;
}

// Each entry is one zone-file record line with an absolute owner, read as a zone file is; it must lie outside every zone the server serves.
function readInject(value: unknown, zones: readonly string[], path: Path, reader: FieldReader, fail: (at: Path, message: string) => void): ResourceRecord[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return void fail(path, `'inject' must be a list of records, each one zone-file line such as "www.example.com. 86400 A 203.0.113.66"`);
  if (value.length > MAX_INJECTED_RECORDS) return void fail(path, `'inject' has ${value.length} records; at most ${MAX_INJECTED_RECORDS} are allowed`);
  const records: ResourceRecord[] = [];
  value.forEach((item: unknown, index: number) => {
    const at = [...path, index];
    if (typeof item !== 'string' || !/^\S+\.\s/.test(item) || item.includes('\n')) return fail(at, `inject: each record is one zone-file line whose owner ends in a dot, such as "www.example.com. 86400 A 203.0.113.66", got ${JSON.stringify(item)}`);
    const parsed = parseZoneFile(`$TTL 86400\n${item}\n`, { file: 'inject', origin: '' });
    if (parsed.errors.length > 0 || parsed.zone.records.length !== 1) return fail(at, `inject: ${parsed.errors[0]?.message ?? 'one record per line'}`);
    const record = { ...parsed.zone.records[0]!, source: `servers.yaml:${reader.lineOf(at)}` };
    const own = zones.find((zone) => isInZone(record.name, zone));
    if (own !== undefined) return fail(at, `inject: ${record.name}. is inside ${own || '.'}, a zone this server serves: write it in the zone file (injected records must be out of bailiwick)`);
    records.push(record);
  });
  return records;
}

function readRrl(value: unknown, path: Path, fail: (at: Path, message: string) => void): RrlSpec | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return void fail(path, "'rrl' must be a mapping with 'rate' (responses per second) and optionally 'window' and 'slip'");
  const fields = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(fields)) {
    if (RRL_FIELDS.includes(key)) continue;
    fail([...path, key], `unknown field '${key}' in rrl (known: ${RRL_FIELDS.join(', ')})`);
    ok = false;
  }
  if (fields.rate === undefined) {
    fail(path, "'rrl' needs 'rate': the identical responses per second one client network may get");
    return undefined;
  }
  const read: Record<string, number> = {};
  for (const key of RRL_FIELDS) {
    const raw = fields[key];
    if (raw === undefined) continue;
    const [min, max] = RRL_RANGES[key]!;
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) read[key] = raw;
    else {
      fail([...path, key], `rrl ${key} ${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  const base = bindRrl(read.rate!);
  return { ...base, ...(read.window === undefined ? {} : { windowSeconds: read.window }), ...(read.slip === undefined ? {} : { slip: read.slip }) };
}
