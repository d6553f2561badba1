import type { OutcomeStatus, QueryOutcome } from '../outcome.js';
import { fqdn, toStoredName } from '../names/names.js';
import { searchCandidates } from './search-list.js';
import { emit } from '../sim-state.js';
import { resSend, type StubSetup } from './stub-send.js';
import { EDE_NAMES, type DnsMessage } from '../wire/wire.js';
import { toRecordView } from '../wire/wire-records.js';
import type { HostsEntry, RecordType, ResourceRecord } from '../world/world.js';

/** One call into the stub: getaddrinfo (A and AAAA) or res_search for one record type. */
export interface StubQuery {
  /** The name as the application passed it (ASCII), possibly with a trailing dot. */
  name: string;
  type: RecordType | 'A+AAAA';
}

type CandidateResult = { status: 'answer'; records: ResourceRecord[] } | { status: 'nxdomain' | 'nodata' | 'servfail' | 'timeout' };

/** Runs one lookup the way glibc does: /etc/hosts first for getaddrinfo (nsswitch `hosts: files dns`), then the search list over res_send. */
export function runStubLookup(setup: StubSetup & { hosts: HostsEntry[] }, query: StubQuery, startMs: number, index: number): QueryOutcome {
  const { sim, client, stub } = setup;
  const getaddrinfo = query.type === 'A+AAAA';
  const local = { from: client, to: stub, transport: 'local' as const, depth: 0, lookup: `${query.type} ${query.name}` };
  const call = getaddrinfo ? `getaddrinfo("${query.name}", AF_UNSPEC)` : `res_search("${query.name}", ${query.type})`;
  emit(sim, { ...local, type: 'lookup-started', timeMs: startMs, explanation: `the application calls ${call}` });
  const outcome = (status: OutcomeStatus, finishedAtMs: number, extra: Partial<QueryOutcome>, explanation: string): QueryOutcome => {
    const result: QueryOutcome = { index, name: query.name, type: query.type, startedAtMs: startMs, finishedAtMs, durationMs: finishedAtMs - startMs, status, records: [], addresses: [], explanation, ...extra };
    emit(sim, { ...local, from: stub, to: client, type: 'lookup-finished', timeMs: finishedAtMs, kind: status, explanation });
    return result;
  };

  if (getaddrinfo) {
    const wanted = toStoredName(query.name);
    const hits = setup.hosts.filter((entry) => entry.names.includes(wanted));
    emit(sim, { ...local, from: stub, to: stub, type: 'hosts-checked', timeMs: startMs, ...(hits.length ? { kind: 'answer' as const } : {}), explanation: hits.length ? `/etc/hosts has ${wanted}: ${hits.map((hit) => hit.address).join(', ')}; DNS is not asked` : `/etc/hosts has no line for ${wanted}: on to DNS (nsswitch.conf: hosts: files dns)` });
    if (hits.length > 0) {
      const addresses = hits.map((hit) => hit.address);
      return outcome('answer', startMs, { resolvedName: wanted, addresses }, `answered from /etc/hosts: ${addresses.join(', ')}`);
    }
  }

  const types: RecordType[] = getaddrinfo ? ['A', 'AAAA'] : [query.type as RecordType];
  const candidates = searchCandidates(query.name, setup.conf);
  let t = startMs;
  let firstAsIs: CandidateResult | undefined;
  let gotNodata = false;
  let gotServfail = false;
  let searchStopped = false;
  let last: CandidateResult = { status: 'nxdomain' };
  let servfailReason: string | undefined;
  let servfailEde: { code: number; text?: string } | undefined;
  for (const [position, candidate] of candidates.entries()) {
    if (candidate.kind === 'search' && searchStopped) continue;
    if (candidates.length > 1 || candidate.name !== toStoredName(query.name)) {
      emit(sim, { ...local, from: stub, to: stub, type: 'name-expanded', timeMs: t, explanation: `tries ${fqdn(candidate.name)}: ${candidate.why}` });
    }
    const sent = resSend(setup, candidate.name, types, t, `${query.type} ${fqdn(candidate.name)}`);
    t = sent.atMs;
    const result = readCandidate(sent.status, [...sent.responses.values()], types);
    if (sent.reason) servfailReason = sent.reason;
    if (sent.ede) servfailEde = sent.ede;
    if (result.status === 'answer') {
      const addresses = result.records.filter((record) => record.type === 'A' || record.type === 'AAAA').map((record) => record.data as string);
      const summary = addresses.length ? addresses.join(', ') : result.records.map((record) => toRecordView(record).data).join(', ');
      const messages = [...sent.responses.values()];
      const flags = answerFlags(messages);
      return outcome('answer', t, { resolvedName: candidate.name, records: result.records.map(toRecordView), addresses, ...flags }, `answer for ${fqdn(candidate.name)} after ${t - startMs} ms: ${summary}${flags.authenticated ? ' (AD=1: validated by the resolver)' : ''}${flags.ede ? `; EDE ${flags.ede.code} ${flags.ede.name}` : ''}`);
    }
    // res_search remembers the error of a name tried as given first (saved_herrno) and reports it at the end.
    if (position === 0 && candidate.kind === 'as-is' && candidates.length > 1) firstAsIs = result;
    last = result;
    if (result.status === 'nodata') gotNodata = true;
    if (result.status === 'servfail') gotServfail = true;
    // The search loop goes on after NXDOMAIN, NODATA and SERVFAIL, but stops when no server answered (TRY_AGAIN);
    // a name not yet tried as given is still tried after it.
    if (result.status === 'timeout' && candidate.kind === 'search') searchStopped = true;
  }
  const final = firstAsIs?.status ?? (gotNodata ? 'nodata' : gotServfail ? 'servfail' : last.status);
  const status = final as Exclude<CandidateResult['status'], 'answer'>;
  const error = errorText(status, getaddrinfo);
  const edeNote = status === 'servfail' && servfailEde ? `; EDE ${servfailEde.code} ${EDE_NAMES[servfailEde.code] ?? ''}`.trimEnd() : '';
  const why = status === 'servfail' && servfailReason ? `${edeNote}; the resolver's reason: ${servfailReason}` : edeNote;
  const extra: Partial<QueryOutcome> = status === 'servfail' && servfailReason ? { error, reason: servfailReason } : { error };
  if (status === 'servfail' && servfailEde) extra.ede = { code: servfailEde.code, name: EDE_NAMES[servfailEde.code] ?? `code ${servfailEde.code}` };
  return outcome(status, t, extra, `${error} after ${t - startMs} ms (${candidates.length} name${candidates.length === 1 ? '' : 's'} tried)${why}`);
}

// AD=1 on every answer means the resolver validated them all; an EDE on any answer (a stale one, say) is passed on.
function answerFlags(messages: DnsMessage[]): Pick<QueryOutcome, 'authenticated' | 'ede'> {
  const flags: Pick<QueryOutcome, 'authenticated' | 'ede'> = {};
  if (messages.length > 0 && messages.every((message) => message.ad)) flags.authenticated = true;
  const ede = messages.flatMap((message) => message.ede ?? [])[0];
  if (ede) flags.ede = { code: ede.code, name: EDE_NAMES[ede.code] ?? `code ${ede.code}` };
  return flags;
}

function readCandidate(status: 'ok' | 'timeout' | 'servfail', messages: DnsMessage[], types: RecordType[]): CandidateResult {
  if (status !== 'ok') return { status };
  // A and AAAA answers repeat the same CNAME chain: keep each record once.
  const seen = new Set<string>();
  const records = messages.flatMap((message) => message.answer).filter((record) => {
    const key = `${record.name}|${record.type}|${JSON.stringify(record.data)}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  if (records.some((record) => types.includes(record.type))) return { status: 'answer', records };
  if (messages.length > 0 && messages.every((message) => message.rcode === 'NXDOMAIN')) return { status: 'nxdomain' };
  return { status: 'nodata' };
}

function errorText(status: 'nxdomain' | 'nodata' | 'servfail' | 'timeout', getaddrinfo: boolean): string {
  if (getaddrinfo) {
    if (status === 'nxdomain') return 'EAI_NONAME (Name or service not known)';
    if (status === 'nodata') return 'EAI_NODATA (No address associated with hostname)';
    return 'EAI_AGAIN (Temporary failure in name resolution)';
  }
  if (status === 'nxdomain') return 'HOST_NOT_FOUND (NXDOMAIN)';
  if (status === 'nodata') return 'NO_DATA (the name has no records of this type)';
  return status === 'servfail' ? 'TRY_AGAIN (SERVFAIL)' : 'TRY_AGAIN (no nameserver answered)';
}
