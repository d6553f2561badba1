import type * as dnsPacket from 'dns-packet';
import type { RecordView } from './events.js';
import { fqdn } from './names.js';
import type { RecordType, ResourceRecord } from './world.js';

const KNOWN_TYPES = new Set<string>(['A', 'AAAA', 'CNAME', 'NS', 'MX', 'TXT', 'SOA', 'SRV', 'PTR', 'CAA']);

const wireName = (name: string): string => (name === '' ? '.' : name);
const storedName = (name: string): string => (name === '.' || name === '' ? '' : name.toLowerCase().replace(/\.$/, ''));

/** Converts a world record into the shape dns-packet encodes. */
export function toPacketAnswer(record: ResourceRecord): dnsPacket.Answer {
  const base = { name: wireName(record.name), ttl: record.ttlSeconds, class: 'IN' as const };
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return { ...base, type: record.type, data: record.data };
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return { ...base, type: record.type, data: wireName(record.data) };
    case 'MX':
      return { ...base, type: 'MX', data: { preference: record.data.preference, exchange: wireName(record.data.exchange) } };
    case 'TXT':
      // A copy: dns-packet's TXT encoder replaces the strings of the array it is given with Buffers.
      return { ...base, type: 'TXT', data: [...record.data] };
    case 'SOA':
      return { ...base, type: 'SOA', data: { ...record.data, mname: wireName(record.data.mname), rname: wireName(record.data.rname) } };
    case 'SRV':
      return { ...base, type: 'SRV', data: { ...record.data, target: wireName(record.data.target) } };
    case 'CAA':
      return { ...base, type: 'CAA', data: { flags: record.data.flags, tag: record.data.tag as dnsPacket.CaaData['tag'], value: record.data.value } };
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
  }
}

/** A record as a trace shows it. */
export function toRecordView(record: ResourceRecord): RecordView {
  return { name: record.name, type: record.type, ttlSeconds: record.ttlSeconds, data: rdataText(record) };
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
