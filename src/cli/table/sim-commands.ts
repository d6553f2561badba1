import { jsonFlag, WIDTH_FLAG, type CommandSpec } from './command-spec.js';

// The simulator's own lists, written out so the command table never loads the simulator; a test keeps them equal.
/** The record types `sim --type` knows, and A+AAAA for what getaddrinfo asks. */
export const QUERY_TYPES = ['A', 'AAAA', 'A+AAAA', 'CNAME', 'NS', 'MX', 'TXT', 'SOA', 'SRV', 'PTR', 'CAA'] as const;
/** Who asks in `sim --client`: the glibc stub (getaddrinfo, res_search) or dig. */
export const CLIENTS = ['stub', 'dig'] as const;
/** The resolver programs `sim --resolver` can imitate. */
export const RESOLVERS = ['unbound', 'bind', 'knot'] as const;

const SEED_RANGE = [0, 2 ** 31 - 1] as const;

export const SIM = {
  name: 'sim',
  summary: 'simulate a DNS resolution step by step, with timeline, caches and the real packet bytes',
  args: '<name> [+dig-option...]',
  flags: [
    { name: 'type', value: 'TYPE', accepts: QUERY_TYPES.join(', '), default: 'A+AAAA', complete: QUERY_TYPES, description: 'the record type to ask for' },
    { name: 'scenario', value: 'ID', complete: 'scenarios', description: 'run a prepared scenario (swelearn sim --list shows them)' },
    { name: 'list', description: 'list the scenarios, one line each, with the card each one illustrates' },
    { name: 'resolver', value: 'NAME', choices: RESOLVERS, description: "resolve the way this program does: its caches, retries and defaults" },
    { name: 'compare', description: 'the same question under every resolver, side by side' },
    { name: 'browser-cache', description: "start from a browser's DNS cache" },
    { name: 'os-cache', description: "start from the operating system's stub cache" },
    { name: 'world', value: 'DIR', complete: 'dirs', description: 'simulate your own zones: a folder of zone files and a servers.yaml' },
    { name: 'resolv-conf', value: 'FILE', complete: 'files', description: "use this resolv.conf for the client's search list and options" },
    { name: 'no-qname-minimisation', description: 'send the full name to every server (RFC 9156 off)' },
    { name: 'seed', value: 'N', range: SEED_RANGE, description: 'the random seed: the same seed gives the same walk, byte for byte' },
    { name: 'repeat', value: 'N', range: [1, 100], description: 'ask the same question N times, to watch the caches fill' },
    { name: 'after', value: 'DURATION', accepts: '0s to 365d, such as 30s, 5m or 1h', description: 'the time between repeated questions' },
    { name: 'hex', description: 'show the bytes of every packet' },
    { ...WIDTH_FLAG, description: "lay --compare's table out for N columns instead of the terminal's width, or 80" },
    jsonFlag('the trace (docs/trace-format.md)'),
    { name: 'workload', value: 'MODEL', choices: ['zipf'], description: 'model a resolver cache under traffic instead (below)' },
    { name: 'client', value: 'NAME', choices: CLIENTS, default: 'stub', description: "who asks: the glibc stub, or dig 9.18 with its +norec, +bufsize=N, +dnssec, +cd, +tcp, +ignore after the name" },
    { name: 'session', value: 'FILE', complete: 'files', description: 'run a session: a YAML list of questions, resolv.conf changes and waits on one clock (docs/session-format.md)' },
  ],
  details: [
    "The warnings about a --world folder (a zone that servers.yaml never names, say) are printed once, and again after a file of the folder changes.",
    "With --client dig the name is asked as given (no search list, no /etc/hosts), one type (A unless --type), and the answer is printed as dig prints it.",
    "In a terminal, --session plays the session in the app's simulator screen; in a pipe, or with --json, --compare or --hex, it prints the trace.",
  ],
  examples: [
    ['swelearn sim www.example.com --compare', 'one name under Unbound, BIND and Knot'],
    ['swelearn sim --scenario nxdomain-negative-cache', 'a prepared scenario, with the card it illustrates'],
    ['swelearn sim www.example.com --repeat 2 --after 5m', 'the second question answered from the cache'],
    ['swelearn sim www.example.com --client dig +norec', "dig +norec: what the resolver's cache holds, nothing asked upstream"],
    ['swelearn sim --session my-session.yaml --json', 'several questions sharing one resolver cache, as one trace'],
  ],
} as const satisfies CommandSpec;

export const SIM_WORKLOAD = {
  name: 'sim --workload',
  summary: 'a resolver cache under Poisson traffic with Zipf popularity: hit rate against the closed form, upstream qps, latency',
  flags: [
    { name: 'workload', value: 'MODEL', choices: ['zipf'], description: 'the traffic model' },
    { name: 'queries', value: 'N', accepts: '1 to 100,000,000; 1e6 and 1_000_000 work', default: '1,000,000', description: 'how many client queries to simulate' },
    { name: 'names', value: 'N', accepts: '1 to 1,000,000', default: '10,000', description: 'how many distinct names the clients ask for' },
    { name: 'alpha', value: 'A', accepts: 'above 0, at most 10', default: '0.9', description: 'the Zipf exponent: higher means a few names get most queries' },
    { name: 'ttl', value: 'T', accepts: '1 s to 2,147,483,647 s; 300, 5m, 1h', default: '300', description: 'the TTL of every answer' },
    { name: 'qps', value: 'R', accepts: 'above 0, at most 10,000,000', default: '1000', description: 'client queries per second' },
    { name: 'prefetch', description: 'refresh popular names shortly before they expire' },
    { name: 'serve-stale', description: 'answer from an expired entry while refreshing it (RFC 8767)' },
    { name: 'seed', value: 'N', accepts: '0 to 2,147,483,647', default: '1', description: 'the random seed' },
    { name: 'plain', description: 'no colour, ASCII chart' },
    { ...WIDTH_FLAG, description: "lay the report and its chart out for N columns instead of the terminal's width, or 80" },
    jsonFlag('the report'),
  ],
  examples: [
    ['swelearn sim --workload zipf --queries 1e6 --alpha 0.9 --ttl 60', 'a busy cache with one-minute TTLs'],
    ['swelearn sim --workload zipf --prefetch --serve-stale', 'what prefetch and serve-stale add'],
  ],
} as const satisfies CommandSpec;
