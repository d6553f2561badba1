import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledContentDir } from '../../src/io/package-paths.js';
import { BIN, ROOT } from '../cli/run-cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const MARK = 'edited-by-test';

/** A data folder with the user's own copy of a bundled card (under a new id), and a fake $EDITOR that records its arguments and appends a word to the line it is sent to. */
function editingHome() {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-edit-'));
  mkdirSync(join(home, 'cards'), { recursive: true });
  const card = join(home, 'cards', 'my-ttl.md');
  copyFileSync(join(bundledContentDir(), 'dns', 'ttl-and-caching.md'), card);
  writeFileSync(card, readFileSync(card, 'utf8').replace(/^id: ttl-and-caching$/m, 'id: my-ttl'));
  const argsFile = join(home, 'editor-args');
  const editor = join(home, 'fake-editor.sh');
  writeFileSync(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nline=\${1#+}\nsed -i "\${line}s/\\$/ ${MARK}/" "$2"\n`);
  chmodSync(editor, 0o755);
  return { home, card, original: readFileSync(card, 'utf8'), argsFile, editor };
}

describe.skipIf(!hasTmux)('editing an item from the quiz in a terminal', () => {
  it("runs $EDITOR as +LINE PATH on the user's card, repaints the app afterwards, and asks the edited item", async () => {
    const { home, card, original, argsFile, editor } = editingHome();
    const name = `swelearn-edit-${process.pid}`;
    const command = `env -u CI NO_COLOR=1 EDITOR=${editor} SWELEARN_HOME=${home} node ${BIN} quiz --card my-ttl --mode flashcard --count 1`;
    execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '120', '-y', '30', `cd ${ROOT} && ${command}; echo EXIT $?; sleep 30`]);
    const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    const waitFor = async (text: string) => {
      for (const started = Date.now(); Date.now() - started < 15_000; ) {
        if (screen().includes(text)) return screen();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`"${text}" never appeared; the screen:\n${screen()}`);
    };
    try {
      const before = await waitFor('Quiz 1/1');
      expect(before).toContain('my-ttl.md:');
      execFileSync('tmux', ['send-keys', '-t', name, 'e']);
      const after = await waitFor(`edited: `);
      const [lineArg, pathArg] = readFileSync(argsFile, 'utf8').trim().split('\n');
      expect(pathArg).toBe(card);
      const line = Number(lineArg!.slice(1));
      expect(lineArg).toMatch(/^\+\d+$/);
      expect(before).toContain(`my-ttl.md:${line}`);
      // The editor appended the word to that line, and to no other.
      expect(readFileSync(card, 'utf8').split('\n')[line - 1]).toBe(`${original.split('\n')[line - 1]} ${MARK}`);
      // Repainted whole: the header, the edited question and the status bar are all back on the screen.
      expect(after).toContain('Quiz 1/1 flashcard');
      expect(after).toContain(MARK);
      expect(after).toMatch(/Space reveal {2}1-4 grade/);
      execFileSync('tmux', ['send-keys', '-t', name, 'Space']);
      await waitFor('→');
      execFileSync('tmux', ['send-keys', '-t', name, '3']);
      await waitFor('Session complete');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', name]);
    }
  }, 40_000);
});
