import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, freshHome, ROOT } from './run-cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

function sessionFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'swelearn-session-')), 'lesson.yaml');
  writeFileSync(path, '- ask: www.example.com\n  type: A\n- wait: 1m\n- ask: www.example.com\n  client: dig\n  dig: +norec\n');
  return path;
}

describe.skipIf(!hasTmux)('swelearn sim --session in a terminal', () => {
  it("opens the simulator screen at the session's first step; Esc leaves the app; piped, the same command prints the text trace", async () => {
    const home = freshHome();
    const path = sessionFile();
    const name = `swelearn-session-${process.pid}`;
    execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '100', '-y', '30', `cd ${ROOT} && env -u CI SWELEARN_HOME=${home} node ${BIN} sim --session ${path} --seed 3; echo EXIT $?; sleep 30`]);
    const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    const waitFor = async (text: string): Promise<string> => {
      const started = Date.now();
      while (Date.now() - started < 10_000) {
        if (screen().includes(text)) return screen();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`"${text}" never appeared; the screen:\n${screen()}`);
    };
    try {
      const first = await waitFor('question 1 of 2');
      expect(first).toMatch(/^Session \/.*seed 3 · step 1\//m);
      execFileSync('tmux', ['send-keys', '-t', name, 'G']);
      await waitFor(';; ->>HEADER<<- opcode: QUERY, status: NOERROR');
      execFileSync('tmux', ['send-keys', '-t', name, 'Escape']);
      await waitFor('EXIT 0');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', name]);
    }
    const piped = spawnSync('node', [BIN, 'sim', '--session', path, '--seed', '3'], { encoding: 'utf8', env: { ...process.env, CI: 'true', SWELEARN_HOME: home } });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain(';; question 2 of 2');
    expect(piped.stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR');
  }, 30_000);
});
