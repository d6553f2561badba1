import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReviewLog } from '../../src/io/progress/read-review-log.js';
import { BIN, freshHome } from './run-cli.js';
import { hasTmux, terminal } from './tmux-terminal.js';

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

  it('is a screen of the app: its keys in the status bar, the app help on ?, and a section to reread opens in the reader', async () => {
    const home = freshHome();
    const tty = terminal(`swelearn-quiz-app-${process.pid}`, `env -u CI SWELEARN_HOME=${home} node ${BIN} quiz --card ttl-and-caching --mode flashcard --count 1`);
    try {
      const first = await tty.waitFor('Quiz 1/1');
      expect(first).toMatch(/Space reveal {2}1-4 grade {2}Esc end {2}\? help\s+Quiz/);
      tty.keys('?');
      const help = await tty.waitFor('Keys: Quiz (the clock is paused)');
      expect(help).toContain('A flashcard (now)');
      expect(help).toContain('Ctrl-C quits at once');
      tty.keys('Escape');
      await tty.waitFor('Space reveal');
      tty.keys('1');
      await tty.waitFor('asked again at the end');
      tty.keys('Escape');
      const summary = await tty.waitFor('Session ended: 0/1 right');
      expect(summary).toMatch(/1-9 reread {2}u undo {2}Enter done {2}\? help/);
      tty.keys('1');
      // The reader takes the summary's place, at the section the missed item came from; leaving it leaves the app.
      const reader = await tty.waitFor('Reader');
      expect(reader).toContain('TTL');
      tty.keys('Escape');
      const end = await tty.waitFor('EXIT 0');
      expect(end).toContain('Session ended: 0/1 right (0%)');
      expect(end).toContain('swelearn show ttl-and-caching --section');
    } finally {
      tty.close();
    }
  }, 30_000);
});

describe.skipIf(!hasTmux)('swelearn stats in a terminal', () => {
  it('opens the app at the statistics, with its keys and help, and q leaves for the shell with the screen restored', async () => {
    const home = freshHome();
    const tty = terminal(`swelearn-stats-${process.pid}`, `echo BEFORE; env -u CI SWELEARN_HOME=${home} node ${BIN} stats`);
    try {
      const first = await tty.waitFor('Progress');
      expect(first).toMatch(/Items\s+\d+ in all · 0 studied/);
      expect(first).toMatch(/j\/k scroll {2}Tab section {2}\? help {2}Esc back\s+Statistics/);
      // The app has the alternate screen: what the shell printed before is out of sight.
      expect(first).not.toContain('BEFORE');
      tty.keys('?');
      const help = await tty.waitFor('Keys: Statistics');
      expect(help).toMatch(/Tab \]\s+next section/);
      tty.keys('q');
      await tty.waitFor('Progress');
      tty.keys('q');
      const end = await tty.waitFor('EXIT 0');
      expect(end).toContain('BEFORE');
    } finally {
      tty.close();
    }
  }, 30_000);
});

