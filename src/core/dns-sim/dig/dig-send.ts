import { exchange, type ExchangeResult } from '../exchange.js';
import { fqdn, toStoredName } from '../names/names.js';
import type { OutcomeStatus, QueryOutcome } from '../outcome.js';
import { emit } from '../sim-state.js';
import type { StubSetup } from '../stub/stub-send.js';
import { EDE_NAMES, type DnsMessage } from '../wire/wire.js';
import { toRecordView } from '../wire/wire-records.js';
import type { RecordType } from '../world/world.js';
import { digFlagWords, type DigOptions } from './dig-options.js';

// dig 9.18 (bin/dig/dighost.c): UDP_TIMEOUT 5 s per try, +tries=3 per server; TCP_TIMEOUT 10 s.
const DIG_UDP_TIMEOUT_MS = 5000;
const DIG_TRIES = 3;
const DIG_TCP_TIMEOUT_MS = 10_000;

/** One question as dig asks it: a name taken as given (no search list) and one record type. */
export interface DigQuery {
  name: string;
  type: RecordType;
}

/**
 * Sends one query the way dig 9.18 does: to each resolv.conf nameserver in turn, three tries each over UDP
 * (or one TCP connection with +tcp), TC=1 asked again over TCP unless +ignore, and the first reply kept
 * whatever its rcode (+nofail is dig's default: a SERVFAIL is printed, not retried elsewhere).
 */
export function runDigLookup(setup: StubSetup, query: DigQuery, options: DigOptions, startMs: number, index: number): QueryOutcome {
  const { sim, client, stub, conf } = setup;
  const qname = toStoredName(query.name);
  const lookup = `${query.type} ${fqdn(qname)}`;
  const words = digFlagWords(options);
  const local = { from: client, to: stub, transport: 'local' as const, depth: 0, lookup };
  emit(sim, { ...local, type: 'lookup-started', timeMs: startMs, explanation: `dig ${fqdn(qname)} ${query.type}${words.length ? ` ${words.join(' ')}` : ''}: one query, no search list, no /etc/hosts` });
  const message: Omit<DnsMessage, 'id'> = {
    // dig sets AD=1 in its queries by default (+adflag, RFC 6840 section 5.7).
    qr: false, rd: options.recurse, ad: true, rcode: 'NOERROR', question: { name: qname, type: query.type }, answer: [], authority: [], additional: [],
    ...(options.checkingDisabled ? { cd: true } : {}),
    ednsUdpPayloadBytes: options.bufsizeBytes,
    ...(options.dnssec ? { dnssecOk: true } : {}),
  };
  const bits = `RD=${options.recurse ? 1 : 0}${options.checkingDisabled ? ', CD=1' : ''}, AD=1, EDNS ${options.bufsizeBytes}${options.dnssec ? ' DO=1' : ''}`;
  const servers = conf.nameservers.length > 0 ? conf.nameservers : ['127.0.0.1'];
  let t = startMs;
  for (const [position, address] of servers.entries()) {
    const tries = options.tcp ? 1 : DIG_TRIES;
    for (let attempt = 0; attempt < tries; attempt++) {
      const why = `${bits}; ${options.tcp ? 'over TCP (+tcp)' : `try ${attempt + 1} of ${tries}`} to nameserver ${position + 1} of ${servers.length}`;
      const send = (transport: 'udp' | 'tcp', sendMs: number, explanation: string): ExchangeResult =>
        exchange(sim, { from: stub, toAddress: address, query: message, transport, sendMs, waitMs: transport === 'tcp' ? DIG_TCP_TIMEOUT_MS : DIG_UDP_TIMEOUT_MS, depth: 0, lookup, explanation });
      let result = send(options.tcp ? 'tcp' : 'udp', t, `dig asks for ${fqdn(qname)} ${query.type}, ${why}`);
      if (result.kind === 'response' && result.message.tc && !options.tcp && !options.ignoreTruncation) {
        result = send('tcp', result.atMs, 'the answer was truncated (TC=1): dig prints ";; Truncated, retrying in TCP mode." and asks again over TCP (+ignore would keep the truncated answer)');
      }
      t = result.atMs;
      if (result.kind === 'response') return finish(setup, options, query, qname, result.message, startMs, t, index, lookup);
    }
  }
  const status: OutcomeStatus = 'timeout';
  const explanation = `;; no servers could be reached (after ${t - startMs} ms)`;
  emit(sim, { ...local, from: stub, to: client, type: 'lookup-finished', timeMs: t, kind: status, explanation });
  return { index, name: query.name, type: query.type, startedAtMs: startMs, finishedAtMs: t, durationMs: t - startMs, status, records: [], addresses: [], error: 'no servers could be reached', explanation, dig: digOutcome(options) };
}

function finish(setup: StubSetup, options: DigOptions, query: DigQuery, qname: string, response: DnsMessage, startMs: number, t: number, index: number, lookup: string): QueryOutcome {
  const { sim, client, stub } = setup;
  const status = statusOf(response, query.type);
  const records = response.answer.map(toRecordView);
  const addresses = response.answer.filter((record) => record.type === 'A' || record.type === 'AAAA').map((record) => record.data as string);
  const ede = response.ede?.[0];
  const referral = response.answer.length === 0 && response.authority.some((record) => record.type === 'NS') ? ' (a referral: the resolver answered from its cache only, RD=0)' : '';
  const explanation = `dig got ${response.rcode}${response.tc ? ' with TC=1 (+ignore: printed as it is)' : ''}, ${response.answer.length} answer record(s)${referral}, after ${t - startMs} ms${ede ? `; EDE ${ede.code} ${EDE_NAMES[ede.code] ?? ''}`.trimEnd() : ''}`;
  emit(sim, { from: stub, to: client, transport: 'local', depth: 0, lookup, type: 'lookup-finished', timeMs: t, kind: status, explanation });
  return {
    index, name: query.name, type: query.type, startedAtMs: startMs, finishedAtMs: t, durationMs: t - startMs, status, resolvedName: qname, records, addresses,
    ...(response.ad ? { authenticated: true } : {}),
    ...(ede ? { ede: { code: ede.code, name: EDE_NAMES[ede.code] ?? `code ${ede.code}` } } : {}),
    explanation, dig: digOutcome(options),
  };
}

function digOutcome(options: DigOptions): NonNullable<QueryOutcome['dig']> {
  return { flags: digFlagWords(options) };
}

// What the answer means, in the outcome's words: dig itself only prints the rcode and the sections.
function statusOf(response: DnsMessage, type: RecordType): OutcomeStatus {
  if (response.rcode === 'NXDOMAIN') return 'nxdomain';
  if (response.rcode === 'SERVFAIL') return 'servfail';
  if (response.rcode === 'REFUSED') return 'refused';
  if (response.rcode !== 'NOERROR') return 'servfail';
  return response.answer.some((record) => record.type === type || record.type === 'CNAME') ? 'answer' : 'nodata';
}
