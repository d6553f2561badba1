import { beforeAll, describe, expect, it } from 'vitest';
import { cacheOperationsOf, type QuerySentEvent } from '../../src/core/dns-sim/events.js';
import type { World } from '../../src/core/dns-sim/world/world.js';
import { lineText } from '../../src/core/markdown/styled-line.js';
import { actorColumns } from '../../src/ui/screens/simulator/actors.js';
import { buildRun, NO_WHAT_IF, type SimRun } from '../../src/ui/screens/simulator/build-run.js';
import { cacheAt } from '../../src/ui/screens/simulator/cache-view.js';
import { columnPositions, diagramLines } from '../../src/ui/screens/simulator/diagram.js';
import { bytesPerRowFor, hexRows, packetAt } from '../../src/ui/screens/simulator/packet-view.js';
import { explanationLines } from '../../src/ui/screens/simulator/run-header.js';
import { runLayout } from '../../src/ui/screens/simulator/run-layout.js';
import { summariseRun } from '../../src/ui/screens/simulator/run-summary.js';
import { labelIndent, timelineFit, timelineRow } from '../../src/ui/screens/simulator/timeline-panel.js';
import { makeTheme } from '../../src/ui/theme.js';
import { bundledContent } from './app-harness.js';

let world: World;
beforeAll(async () => {
  world = (await bundledContent()).world;
});

function run(id: string, whatIf = NO_WHAT_IF, seed?: number): SimRun {
  const result = buildRun(world, { kind: 'scenario', id }, seed, whatIf);
  if ('error' in result) throw new Error(result.error);
  return result;
}

const theme = makeTheme({ colour: false, ascii: false, reducedMotion: false });

describe('the actors diagram', () => {
  it('has one column per party, in the order a query travels', () => {
    expect(actorColumns(run('cold-cache').result.events).map((column) => column.label)).toEqual(['app', 'stub', 'resolver.isp', 'root', 'TLD', 'authoritative']);
    expect(actorColumns(run('k8s-ndots').result.events).map((column) => column.label)).toEqual(['app', 'stub', 'coredns', 'resolver.isp']);
  });

  it('draws the steps up to the cursor, the current message part way along its arrow while in flight', () => {
    const { events } = run('cold-cache').result;
    const columns = actorColumns(events);
    const xs = columnPositions(columns, 80);
    // Step 8 of Unbound's cold walk: after priming the root (. NS), the minimised question for com. goes to a root server.
    const travelling = diagramLines({ events, columns, cursor: 7, progress: 0.5, width: 80, height: 8 }, theme).map(lineText);
    expect(travelling).toHaveLength(8);
    const row = travelling[7]!;
    const dot = row.indexOf('●');
    expect(dot).toBeGreaterThan(xs[2]!);
    expect(dot).toBeLessThan(xs[3]!);
    expect(row).not.toContain('▶');
    const arrived = diagramLines({ events, columns, cursor: 7, progress: 1, width: 80, height: 8 }, theme).map(lineText);
    expect(arrived[7]!).toMatch(/│─+ A\? com ─+▶│/);
    expect(arrived[7]!.indexOf('▶')).toBe(xs[3]! - 1);
    expect(arrived[6]).toContain('◆ cached 1 set');
    expect(arrived[4]!).toMatch(/│─+ NS\? \. ─+▶│/);
  });

  it('keeps to the width and height, at the last step too', () => {
    const { events } = run('k8s-ndots').result;
    const columns = actorColumns(events);
    for (const width of [40, 77, 120]) {
      const lines = diagramLines({ events, columns, cursor: events.length - 1, progress: 1, width, height: 6 }, theme).map(lineText);
      expect(lines).toHaveLength(6);
      for (const line of lines) expect(line.length).toBe(width);
    }
  });
});

describe('the timeline', () => {
  const rows = () => {
    const { events } = run('cold-cache').result;
    return events.map((_, index) => timelineRow(events, index, '→'));
  };

  it.each([
    [120, 'one-line'],
    [54, 'one-line'],
    [53, 'no-since'],
    [45, 'no-since'],
    [44, 'two-lines'],
    [39, 'two-lines'],
  ] as const)('at %i columns lays its steps out %s, the widest label whole', (width, fit) => {
    expect(timelineFit(rows(), width)).toBe(fit);
  });

  it('indents a label on its own line under the parties when the widest label fits there, else as far as it does', () => {
    expect(labelIndent(rows(), 60)).toBe(19);
    expect(labelIndent(rows(), 39)).toBe(39 - 'ask A www.example.com'.length);
    expect(labelIndent(rows(), 10)).toBe(2);
  });

  it('gives each step its time, the time since the step before, the parties and the label', () => {
    expect(rows()[14]).toEqual({ time: ' 246 ms', since: '  +167 ms', who: 'auth → resolver', label: 'ANSWER 1 rec' });
  });
});

describe('the explanation above the diagram', () => {
  it.each([
    ['a run of short explanations keeps the two rows a tall view always had', 1, 24, 2],
    ['a long one gets a third row at 24 rows', 5, 22, 3],
    ['and a fourth from 28 rows', 5, 28, 4],
    ['a short terminal keeps one row whatever the run needs', 3, 14, 1],
  ])('%s', (_name, lines, height, rows) => {
    expect(runLayout(80, height, 'timeline', lines).explanationRows).toBe(rows);
  });

  it('counts the lines of the run\'s longest explanation at the width, no further than asked', () => {
    const { events } = run('cold-cache').result;
    const longest = Math.max(...events.map((event) => event.explanation.length));
    expect(explanationLines(events, 80, 4)).toBe(3);
    expect(explanationLines(events, longest, 4)).toBe(1);
    expect(explanationLines(events, 40, 2)).toBe(2);
  });
});

describe('the cache view', () => {
  it('fills as records are stored and counts TTLs down on the virtual clock', () => {
    const { events } = run('stale-after-migration').result;
    const stored = events.findIndex((event) => cacheOperationsOf(event).some((op) => op.op === 'store' && op.name === 'www.acme-widgets.com'));
    const at = (index: number) => cacheAt(events, index, events[index]!.timeMs).find((row) => row.name === 'www.acme-widgets.com' && row.type === 'A');
    expect(at(stored - 1)).toBeUndefined();
    expect(at(stored)).toMatchObject({ ttlSeconds: 3600, remainingSeconds: 3600, data: '192.0.2.80' });
    const last = events.length - 1;
    const later = cacheAt(events, stored, events[last]!.timeMs).find((row) => row.name === 'www.acme-widgets.com')!;
    expect(later.remainingSeconds).toBeLessThan(0);
  });

  it('shows entries from before the run when a step hits them (a warm cache)', () => {
    const { events } = run('warm-cache').result;
    const rows = cacheAt(events, events.length - 1, events[events.length - 1]!.timeMs);
    expect(rows.find((row) => row.name === 'www.example.com')).toMatchObject({ remainingSeconds: 241 });
  });
});

describe('the packet inspector', () => {
  it('dumps bytes as offset, hex and printable ASCII, as xxd does', () => {
    expect(hexRows('01c001000001', 16)).toEqual(['0000  01 c0 01 00 00 01' + ' '.repeat(30) + '  ......']);
    expect(hexRows('41'.repeat(20), 16)[1]).toBe('0010  41 41 41 41' + ' '.repeat(36) + '  AAAA');
    expect(bytesPerRowFor(80)).toBe(16);
    expect(bytesPerRowFor(45)).toBe(8);
  });

  it('shows the step\'s own message, else the last one before it', () => {
    const { events } = run('cold-cache').result;
    expect(packetAt(events, 0)).toBeUndefined();
    expect(packetAt(events, 1)).toMatchObject({ own: true });
    expect(packetAt(events, 2)).toMatchObject({ own: false, event: { seq: 1 } });
  });
});

describe('what-if runs', () => {
  it('a server taken down makes the resolver time out on it and fail over', () => {
    const base = run('cold-cache');
    const down = run('cold-cache', { ...NO_WHAT_IF, downServers: ['ns1.example.com'] });
    expect(down.result.events.some((event) => event.type === 'query-timed-out' && event.to.name === 'ns1.example.com')).toBe(true);
    expect(summariseRun(down.result).durationMs).toBeGreaterThan(summariseRun(base.result).durationMs);
    expect(down.result.outcomes[0]!.status).toBe('answer');
  });

  it('a dead server brought back up answers', () => {
    const dead = run('dead-authoritative');
    const back = run('dead-authoritative', { ...NO_WHAT_IF, upServers: ['ns1.flaky-dns.com'] });
    expect(dead.result.events.some((event) => event.type === 'query-timed-out')).toBe(true);
    expect(back.result.events.some((event) => event.type === 'query-timed-out')).toBe(false);
  });

  it('a changed TTL is what the resolver caches, and asking again later hits the counted-down entry', () => {
    const changed = run('cold-cache', { ...NO_WHAT_IF, ttl: [{ name: 'www.example.com', type: 'A', ttlSeconds: 60 }], askAgainAfterMs: [30_000] });
    expect(changed.result.outcomes).toHaveLength(2);
    const hit = changed.result.events.find((event) => cacheOperationsOf(event).some((op) => op.op === 'hit'));
    expect(hit && cacheOperationsOf(hit)[0]).toMatchObject({ name: 'www.example.com', ttlSeconds: 31 });
    const expired = run('cold-cache', { ...NO_WHAT_IF, ttl: [{ name: 'www.example.com', type: 'A', ttlSeconds: 5 }], askAgainAfterMs: [30_000] });
    expect(expired.result.events.filter((event) => event.type === 'query-sent' && event.to.role === 'authoritative')).toHaveLength(2);
  });

  it('QNAME minimisation off sends the full name to the root once the root is primed', () => {
    const rootQuestions = (qnameMinimisation: boolean) => run('cold-cache', { ...NO_WHAT_IF, qnameMinimisation }).result.events
      .filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.to.role === 'root')
      .map((event) => `${event.message.question.name || '.'} ${event.message.question.type}`);
    expect(rootQuestions(false)).toEqual(['. NS', 'www.example.com A']);
    expect(rootQuestions(true)).toEqual(['. NS', 'com A']);
  });

  it('a new seed replays differently but deterministically', () => {
    expect(run('cold-cache', NO_WHAT_IF, 2).result.events).toEqual(run('cold-cache', NO_WHAT_IF, 2).result.events);
    expect(run('cold-cache', NO_WHAT_IF, 2).result.events.map((event) => event.timeMs)).not.toEqual(run('cold-cache').result.events.map((event) => event.timeMs));
  });

  it('names a malformed typed name by the rule it breaks', () => {
    expect(buildRun(world, { kind: 'custom', name: 'a..b', type: 'A' }, undefined, NO_WHAT_IF)).toMatchObject({ error: expect.stringMatching(/RFC 1035/) });
  });
});
