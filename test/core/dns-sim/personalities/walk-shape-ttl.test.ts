import { describe, expect, it } from 'vitest';
import { answeredTtls, upstream, walk } from './walk-shape-fixture.js';

// Issue 14, item 4: the TTLs the resolvers answered with.
describe('answer TTLs', () => {
  it.each([
    // Measured (Unbound 1.17.1): 297 s three seconds later; the SOA was cached at 5.1 s, the question came at 8.0 s.
    ['unbound', 297],
    // BIND and Knot (not measured) round the 296.9 s left up.
    ['bind', 298],
    ['knot', 298],
  ] as const)('%s answers a cached NXDOMAIN three seconds later with SOA TTL %i', (id, ttl) => {
    const result = walk(id, [{ name: 'nope.example.com', type: 'A', atMs: 5000 }, { name: 'nope.example.com', type: 'A', atMs: 8000 }]);
    expect(upstream(result, 1)).toEqual([]);
    expect(answeredTtls(result, 0)).toEqual([300]);
    expect(answeredTtls(result, 1)).toEqual([ttl]);
  });

  it.each([
    // Measured (Knot Resolver 5.6.0): cache.min_ttl 5 s raised a 4 s record in the answer; the cached copy counts down from 5.
    ['knot', [5], [3]],
    ['unbound', [4], [2]],
    ['bind', [4], [2]],
  ] as const)('%s answers a 4 s record with %j, and 3 s later with %j', (id, first, later) => {
    const result = walk(id, [{ name: 'short.example.com', type: 'A' }, { name: 'short.example.com', type: 'A', atMs: 3000 }]);
    expect(answeredTtls(result, 0)).toEqual(first);
    expect(answeredTtls(result, 1)).toEqual(later);
  });
});
