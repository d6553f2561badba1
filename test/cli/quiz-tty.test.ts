import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReviewLog } from '../../src/io/progress/read-review-log.js';
import { BIN, freshHome, ROOT } from './run-cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The built app in a real pseudo-terminal (tmux), driven by send-keys and read with capture-pane. */
function terminal(name: string, command: string) {
  execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '100', '-y', '30', `cd ${ROOT} && ${command}; echo EXIT $?; sleep 30`]);
  const screen = (colours = false) => execFileSync('tmux', ['capture-pane', '-p', ...(colours ? ['-e'] : []), '-t', name], { encoding: 'utf8' });
  return {
    screen,
    keys: (...keys: string[]) => execFileSync('tmux', ['send-keys', '-t', name, ...keys]),
    async waitFor(text: string, timeoutMs = 10_000): Promise<string> {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        const shown = screen();
        if (shown.includes(text)) return shown;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`"${text}" never appeared; the screen:\n${screen()}`);
    },
    close: () => spawnSync('tmux', ['kill-session', '-t', name]),
  };
}

describe.skipIf(!hasTmux)('swelearn quiz in a terminal', () => {
  it('runs the Ink quiz screen: reveal, grade, end, and the summary stays in the scrollback', async () => {
    const home = freshHome();
    const tty = terminal(`swelearn-quiz-${process.pid}`, `env -u CI NO_COLOR=1 SWELEARN_HOME=${home} node ${BIN} quiz --card ttl-and-caching --mode flashcard --count 2`);
    try {
      await tty.waitFor('Quiz 1/2 flashcard');
      expect(tty.screen()).toMatch(/⏱ 0:(30|29)/);
      tty.keys('Space');
      await tty.waitFor('→ A cache hands out the remaining TTL');
      tty.keys('3');
      const second = await tty.waitFor('Quiz 2/2');
      expect(second).toContain('last: ✓ Good · next due in 10 min · saved');
      // NO_COLOR: the screen carries no colour codes, only the bold/inverse that keep things visible.
      expect(tty.screen(true)).not.toMatch(/\u001b\[(3[0-7]|9[0-7])m/);
      tty.keys('Escape');
      await tty.waitFor('Session ended: 1/1 right (100%)');
      tty.keys('Enter');
      const end = await tty.waitFor('EXIT 0');
      expect(end).toContain('All 1 answers are saved in');
      expect(readReviewLog(join(home, 'progress', 'reviews.jsonl')).entries).toHaveLength(1);
    } finally {
      tty.close();
    }
  }, 30_000);

  it('quits on Ctrl-C with exit 130, keeping every answer already shown as saved', async () => {
    const home = freshHome();
    const tty = terminal(`swelearn-quiz-c-${process.pid}`, `env -u CI SWELEARN_HOME=${home} node ${BIN} quiz --card ttl-and-caching --mode flashcard --count 3`);
    try {
      await tty.waitFor('Quiz 1/3');
      tty.keys('4');
      await tty.waitFor('Quiz 2/3');
      tty.keys('C-c');
      const end = await tty.waitFor('EXIT 130');
      expect(end).toContain('quiz interrupted; every answer shown as saved is in');
      expect(readReviewLog(join(home, 'progress', 'reviews.jsonl')).entries).toHaveLength(1);
    } finally {
      tty.close();
    }
  }, 30_000);
});
