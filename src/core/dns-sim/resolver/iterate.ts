import { chooseServer, describeDeadServers, namesNeedingAddresses } from './delegation.js';
import { isSigned } from '../world/dnssec-model.js';
import { observe } from './infra-cache.js';
import { fqdn } from '../names/names.js';
import { afterMinimisedAnswer, cachedMinimisedStep, firstQuestion, isMinimised } from './minimise-step.js';
import { createWalkTimeouts } from './server-wait.js';
import { askOrJoin } from './shared-queries.js';
import { readFinalAnswer } from './iterate-answer.js';
import { acceptReferral, readReferral } from './referral.js';
import { emitStores, storeNegative } from './resolver-cache-writes.js';
import type { DelegationPoint, WalkContext } from './resolver-state.js';
import type { IterationResult, WalkServices } from './walk-types.js';
import type { RecordType } from '../world/world.js';

/**
 * Walks from a delegation point down to the authoritative answer for one name (RFC 1034 section
 * 5.3.3), with QNAME minimisation (RFC 9156 section 3), server selection and failover, TC=1 retries
 * over TCP, and a bounded budget, so every walk ends in an answer or a SERVFAIL that says why.
 */
export function iterate(ctx: WalkContext, qname: string, qtype: RecordType, startMs: number, start: DelegationPoint, services: WalkServices): IterationResult {
  const { options } = ctx.resolver;
  let t = startMs;
  let point = start;
  let tried = new Map<string, number>();
  let lookedUp = new Set<string>();
  // Address lookups for this delegation's NS names, against the personality's cap (the NXNSAttack mitigations).
  let chased = { count: 0 };
  let referrals = 0;
  let note = '';
  const timeouts = createWalkTimeouts();
  const failures: string[] = [];
  let question = firstQuestion(ctx, qname, qtype, point.zone);
  const fail = (reason: string): IterationResult => {
    // RFC 8914 section 4.22: every server of the zone was tried and none answered.
    const unreachable = timeouts.total > 0 && timeouts.total === failures.length;
    return unreachable ? { kind: 'servfail', reason, atMs: t, ede: { code: 22, text: `no reachable authority for ${fqdn(point.zone)}` } } : { kind: 'servfail', reason, atMs: t };
  };

  for (;;) {
    if (ctx.budget.sent >= options.maxQueriesSent) return fail(`gave up after ${options.maxQueriesSent} queries (Unbound max-sent-count)`);
    if (options.budgetEnforcement !== 'none' && t >= ctx.budget.deadlineMs) return fail(`gave up after ${options.queryBudgetMs / 1000} s without an answer${overrun(ctx, t)}${failures.length ? `: ${summarise(failures)}` : ''}`);
    const known = cachedMinimisedStep(ctx, question, qname, qtype, t);
    if (known) {
      question = known;
      continue;
    }
    const server = chooseServer(ctx, point, tried, t, timeouts.total);
    if (!server) {
      const missing = namesNeedingAddresses(ctx, point, lookedUp, t);
      if (missing.length > 0 && chased.count >= options.nsChase.addressLookups) {
        return fail(`looked up the addresses of ${chased.count} name servers of ${fqdn(point.zone)} without one to ask, the most it chases per delegation (${options.nsChase.source}, ${options.nsChase.addressLookups}); ${missing.length} more not tried${failures.length ? `: ${summarise(failures)}` : ''}`);
      }
      if (missing.length > 0) {
        chased.count++;
        lookedUp.add(missing[0]!);
        t = services.lookupAddress(ctx, missing[0]!, point.zone, t, failures);
        continue;
      }
      const usedUp = tried.size > 0 && [...tried.values()].every((count) => count >= options.attemptsPerServer) ? `, each tried ${options.attemptsPerServer} times` : '';
      const dead = describeDeadServers(ctx, point, t);
      return fail(`no name server of ${fqdn(point.zone)} could answer${usedUp}${[dead, failures.length ? summarise(failures) : ''].filter(Boolean).map((text) => `: ${text}`).join('')}`);
    }
    if (options.nsChase.resetWhenAsking) chased.count = 0;
    // Only failures count against a server: a server that answers well stays in the running (RTT band).
    const failed = (text: string): void => {
      tried.set(server.address, (tried.get(server.address) ?? 0) + 1);
      failures.push(text);
    };
    const { name: outName, type: outType } = question;
    const sent = askOrJoin(ctx, server, point, outName, outType, qname, t, note, timeouts);
    note = '';
    t = sent.atMs;
    if (sent.kind !== 'response') {
      failed(`${server.nsName} (${server.address}) ${sent.kind === 'timeout' ? 'timed out' : 'is unreachable'}`);
      continue;
    }
    const message = sent.message;
    if (message.tc) {
      // TC=1 even over TCP: the answer cannot fit 65,535 bytes. Unbound throws it away (iter_resptype.c,
      // RESPONSE_TYPE_THROWAWAY), BIND marks the server broken (resolver.c, DNS_R_TRUNCATEDTCP), Knot fails
      // the transport (iterate.c, "TC=1 with TCP, bailing out"): each tries another server, then SERVFAILs.
      failed(`${server.nsName} set TC=1 even over TCP: the answer cannot fit 65,535 bytes, so it is thrown away`);
      continue;
    }
    if (message.rcode !== 'NOERROR' && message.rcode !== 'NXDOMAIN') {
      rememberLame(ctx, server.address, point.zone, t);
      failed(`${server.nsName} answered ${message.rcode}${message.rcode === 'REFUSED' ? ` (lame: it does not serve ${fqdn(point.zone)})` : ''}`);
      continue;
    }
    const referral = readReferral(message, point, outName);
    if (referral.kind === 'bogus') {
      rememberLame(ctx, server.address, point.zone, t);
      failed(`${server.nsName} sent a referral to ${fqdn(referral.zone)}, which does not lead below ${fqdn(point.zone)} (lame)`);
      continue;
    }
    if (referral.kind === 'valid') {
      if (++referrals > options.maxReferrals) return { kind: 'servfail', reason: `more than ${options.maxReferrals} referrals (Unbound MAX_REFERRAL_COUNT)`, atMs: t };
      const accepted = acceptReferral(ctx, message, point, referral, t);
      emitStores(ctx, accepted.ops, t, accepted.note);
      point = accepted.point;
      tried = new Map();
      lookedUp = new Set();
      chased = { count: 0 };
      question = firstQuestion(ctx, qname, qtype, point.zone);
      fetchTargetsOpportunistically(ctx, point, lookedUp, chased, t, services);
      continue;
    }
    if (isMinimised(question, qname, qtype)) {
      if (message.rcode === 'NXDOMAIN') {
        const fallBack = options.minimisedNxdomain === 'full-query' || (options.minimisedNxdomain === 'full-query-unless-signed' && !isSigned(ctx.sim.dnssec, point.zone));
        if (fallBack) {
          // BIND relaxed mode and Unbound (for unsigned zones): an NXDOMAIN for a minimised name may be an old server's mistake.
          note = `NXDOMAIN for the minimised name ${fqdn(outName)}: falls back to the full name instead of trusting RFC 8020`;
          question = { name: qname, type: qtype };
          continue;
        }
        // RFC 8020: if a name does not exist, nothing below it exists either, so the walk can stop here.
        const soa = message.authority.find((record) => record.type === 'SOA');
        const op = storeNegative(ctx, outName, outType, 'nxdomain', soa, t);
        emitStores(ctx, op ? [op] : [], t, `RFC 8020: nothing exists below ${fqdn(outName)}, so ${fqdn(qname)} does not exist either`);
        return soa ? { kind: 'nxdomain', records: [], soa, atMs: t } : { kind: 'nxdomain', records: [], atMs: t };
      }
      // The minimised name exists inside this zone (no cut there): one more label (RFC 9156 section 3, step 6), or the full name.
      ({ question, note } = afterMinimisedAnswer(options, qname, qtype, question, message.answer.length > 0 ? 'data' : 'NODATA'));
      continue;
    }
    const result = readFinalAnswer(ctx, message, point, qname, qtype, t, services, sent.forged === true);
    if (result) return result;
    rememberLame(ctx, server.address, point.zone, t);
    failed(`${server.nsName} sent neither an answer nor a referral`);
  }
}

// Unbound's target-fetch-policy: when a delegation lacks addresses, up to N of them are looked up at once,
// beside the walk; their results land in the cache for this and later questions.
// They count against the delegation's cap (Unbound's dp_target_count counts every target query).
function fetchTargetsOpportunistically(ctx: WalkContext, point: DelegationPoint, lookedUp: Set<string>, chased: { count: number }, t: number, services: WalkServices): void {
  const depth = ctx.stack.length - 1;
  const { options } = ctx.resolver;
  const quota = Math.min(options.targetFetchPolicy[depth] ?? 0, options.nsChase.addressLookups - chased.count);
  if (quota <= 0) return;
  const missing = namesNeedingAddresses(ctx, point, lookedUp, t);
  if (missing.length === 0) return;
  const noneKnown = missing.length === point.nsNames.length;
  // With no address at all the walk itself waits for the first lookup; the others go in parallel.
  const parallel = (noneKnown ? missing.slice(1) : missing).slice(0, noneKnown ? quota - 1 : quota);
  for (const name of parallel) {
    chased.count++;
    lookedUp.add(name);
    services.lookupAddress({ ...ctx, budget: { ...ctx.budget } }, name, point.zone, t, [], true);
  }
}

// Unbound throws a REFUSED answer away for this question only (RESPONSE_TYPE_THROWAWAY), BIND marks the address bad
// for this fetch (add_bad), Knot counts an error for this query: none of them keeps it in the infra cache.
function rememberLame(ctx: WalkContext, address: string, zone: string, t: number): void {
  if (ctx.resolver.options.lameServerMemory === 'infra-host-ttl') observe(ctx.resolver.infra, { atMs: t, address, outcome: 'lame', zone });
}

// Knot checks its time limit only when a wait ends, so the last wait can run past it.
function overrun(ctx: WalkContext, t: number): string {
  const overMs = t - ctx.budget.deadlineMs;
  return overMs > 0 ? ` (checked when the last wait ended, ${overMs} ms past the limit)` : '';
}

function summarise(failures: string[]): string {
  const counts = new Map<string, number>();
  for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
  return [...counts].map(([text, count]) => (count > 1 ? `${text} (${count}x)` : text)).join('; ');
}
