import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlan } from '../../../src/app/simulator/plan-run.js';
import { planSession } from '../../../src/app/simulator/plan-session.js';
import { parseSessionFile } from '../../../src/core/dns-sim/session/session-file.js';
import type { WorldFileText } from '../../../src/core/dns-sim/world/world-files.js';
import { FIXED_RTT, testWorld } from '../../core/dns-sim/sim-fixture.js';

const V2 = (www: string): string => `$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1.example.com. hostmaster.example.com. 2 7200 3600 1209600 300\n@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n${www}\n`;
const SWAP = '- ask: www.example.com\n  type: A\n- at: 1m\n  change: { zone: example.com, file: example.com-v2.zone, note: the migration }\n- wait: 10m\n- ask: www.example.com\n  type: A\n';

const run = (text: string, zoneFiles?: WorldFileText[]) => {
  const parsed = parseSessionFile(text, 'lesson.yaml');
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0]!.message);
  const plan = planSession(testWorld(), { file: 'lesson.yaml', steps: parsed.steps, warnings: [], ...(zoneFiles ? { zoneFiles } : {}) }, { seed: 1 });
  return runPlan({ ...plan, options: { ...plan.options, ...FIXED_RTT } });
};

describe('a session step swaps a zone for a .zone file of the world folder', () => {
  it('the question after the swap (and past the old TTL) gets the new address; the swap is a world-changed event at its offset', () => {
    const result = run(SWAP, [{ name: 'example.com-v2.zone', text: V2('www 300 A 203.0.113.99') }]);
    expect(result.outcomes.map((outcome) => outcome.addresses)).toEqual([['203.0.113.10'], ['203.0.113.99']]);
    const changed = result.events.flatMap((event) => (event.type === 'world-changed' ? [[event.timeMs, event.explanation]] : []));
    expect(changed).toEqual([[60_000, 'the migration (zone example.com. is now the 6 records of example.com-v2.zone)']]);
  });

  it('a question asked before the old TTL runs out is still answered from the cache, as in a real migration', () => {
    const result = run(SWAP.replace('wait: 10m', 'wait: 1m'), [{ name: 'example.com-v2.zone', text: V2('www 300 A 203.0.113.99') }]);
    expect(result.outcomes.map((outcome) => outcome.addresses)).toEqual([['203.0.113.10'], ['203.0.113.10']]);
  });

  it.each([
    ['no --world folder, so no file to read', SWAP, undefined, 'lesson.yaml:4: change: a zone swap reads example.com-v2.zone from the world folder: name the folder with --world'],
    ['a file the folder does not have', SWAP, [{ name: 'other.zone', text: V2('www A 203.0.113.99') }], 'lesson.yaml:4: change: example.com-v2.zone is not a zone file of the world folder'],
    ['a zone no server serves', SWAP.replace('zone: example.com', 'zone: nowhere.example'), [{ name: 'example.com-v2.zone', text: V2('www A 203.0.113.99') }], 'lesson.yaml:4: change: zone nowhere.example is served by no server'],
    ['a file of another zone', SWAP, [{ name: 'example.com-v2.zone', text: '$ORIGIN hoster.net.\n@ 300 SOA ns1 h 1 2 3 4 5\n' }], 'lesson.yaml:4: change: example.com-v2.zone is the zone hoster.net (its $ORIGIN), not example.com'],
    ['a bad record in the swapped-in file, named by its own file and line', SWAP, [{ name: 'example.com-v2.zone', text: V2('www A 203.0.113.999') }], 'example.com-v2.zone:8:'],
  ])('%s is refused before anything runs', (_what, text, zoneFiles, message) => {
    expect(() => run(text, zoneFiles)).toThrow(message);
  });

  it('the zone swap example of docs/session-format.md runs: the old address inside the old TTL, the new one after it', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'session-format.md'), 'utf8');
    const example = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((block) => block.includes('file: example.com-v2.zone'));
    const result = run(example!, [{ name: 'example.com-v2.zone', text: V2('www 300 A 203.0.113.99') }]);
    expect(result.outcomes.map((outcome) => outcome.addresses)).toEqual([['203.0.113.10'], ['203.0.113.10'], ['203.0.113.99']]);
  });

  it('a change step can set one RRset instead of swapping the zone, with no --world needed: the trace names the records set', () => {
    const result = run('- ask: www.example.com\n  type: A\n- at: 1m\n  change: { name: www.example.com, type: A, ttl: 60, records: [192.0.2.77] }\n- wait: 10m\n- ask: www.example.com\n  type: A\n');
    expect(result.outcomes.map((outcome) => outcome.addresses)).toEqual([['203.0.113.10'], ['192.0.2.77']]);
    expect(result.events.filter((event) => event.type === 'world-changed').map((event) => event.explanation)).toEqual(['scheduled in lesson.yaml line 4 (www.example.com. A now 192.0.2.77)']);
  });
});
