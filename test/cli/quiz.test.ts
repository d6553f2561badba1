import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReviewLog } from '../../src/io/progress/read-review-log.js';
import { startCli } from './quiz-process.js';
import { expectNoCrashText, freshHome, hasEscape, runCli } from './run-cli.js';

const CARD = ['--card', 'ttl-and-caching'];
const logOf = (home: string) => join(home, 'progress', 'reviews.jsonl');
const listed = (args: string[]) => runCli(['quiz', '--list', '--json', ...args]).stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string> & { options: string[] | null; context: string[] | null });
// The first cloze of the card, the one a cloze quiz of it asks first; read from the listing, since the cards (and their ids) are rewritten.
const cloze = () => listed([...CARD, '--mode', 'cloze'])[0]!;
const events = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown> & { event: string });

describe('swelearn quiz: bad input', () => {
  it.each([
    [['quiz', '--mode', 'essay'], '--mode must be one of flashcard, cloze, choice, predict, mixed, got "essay"'],
    [['quiz', '--time', 'soon'], '--time takes a duration like 5m or 90s, got "soon"'],
    [['quiz', '--per-item', '1s'], '--per-item must be between 3 s and 60 min, got "1s"'],
    [['quiz', '--count', '0'], '--count takes a whole number from 1 to 1000, got "0"'],
    [['quiz', 'dns'], 'quiz takes no arguments, got "dns"'],
    [['plan', '--interview', '2020-01-01'], '--interview 2020-01-01 is in the past'],
    [['plan', '--interview', '2026-13-45'], '--interview takes a date like 2026-12-15, got "2026-13-45"'],
    [['export', '--format', 'xml'], '--format must be one of json, csv, anki-tsv, got "xml"'],
    [['import'], 'import needs a file'],
    [['stats', 'now'], 'stats takes no arguments'],
    [['quiz', '--list', '--count', '3'], '--list does not go with --count'],
    [['quiz', '--list', '--cram'], '--list does not go with --cram'],
    [['quiz', '--item', 'some/item', '--card', 'dnssec'], '--item does not go with --card'],
    [['quiz', '--item', 'some/item', '--due'], '--item does not go with --due'],
    [['quiz', '--list', '--item', 'no-such-thing'], 'no quiz item has id "no-such-thing" (swelearn quiz --list shows every id)'],
  ])('%j is a usage error: one line, the usage, exit 2', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toContain(`swelearn: ${message}`);
    expect(lines[1]).toMatch(/^usage: swelearn /);
    expect(lines).toHaveLength(2);
  });

  it.each([
    [['quiz', '--card', 'ttl-and-cachin'], 'no card has id "ttl-and-cachin"; did you mean ttl-and-caching?'],
    [['quiz', '--tag', 'nosuchtag'], 'no card has tag "nosuchtag"'],
    [['quiz', '--topic', 'cooking'], 'no topic "cooking"; topics: dns'],
    [['import', 'no-such-file.json'], 'cannot read no-such-file.json: ENOENT'],
  ])('%j is a runtime error: one line, exit 1', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').filter((line) => !line.includes('(card skipped)'))[0]).toContain(`swelearn: ${message}`);
    expectNoCrashText(run);
  });
});

describe('swelearn quiz in plain line mode', () => {
  it('checks a typed cloze, prints the verdict with the next due date, and logs it before saying so', () => {
    const home = freshHome();
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: { SWELEARN_HOME: home }, input: 'Remaining TTL.\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('A cache hands out the _____, so a chain of caches');
    expect(run.stdout).toMatch(/^✓ right · Good · next due in 10 min · saved$/m);
    expect(run.stdout).toContain('Session complete: 1/1 right (100%)');
    const [entry] = readReviewLog(logOf(home)).entries;
    expect(entry).toMatchObject({ type: 'review', card: 'ttl-and-caching', mode: 'cloze', grade: 3, correct: true, given: 'Remaining TTL.' });
    expectNoCrashText(run);
  });

  it('shows the answer and the whole point for a wrong answer, and asks the item again at the end', () => {
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { input: 'cached TTL\nremaining ttl\n' });
    expect(run.stdout).toMatch(/✗ wrong: you wrote "cached TTL"; the answer is "remaining TTL" · Again · next due in 1 min · asked again at the end · saved/);
    expect(run.stdout).toContain('[again] cloze');
    expect(run.stdout).toContain('Session complete: 0/1 right (0%) · retries 1/1');
    expect(run.stdout).toMatch(/Reread\n {2}1\. TTL and DNS caching › Key Points for Interviews \(1 missed\)\n {5}swelearn show ttl-and-caching --section "Key Points for Interviews"/);
  });

  it('self-grades flashcards 1-4 after Enter reveals them, or at once', () => {
    const home = freshHome();
    const run = runCli(['quiz', '--mode', 'flashcard', '--count', '2', ...CARD], { env: { SWELEARN_HOME: home }, input: '\n3\n4\n' });
    expect(run.stdout).toContain('→ A cache hands out the remaining TTL');
    expect(run.stdout).toMatch(/^✓ Good · next due in 10 min · saved$/m);
    expect(run.stdout).toMatch(/^✓ Easy · next due in \d+ days \(\d{4}-\d{2}-\d{2}\) · saved$/m);
    expect(readReviewLog(logOf(home)).entries.map((entry) => entry.type === 'review' && entry.grade)).toEqual([3, 4]);
  });

  it('takes back the last grade with :u and asks it again', () => {
    const home = freshHome();
    const run = runCli(['quiz', '--mode', 'flashcard', '--count', '1', ...CARD], { env: { SWELEARN_HOME: home }, input: '1\n:u\n3\n' });
    expect(run.stdout).toContain('↶ undone');
    const entries = readReviewLog(logOf(home)).entries;
    expect(entries.map((entry) => entry.type)).toEqual(['review', 'undo', 'review']);
    const stats = JSON.parse(runCli(['stats', '--json'], { env: { SWELEARN_HOME: home } }).stdout);
    expect(stats.answers).toMatchObject({ total: 1, correct: 1 });
  });

  it('accepts the letter of a choice, and the same seed asks the same options', () => {
    const env = { SWELEARN_SEED: '7' };
    const first = events(runCli(['quiz', '--mode', 'choice', '--count', '1', '--json', ...CARD], { env }).stdout).find((event) => event.event === 'item')!;
    const choices = first.choices as string[];
    const letter = String.fromCharCode(97 + choices.indexOf('remaining TTL'));
    const run = runCli(['quiz', '--mode', 'choice', '--count', '1', '--json', ...CARD], { env, input: `${letter}\n` });
    const all = events(run.stdout);
    expect(all.find((event) => event.event === 'item')!.choices).toEqual(choices);
    expect(all.find((event) => event.event === 'answer')).toMatchObject({ correct: true, grade: 3, verdict: 'correct', saved: true, given: letter });
  });

  it('prints machine-readable JSON lines with --json: start, each item, each answer, the summary', () => {
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '2', '--json', ...CARD], { input: 'remaining ttl\nwrong\n' });
    const all = events(run.stdout);
    expect(all.map((event) => event.event)).toEqual(['start', 'item', 'answer', 'item', 'answer', 'item', 'summary']);
    expect(all[0]).toMatchObject({ items: 2, new: 2, due: 0, saving: true });
    expect(all[1]).toMatchObject({ position: 1, mode: 'cloze', card: 'ttl-and-caching', timeLimitMs: 30_000 });
    expect(all[2]).toMatchObject({ correct: true, nextDue: expect.any(String), entry: expect.stringMatching(/-1$/) });
    expect(all.at(-1)).toMatchObject({ asked: 2, correct: 1, endedBy: 'quit' });
  });

  it('honours NO_COLOR and --no-color, and colours only when forced', () => {
    const plain = runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: { NO_COLOR: '1' }, input: 'x\n' });
    expect(hasEscape(plain.stdout)).toBe(false);
    const flag = runCli(['--no-color', 'quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: { FORCE_COLOR: '1' }, input: 'x\n' });
    expect(hasEscape(flag.stdout)).toBe(false);
    const forced = runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: { FORCE_COLOR: '1' }, input: 'x\n' });
    expect(forced.stdout).toContain('\u001b[1;31m✗ wrong\u001b[0m');
  });

  it('brings due items back on later days, and --cram practises without moving them', () => {
    const home = freshHome();
    const day1 = { SWELEARN_HOME: home, SWELEARN_NOW: '2026-06-01T09:00:00Z' };
    runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: day1, input: 'wrong\n:q\n' });
    const day2 = { SWELEARN_HOME: home, SWELEARN_NOW: '2026-06-02T09:00:00Z' };
    const due = events(runCli(['quiz', '--due', '--json', ...CARD], { env: day2 }).stdout);
    expect(due[0]).toMatchObject({ event: 'start', items: 1, due: 1, new: 0 });
    runCli(['quiz', '--due', '--cram', '--mode', 'cloze', ...CARD], { env: day2, input: 'remaining ttl\n' });
    expect(events(runCli(['quiz', '--due', '--json', ...CARD], { env: day2 }).stdout)[0]).toMatchObject({ items: 1, due: 1 });
    runCli(['quiz', '--due', '--mode', 'cloze', ...CARD], { env: day2, input: 'remaining ttl\n' });
    const after = runCli(['quiz', '--due', ...CARD], { env: day2 });
    expect(after.stdout).toMatch(/^Nothing is due now\.\nThe next item is due (today|tomorrow|in \d+ (min|days))/);
  });

  it('stops at the daily limit of new items, says how to go on, and creates no files', () => {
    const home = freshHome();
    const run = runCli(['quiz'], { env: { SWELEARN_HOME: home, SWELEARN_NEW_PER_DAY: '0' } });
    expect(run.code).toBe(0);
    expect(existsSync(join(home, 'progress'))).toBe(false);
    expect(run.stdout).toContain(`today's limit of 0 new items is used (new-per-day in ${join(home, 'config.yaml')}, or SWELEARN_NEW_PER_DAY, changes it)`);
    expect(run.stdout).toContain('swelearn quiz --cram');
    expect(runCli(['quiz'], { env: { SWELEARN_NEW_PER_DAY: 'lots' } }).stderr).toContain('SWELEARN_NEW_PER_DAY must be a whole number');
  });

  it('asks predict items at a scenario\'s key moment under its neutral name, and plays the step and why as the reveal', () => {
    const run = runCli(['quiz', '--mode', 'predict', '--count', '1', '--card', 'negative-caching'], { input: 'd\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Scenario: A name that was never created, asked twice');
    expect(run.stdout).not.toContain('NXDOMAIN, cached for min(SOA TTL, MINIMUM)');
    expect(run.stdout).toMatch(/For how long does the resolver cache that the name\s+does not exist\?/);
    expect(run.stdout).toMatch(/\+79 ms resolver\.isp\.net → ns1\.example\.com: asks ns1\.example\.com/);
    expect(run.stdout).toMatch(/Why: RFC 2308/);
  });

  it('shows the answer when an item runs out of time, grades nothing, and asks it again at the end', async () => {
    const home = freshHome();
    const quiz = startCli(['quiz', '--mode', 'cloze', '--count', '1', '--per-item', '3s', ...CARD], { SWELEARN_HOME: home });
    const { answer } = cloze();
    await quiz.waitFor((out) => out.includes('[again]'), 10_000);
    quiz.send(answer!);
    expect((await quiz.exited).code).toBe(0);
    expect(quiz.stdout()).toContain(`⏱ time is up: the answer is "${answer}" · not graded · asked again at the end · saved\n`);
    expect(quiz.stdout()).toMatch(/^✓ right · Good · next due in 10 min · saved$/m);
    expect(quiz.stdout()).toContain('Session complete: 1/1 right (100%) · 1 ran out of time (not graded)');
    const entries = readReviewLog(logOf(home)).entries;
    expect(entries).toEqual([expect.objectContaining({ type: 'timed-out', ms: 3000, mode: 'cloze' }), expect.objectContaining({ type: 'review', grade: 3 })]);
    expect(entries[0]).not.toHaveProperty('grade');
  });
});

describe('"I was right" in the plain mode: :r', () => {
  it('counts a rejected typed answer right, logs it as an override, and drops the retry it had queued', () => {
    const home = freshHome();
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: { SWELEARN_HOME: home }, input: 'the TTL left over\n:r\n' });
    expect(run.code).toBe(0);
    const { answer } = cloze();
    expect(run.stdout).toContain(`✗ wrong: you wrote "the TTL left over"; the answer is "${answer}" · Again · next due in 1 min · asked again at the end · saved\n`);
    expect(run.stdout).toContain('(were you right? type :r to count it as right)');
    expect(run.stdout).toContain(`✓ counted right: you wrote "the TTL left over" (expected "${answer}") · Good · next due in 10 min · saved\n`);
    expect(run.stdout).toContain('Session complete: 1/1 right (100%) · 1 counted right by you');
    const entries = readReviewLog(logOf(home)).entries;
    expect(entries.map((entry) => entry.type)).toEqual(['review', 'undo', 'review']);
    expect(entries[2]).toMatchObject({ grade: 3, correct: true, given: 'the TTL left over', overrides: entries[0]!.id });
    expect(JSON.parse(runCli(['stats', '--json'], { env: { SWELEARN_HOME: home } }).stdout).overrides).toMatchObject({ count: 1 });
    expectNoCrashText(run);
  });

  it('refuses :r when the last answer was right, and says what it is for', () => {
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '2', ...CARD], { input: `${cloze().answer}\n:r\n:q\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(':r counts the last answer right only when it was a typed answer the check rejected');
    expect(run.stdout).not.toContain('counted right by you');
  });

  it('speaks a claim event with --json', () => {
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '1', '--json', ...CARD], { input: 'the TTL left over\n:r\n' });
    const claim = events(run.stdout).find((event) => event.event === 'claim');
    expect(claim).toMatchObject({ verdict: 'claimed', grade: 3, correct: true, given: 'the TTL left over', overrides: expect.any(String) });
    expect(events(run.stdout).find((event) => event.event === 'answer')).toMatchObject({ verdict: 'wrong', claimable: true });
  });
});

describe('swelearn quiz --list and --item', () => {
  const step = () => listed(['--mode', 'predict', '--card', 'resolution-flow'])[0]!;

  it('--list --json prints every item, one object per item and mode, with every field', () => {
    const lines = listed([]);
    const total = JSON.parse(runCli(['stats', '--json']).stdout).items.total as number;
    expect(new Set(lines.map((line) => line.id)).size).toBe(total);
    expect(new Set(lines.map((line) => `${line.id} ${line.mode}`)).size).toBe(lines.length);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'card', 'mode', 'prompt', 'answer', 'accepts', 'options', 'context', 'source']);
      expect(line.source).toMatch(/^content\/dns\/[a-z0-9-]+\.md:\d+$/);
      expect(Array.isArray(line.accepts)).toBe(true);
      expect(Array.isArray(line.options)).toBe(line.mode === 'choice' || line.mode === 'predict');
      expect(Array.isArray(line.context)).toBe(line.mode === 'predict');
      if (line.options) expect(line.options).toContain(line.answer);
    }
    expect(new Set(lines.map((line) => line.mode))).toEqual(new Set(['flashcard', 'cloze', 'choice', 'predict']));
  });

  it.each<[string, () => string[], (line: Record<string, unknown>, args: string[]) => boolean]>([
    ['--mode', () => ['--mode', 'cloze'], (line) => line.mode === 'cloze'],
    ['--card', () => ['--card', 'negative-caching'], (line) => line.card === 'negative-caching'],
    ['--item', () => ['--item', cloze().id!], (line, args) => line.id === args[1]],
  ])('--list narrows with %s', (_name, args, holds) => {
    const asked = args();
    const lines = listed(asked);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => holds(line, asked))).toBe(true);
  });

  it('--list without --json is a table: id, mode, the prompt and answer on one line', () => {
    const run = runCli(['quiz', '--list', '--card', 'ttl-and-caching', '--width', '120']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+MODE\s+PROMPT -> ANSWER$/);
    expect(run.stdout).toContain(`${cloze().id}`);
    expect(lines.slice(1, -2).every((line) => /^(ttl-and-caching|sim)\/\S+\s+(cloze|choice|flashcard|predict)\s+\S/.test(line))).toBe(true);
    expect(lines.every((line) => line.length <= 120)).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ items, \d+ ways to ask them; --json gives every field/);
    expectNoCrashText(run);
  });

  it.each<[string, string[], Record<string, unknown>]>([
    ['as a cloze', ['--mode', 'cloze'], { mode: 'cloze', grade: 3 }],
    ['crammed, leaving the schedule alone', ['--mode', 'choice', '--cram'], { mode: 'choice', grade: 3, cram: true }],
  ])('--item asks just that item %s', (_name, args, entry) => {
    const home = freshHome();
    const { id, answer } = cloze();
    const run = runCli(['quiz', '--item', id!, ...args], { env: { SWELEARN_HOME: home }, input: `${answer}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Quiz: 1 item');
    expect(run.stdout).toContain('Session complete: 1/1 right (100%)');
    expect(readReviewLog(logOf(home)).entries).toEqual([expect.objectContaining({ item: id, ...entry })]);
  });

  it('--item speaks JSON lines with --json, and asks an item that is not due', () => {
    const home = freshHome();
    const { id, answer } = step();
    runCli(['quiz', '--item', id!, '--json'], { env: { SWELEARN_HOME: home }, input: `${answer}\n` });
    const run = runCli(['quiz', '--item', id!, '--json'], { env: { SWELEARN_HOME: home }, input: `${answer}\n` });
    const lines = events(run.stdout);
    expect(lines[0]).toMatchObject({ event: 'start', items: 1, due: 0, new: 0 });
    expect(lines.filter((line) => line.event === 'item')).toEqual([expect.objectContaining({ item: id, mode: 'predict' })]);
    expect(lines.find((line) => line.event === 'answer')).toMatchObject({ correct: true });
  });

  it.each<[string, (id: string) => string[], (id: string) => RegExp]>([
    ['a typo of an id', (id) => ['--item', `${id.slice(0, -1)}${id.endsWith('x') ? 'y' : 'x'}`], (id) => new RegExp(`did you mean ${id.replace(/[/.]/g, '\\$&')}\\b`)],
    ['an id of the right card', (id) => ['--item', `${id.split('/')[0]}/nope`], (id) => new RegExp(`did you mean ${id.split('/')[0]}/`)],
    ['a mode the item has no question for', (id) => ['--item', id, '--mode', 'predict'], (id) => new RegExp(`item ${id.replace(/[/.]/g, '\\$&')} cannot be asked as predict; it can be asked as \\w+`)],
  ])('--item with %s exits 2 and says what would work', (_name, args, message) => {
    const { id } = cloze();
    const run = runCli(['quiz', ...args(id!)]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(message(id!));
    expect(run.stderr.split('\n')[1]).toMatch(/^usage: swelearn quiz/);
    expectNoCrashText(run);
  });
});

describe('swelearn stats, plan, export and import', () => {
  const home = freshHome();
  runCli(['quiz', '--mode', 'cloze', '--count', '3', ...CARD], { env: { SWELEARN_HOME: home }, input: 'remaining ttl\nwrong\n86400 s\n:q\n' });

  it('stats shows studied items, due, streak, recall per tag and a calendar', () => {
    const run = runCli(['stats'], { env: { SWELEARN_HOME: home } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Answers\s+3 \(67% right\)/);
    expect(run.stdout).toMatch(/Streak\s+1 day \(studied today\)/);
    expect(run.stdout).toContain('Activity, last 12 weeks');
    expect(run.stdout).toMatch(/Recall by tag, weakest first\n {2}\S+/);
    const json = JSON.parse(runCli(['stats', '--json'], { env: { SWELEARN_HOME: home } }).stdout);
    expect(json).toMatchObject({ answers: { total: 3, correct: 2 }, items: { studied: 3 }, streakDays: 1 });
  });

  it('plan fits due reviews and unread cards into the minutes given', () => {
    const run = runCli(['plan', '--minutes', '20'], { env: { SWELEARN_HOME: home } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Plan for 20 min/);
    expect(run.stdout).toMatch(/Read \S+ \(\w+, \d+ min\), then quiz its \d+ new items/);
    const json = JSON.parse(runCli(['plan', '--minutes', '20', '--json', '--interview', '2099-01-01'], { env: { SWELEARN_HOME: home } }).stdout);
    expect(json.plannedMinutes).toBeLessThanOrEqual(20);
    expect(json.interview.date).toBe('2099-01-01');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['SWELEARN_NEW_PER_DAY', { SWELEARN_NEW_PER_DAY: '3' }, /The daily limit of new items shaped this plan \(3 a day\): it holds 3 new items, and \d+ more would fit in the time\. To change the limit: new-per-day in \S+config\.yaml, or SWELEARN_NEW_PER_DAY\./],
    ['a limit of 0', { SWELEARN_NEW_PER_DAY: '0' }, /The daily limit of new items shaped this plan \(0 a day\): it holds no new item, and \d+ more would fit/],
  ])('plan says when the daily limit of new items shaped it, and where to change it (%s)', (_name, env, note) => {
    const run = runCli(['plan', '--minutes', '60', '--width', '400'], { env: { SWELEARN_HOME: freshHome(), ...env } });
    expect(run.stdout).toMatch(note);
    const json = JSON.parse(runCli(['plan', '--minutes', '60', '--json'], { env: { SWELEARN_HOME: freshHome(), ...env } }).stdout);
    expect(json.newItems).toMatchObject({ perDay: Number(env.SWELEARN_NEW_PER_DAY), usedToday: 0, heldBack: expect.any(Number) });
    expect(json.newItems.heldBack).toBeGreaterThan(0);
    expect(runCli(['plan', '--minutes', '20'], { env: { SWELEARN_HOME: freshHome() } }).stdout).not.toContain('shaped this plan');
  });

  it('exports JSON that another machine imports once, and CSV and Anki TSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-export-'));
    const json = runCli(['export'], { env: { SWELEARN_HOME: home } });
    writeFileSync(join(dir, 'progress.json'), json.stdout);
    const other = freshHome();
    const imported = runCli(['import', join(dir, 'progress.json')], { env: { SWELEARN_HOME: other } });
    expect(imported.stdout).toMatch(/^Imported 3 answers from .*progress\.json into .*reviews\.jsonl\.$/m);
    expect(runCli(['import', join(dir, 'progress.json')], { env: { SWELEARN_HOME: other } }).stdout).toBe('Nothing new to import: all 3 entries are already in your log.\n');
    expect(readFileSync(logOf(other), 'utf8')).toBe(readFileSync(logOf(home), 'utf8'));
    const csv = runCli(['export', '--format', 'csv'], { env: { SWELEARN_HOME: home } }).stdout.trimEnd().split('\r\n');
    expect(csv).toHaveLength(4);
    const tsv = runCli(['export', '--format', 'anki-tsv'], { env: { SWELEARN_HOME: home } }).stdout;
    expect(tsv.startsWith('#separator:tab\n#html:false\n')).toBe(true);
    expect(tsv).toMatch(/^swelearn:ttl-and-caching\/kp-[0-9a-f]{8}\t/m);
  });

  it('import refuses a CSV export with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-export-'));
    writeFileSync(join(dir, 'p.csv'), runCli(['export', '--format', 'csv'], { env: { SWELEARN_HOME: home } }).stdout);
    const run = runCli(['import', join(dir, 'p.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('this is a CSV export, which is for spreadsheets');
  });

  it('help lists the new commands', () => {
    const help = runCli(['--help']).stdout;
    for (const command of ['quiz', 'plan', 'stats', 'export', 'import']) expect(help).toContain(`swelearn ${command}`);
  });
});
