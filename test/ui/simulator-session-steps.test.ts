import { describe, expect, it } from 'vitest';
import { sessionQueries } from '../../src/app/simulator/plan-session.js';
import { lineText } from '../../src/core/markdown/styled-line.js';
import { parseSessionFile } from '../../src/core/dns-sim/session/session-file.js';
import { sessionStepItems, sessionStepLabel, sessionStepsLine } from '../../src/ui/screens/simulator/session/session-steps.js';

const GLYPHS = { pointer: '>', ellipsis: '...' };
const stepsOf = (text: string) => parseSessionFile(text, 'lesson.yaml').steps;
const LESSON = stepsOf('- ask: www.example.com\n- resolv_conf: "nameserver 10.0.0.53"\n  at: 40s\n- wait: 5m\n- ask: mail.example.com\n  type: MX\n- ask: www.example.com\n  client: dig\n  dig: +norec +bufsize=512\n');

describe('the session step list', () => {
  it.each([
    [0, ['playing', 'next', 'next', 'next', 'next']],
    [1, ['done', 'done', 'done', 'playing', 'next']],
    [2, ['done', 'done', 'done', 'done', 'playing']],
  ] as const)('question %i playing: the steps before it (waits and resolv.conf changes too) are done', (query, states) => {
    expect(sessionStepItems(LESSON, sessionQueries(LESSON).views, query).map((item) => item.state)).toEqual(states);
  });

  it('names each step as the learner wrote it: the question and type, resolv.conf with its time, the wait, dig with its options', () => {
    expect(LESSON.map(sessionStepLabel)).toEqual(['www.example.com A+AAAA', 'resolv.conf changed at 40.0 s', 'wait 5 min', 'mail.example.com MX', 'dig www.example.com A +norec +bufsize=512']);
  });

  it('a prewarm step is done from the first question on, wherever it is written, and named with how long before the start', () => {
    const steps = stepsOf('- ask: www.example.com\n- prewarm: www.example.com\n  before: 1m\n- ask: mail.example.com\n');
    expect(sessionStepItems(steps, sessionQueries(steps).views, 0).map((item) => item.state)).toEqual(['playing', 'done', 'next']);
    expect(sessionStepLabel(steps[1]!)).toBe('prewarm www.example.com A 60.0 s before');
  });

  it('names a change of the world by its server and what changes, with its time', () => {
    const steps = stepsOf('- ask: www.example.com\n- at: 10s\n  change: { server: ns1.example.com, behaviour: drop }\n- at: 2m\n  change: { server: ns1.example.com, behaviour: up, rtt_ms: 400 }\n');
    expect(steps.map(sessionStepLabel)).toEqual(['www.example.com A+AAAA', 'ns1.example.com drop at 10.0 s', 'ns1.example.com up, rtt 400 ms at 2 min']);
    const records = stepsOf('- ask: www.example.com\n- at: 1m\n  change: { name: www.example.com, type: A, ttl: 300, records: [192.0.2.7, 192.0.2.8] }\n- at: 2m\n  change: { name: www.example.com, type: AAAA, ttl: 300, records: [] }\n');
    expect(records.map(sessionStepLabel)).toEqual(['www.example.com A+AAAA', 'www.example.com A set (2) at 60.0 s', 'www.example.com AAAA removed at 2 min']);
  });

  it.each([
    [200, 0, 'question 1 of 3: >1 www.example.com A+AAAA  2 resolv.conf changed at 40.0 s  3 wait 5 min  4 mail.example.com MX  5 dig www.example.com A +norec +bufsize=512 '],
    [60, 0, 'question 1 of 3: >1 www.example.com A+AAAA  2 resolv.conf...'],
    [60, 2, 'question 3 of 3: ...>5 dig www.example.com A +norec +bufs...'],
  ] as const)('at width %i with question %i playing, the line keeps the playing step in view', (width, query, text) => {
    const line = sessionStepsLine(sessionStepItems(LESSON, sessionQueries(LESSON).views, query), 3, query, width, GLYPHS);
    expect(lineText(line)).toBe(text);
    expect(lineText(line).length).toBeLessThanOrEqual(width);
    expect(line.find((segment) => segment.text.startsWith('>'))?.style).toEqual({ bold: true, inverse: true });
  });
});
