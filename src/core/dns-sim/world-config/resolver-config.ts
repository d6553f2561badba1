import type { PersonalityId } from '../personalities/types.js';
import type { ConfiguredZone } from '../resolver/resolver-options.js';
import { readDns64Prefix, WELL_KNOWN_DNS64_PREFIX, type Dns64Prefix } from '../dns64/dns64-prefix.js';
import { isIPAddress } from '../world/ip-address.js';
import type { FieldReader } from './field-reader.js';
import type { ResolverConfig } from '../world/world.js';
import { normaliseOrigin, toAbsoluteName } from '../names/zone-names.js';
import { readServeStale } from './serve-stale-knobs.js';

/** The keys of `resolver:` in servers.yaml that configure the resolver, besides its name and address. */
export const RESOLVER_CONFIG_FIELDS = ['personality', 'qname_minimisation', 'ede', 'serve_stale', 'forward_zones', 'stub_zones', 'dnssec_validation', 'trust_anchor', 'dns64'];

const PERSONALITY_IDS: PersonalityId[] = ['unbound', 'bind', 'knot'];
const ZONE_FIELDS = ['zone', 'addresses'];
// Unbound and BIND take any number of forwarders; thirteen is as many as a root zone has and plenty for a world.
const MAX_ZONE_ADDRESSES = 13;

/** Reads the resolver's configuration from the `resolver:` mapping, or undefined when it sets nothing; every bad value is reported at its line. */
export function readResolverConfig(value: Record<string, unknown>, reader: FieldReader): ResolverConfig | undefined {
  if (!RESOLVER_CONFIG_FIELDS.some((key) => value[key] !== undefined)) return undefined;
  const path = ['resolver'];
  const config: ResolverConfig = { forwardZones: [], stubZones: [] };
  if (value.personality !== undefined) {
    if (typeof value.personality === 'string' && (PERSONALITY_IDS as string[]).includes(value.personality)) config.personality = value.personality as PersonalityId;
    else reader.fail([...path, 'personality'], `personality ${JSON.stringify(value.personality)} is not unbound, bind or knot`);
  }
  for (const [key, field] of [['qname_minimisation', 'qnameMinimisation'], ['ede', 'ede'], ['dnssec_validation', 'dnssecValidation']] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] === 'boolean') config[field] = value[key];
    else reader.fail([...path, key], `${key} ${JSON.stringify(value[key])} must be true or false`);
  }
  if (value.serve_stale !== undefined) {
    const serveStale = readServeStale(value.serve_stale, config.personality ?? 'unbound', [...path, 'serve_stale'], reader);
    if (serveStale !== undefined) config.serveStale = serveStale;
  }
  if (value.trust_anchor !== undefined) {
    const anchor = readZoneName(value.trust_anchor, [...path, 'trust_anchor'], reader);
    if (anchor !== undefined) config.trustAnchor = anchor;
  }
  if (value.dns64 !== undefined) {
    const dns64 = readDns64(value.dns64);
    if (dns64.ok) {
      if (dns64.prefix) config.dns64 = dns64.prefix;
    } else reader.fail([...path, 'dns64'], dns64.message);
  }
  config.forwardZones = readZones(value, 'forward_zones', reader);
  config.stubZones = readZones(value, 'stub_zones', reader);
  const forwarded = new Set(config.forwardZones.map((zone) => zone.zone));
  config.stubZones.forEach((zone, index) => {
    if (forwarded.has(zone.zone)) reader.fail([...path, 'stub_zones', index, 'zone'], `zone ${zone.zone || '.'} is both a forward zone and a stub zone`);
  });
  return config;
}

// `dns64: true` synthesises under the Well-Known Prefix, `dns64: "<prefix>/<length>"` under a network's own, false leaves it off.
function readDns64(raw: unknown): { ok: true; prefix?: Dns64Prefix } | { ok: false; message: string } {
  if (raw === false) return { ok: true };
  const read = readDns64Prefix(raw === true ? WELL_KNOWN_DNS64_PREFIX : typeof raw === 'string' ? raw : '');
  if (read.ok) return read;
  const looksLikePrefix = typeof raw === 'string' && raw.includes(':');
  return { ok: false, message: looksLikePrefix ? read.message : `dns64 ${JSON.stringify(raw)} must be true, false or a NAT64 prefix such as "${WELL_KNOWN_DNS64_PREFIX}"` };
}

function readZones(value: Record<string, unknown>, key: 'forward_zones' | 'stub_zones', reader: FieldReader): ConfiguredZone[] {
  const list = value[key];
  if (list === undefined) return [];
  const path = ['resolver', key];
  if (!Array.isArray(list)) {
    reader.fail(path, `'${key}' must be a list of {zone, addresses}`);
    return [];
  }
  const zones: ConfiguredZone[] = [];
  list.forEach((item: unknown, index: number) => {
    const at = [...path, index];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      reader.fail(at, `each entry of '${key}' must be a mapping with a zone and its addresses`);
      return;
    }
    const entry = item as Record<string, unknown>;
    for (const field of Object.keys(entry)) if (!ZONE_FIELDS.includes(field)) reader.fail([...at, field], `unknown field '${field}' (known: ${ZONE_FIELDS.join(', ')})`);
    const zone = readZoneName(entry.zone, at, reader);
    const addresses = readAddresses(entry.addresses, at, reader);
    if (zone === undefined || addresses === undefined) return;
    if (zones.some((other) => other.zone === zone)) reader.fail([...at, 'zone'], `zone ${zone || '.'} is listed twice in '${key}'`);
    else zones.push({ zone, addresses });
  });
  return zones;
}

function readZoneName(raw: unknown, at: (string | number)[], reader: FieldReader): string | undefined {
  const result = typeof raw === 'string' && raw.trim() !== '' ? toAbsoluteName(raw === '.' ? '.' : `${normaliseOrigin(raw)}.`, '') : undefined;
  if (result?.ok) return result.name;
  reader.fail(raw === undefined ? at : [...at, 'zone'], result ? result.message : `zone ${JSON.stringify(raw)} must be a name such as "cluster.local" or "."`);
  return undefined;
}

function readAddresses(raw: unknown, at: (string | number)[], reader: FieldReader): string[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_ZONE_ADDRESSES) {
    reader.fail(raw === undefined ? at : [...at, 'addresses'], `'addresses' must be a list of 1 to ${MAX_ZONE_ADDRESSES} IP addresses`);
    return undefined;
  }
  const bad = raw.findIndex((address) => typeof address !== 'string' || !isIPAddress(address));
  if (bad >= 0) {
    reader.fail([...at, 'addresses', bad], `address ${JSON.stringify(raw[bad])} is not an IPv4 or IPv6 address`);
    return undefined;
  }
  return [...new Set((raw as string[]).map((address) => address.toLowerCase()))];
}
