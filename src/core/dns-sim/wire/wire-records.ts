import type * as dnsPacket from 'dns-packet';
import type { RecordView } from './message-view.js';
import { fqdn } from '../names/names.js';
import { base32hex, fromBase32hex } from '../names/nsec3-hash.js';
import type { Nsec3ParamData, RecordType, ResourceRecord } from '../world/world.js';

const KNOWN_TYPES = new Set<string>(['A', 'AAAA', 'CNAME', 'NS', 'MX', 'TXT', 'SOA', 'SRV', 'PTR', 'CAA', 'DNSKEY', 'RRSIG', 'DS', 'NSEC', 'NSEC3', 'NSEC3PARAM']);

const wireName = (name: string): string => (name === '' ? '.' : name);
const storedName = (name: string): string => (name === '.' || name === '' ? '' : name.toLowerCase().replace(/\.$/, ''));

/** The record types whose RDATA names may be compressed (RFC 1035 section 4.1.4, RFC 3597 section 4): the encoder writes these itself. */
export type CompressibleType = 'NS' | 'CNAME' | 'PTR' | 'SOA' | 'MX';

/** A record whose RDATA is written as it is, names in full: dns-packet encodes it. */
export type UncompressedRecord = Exclude<ResourceRecord, { type: CompressibleType }>;

/** Converts the RDATA of a record that is never compressed into the shape dns-packet's RDATA encoder takes. */
export function toPacketData(record: UncompressedRecord): unknown {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.data;
    case 'TXT':
      // A copy: dns-packet's TXT encoder replaces the strings of the array it is given with Buffers.
      return [...record.data];
    case 'SRV':
      return { ...record.data, target: wireName(record.data.target) };
    case 'CAA':
      return { flags: record.data.flags, tag: record.data.tag, value: record.data.value };
    case 'DNSKEY':
      return { flags: record.data.flags, algorithm: record.data.algorithm, key: Buffer.from(record.data.key, 'base64') };
    case 'DS':
      return { keyTag: record.data.keyTag, algorithm: record.data.algorithm, digestType: record.data.digestType, digest: Buffer.from(record.data.digest, 'hex') };
    case 'NSEC':
      return { nextDomain: wireName(record.data.nextDomain), rrtypes: toPacketTypes(record.data.types) };
    case 'NSEC3': {
      const nsec3 = record.data;
      return { algorithm: nsec3.hashAlgorithm, flags: nsec3.flags, iterations: nsec3.iterations, salt: Buffer.from(nsec3.salt, 'hex'), nextDomain: Buffer.from(fromBase32hex(nsec3.nextHashed) ?? []), rrtypes: toPacketTypes(nsec3.types) };
    }
    case 'NSEC3PARAM':
      // dns-packet has no NSEC3PARAM codec: its codec for unknown types writes these bytes as the RDATA (RFC 5155 section 4.2).
      return nsec3ParamRdata(record.data);
    case 'RRSIG': {
      const sig = record.data;
      return { typeCovered: sig.typeCovered, algorithm: sig.algorithm, labels: sig.labels, originalTTL: sig.originalTtl, expiration: sig.expiration, inception: sig.inception, keyTag: sig.keyTag, signersName: wireName(sig.signersName), signature: Buffer.from(sig.signature, 'base64') };
    }
  }
}

/** Converts a decoded dns-packet record back into a world record; undefined for OPT and types the world does not know. */
export function fromPacketAnswer(answer: dnsPacket.Answer): ResourceRecord | undefined {
  if (!KNOWN_TYPES.has(answer.type)) return undefined;
  const base = { name: storedName(answer.name), ttlSeconds: (answer as { ttl?: number }).ttl ?? 0 };
  const data = (answer as { data: unknown }).data;
  switch (answer.type as RecordType) {
    case 'A':
    case 'AAAA':
      return { ...base, type: answer.type as 'A' | 'AAAA', data: String(data) };
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return { ...base, type: answer.type as 'CNAME' | 'NS' | 'PTR', data: storedName(String(data)) };
    case 'MX': {
      const mx = data as dnsPacket.MxData;
      return { ...base, type: 'MX', data: { preference: mx.preference ?? 0, exchange: storedName(mx.exchange) } };
    }
    case 'TXT': {
      const parts = Array.isArray(data) ? data : [data];
      return { ...base, type: 'TXT', data: parts.map((part) => (typeof part === 'string' ? part : Buffer.from(part as Uint8Array).toString('utf8'))) };
    }
    case 'SOA': {
      const soa = data as dnsPacket.SoaData;
      return {
        ...base,
        type: 'SOA',
        data: {
          mname: storedName(soa.mname),
          rname: storedName(soa.rname),
          serial: soa.serial ?? 0,
          refresh: soa.refresh ?? 0,
          retry: soa.retry ?? 0,
          expire: soa.expire ?? 0,
          minimum: soa.minimum ?? 0,
        },
      };
    }
    case 'SRV': {
      const srv = data as dnsPacket.SrvData;
      return { ...base, type: 'SRV', data: { priority: srv.priority ?? 0, weight: srv.weight ?? 0, port: srv.port, target: storedName(srv.target) } };
    }
    case 'CAA': {
      const caa = data as dnsPacket.CaaData;
      return { ...base, type: 'CAA', data: { flags: caa.flags ?? 0, tag: caa.tag, value: caa.value } };
    }
    default:
      return fromDnssecAnswer(base, answer.type, data);
  }
}

function fromDnssecAnswer(base: { name: string; ttlSeconds: number }, type: string, data: unknown): ResourceRecord | undefined {
  switch (type) {
    case 'DNSKEY': {
      const key = data as dnsPacket.DnskeyData;
      return { ...base, type: 'DNSKEY', data: { flags: key.flags, algorithm: key.algorithm, key: Buffer.from(key.key).toString('base64') } };
    }
    case 'DS': {
      const ds = data as dnsPacket.DsData;
      return { ...base, type: 'DS', data: { keyTag: ds.keyTag, algorithm: ds.algorithm, digestType: ds.digestType, digest: Buffer.from(ds.digest).toString('hex') } };
    }
    case 'NSEC': {
      const nsec = data as dnsPacket.NsecData;
      return { ...base, type: 'NSEC', data: { nextDomain: storedName(nsec.nextDomain), types: fromPacketTypes(nsec.rrtypes) } };
    }
    case 'NSEC3': {
      const nsec3 = data as { algorithm: number; flags: number; iterations: number; salt: Uint8Array; nextDomain: Uint8Array; rrtypes: string[] };
      const params = { hashAlgorithm: nsec3.algorithm, flags: nsec3.flags, iterations: nsec3.iterations, salt: Buffer.from(nsec3.salt).toString('hex') };
      return { ...base, type: 'NSEC3', data: { ...params, nextHashed: base32hex(nsec3.nextDomain), types: fromPacketTypes(nsec3.rrtypes) } };
    }
    case 'NSEC3PARAM': {
      const bytes = Buffer.from(data as Uint8Array);
      return { ...base, type: 'NSEC3PARAM', data: { hashAlgorithm: bytes[0]!, flags: bytes[1]!, iterations: bytes.readUInt16BE(2), salt: bytes.subarray(5, 5 + bytes[4]!).toString('hex') } };
    }
    case 'RRSIG': {
      const sig = data as dnsPacket.RrsigData;
      return {
        ...base, type: 'RRSIG',
        data: { typeCovered: sig.typeCovered as RecordType, algorithm: sig.algorithm, labels: sig.labels, originalTtl: sig.originalTTL, expiration: sig.expiration, inception: sig.inception, keyTag: sig.keyTag, signersName: storedName(sig.signersName), signature: Buffer.from(sig.signature).toString('base64') },
      };
    }
    default:
      return undefined;
  }
}

/** RDATA in master-file presentation form (RFC 1035 section 5.1). */
export function rdataText(record: ResourceRecord): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.data;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return fqdn(record.data);
    case 'MX':
      return `${record.data.preference} ${fqdn(record.data.exchange)}`;
    case 'TXT':
      return record.data.map(quote).join(' ');
    case 'SOA': {
      const soa = record.data;
      return `${fqdn(soa.mname)} ${fqdn(soa.rname)} ${soa.serial} ${soa.refresh} ${soa.retry} ${soa.expire} ${soa.minimum}`;
    }
    case 'SRV':
      return `${record.data.priority} ${record.data.weight} ${record.data.port} ${fqdn(record.data.target)}`;
    case 'CAA':
      return `${record.data.flags} ${record.data.tag} ${quote(record.data.value)}`;
    case 'DNSKEY':
      return `${record.data.flags} 3 ${record.data.algorithm} ${record.data.key}`;
    case 'DS':
      return `${record.data.keyTag} ${record.data.algorithm} ${record.data.digestType} ${record.data.digest.toUpperCase()}`;
    case 'NSEC':
      return `${presentedName(record.data.nextDomain)} ${record.data.types.join(' ')}`;
    case 'NSEC3':
      return `${nsec3ParamText(record.data)} ${record.data.nextHashed} ${record.data.types.join(' ')}`.trimEnd();
    case 'NSEC3PARAM':
      return nsec3ParamText(record.data);
    case 'RRSIG': {
      const sig = record.data;
      return `${sig.typeCovered} ${sig.algorithm} ${sig.labels} ${sig.originalTtl} ${signatureTime(sig.expiration)} ${signatureTime(sig.inception)} ${sig.keyTag} ${fqdn(sig.signersName)} ${sig.signature}`;
    }
  }
}

// RFC 4034 section 3.2: YYYYMMDDHHmmSS in UTC.
function signatureTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}`;
}

// dns-packet knows NXNAME (RFC 9824, type 128) only by number.
const toPacketTypes = (types: readonly RecordType[]): string[] => types.map((type) => (type === 'NXNAME' ? 'UNKNOWN_128' : type));
const fromPacketTypes = (types: readonly string[]): RecordType[] => types.map((type) => (type === 'UNKNOWN_128' ? 'NXNAME' : type) as RecordType);

// RFC 1035 section 5.1: a byte that is not printable is written \DDD, as the zero byte of a compact answer's next name (\000).
function presentedName(name: string): string {
  return fqdn(name).replace(/[^\x21-\x7e]/g, (char) => `\\${String(char.charCodeAt(0)).padStart(3, '0')}`);
}

// RFC 5155 section 3.3: algorithm, flags, iterations, and the salt in hex, "-" when there is none.
function nsec3ParamText(data: Nsec3ParamData): string {
  return `${data.hashAlgorithm} ${data.flags} ${data.iterations} ${data.salt === '' ? '-' : data.salt.toUpperCase()}`;
}

function nsec3ParamRdata(data: Nsec3ParamData): Buffer {
  const salt = Buffer.from(data.salt, 'hex');
  return Buffer.concat([Buffer.from([data.hashAlgorithm, data.flags, data.iterations >> 8, data.iterations & 0xff, salt.length]), salt]);
}

/** A record as a trace shows it. */
export function toRecordView(record: ResourceRecord): RecordView {
  return { name: record.name, type: record.type, ttlSeconds: record.ttlSeconds, data: rdataText(record) };
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
