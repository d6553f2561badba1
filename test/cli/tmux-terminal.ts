import { execFileSync, spawnSync } from 'node:child_process';
import { ROOT } from './run-cli.js';

/** Whether tmux is installed (CI installs it): the tests that need a real pseudo-terminal are skipped without it. */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The built app in a real pseudo-terminal (tmux), driven by send-keys and read with capture-pane. */
export function terminal(name: string, command: string) {
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
