import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
import { BIN, freshHome, ROOT } from '../cli/run-cli.js';

// The app in a real pseudo-terminal: tmux types keys and reads the screen back (STYLE.md, "real terminal").
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `swelearn-e2e-${process.pid}`;
const session = 'app';

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const screen = () => tmux('capture-pane', '-p', '-t', session);

/** Polls the screen until it matches, failing with what was on it after the timeout. */
async function waitForScreen(expected: string | RegExp | ((text: string) => boolean), timeoutMs = 10_000): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : typeof expected === 'function' ? expected(text) : expected.test(text));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen();
    if (matches(text)) return text;
    if (Date.now() > deadline) throw new Error(`the screen never showed ${String(expected)}; it shows:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const keys = (...names: string[]) => tmux('send-keys', '-t', session, ...names);
const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);

describe.skipIf(!hasTmux)('the built app in a real terminal (tmux)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'swelearn.cjs'))) throw new Error('dist/swelearn.cjs is missing: run npm run build first');
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', ROOT, 'env', 'PS1=$ ', 'TERM=xterm-256color', 'bash', '--norc', '--noprofile');
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });
  // A test that fails with the app still open (or the window resized) would leave it to the next test: end it, wait for
  // the prompt, and give the window its size back.
  afterEach(async () => {
    keys('C-c');
    await waitForScreen(/^\$\s*$/m, 5000).catch(() => undefined);
    tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
  });

  it('searches, opens a card, runs and steps its scenario, shows help, follows resizes, and Ctrl-C restores the terminal', async () => {
    // CI=true would make Ink print only its last frame; the app must run as a person would run it.
    type(`env -u CI SWELEARN_HOME=${freshHome()} node ${BIN}; echo "EXIT=$?"`);
    keys('Enter');
    await waitForScreen(BUNDLED_CARDS_LABEL);
    expect(tmux('display', '-p', '-t', session, '#{alternate_on}').trim()).toBe('1');

    keys('/');
    await waitForScreen('Search:');
    type('negative cach');
    let text = await waitForScreen(/Search: negative cach.*results/);
    expect(text).toMatch(/› Negative Caching/);
    expect(text).toContain('Key Points for Interviews:');

    keys('Enter');
    text = await waitForScreen(/Negative Caching: NXDOMAIN.*Key Points for Interviews \(4\/5\)/);
    expect(text).toContain('This card has a scenario');

    keys('s');
    await waitForScreen('Scenarios of this card');
    keys('Enter');
    text = await waitForScreen('step 1/23');
    expect(text).toContain('NXDOMAIN, cached for min(SOA TTL, MINIMUM)');
    expect(text).toMatch(/ app +stub +resolver\.isp +root +TLD +authoritative/);

    // Step 8: after the cache misses and priming the root (. NS), the minimised question for com. goes to a root server.
    for (let step = 2; step <= 8; step++) {
      keys('l');
      await waitForScreen(`step ${step}/23`);
    }
    text = await waitForScreen(/│─+ A\? com ─+▶│/);
    expect(text).toContain('cache miss');

    keys('?');
    text = await waitForScreen('Keys: Card and simulator');
    expect(text).toMatch(/→ l +step forward/);
    keys('Escape');
    await waitForScreen('step 8/23');

    tmux('resize-window', '-t', session, '-x', '150', '-y', '40');
    text = await waitForScreen(/Negative Caching.*│NXDOMAIN, cached for min/);
    expect(text).toContain('Tab switches pane');
    tmux('resize-window', '-t', session, '-x', '30', '-y', '8');
    await waitForScreen('Make the terminal larger.');
    tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
    text = await waitForScreen('step 8/23');
    expect(text.trimEnd().split('\n').length).toBeLessThanOrEqual(29);

    keys('C-c');
    text = await waitForScreen('EXIT=130');
    expect(text).not.toMatch(/Raw mode|\n\s+at .+:\d+:\d+/);
    expect(text).toContain('$ ');
    const [alternate, cursor] = tmux('display', '-p', '-t', session, '#{alternate_on} #{cursor_flag}').trim().split(' ');
    expect(alternate).toBe('0');
    expect(cursor).toBe('1');
  });

  it('q on the home screen quits with 0, and a pipe gets the help instead of the app', async () => {
    keys('C-l');
    type(`env -u CI NO_COLOR=1 SWELEARN_HOME=${freshHome()} node ${BIN} --ascii --reduced-motion; echo "EXIT=$?"`);
    keys('Enter');
    const home = await waitForScreen(BUNDLED_CARDS_LABEL);
    expect(home).toMatch(/^ > DNS Amplification/m);
    expect(home).not.toMatch(/[─│›…·]/);
    // With NO_COLOR nothing is styled at all; the selection is the marker.
    expect(tmux('capture-pane', '-p', '-e', '-t', session)).not.toMatch(/\u001b\[[0-9;]*[1-9][0-9;]*m/);
    keys('q');
    await waitForScreen('EXIT=0');
    keys('C-l');
    type(`env -u CI node ${BIN} | head -3; echo "PIPED=$?"`);
    keys('Enter');
    const piped = await waitForScreen('PIPED=0');
    expect(piped).toContain('study system design offline, in the terminal');
  });
  it('at 80x24 the bottom line keeps ? help and the way out on home, the reader and the simulator, whose timeline labels read whole', async () => {
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    keys('C-l');
    type(`env -u CI SWELEARN_HOME=${freshHome()} node ${BIN}; echo "EXIT=$?"`);
    keys('Enter');
    const bottom = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
    // A screen captured while a frame is being painted can have its bottom row cut short (CI under load caught the
    // simulator's as "Space play/pause  h/l step  w"): each screen is waited for with its whole bottom line.
    const withBottom = (shown: string | RegExp, line: RegExp) => (text: string) => (typeof shown === 'string' ? text.includes(shown) : shown.test(text)) && line.test(bottom(text));
    await waitForScreen(withBottom(BUNDLED_CARDS_LABEL, /\? help {2}q quit +Home$/));
    keys('Enter');
    await waitForScreen(withBottom(/Reader\s*$/, /\? help {2}Esc back +Reader$/));
    keys('Escape');
    await waitForScreen(BUNDLED_CARDS_LABEL);
    keys('s');
    await waitForScreen(withBottom('pick a scenario', /\? help {2}Esc back +Simulator$/));
    keys('Enter');
    await waitForScreen('step 1/18');
    keys('l', 'l');
    await waitForScreen(withBottom(/^› +\d+ ms .*\n +cache miss/m, /\? help {2}Esc back +Simulator$/));
    keys('q');
    await waitForScreen('pick a scenario');
    keys('q');
    await waitForScreen(BUNDLED_CARDS_LABEL);
    keys('q');
    await waitForScreen('EXIT=0');
    tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
  });
  it('swelearn stats opens the statistics screen from the app scripts alone, without the command bundle or the study entry', async () => {
    // Every bundle is CommonJS run through dist/start.cjs, which keeps each one's compiled code in <cache>/code/: the app's
    // scripts must be there, and no command or study bundle. NODE_DEBUG=esm names every ES module Node loads: none of dist/.
    const home = freshHome();
    const log = join(home, 'esm.log');
    keys('C-l');
    type(`env -u CI NODE_DEBUG=esm SWELEARN_HOME=${home} node ${BIN} stats 2>${log}; echo "EXIT=$?"`);
    keys('Enter');
    await waitForScreen(/Progress\s*$/m);
    keys('q');
    await waitForScreen('EXIT=0');
    expect(readFileSync(log, 'utf8').match(/file:\/\/\S+?\/dist\/\S+?\.js\b/g) ?? []).toEqual([]);
    // <cache>/code/<build id>/, one folder for the one build.
    const builds = readdirSync(join(home, 'cache', 'code'));
    expect(builds).toHaveLength(1);
    const code = readdirSync(join(home, 'cache', 'code', builds[0]!));
    expect(code).toContain('app-open-app.cjs.bin');
    expect(code.filter((file) => /^(swelearn|study-)/.test(file))).toEqual([]);
    // The scripts it loaded, learnt for the next start: that one runs them from one script and caches its code, the third
    // runs from that code (src/io/bundles/start-pack.ts); both paint the same screen.
    expect(code).toContain('start-app-stats.pack');
    for (const run of [2, 3]) {
      keys('C-l');
      type(`env -u CI SWELEARN_HOME=${home} node ${BIN} stats; echo "EXIT=$?"`);
      keys('Enter');
      await waitForScreen(/Progress\s*$/m);
      keys('q');
      expect(await waitForScreen('EXIT=0'), `start ${run}`).toContain('EXIT=0');
    }
    const after = readdirSync(join(home, 'cache', 'code', builds[0]!));
    expect(after.filter((file) => file.endsWith('.pack'))).toEqual(['start-app-stats.pack']);
    // What loads after the first frame (the other screens, preloaded) is cached too, under the flags the app then keeps.
    expect(after.filter((file) => file.startsWith('late-')).length).toBeGreaterThan(0);
  });

  it('a bare swelearn quiz opens the quiz screen from the app scripts alone, and leaves its summary in the terminal', async () => {
    const home = freshHome();
    keys('C-l');
    type(`env -u CI SWELEARN_HOME=${home} node ${BIN} quiz; echo "EXIT=$?"`);
    keys('Enter');
    await waitForScreen(/1\/\d+/);
    keys('Escape');
    await waitForScreen('Session ended');
    keys('q');
    // The app is gone (its status bar with it) and the session's summary is left in the terminal.
    const after = await waitForScreen('EXIT=0');
    expect(after).toMatch(/^Session ended: nothing answered/m);
    expect(after).not.toContain('? help');
    // The quiz command ran from the app's scripts: the command bundles and the quiz bundle were never loaded.
    const builds = readdirSync(join(home, 'cache', 'code'));
    expect(builds).toHaveLength(1);
    const code = readdirSync(join(home, 'cache', 'code', builds[0]!));
    expect(code).toContain('app-open-app.cjs.bin');
    expect(code.filter((file) => /^(swelearn|study-)/.test(file))).toEqual([]);
  });
});

describe.skipIf(hasTmux)('the built app in a real terminal', () => {
  it('is skipped: tmux is not installed (CI installs it; apt-get install tmux to run it here)', () => {
    expect(hasTmux).toBe(false);
  });
});
