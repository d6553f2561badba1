import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, ROOT, runCli } from '../run-cli.js';

// The bundled world with a second version of example.com beside it, whose www has moved.
const world = mkdtempSync(join(tmpdir(), 'swelearn-swap-world-'));
cpSync(join(ROOT, 'content', 'worlds', 'default'), world, { recursive: true });
const v1 = readFileSync(join(world, 'example.com.zone'), 'utf8');
writeFileSync(join(world, 'example.com-v2.zone'), v1.replace('2024060101', '2024060102').replace(/^www  300 A     203\.0\.113\.10$/m, 'www  300 A     203.0.113.77'));
const lesson = join(world, 'lesson.yaml');
writeFileSync(lesson, '- ask: www.example.com\n  type: A\n- at: 30s\n  change: { zone: example.com, file: example.com-v2.zone, note: the migration }\n- wait: 10m\n- ask: www.example.com\n  type: A\n');

describe('swelearn sim --session with a zone swap (the built binary)', () => {
  it('--world: the swap is read from the folder, and the question after it gets the new address', () => {
    const run = runCli(['sim', '--session', lesson, '--world', world, '--json', '--seed', '3']);
    expectNoCrashText(run);
    expect(run.code).toBe(0);
    const trace = JSON.parse(run.stdout);
    expect(trace.outcomes.map((outcome: { addresses: string[] }) => outcome.addresses)).toEqual([['203.0.113.10'], ['203.0.113.77']]);
    const changed = trace.events.filter((event: { type: string }) => event.type === 'world-changed');
    expect(changed.map((event: { timeMs: number; explanation: string }) => [event.timeMs, event.explanation.split(' (')[0]])).toEqual([[30_000, 'the migration']]);
  });

  it('without --world the swap has no folder to read from: an error naming the session line, and nothing runs', () => {
    const run = runCli(['sim', '--session', lesson]);
    expectNoCrashText(run);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('lesson.yaml:4: change: a zone swap reads example.com-v2.zone from the world folder: name the folder with --world');
  });
});
