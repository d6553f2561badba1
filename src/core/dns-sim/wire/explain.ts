import type { ResponseKind } from '../events.js';
import { fqdn, labelsOf } from '../names/names.js';
import type { DnsMessage } from './wire.js';

/** Classifies a response the way the party that asked reads it. */
export function classifyResponse(message: DnsMessage): ResponseKind {
  if (message.tc) return 'truncated';
  if (message.rcode === 'NXDOMAIN') return 'nxdomain';
  if (message.rcode === 'REFUSED') return 'refused';
  if (message.rcode !== 'NOERROR') return 'servfail';
  const type = message.question.type;
  if (message.answer.some((record) => record.type === type)) return 'answer';
  if (message.answer.some((record) => record.type === 'CNAME')) return 'cname';
  if (!message.aa && message.authority.some((record) => record.type === 'NS')) return 'referral';
  return 'nodata';
}

/** A one-line explanation of a response for a learner; transport says whether a TC=1 reply can still be retried over TCP. */
export function describeResponse(kind: ResponseKind, message: DnsMessage, note?: string, transport: 'udp' | 'tcp' = 'udp'): string {
  const q = `${fqdn(message.question.name)} ${message.question.type}`;
  const extra = note ? ` (${note})` : '';
  switch (kind) {
    case 'answer': {
      const final = message.answer.filter((record) => record.type === message.question.type);
      const chain = message.answer.filter((record) => record.type === 'CNAME').length;
      // RFC 4035 section 5.3.4: an RRSIG that counts fewer labels than its owner has (a leading * aside) was made for a wildcard.
      const expanded = message.answer.find((record) => record.type === 'RRSIG' && !record.name.startsWith('*.') && record.data.labels < labelsOf(record.name).length);
      const wildcard = expanded?.type === 'RRSIG' ? `, made by a wildcard: the RRSIG counts ${expanded.data.labels} labels, the owner ${labelsOf(expanded.name).length}` : '';
      const signed = message.answer.some((record) => record.type === 'RRSIG') ? `, signed (RRSIG)${wildcard}` : '';
      const via = chain > 0 ? ` via ${chain} CNAME${chain > 1 ? 's' : ''}` : '';
      return `${message.aa ? 'authoritative answer' : 'answer'} for ${q}${via}: ${final.length} record${final.length === 1 ? '' : 's'}, TTL ${final[0]?.ttlSeconds ?? 0} s${signed}${extra}`;
    }
    case 'cname': {
      const last = message.answer[message.answer.length - 1];
      return `${q} is an alias: CNAME to ${last ? fqdn(String(last.data)) : '?'}; the resolver must restart the lookup at the target${extra}`;
    }
    case 'referral': {
      const ns = message.authority.filter((record) => record.type === 'NS');
      const zone = ns[0]?.name ?? '';
      return `referral: ${fqdn(zone)} is delegated to ${ns.length} name server${ns.length === 1 ? '' : 's'}, ${message.additional.length} glue address${message.additional.length === 1 ? '' : 'es'} (AA=0)`;
    }
    case 'nxdomain': {
      const soa = message.authority.find((record) => record.type === 'SOA');
      return `NXDOMAIN: ${fqdn(message.answer.length ? String(message.answer[message.answer.length - 1]!.data) : message.question.name)} does not exist${soa ? `; the SOA says cache that for ${soa.ttlSeconds} s` : ''}${extra}`;
    }
    case 'nodata': {
      const soa = message.authority.find((record) => record.type === 'SOA');
      // RFC 9824 section 2: NXNAME among an NSEC's types is the only sign that a compact NODATA stands for a name that does not exist.
      const compact = message.authority.some((record) => record.type === 'NSEC' && record.data.types.includes('NXNAME'));
      if (compact) return `NODATA, a compact answer (RFC 9824): NOERROR and an empty answer, though NXNAME in the NSEC says ${fqdn(message.question.name)} does not exist${soa ? `; negative TTL ${soa.ttlSeconds} s` : ''}${extra}`;
      return `NODATA: the name exists but has no ${message.question.type} records (NOERROR, empty answer)${soa ? `; negative TTL ${soa.ttlSeconds} s` : ''}${extra}`;
    }
    case 'servfail':
      return `SERVFAIL: the server could not produce an answer for ${q}${extra}`;
    case 'refused':
      return `REFUSED: the server will not answer ${q}${extra}`;
    case 'truncated':
      if (transport === 'tcp') return `TC=1 over TCP: the answer for ${q} cannot be sent whole${extra}; a resolver throws it away and tries another server`;
      return `TC=1: the answer for ${q} did not fit in one UDP message${extra}; ask again over TCP`;
    default:
      return `${kind} for ${q}${extra}`;
  }
}
