import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectNoCrashText, freshHome, ROOT, runCli } from './run-cli.js';
import { bundledCardLine } from '../content/load-bundled.js';

// Where ttl-and-caching's key points sit in its file, which the quiz and stats print as card:line.
const REMAINING_TTL_LINE = bundledCardLine('ttl-and-caching', 'A cache hands out the **remaining TTL**');

const CARD = ['--card', 'ttl-and-caching'];
const ASCII = { SWELEARN_ASCII: '1' };
const printable = (char: string) => char === '\n' || (char >= ' ' && char <= '~');
const nonAscii = (text: string) => new Set([...text].filter((char) => !printable(char)));
const cardFile = (topic: string, slug: string) => readFileSync(join(ROOT, 'content', topic, `${slug}.md`), 'utf8');
// What the bundled cards write themselves (λ, é, ...): stats and prompts may show it as it is.
const allCards = readdirSync(join(ROOT, 'content', 'dns')).filter((name) => name.endsWith('.md')).map((name) => cardFile('dns', name.slice(0, -3))).join('\n');

/**
 * The characters of output that are neither printable ASCII nor written by the cards. A key point's
 * flashcard front is generated as `complete and explain: "<lead-in> …"` when the items are built, before
 * any screen knows about ASCII; that generated text is item data and is taken out here.
 */
function foreign(output: string, cards: string): string[] {
  const allowed = nonAscii(cards);
  return [...nonAscii(output.replace(/complete and explain: "[^"\n]*/g, ''))].filter((char) => !allowed.has(char));
}

describe('swelearn quiz and stats print ASCII only under SWELEARN_ASCII', () => {
  const card = cardFile('dns', 'ttl-and-caching');

  it('a typed cloze, wrong then right, and the summary', () => {
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: ASCII, input: 'cached TTL\nremaining ttl\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(String.raw`^\[1\/1\] cloze \| TTL and DNS caching > Key Points for Interviews \| .*content\/dns\/ttl-and-caching\.md:${REMAINING_TTL_LINE}$`, 'm'));
    expect(run.stdout).toMatch(/^\[x\] wrong: you wrote "cached TTL"; the answer is "remaining TTL" \| Again \| next due in 1 min \| asked again at the end \| saved$/m);
    expect(run.stdout).toMatch(/^\[ok\] right \| Good \| next due in 10 min \| saved$/m);
    expect(run.stdout).toContain('Session complete: 0/1 right (0%) | retries 1/1 |');
    expect(run.stdout).toMatch(/^ {2}\[x\] +\d+ ms {2}cloze {5}A cache hands out/m);
    expect(run.stdout).toMatch(/^ {2}1\. TTL and DNS caching > Key Points for Interviews \(1 missed\)$/m);
    expect(foreign(run.stdout, card)).toEqual([]);
    expectNoCrashText(run);
  });

  it('flashcards: the reveal, the grades and an undo', () => {
    const run = runCli(['quiz', '--mode', 'flashcard', '--count', '2', ...CARD], { env: ASCII, input: '\n3\n1\n:u\n4\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}> \S/m);
    expect(run.stdout).toMatch(/^\[ok\] Good \| next due in 10 min \| saved$/m);
    expect(run.stdout).toMatch(/^undone: your answer to ".*" is taken back; asking it again$/m);
    expect(run.stdout).toContain('grade 1 Again | 2 Hard | 3 Good | 4 Easy');
    expect(foreign(run.stdout, card)).toEqual([]);
  });

  it('a multiple choice answered wrong', () => {
    const run = runCli(['quiz', '--mode', 'choice', '--count', '1', ...CARD], { env: ASCII, input: 'zzz\n' });
    expect(run.stdout).toMatch(/^\[x\] wrong: you wrote "zzz"; the answer is [a-d]\) \S/m);
    expect(foreign(run.stdout, card)).toEqual([]);
  });

  it('the stats report after some answers', () => {
    const home = freshHome();
    runCli(['quiz', '--mode', 'cloze', '--count', '3', ...CARD], { env: { ...ASCII, SWELEARN_HOME: home }, input: 'remaining ttl\nnope\n\n' });
    const run = runCli(['stats'], { env: { ...ASCII, SWELEARN_HOME: home } });
    expect(run.stdout).toMatch(/Items +\d+ in all \| \d+ studied \| \d+ not seen yet/);
    expect(foreign(run.stdout, allCards)).toEqual([]);
  });

  it('the global --ascii flag asks for the same', () => {
    const run = runCli(['--ascii', 'quiz', '--mode', 'cloze', '--count', '1', ...CARD], { input: 'remaining ttl\n' });
    expect(run.stdout).toMatch(/^\[ok\] right \| Good \| next due in 10 min \| saved$/m);
    expect(foreign(run.stdout, card)).toEqual([]);
  });

  it('and print as before without it', () => {
    const unicode = { SWELEARN_ASCII: undefined, TERM: 'xterm-256color' };
    const run = runCli(['quiz', '--mode', 'cloze', '--count', '1', ...CARD], { env: unicode, input: 'remaining ttl\n' });
    expect(run.stdout).toMatch(/^✓ right · Good · next due in 10 min · saved$/m);
    expect(run.stdout).toMatch(new RegExp(String.raw`^\[1\/1\] cloze · TTL and DNS caching › Key Points for Interviews · .*content\/dns\/ttl-and-caching\.md:${REMAINING_TTL_LINE}$`, 'm'));
    const stats = runCli(['stats'], { env: { ...unicode, SWELEARN_HOME: freshHome() } });
    expect(stats.stdout).toMatch(/Items +\d+ in all · 0 studied · \d+ not seen yet/);
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('swelearn quiz in a terminal under SWELEARN_ASCII', () => {
  it('draws the Ink screen and prints the summary in ASCII', async () => {
    const name = `swelearn-quiz-ascii-${process.pid}`;
    const home = freshHome();
    const command = `env -u CI NO_COLOR=1 SWELEARN_ASCII=1 SWELEARN_HOME=${home} node ${BIN} quiz --card ttl-and-caching --mode cloze --count 2`;
    execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '100', '-y', '30', `cd ${ROOT} && ${command}; echo EXIT $?; sleep 30`]);
    const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    const screens: string[] = [];
    const waitFor = async (text: string) => {
      const started = Date.now();
      while (Date.now() - started < 10_000) {
        const shown = screen();
        if (shown.includes(text)) {
          screens.push(shown);
          return shown;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`"${text}" never appeared; the screen:\n${screen()}`);
    };
    try {
      await waitFor('Quiz 1/2 cloze');
      execFileSync('tmux', ['send-keys', '-t', name, '-l', 'remaining ttl']);
      execFileSync('tmux', ['send-keys', '-t', name, 'Enter']);
      await waitFor('[ok] right | Good | next due in 10 min | saved');
      execFileSync('tmux', ['send-keys', '-t', name, 'Escape']);
      await waitFor('Session ended: 1/1 right (100%)');
      execFileSync('tmux', ['send-keys', '-t', name, 'Enter']);
      const end = await waitFor('EXIT 0');
      expect(end).toMatch(/^ {2}\[ok\] +\d+ (ms|s) {2}cloze/m);
      for (const shown of screens) expect(foreign(shown, cardFile('dns', 'ttl-and-caching')), shown).toEqual([]);
    } finally {
      spawnSync('tmux', ['kill-session', '-t', name]);
    }
  }, 30_000);
});
