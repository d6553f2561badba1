import { lookupEntry, remainingSeconds } from './cache.js';
import { fqdn, minimisedName } from '../names/names.js';
import type { ResolverOptions } from './resolver-options.js';
import type { WalkContext } from './resolver-state.js';
import { emitCheck } from './resolver-events.js';
import type { RecordType } from '../world/world.js';

/** One question a walk sends upstream: the (possibly minimised) name and the type on the wire. */
export interface Question {
  name: string;
  type: RecordType;
}

/** Whether a question hides something of the client's question (a shorter name, or another type). */
export function isMinimised(question: Question, qname: string, qtype: RecordType): boolean {
  return question.name !== qname || question.type !== qtype;
}

/** The first question a walk sends to the servers of zone (RFC 9156 section 3): one label below the cut, or the full question. */
export function firstQuestion(ctx: WalkContext, qname: string, qtype: RecordType, zone: string): Question {
  const { options } = ctx.resolver;
  if (!options.qnameMinimisation || ctx.unminimised || zone === qname) return { name: qname, type: qtype };
  return labelQuestion(options, qname, qtype, minimisedName(qname, zone));
}

/** The question after a minimised one that found the name inside the zone (no cut there): one more label, then the real type (RFC 9156 section 3, step 6). */
export function nextQuestion(options: ResolverOptions, qname: string, qtype: RecordType, asked: Question): Question {
  if (asked.name === qname) return { name: qname, type: qtype };
  return labelQuestion(options, qname, qtype, minimisedName(qname, asked.name));
}

// Unbound's iterator.c (1.17.1, processQueryTargets) stops minimising at the full name only for A and DS;
// for any other type the full name goes out with QTYPE A first ("www A" then "www AAAA", as measured).
function labelQuestion(options: ResolverOptions, qname: string, qtype: RecordType, name: string): Question {
  if (name !== qname) return { name, type: options.minimisedQueryType };
  const hide = options.hideTypeAtFullName && qtype !== 'A' && qtype !== 'DS';
  return { name, type: hide ? 'A' : qtype };
}

/**
 * Looks a minimised question up in the resolver's own cache before it is sent: a cached NOERROR, NODATA or
 * NXDOMAIN means no query and one more label (Unbound iterator.c: "no need to send query if it is already
 * cached as NOERROR"; an NXDOMAIN "add[s] a label in the next minimisation iteration"). Returns the next question, or nothing.
 */
export function cachedMinimisedStep(ctx: WalkContext, question: Question, qname: string, qtype: RecordType, t: number): Question | undefined {
  const { options } = ctx.resolver;
  if (!options.minimisedCacheLookup || !isMinimised(question, qname, qtype)) return undefined;
  const found = lookupEntry(ctx.resolver.cache, question.name, question.type, t, 'answer');
  if (found.status !== 'hit') return undefined;
  const entry = found.entry;
  const what = entry.kind === 'positive' ? 'has data' : entry.kind === 'nxdomain' ? 'does not exist (NXDOMAIN)' : `has no ${question.type} (NODATA)`;
  const next = nextQuestion(options, qname, qtype, question);
  emitCheck(ctx, t, [{ op: 'hit', name: question.name, type: question.type, ttlSeconds: remainingSeconds(entry, t), ...(entry.kind !== 'positive' ? { negative: entry.kind } : {}) }],
    `the minimised question ${fqdn(question.name)} ${question.type} is in the cache: it ${what}, so it is not sent again; next ${fqdn(next.name)} ${next.type}`, true);
  return next;
}

/**
 * What follows a minimised question answered without a referral (the name exists, no cut there): one more
 * label, or with minimisedNoReferral "full-query" the full question. Knot Resolver 5.6.0 lib/layer/iterate.c
 * process_answer(): "NODATA => may be empty non-terminal, retry", setting NO_MINIMIZE ("retrying with non-minimized name").
 */
export function afterMinimisedAnswer(options: ResolverOptions, qname: string, qtype: RecordType, asked: Question, got: 'data' | 'NODATA'): { question: Question; note: string } {
  if (options.minimisedNoReferral === 'full-query' && asked.name !== qname) {
    return { question: { name: qname, type: qtype }, note: `${got} for the minimised name ${fqdn(asked.name)}: asks the full name now rather than one more label` };
  }
  return { question: nextQuestion(options, qname, qtype, asked), note: '' };
}
