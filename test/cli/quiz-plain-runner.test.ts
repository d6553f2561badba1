import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../src/core/quiz/progress/derive-progress.js';
import type { LogEntry } from '../../src/core/quiz/progress/log-entry.js';
import { testContext } from './test-context.js';
import type { CliContext } from '../../src/cli/context.js';
import { jsonReporter } from '../../src/cli/quiz/json-reporter.js';
import { runPlainQuiz } from '../../src/cli/quiz/plain-runner.js';
import type { PreparedQuiz } from '../../src/app/study/prepare-quiz.js';
import { textReporter } from '../../src/cli/quiz/text-reporter.js';
import type { ReviewLogWriter } from '../../src/io/progress/review-log-writer.js';
import { setup } from '../core/quiz/session-fixtures.js';

function harness(input: string, options: { failWrites?: boolean } = {}) {
  let out = '';
  let err = '';
  const outputAtWrite: string[] = [];
  const written: LogEntry[] = [];
  const stdin = new PassThrough();
  stdin.end(input);
  const ctx: CliContext = testContext({ out: (text) => void (out += text), err: (text) => void (err += text), stdin }, {}, '/');
  const writer: ReviewLogWriter = {
    path: '/log',
    append(entries) {
      outputAtWrite.push(out);
      if (options.failWrites) return { ok: false, reason: 'no space left on the device' };
      written.push(...entries);
      return { ok: true };
    },
    close() {},
  };
  const session = setup('cloze');
  const prepared: PreparedQuiz = {
    setup: session, selection: { items: [], dueCount: 0, newCount: 3, totalDue: 0, newRemaining: 20, newWaiting: 0, held: { suspended: 0, buried: 0 } },
    progress: { logPath: '/log', writer }, derived: deriveProgress([], []), cards: [], candidates: [], newPerDay: 20,
  };
  let clock = Date.UTC(2026, 5, 1, 9);
  const now = () => (clock += 1000);
  return { ctx, prepared, now, written, outputAtWrite, out: () => out, err: () => err };
}

describe('the plain quiz loop', () => {
  it('writes each answer to the log before printing its verdict', async () => {
    const run = harness('86400 s\nwrong\n30 s\n');
    await runPlainQuiz(run.ctx, run.prepared, textReporter(run.ctx), run.now, { pauseAfterTimeout: false, echo: true, text: true });
    expect(run.written).toHaveLength(3);
    expect(run.outputAtWrite).toHaveLength(3);
    // At each write, the verdicts printed so far are exactly those of the earlier answers.
    run.outputAtWrite.forEach((output, index) => expect(output.match(/· saved/g)?.length ?? 0).toBe(index));
    expect(run.out().match(/· saved/g)).toHaveLength(3);
  });

  it('prints NOT saved and warns once when the disk refuses the writes', async () => {
    const run = harness('86400 s\n60 s\n');
    run.prepared.progress.writer!.append = () => ({ ok: false, reason: 'no space left on the device' });
    await runPlainQuiz(run.ctx, run.prepared, textReporter(run.ctx), run.now, { pauseAfterTimeout: false, echo: true, text: true });
    expect(run.out().match(/· NOT saved/g)).toHaveLength(2);
    expect(run.err()).toBe('swelearn: warning: an answer could not be saved: no space left on the device\n');
  });

  it('emits one JSON object per line in --json mode, acknowledging each answer after its write', async () => {
    const run = harness('86400 s\n');
    await runPlainQuiz(run.ctx, run.prepared, jsonReporter(run.ctx), run.now, { pauseAfterTimeout: false, echo: false, text: false });
    const events = run.out().trim().split('\n').map((line) => JSON.parse(line));
    expect(events.map((event) => event.event)).toEqual(['start', 'item', 'answer', 'item', 'summary']);
    expect(events[2]).toMatchObject({ entry: run.written[0]!.id, saved: true, correct: true });
    expect(run.outputAtWrite[0]).not.toContain('"event":"answer"');
  });
});
