import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, ROOT, runCli } from './run-cli.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('--version and --help anywhere on the line', () => {
  it.each([
    [['list', '--version']],
    [['search', 'dns', '-v']],
    [['sim', '--scenario', 'cold-cache', '--version']],
    [['quiz', '--count', '3', '-v']],
  ])('%j prints the version and exits 0', (argv) => {
    expect(runCli(argv)).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('stops looking for them at --', () => {
    const run = runCli(['search', '--', '--version']);
    expect(run.stdout).toMatch(/^1\. /);
    expect(run.stdout).not.toContain(version);
  });
});

describe('did you mean', () => {
  it.each([
    [['serach', 'dns'], 'unknown command "serach" (did you mean search?)'],
    [['lst'], 'unknown command "lst" (did you mean list?)'],
    [['help', 'serch'], 'unknown command "serch" (did you mean search?)'],
    [['search', 'dns', '--limt', '3'], 'unknown option --limt (did you mean --limit?)'],
    [['sim', '--scenario', 'cold-cach'], 'unknown scenario "cold-cach" (did you mean cold-cache? swelearn sim --list shows them)'],
    [['quiz', '--mode', 'flashcrd'], 'got "flashcrd" (did you mean flashcard?)'],
  ])('%j says what was probably meant, with exit 2', (argv, message) => {
    const run = runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain(message);
    expectNoCrashText(run);
  });

  it('echoes no control character of a mistyped word', () => {
    const run = runCli(['se\u001b[2Jarch']);
    expect(run.stderr).toContain('unknown command "se[2Jarch"');
    expect(run.stderr).not.toMatch(/\u001b/);
  });
});

describe('output to a pipe', () => {
  it('prints whole titles in list, so grep finds any word of one', () => {
    const run = runCli(['list']);
    expect(run.stdout).not.toContain('…');
    expect(run.stdout.split('\n').filter((line) => /kaminsky/i.test(line))).toEqual([expect.stringMatching(/^ {2}cache-poisoning +DNS Cache Poisoning: Kaminsky Attack, .+ DNS Cookies +hard +\d+ min$/)]);
  });

  it('prints whole titles in search', () => {
    const run = runCli(['search', 'servfail storm', '--limit', '1']);
    expect(run.stdout.split('\n')[0]).toBe('1.  Incident: SERVFAIL storms (DNSSEC signature expiry, dead authoritatives, the 2021 Facebook outage)  incident-servfail-storms');
  });

  it("keeps the quiz summary's prompts whole", () => {
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '1', '--card', 'ttl-and-caching'], { input: 'Remaining TTL.\n' });
    expect(run.stdout).toMatch(/^ {2}✓ +\d+ ms {2}cloze {5}A cache hands out the _____, .{60,}\.$/m);
  });

  it('cuts to --width when it is given', () => {
    const list = runCli(['list', '--width', '70']);
    expect(list.stdout).toContain('…');
    for (const line of list.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(70);
    const search = runCli(['search', 'servfail storm', '--limit', '1', '--width', '60']);
    for (const line of search.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it.each([['list'], ['search', 'dns'], ['show', 'dnssec'], ['stats'], ['plan'], ['quiz'], ['sim', 'example.com', '--compare'], ['sim', '--workload', 'zipf']])(
    'keeps --width to its range for %j, exit 2 outside it',
    (...argv) => {
      for (const width of ['19', '401', 'wide']) {
        const run = runCli([...argv, '--width', width]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`--width takes a whole number from 20 to 400, got "${width}"`);
      }
    },
  );

  it('lays plan, stats and the sim comparison out for --width', () => {
    for (const argv of [['plan', '--minutes', '30'], ['stats'], ['sim', 'www.example.com', '--compare']]) {
      const narrow = runCli([...argv, '--width', '40']).stdout.trimEnd().split('\n');
      const wide = runCli([...argv, '--width', '120']).stdout.trimEnd().split('\n');
      expect(Math.max(...narrow.map((line) => line.length)), argv.join(' ')).toBeLessThanOrEqual(Math.max(...wide.map((line) => line.length)));
      expect(narrow.length, argv.join(' ')).toBeGreaterThanOrEqual(wide.length);
    }
  });
});

describe('exit status 1 when nothing matched, as grep does', () => {
  it.each([
    [['search', 'zzzqqqxx'], 'No card matches "zzzqqqxx".\n'],
    [['list', '--tag', 'no-such-tag'], 'No card matches those filters.\n'],
  ])('%j', (argv, message) => {
    expect(runCli(argv)).toMatchObject({ code: 1, stdout: '', stderr: message });
  });

  it('exits 0 when something matched', () => {
    expect(runCli(['list', '--tag', 'dnssec']).code).toBe(0);
    expect(runCli(['search', 'dnssec']).code).toBe(0);
  });
});

describe('ranking', () => {
  it('puts the card named exactly first: swelearn search dnssec', () => {
    expect(runCli(['search', 'dnssec', '--json']).stdout).toMatch(/^\{\s+"query": "dnssec",\s+"results": \[\s+\{\s+"id": "dnssec"/);
  });
});
