import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, FIXTURES, hasEscape, runCli } from './run-cli.js';

const good = join(FIXTURES, 'cards', 'good');
const hostile = join(FIXTURES, 'cards', 'hostile');

describe('reading cards from the command line', () => {
  it('lists user cards grouped by topic, filtered by tag and difficulty', () => {
    const all = runCli(['list', '--content', good]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^networking {2}1 card$/m);
    expect(all.stdout).toMatch(/^ {2}tcp-handshake +TCP three-way handshake +easy +6 min$/m);
    const filtered = runCli(['list', '--content', good, '--tag', 'tcp', '--topic', 'networking', '--json']);
    expect(JSON.parse(filtered.stdout).map((card: { id: string }) => card.id)).toEqual(['tcp-handshake']);
    const hard = runCli(['list', '--content', good, '--difficulty', 'hard', '--topic', 'general', '--json']);
    expect(JSON.parse(hard.stdout).map((card: { id: string }) => card.id)).toEqual(['zz-escape']);
  });

  it('finds a card despite typos and names the matching section', () => {
    const run = runCli(['search', 'thre-way handshak', '--content', good, '--json']);
    expect(run.code).toBe(0);
    const [first] = JSON.parse(run.stdout).results;
    expect(first).toMatchObject({ id: 'tcp-handshake' });
    expect(first.section.name).toBeTruthy();
  });

  it('says so on stderr and exits 1 when nothing matches, as grep does', () => {
    const run = runCli(['search', 'zzzqqq', '--content', good]);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'No card matches "zzzqqq".\n' });
    const json = runCli(['search', 'zzzqqq', '--content', good, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ query: 'zzzqqq', results: [] });
  });

  it('renders a card with no Markdown syntax left and the link target written out', () => {
    const run = runCli(['show', 'tcp-handshake', '--content', good, '--width', '70']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\*\*|`|^#+ /m);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('See RFC 9293 (https://www.rfc-editor.org/rfc/rfc9293).');
    expect(run.stdout).toMatch(/┌─+┬─+┬─+┐/);
    expect(run.stdout).toContain('ss -tan state syn-sent');
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(70);
    expect(hasEscape(run.stdout)).toBe(false);
  });

  it('prints long code lines wrapped at --width, losing nothing (the app clips them; a printout cannot scroll)', () => {
    const run = runCli(['show', 'message-format', '--section', 'overview', '--width', '60']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('›');
    expect(run.stdout).toMatch(/ {2}\| {15}\| {2}bytes 4-11 {2}QDCOUNT ANCOUNT NSCOUNT ARC\n {2}OUNT \(16 bits each\)\n/);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('shows one section on request, and ASCII only with --plain', () => {
    const run = runCli(['show', 'tcp-handshake', '--content', good, '--section', 'key points', '--plain']);
    expect(run.stdout).toContain('Key Points for Interviews');
    expect(run.stdout).toContain('* A new TCP connection costs one round trip before data flows.');
    expect(run.stdout).not.toContain('Overview');
    expect(run.stdout).not.toMatch(/[─│┌┐└┘•◦]/);
  });

  it('falls back to search when the id is unknown, and says which card it chose', () => {
    const run = runCli(['show', 'three way handshake', '--content', good]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('showing the best match, tcp-handshake');
    expect(run.stdout).toContain('TCP three-way handshake');
  });

  it('honours FORCE_COLOR, NO_COLOR and --no-color', () => {
    const forced = runCli(['show', 'tcp-handshake', '--content', good], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[1;4m/);
    const noColor = runCli(['show', 'tcp-handshake', '--content', good], { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, });
    expect(noColor.stdout).toMatch(/\u001b\[/);
    const flag = runCli(['show', 'tcp-handshake', '--content', good, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(hasEscape(flag.stdout)).toBe(false);
  });

  it('never lets a card put escape sequences on the terminal, even with colour forced', () => {
    for (const args of [['show', 'zz-escape'], ['list'], ['search', 'escapes'], ['show', 'zz-escape', '--json']]) {
      const run = runCli([...args, '--content', good], { env: { FORCE_COLOR: '1', FORCE_HYPERLINK: '1' } });
      expect(run.code).toBe(0);
      const visible = run.stdout.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u001b\]8;;[^\u001b]*\u001b\\/g, '');
      expect(hasEscape(visible), `${args.join(' ')}: ${JSON.stringify(visible.slice(0, 400))}`).toBe(false);
    }
  });

  it('skips broken cards with file, line and rule, and still loads the rest', () => {
    const run = runCli(['list', '--content', good, '--content', hostile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tcp-handshake');
    expect(run.stderr).toMatch(/broken-yaml\.md:\d+: error frontmatter-yaml: /);
    expect(run.stderr).toMatch(/wrong-types\.md:4: error difficulty: "extreme" is not easy, medium or hard/);
    expect(run.stderr).toMatch(/code-frontmatter\.md:1: error frontmatter-code: /);
    expect(run.stderr).toMatch(/duplicate-of-good\.md: error duplicate-id: "tcp-handshake" is already used by .*tcp-handshake\.md/);
    expect(existsSync('/tmp/swelearn-pwned')).toBe(false);
    expectNoCrashText(run);
  });

  it('lint reports every rule broken, exits 1 on errors and 0 when clean', () => {
    const bad = runCli(['lint', hostile]);
    expect(bad.code).toBe(1);
    for (const rule of ['frontmatter-yaml', 'title', 'tags', 'difficulty', 'estimated-time', 'frontmatter-code', 'empty-key-points', 'nesting-too-deep', 'missing-section']) {
      expect(bad.stdout, rule).toMatch(new RegExp(`\\.md(:\\d+)?: error ${rule}: `));
    }
    expect(bad.stdout).toMatch(/alias-bomb\.md:\d+: error frontmatter-yaml: .*alias/i);
    expect(bad.stdout).toMatch(/^\d+ card files checked: \d+ errors, \d+ warnings?$/m);
    const clean = runCli(['lint', join(good, 'networking')]);
    expect(clean.stdout).toContain('1 card file checked: 0 errors, 0 warnings');
    expect(clean.code).toBe(0);
  });

  it('lint names quiz items that are not fair and a broken glossary line, with file and line, and show hides the quiz comment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-quiz-lint-'));
    const point = (text: string, ...lines: string[]) => `- ${text}\n  <!-- quiz\n${lines.map((line) => `  ${line}`).join('\n')}\n  -->\n`;
    writeFileSync(join(dir, 'quiz-lint.md'), [
      '---\ntitle: "Quiz lint"\ntags: [dns]\ndifficulty: easy\nestimated_time: 5min\n---\n',
      '## Overview\nAbout.\n\n## When to Use\nAlways.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n',
      point('A reply with no SOA record is not cached.', 'ask: Which reply is not cached?', 'blank: no SOA record', 'kind: concept'),
      point('A cache hands out the **remaining TTL**.', 'ask: Name the TTL a cache hands out', 'blank: remaining TTL', 'kind: concept'),
    ].join(''));
    writeFileSync(join(dir, 'glossary.yaml'), 'synonyms:\n  - [TTL, time to live]\n  - 42\n');
    const run = runCli(['lint', dir]);
    expect(run.stdout).toMatch(/quiz-lint\.md:20: warning quiz-blank-negation: the blank "no SOA record" is a negation/);
    expect(run.stdout).toMatch(/quiz-lint\.md:25: warning quiz-question-mark: /);
    expect(run.stdout).toMatch(/glossary\.yaml:3: error glossary: /);
    expect(run.stdout).toMatch(/^1 card file checked: 1 error, 2 warnings$/m);
    const show = runCli(['show', 'quiz-lint', '--content', dir, '--width', '80']);
    expect(show.stdout).toContain('remaining TTL');
    expect(show.stdout).not.toMatch(/quiz|ask:|blank:|<!--/);
  });

  it('rejects a huge card without reading it and ignores symlinks that leave the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-cards-'));
    cpSync(join(good, 'networking'), dir, { recursive: true });
    writeFileSync(join(dir, 'huge.md'), `---\ntitle: Huge\n---\n${'x'.repeat(300 * 1024)}`);
    symlinkSync('/etc/passwd', join(dir, 'passwd.md'));
    const run = runCli(['lint', dir]);
    expect(run.stdout).toMatch(/huge\.md: error file-too-large: 301 KiB is over the 256 KiB limit/);
    expect(run.stdout).toMatch(/passwd\.md: warning symlink-outside: points outside the card folder; not followed/);
    expect(run.stdout).not.toContain('root:');
  });

  it('reuses a rendered card until the card changes, with identical output', () => {
    const home = mkdtempSync(join(tmpdir(), 'swelearn-render-'));
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-cards-'));
    cpSync(join(good, 'networking'), dir, { recursive: true });
    const show = () => runCli(['show', 'tcp-handshake', '--content', dir, '--width', '60'], { env: { SWELEARN_HOME: home } });
    const first = show();
    expect(existsSync(join(home, 'cache', 'rendered', 'tcp-handshake.json'))).toBe(true);
    expect(show().stdout).toBe(first.stdout);
    const path = join(dir, 'tcp-handshake.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('one full round trip', 'one complete round trip'));
    const edited = show();
    expect(edited.stdout.replace(/\s+/g, ' ')).toContain('one complete round trip');
    expect(edited.stdout).not.toBe(first.stdout);
  });

  it('loads cards from the user folder under SWELEARN_HOME', () => {
    const home = mkdtempSync(join(tmpdir(), 'swelearn-home-'));
    cpSync(good, join(home, 'cards'), { recursive: true });
    const run = runCli(['list', '--json'], { env: { SWELEARN_HOME: home } });
    const origins = JSON.parse(run.stdout).filter((card: { origin: string }) => card.origin === 'user').map((card: { id: string }) => card.id);
    expect(origins).toEqual(['tcp-handshake', 'zz-escape']);
  });
});
