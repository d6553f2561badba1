import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, freshHome, ROOT, runCli, type CliRun } from './run-cli.js';

// What a hostile world, argument, variable or typed answer carries: an OSC 8 link of its own, an
// OSC 52 clipboard write, a window title, screen clears and cursor moves (CSI), a DCS string, and
// the 8-bit C1 forms of CSI and OSC. No spaces, so each survives as one zone, hosts or resolv.conf token.
const OSC8 = '\u001b]8;;https://evil.example/\u001b\\x\u001b]8;;\u001b\\';
const OSC52 = '\u001b]52;c;cHduZWQ=\u0007';
const TITLE = '\u001b]0;pwned\u0007';
const CSI = '\u001b[2J\u001b[H\u001b[5A\u001b[10;10H';
const DCS = '\u001bP1$qm\u001b\\';
const C1 = '\u009b2J\u009d52;c;eA==\u009c\u0085';
const PAYLOAD = `a${CSI}${C1}${OSC52}${TITLE}${DCS}${OSC8}z`;
// File names cannot hold "/", and a ";" in a zone file starts a comment: these carry the rest.
const NAME_PAYLOAD = `a${CSI}${C1}${TITLE}z`;
const ZONE_PAYLOAD = `a\u001b[2J\u001b[H\u009b2J\u0085\u001b]0:pwned\u0007z`;

/** Output with the program's own SGR colours and OSC 8 links taken out; any ESC, BEL or C1 left came from the input. */
function leaked(text: string): string[] {
  const own = text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u001b\]8;;(?!https:\/\/evil)[^\u001b\u0007]*\u001b\\/g, '');
  return [...own.matchAll(/.{0,20}[\u001b\u0007\u0080-\u009f].{0,20}/gs)].map((match) => JSON.stringify(match[0]));
}

function world(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-hostile-world-'));
  cpSync(join(FIXTURES, 'worlds', 'basic'), dir, { recursive: true });
  change(dir);
  return dir;
}

const append = (file: string, text: string) => (dir: string) => writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}${text}`);
const sim = (dir: string): string[] => ['sim', 'example.com', '--world', dir];

/** A card folder holding one card whose id (from its file name) carries control characters. */
function hostileCardFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-hostile-cards-'));
  mkdirSync(join(dir, 'dns'));
  // A bundled card without its id line: the id comes from the file name.
  const card = readFileSync(join(ROOT, 'content', 'dns', 'amplification-attacks.md'), 'utf8').replace(/^id: .*\n/m, '');
  writeFileSync(join(dir, 'dns', `${NAME_PAYLOAD}.md`), card);
  return dir;
}

interface Row {
  entry: string;
  run: () => CliRun;
  /** What the run must print (proof the hostile text reached the message that quotes it). */
  shows: RegExp;
}

const FORCED = { FORCE_COLOR: '1', FORCE_HYPERLINK: '1' };
const run = (args: string[], env: Record<string, string> = {}, input?: string): CliRun => runCli(args, { env: { ...FORCED, ...env }, ...(input === undefined ? {} : { input }) });

const ROWS: Row[] = [
  { entry: 'zone owner', run: () => run(sim(world(append('example.com.zone', `${ZONE_PAYLOAD}.example.com. IN A 192.0.2.1\n`)))), shows: /example\.com\.zone:\d+:/ },
  { entry: 'zone type', run: () => run(sim(world(append('example.com.zone', `www2 IN ${ZONE_PAYLOAD} 192.0.2.1\n`)))), shows: /example\.com\.zone:\d+:/ },
  { entry: 'zone address', run: () => run(sim(world(append('example.com.zone', `www2 IN A 192.0.2.${ZONE_PAYLOAD}\n`)))), shows: /example\.com\.zone:\d+:/ },
  { entry: 'zone number', run: () => run(sim(world(append('example.com.zone', `@ IN MX 1${ZONE_PAYLOAD} mail\n`)))), shows: /example\.com\.zone:\d+:/ },
  { entry: 'zone $ORIGIN', run: () => run(sim(world(append('example.com.zone', `$ORIGIN ${ZONE_PAYLOAD}\n`)))), shows: /example\.com\.zone:\d+:/ },
  { entry: 'zone $TTL', run: () => run(sim(world(append('example.com.zone', `$TTL ${ZONE_PAYLOAD}\n`)))), shows: /example\.com\.zone:\d+:/ },
  { entry: 'zone directive', run: () => run(sim(world(append('example.com.zone', `$${ZONE_PAYLOAD}\n`)))), shows: /example\.com\.zone:\d+:/ },
  { entry: 'zone file name', run: () => run(sim(world((dir) => writeFileSync(join(dir, `${NAME_PAYLOAD}.zone`), 'not a record\n')))), shows: /\.zone:\d+:/ },
  { entry: 'servers.yaml key', run: () => run(sim(world(append('servers.yaml', `    ${PAYLOAD.replace(/[:#]/g, '')}: 1\n`)))), shows: /servers\.yaml:\d+:/ },
  { entry: 'resolv.conf keyword', run: () => run(sim(world(append('resolv.conf', `${PAYLOAD} 1\n`)))), shows: /resolv\.conf/ },
  { entry: 'resolv.conf value', run: () => run(sim(world(append('resolv.conf', `options ndots:${PAYLOAD}\n`)))), shows: /resolv\.conf/ },
  { entry: 'hosts address', run: () => run(sim(world(append('hosts', `192.0.2.${PAYLOAD} evil\n`)))), shows: /hosts:\d+:/ },
  { entry: 'hosts name', run: () => run(sim(world(append('hosts', `192.0.2.7 ${PAYLOAD}\n`)))), shows: /hosts:\d+:/ },
  { entry: '--world path', run: () => run(['sim', 'example.com', '--world', join(tmpdir(), NAME_PAYLOAD)]), shows: /world/ },
  { entry: '--resolv-conf path', run: () => run(['sim', 'example.com', '--resolv-conf', join(tmpdir(), NAME_PAYLOAD)]), shows: /cannot read/ },
  {
    entry: '--resolv-conf file',
    run: () => {
      const file = join(mkdtempSync(join(tmpdir(), 'swelearn-resolv-')), 'resolv.conf');
      writeFileSync(file, `nameserver 10.0.0.53\n${PAYLOAD} 1\noptions ndots:${PAYLOAD}\n`);
      return run(['sim', 'example.com', '--resolv-conf', file]);
    },
    shows: /resolv\.conf/,
  },
  { entry: 'unknown command', run: () => run([PAYLOAD]), shows: /unknown command/ },
  { entry: 'unknown flag', run: () => run(['list', `--${PAYLOAD}`]), shows: /swelearn:/ },
  { entry: 'unknown flag value', run: () => run(['export', '--format', PAYLOAD]), shows: /swelearn:/ },
  { entry: 'bad number', run: () => run(['sim', 'example.com', '--seed', PAYLOAD]), shows: /swelearn:/ },
  { entry: 'bad duration', run: () => run(['sim', 'example.com', '--after', PAYLOAD]), shows: /swelearn:/ },
  { entry: 'unknown scenario', run: () => run(['sim', '--scenario', PAYLOAD]), shows: /swelearn:/ },
  { entry: 'unknown record type', run: () => run(['sim', 'example.com', '--type', PAYLOAD]), shows: /swelearn:/ },
  { entry: '--content path', run: () => run(['list', '--content', join(tmpdir(), NAME_PAYLOAD)]), shows: /card folder/ },
  { entry: 'lint of a missing folder', run: () => run(['lint', join(tmpdir(), NAME_PAYLOAD)]), shows: /swelearn:/ },
  { entry: 'quiz --item', run: () => run(['quiz', '--item', PAYLOAD]), shows: /no quiz item/ },
  { entry: 'quiz --tag', run: () => run(['quiz', '--tag', PAYLOAD]), shows: /tag/ },
  { entry: 'show of an unknown card', run: () => run(['show', PAYLOAD]), shows: /swelearn:/ },
  { entry: 'SWELEARN_NOW', run: () => run(['stats'], { SWELEARN_NOW: PAYLOAD }), shows: /SWELEARN_NOW/ },
  { entry: 'SWELEARN_NEW_PER_DAY', run: () => run(['plan'], { SWELEARN_NEW_PER_DAY: PAYLOAD }), shows: /SWELEARN_NEW_PER_DAY/ },
  { entry: 'SWELEARN_HOME', run: () => run(['paths'], { SWELEARN_HOME: join(tmpdir(), NAME_PAYLOAD) }), shows: /a/ },
  { entry: 'Anki TSV export of a card id from a file name', run: () => run(['export', '--format', 'anki-tsv', '--content', hostileCardFolder()]), shows: /swelearn:a\[2j.*z\/kp-/ },
  {
    entry: 'plain quiz echo and the CSV export of its answer',
    run: () => {
      const home = freshHome();
      const content = hostileCardFolder();
      const id = run(['quiz', '--list', '--json', '--content', content]).stdout.split('\n').map((line) => JSON.parse(line || '{}') as { card?: string }).find((item) => item.card?.startsWith('a['))?.card;
      const quiz = run(['quiz', '--content', content, '--card', id ?? 'missing', '--count', '1', '--mode', 'cloze'], { SWELEARN_HOME: home }, `${PAYLOAD}\n:q\n`);
      const csv = run(['export', '--format', 'csv', '--content', content], { SWELEARN_HOME: home });
      return { stdout: quiz.stdout + csv.stdout, stderr: quiz.stderr + csv.stderr, code: quiz.code };
    },
    shows: /a\[2J.*z\n[^]*a\[2j.*z\/kp-/,
  },
];

describe('text from outside the program never drives the terminal', () => {
  it.each(ROWS)('$entry: no ESC, BEL or C1 from the input reaches stdout or stderr, piped with FORCE_COLOR=1', ({ run: go, shows }) => {
    const result = go();
    const all = result.stdout + result.stderr;
    expect(all, 'the run quotes the hostile text it was given').toMatch(shows);
    expect(leaked(result.stdout), 'stdout').toEqual([]);
    expect(leaked(result.stderr), 'stderr').toEqual([]);
  });

  it("keeps the program's own OSC 8 link and colours under the same guard", () => {
    const result = run(['show', 'tcp-handshake', '--content', join(FIXTURES, 'cards', 'good')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\u001b]8;;https://www.rfc-editor.org/rfc/rfc9293\u001b\\');
    expect(result.stdout).toMatch(/\u001b\[[0-9;]*m/);
  });
});
