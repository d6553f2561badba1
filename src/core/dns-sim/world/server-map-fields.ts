import type { ResolverSpec, ServerBehaviour, ServerSpec } from './world.js';
import { isIPAddress } from './ip-address.js';
import { normaliseOrigin, toAbsoluteName } from '../names/zone-names.js';
import { RESOLVER_CONFIG_FIELDS } from '../world-config/resolver-config.js';
import type { FieldReader } from '../world-config/field-reader.js';
import { MISBEHAVIOUR_FIELDS, readMisbehaviour } from '../world-config/misbehaviour.js';

export type { FieldReader } from '../world-config/field-reader.js';

const SERVER_FIELDS = ['name', 'address', 'zones', 'behaviour', 'rtt_ms', 'udp_limit', ...MISBEHAVIOUR_FIELDS];
const RESOLVER_FIELDS = ['name', 'address', ...RESOLVER_CONFIG_FIELDS];
const BEHAVIOURS: ServerBehaviour[] = ['up', 'drop', 'refused', 'unreachable'];

/** Reads the `resolver:` mapping, or reports why it is not one. */
export function readResolver(value: unknown, reader: FieldReader): ResolverSpec | undefined {
  const path = ['resolver'];
  if (!isRecord(value)) {
    reader.fail(path, "'resolver' must be a mapping with a name and an address");
    return undefined;
  }
  unknownFields(value, RESOLVER_FIELDS, path, reader);
  const name = readName(value, path, reader);
  const address = readAddress(value, path, reader);
  return name !== undefined && address !== undefined ? { name, address } : undefined;
}

/** Reads one entry of the `servers:` list, or reports every problem in it. */
export function readServer(value: unknown, path: (string | number)[], reader: FieldReader): ServerSpec | undefined {
  if (!isRecord(value)) {
    reader.fail(path, 'each server must be a mapping with name, address and zones');
    return undefined;
  }
  unknownFields(value, SERVER_FIELDS, path, reader);
  const name = readName(value, path, reader);
  const address = readAddress(value, path, reader);
  const zones = readZones(value, path, reader);
  let behaviour: ServerBehaviour = 'up';
  let ok = name !== undefined && address !== undefined && zones !== undefined;
  if (value.behaviour !== undefined) {
    if (typeof value.behaviour === 'string' && (BEHAVIOURS as string[]).includes(value.behaviour)) {
      behaviour = value.behaviour as ServerBehaviour;
    } else {
      reader.fail([...path, 'behaviour'], `behaviour ${JSON.stringify(value.behaviour)} is not up, drop, refused or unreachable`);
      ok = false;
    }
  }
  const rttMs = readNumber(value, 'rtt_ms', 0, 60000, path, reader);
  // RFC 1035 4.2.1: every server handles 512-byte UDP messages; 65535 is the most a UDP/TCP DNS message can carry.
  const udpLimitBytes = readNumber(value, 'udp_limit', 512, 65535, path, reader);
  const misbehaviour = readMisbehaviour(value, zones ?? [], path, reader);
  if (rttMs === null || udpLimitBytes === null || misbehaviour === null || !ok) return undefined;
  const server: ServerSpec = { name: name as string, address: address as string, zones: zones as string[], behaviour, ...misbehaviour };
  if (rttMs !== undefined) server.rttMs = rttMs;
  if (udpLimitBytes !== undefined) server.udpLimitBytes = udpLimitBytes;
  return server;
}

function unknownFields(value: Record<string, unknown>, known: string[], path: (string | number)[], reader: FieldReader): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const hint = key === 'behavior' ? " (spelled 'behaviour')" : '';
    reader.fail([...path, key], `unknown field '${key}'${hint} (known: ${known.join(', ')})`);
  }
}

function readName(value: Record<string, unknown>, path: (string | number)[], reader: FieldReader): string | undefined {
  if (typeof value.name !== 'string' || value.name.trim() === '') {
    reader.fail(value.name === undefined ? path : [...path, 'name'], "'name' must be a host name such as ns1.example.com");
    return undefined;
  }
  const result = toAbsoluteName(`${normaliseOrigin(value.name)}.`, '');
  if (result.ok && result.name !== '') return result.name;
  reader.fail([...path, 'name'], result.ok ? "'name' must be a host name, not the root" : result.message);
  return undefined;
}

function readAddress(value: Record<string, unknown>, path: (string | number)[], reader: FieldReader): string | undefined {
  if (typeof value.address === 'string' && isIPAddress(value.address)) return value.address.toLowerCase();
  const message = value.address === undefined
    ? "'address' is missing (an IPv4 or IPv6 address)"
    : `address ${JSON.stringify(value.address)} is not an IPv4 or IPv6 address`;
  reader.fail(value.address === undefined ? path : [...path, 'address'], message);
  return undefined;
}

function readZones(value: Record<string, unknown>, path: (string | number)[], reader: FieldReader): string[] | undefined {
  if (value.zones === undefined) return [];
  if (!Array.isArray(value.zones)) {
    reader.fail([...path, 'zones'], `'zones' must be a list of zone origins such as [".", "com"]`);
    return undefined;
  }
  const zones: string[] = [];
  let ok = true;
  value.zones.forEach((zone: unknown, index: number) => {
    const result = typeof zone === 'string' ? toAbsoluteName(zone === '.' ? '.' : `${normaliseOrigin(zone)}.`, '') : undefined;
    if (result?.ok) zones.push(result.name);
    else {
      reader.fail([...path, 'zones', index], result ? result.message : `zone ${JSON.stringify(zone)} must be a name such as "example.com" or "."`);
      ok = false;
    }
  });
  return ok ? zones : undefined;
}

function readNumber(value: Record<string, unknown>, key: string, min: number, max: number, path: (string | number)[], reader: FieldReader): number | undefined | null {
  const raw = value[key];
  if (raw === undefined) return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  reader.fail([...path, key], `${key} ${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
