import type { ResolutionEvent } from '../events.js';
import { lookupStart, outcomeOf, secondsBetween } from './moment-events.js';
import { durationOptions } from './moment-options.js';
import { moment, type Moment, type MomentRun, type ScenarioQuiz } from './moment-types.js';
import { POD_SEARCH } from './scenario-list.js';
import type { ScenarioId } from './scenario-types.js';

const stubTimedOut = (event: ResolutionEvent, before: readonly ResolutionEvent[]) =>
  before.some((other) => other.type === 'query-timed-out' && other.from.role === 'stub' && other.queryIndex === event.queryIndex);
const stubQueries = (event: ResolutionEvent, run: MomentRun) =>
  run.events.filter((other) => other.type === 'query-sent' && other.from.role === 'stub' && other.queryIndex === event.queryIndex).length;
const podConf = (ndots: number) => `The pod's resolv.conf says: search ${POD_SEARCH.join(' ')}, options ndots:${ndots}.`;

/** The first name glibc sends for a pod's lookup: the search list or the name as given. */
function firstName(ndots: number, why: string): Moment {
  return moment({
    id: 'first-name', kind: 'query-sent',
    when: (event, before) => event.from.role === 'stub' && !before.some((other) => other.type === 'query-sent' && other.from.role === 'stub'),
    askAt: (event, before) => before.find((other) => other.type === 'name-expanded' && other.queryIndex === event.queryIndex),
    ask: (event, run) => `${podConf(ndots)} The application calls getaddrinfo("${outcomeOf(event, run).name}"). Which name does glibc send to CoreDNS first?`,
    options: (event) => {
      const bare = event.message.question.name.replace(/\.$/, '').replace(new RegExp(`\\.(${POD_SEARCH.map((domain) => domain.replaceAll('.', '\\.')).join('|')})$`), '');
      const names = [`${bare}.`, ...POD_SEARCH.map((domain) => `${bare}.${domain}.`)];
      const right = `${event.message.question.name.replace(/\.$/, '')}.`;
      return { right, wrong: names.filter((name) => name !== right), tells: [`stub asks for ${right}`] };
    },
    why,
  });
}

/** How many queries a pod's lookup costs before getaddrinfo returns. */
function queryCount(ndots: number, why: string): Moment {
  return moment({
    id: 'query-count', kind: 'lookup-finished',
    when: () => true,
    askAt: lookupStart,
    contextEvents: 0,
    shows: (event) => event.type === 'query-sent' && event.from.role === 'stub',
    ask: (event, run) => `${podConf(ndots)} The application calls getaddrinfo("${outcomeOf(event, run).name}") for its IPv4 and IPv6 addresses, and the name resolves. How many queries does glibc send before getaddrinfo returns?`,
    options: (event, run) => {
      const count = stubQueries(event, run);
      return { right: `${count} queries`, wrong: [2, 4, 6, 8, 10].filter((other) => other !== count).map((other) => `${other} queries`), tells: [`${count} queries`] };
    },
    why,
  });
}

const CACHES = {
  browser: 'the browser\'s own host cache: no DNS message is sent',
  os: 'systemd-resolved\'s cache on the laptop',
  resolver: 'resolver.isp.net\'s cache',
  walk: 'resolver.isp.net, after asking example.com\'s name servers again',
} as const;

/** Who answers a repeated lookup behind Chrome and systemd-resolved. */
function whoAnswers(id: string, answers: keyof typeof CACHES, spec: Pick<Moment, 'why'> & { tells: string[]; kind: 'cache-checked' | 'query-sent'; when: (event: ResolutionEvent, before: readonly ResolutionEvent[]) => boolean }): Moment {
  return moment({
    id, kind: spec.kind,
    when: spec.when,
    askAt: lookupStart,
    contextEvents: 0,
    ask: (event, run) => `Chrome on Linux, with systemd-resolved (127.0.0.53) in front of resolver.isp.net; www.example.com has a TTL of 300 s. The page resolved it at 0 s. At ${secondsBetween(run.events[0]!, lookupStart(event, run.events)!)} s the page needs it again: who answers?`,
    options: () => ({ right: CACHES[answers], wrong: Object.values(CACHES).filter((label) => label !== CACHES[answers]), tells: spec.tells }),
    why: spec.why,
  });
}

/** The quiz of the client scenarios: glibc's nameserver timeouts, Kubernetes search lists, and caches in front of the stub. */
export const CLIENT_QUIZ = {
  'stub-failover': {
    name: 'A laptop whose first nameserver is down',
    moments: [
      moment({
        id: 'next-nameserver', kind: 'query-sent',
        when: (event, before) => event.from.role === 'stub' && stubTimedOut(event, before),
        ask: 'Nothing answered at 10.0.0.2, the first nameserver in resolv.conf; 10.0.0.53 is the second. Where does glibc send the query now?',
        options: (event) => ({
          right: `the second nameserver, ${event.to.address}`,
          wrong: ['10.0.0.2 again, for attempt 2', 'nowhere: getaddrinfo fails with EAI_AGAIN', 'both nameservers at once, keeping the first answer'],
          tells: [`→ ${event.to.name}`],
        }),
        why: 'glibc tries the nameservers of resolv.conf in order, moving on only after the timeout (5 s by default) on each.',
      }),
      moment({
        id: 'delay', kind: 'lookup-finished',
        when: () => true,
        askAt: lookupStart,
        contextEvents: 0,
        ask: 'resolv.conf lists 10.0.0.2 (down: nothing answers) first and 10.0.0.53 second, with glibc\'s defaults (timeout 5 s, attempts 2); the resolver at 10.0.0.53 has www.example.com cached. How long does getaddrinfo take?',
        options: (event, run) => {
          const ms = outcomeOf(event, run).durationMs;
          return durationOptions(ms, [ms - 5000, ms + 5000, ms + 25_000]);
        },
        why: 'Every lookup first waits out the full timeout on the dead nameserver, then gets a quick answer from the second: a dead first nameserver adds 5 s to every lookup.',
      }),
    ],
  },
  'stub-single-nameserver': {
    name: 'A laptop whose only nameserver is down',
    moments: [
      moment({
        id: 'give-up-after', kind: 'lookup-finished',
        when: () => true,
        askAt: lookupStart,
        contextEvents: 0,
        ask: 'resolv.conf lists a single nameserver, 10.0.0.2, and nothing answers there; glibc runs with its defaults (timeout 5 s, attempts 2). How long until getaddrinfo returns?',
        options: (event, run) => {
          const ms = outcomeOf(event, run).durationMs;
          return durationOptions(ms, [ms / 2, ms * 2, ms * 3]);
        },
        why: 'glibc waits the timeout (5 s) for each of its attempts (2) on the only nameserver, A and AAAA together: 10 s before it gives up.',
      }),
      moment({
        id: 'error', kind: 'lookup-finished',
        when: () => true,
        ask: 'Both attempts at 10.0.0.2 have timed out. What does getaddrinfo return to the application?',
        options: () => ({
          right: 'EAI_AGAIN: "Temporary failure in name resolution"',
          wrong: ['EAI_NONAME: "Name or service not known"', 'an empty list of addresses', 'nothing: it keeps retrying until the application gives up'],
          tells: ['EAI_AGAIN'],
        }),
        why: 'No answer at all is a temporary failure (EAI_AGAIN), which callers may retry; EAI_NONAME is for a name the DNS says does not exist.',
      }),
    ],
  },
  'k8s-ndots': {
    name: 'A pod looking up an external name (ndots:5)',
    moments: [
      firstName(5, 'api.example.com has 2 dots, fewer than ndots:5, so glibc treats it as relative and tries the search domains first, starting with the pod\'s namespace.'),
      queryCount(5, 'Each of the 3 search domains is tried with A and AAAA and answered NXDOMAIN before the name itself: 8 queries for one lookup, 4 times the load on CoreDNS.'),
    ],
  },
  'k8s-ndots-fixed': {
    name: 'A pod looking up an external name (ndots:2)',
    moments: [
      firstName(2, 'With ndots:2 a name with 2 dots is tried as given first; short in-cluster names such as orders still go through the search list.'),
      queryCount(2, 'The name as given resolves at once: one A and one AAAA query, no NXDOMAINs.'),
    ],
  },
  'k8s-trailing-dot': {
    name: 'A pod looking up an external name with a trailing dot',
    moments: [
      firstName(5, 'A trailing dot makes the name absolute: the search list is never used, whatever ndots says.'),
      queryCount(5, 'An absolute name costs one A and one AAAA query, even with ndots:5.'),
    ],
  },
  'browser-os-cache': {
    name: 'Chrome and systemd-resolved in front of the stub',
    moments: [
      whoAnswers('browser-cache', 'browser', {
        kind: 'cache-checked', when: (event) => event.type === 'cache-checked' && event.kind === 'cache-hit' && event.from.role === 'client', tells: ['browser host cache hit'],
        why: 'Chrome keeps a getaddrinfo result for 60 s whatever its TTL, so within that minute it answers from its own host cache and no DNS message leaves the browser.',
      }),
      whoAnswers('os-cache', 'os', {
        kind: 'cache-checked',
        when: (event, before) => event.type === 'cache-checked' && event.kind === 'cache-hit' && before.some((other) => other.type === 'query-sent' && other.from.role === 'stub' && other.to.name === event.from.name && other.queryIndex === event.queryIndex),
        tells: ['systemd-resolved cache hit'],
        why: 'The browser\'s 60 s are over, so it calls getaddrinfo; systemd-resolved honours the 300 s TTL and answers from its cache on the laptop.',
      }),
      whoAnswers('full-lookup', 'walk', {
        kind: 'query-sent', when: (event, before) => event.to.role === 'authoritative' && before.some((other) => other.type === 'lookup-finished'), tells: ['expired from the cache'],
        why: 'By then the browser\'s 60 s and systemd-resolved\'s 300 s are over, and so is the resolver\'s own copy (300 s): the question goes on to example.com\'s servers.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
