import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/core/markdown/wrap.js';
import { StatusBar } from '../../../src/ui/components/status-bar.js';
import { fitStatus } from '../../../src/ui/components/status-fit.js';
import { bindingsOf, KEYMAP, statusKeysLabel, type Feature, type Mode } from '../../../src/ui/keymap.js';
import { makeTheme, ThemeContext } from '../../../src/ui/theme.js';
import { stripAnsi } from '../app-harness.js';

// The actions that get help or get out; named here, not read from the key table's flag, so a binding
// that loses its flag fails this test.
const WAY_OUT = new Set(['help', 'back', 'quit', 'end', 'done', 'close', 'cancel', 'clearOrEnd', 'switchPane']);
const FEATURES: ReadonlySet<Feature> = new Set(['quiz', 'stats']);
const PANE_MODES: Mode[] = ['reader', 'readerSearch', 'picker', 'scenarios', 'customQuery', 'simulator', 'whatIf', 'transcript'];
// Every key table alone, and the combinations a route puts in force together (route-modes.ts).
const MODE_SETS: Mode[][] = [...(Object.keys(KEYMAP) as Mode[]).map((mode) => [mode]), ...PANE_MODES.map((mode): Mode[] => [mode, 'split']), ['quizReread', 'quizSummary']];
const CASES = MODE_SETS.flatMap((modes) => [80, 100].flatMap((width) => [false, true].map((ascii) => [modes.join('+'), width, ascii ? 'ascii' : 'unicode', modes] as const)));

function statusLine(modes: readonly Mode[], width: number, ascii: boolean): string {
  const theme = makeTheme({ colour: true, ascii, reducedMotion: false });
  const instance = render(
    <ThemeContext.Provider value={theme}>
      <StatusBar modes={modes} features={FEATURES} width={width} right="Card and simulator" />
    </ThemeContext.Provider>,
  );
  const line = stripAnsi(instance.lastFrame() ?? '');
  instance.unmount();
  return line;
}

describe('the status bar', () => {
  it.each(CASES)('%s at %i columns (%s) keeps the keys for help and for leaving', (_name, width, glyphs, modes) => {
    const ascii = glyphs === 'ascii';
    const line = statusLine(modes, width, ascii);
    expect(line.split('\n')).toHaveLength(1);
    expect(displayWidth(line)).toBeLessThanOrEqual(width);
    const theme = makeTheme({ colour: true, ascii, reducedMotion: false });
    const wanted = modes.flatMap((mode) => bindingsOf(mode, FEATURES)).filter((binding) => binding.status && WAY_OUT.has(binding.action));
    for (const binding of wanted) expect(line).toContain(`${statusKeysLabel(binding, theme.glyphs)} ${binding.status}`);
  });

  it('every screen a route can show offers help or a way out on its status bar', () => {
    for (const modes of MODE_SETS.filter((set) => set.length > 1 || !['split', 'quizReread'].includes(set[0]!))) {
      expect(modes.flatMap((mode) => bindingsOf(mode, FEATURES)).some((binding) => binding.status && WAY_OUT.has(binding.action)), modes.join('+')).toBe(true);
    }
  });
});

describe('fitting the status bar', () => {
  const item = (keys: string, label: string, essential = false) => ({ keys, label, essential });
  const items = [item('j/k', 'move'), item('Enter', 'open'), item('/', 'search'), item('?', 'help', true), item('q', 'quit', true)];

  it.each([
    ['everything fits: all in table order, with the title', 80, 'Home', ['move', 'open', 'search', 'help', 'quit'], true],
    ['the last of the others goes first', 45, 'Home', ['move', 'open', 'help', 'quit'], true],
    ['the others go before the essential keys do', 33, 'Home', ['move', 'help', 'quit'], true],
    ['the title goes before an essential key', 20, 'Statistics', ['help', 'quit'], false],
    ['too narrow even for the essentials: those that fit, in order', 10, 'Home', ['help'], false],
  ])('%s', (_name, width, title, labels, titleShown) => {
    const fit = fitStatus(items, width, title);
    expect(fit.shown.map((shown) => shown.label)).toEqual(labels);
    expect(fit.title).toBe(titleShown);
  });
});
