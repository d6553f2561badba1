import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { appReducer, currentRoute, INITIAL_APP, MAX_STACK, type AppState } from '../../src/ui/app-state.js';
import { editText } from '../../src/ui/components/text-edit.js';
import { fitText, hardWrap, windowStart } from '../../src/ui/components/window.js';
import { splitKeys } from '../../src/ui/key-bus.js';
import { keyMatches, matchKey } from '../../src/ui/keymap.js';
import { routeModes } from '../../src/ui/route-modes.js';
import { homeReducer, INITIAL_HOME } from '../../src/ui/screens/home/home-state.js';
import { titleHighlights } from '../../src/ui/screens/home/home-rows.js';
import { openReader, readerReducer, remapTop, type ReaderLayout } from '../../src/ui/screens/reader/reader-state.js';
import { INITIAL_PLAYBACK, nextTickMs, playbackReducer, TRAVEL_FRAMES, type PlaybackContext } from '../../src/ui/screens/simulator/playback.js';
import { openSimulator, simulatorReducer } from '../../src/ui/screens/simulator/simulator-state.js';
import { runLayout, switchablePanels } from '../../src/ui/screens/simulator/run-layout.js';
import { describeChange } from '../../src/ui/screens/simulator/run-summary.js';
import { stepTtl, toggleServer } from '../../src/ui/screens/simulator/what-if-menu.js';
import { NO_WHAT_IF } from '../../src/ui/screens/simulator/build-run.js';

const KEY: Key = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
const key = (overrides: Partial<Key>): Key => ({ ...KEY, ...overrides });

describe('key table matching', () => {
  it.each<[string, string, Key, boolean]>([
    ['j', 'j', KEY, true],
    ['j', 'J', key({ shift: true }), false],
    ['G', 'G', key({ shift: true }), true],
    ['down', '', key({ downArrow: true }), true],
    ['ctrl+d', 'd', key({ ctrl: true }), true],
    ['d', 'd', key({ ctrl: true }), false],
    ['space', ' ', KEY, true],
    ['return', '', key({ return: true }), true],
    ['return', '\n', KEY, true],
    ['backspace', '', key({ delete: true }), true],
    ['backspace', '', key({ backspace: true }), true],
    ['tab', '', key({ tab: true }), true],
    ['tab', '', key({ tab: true, shift: true }), false],
    ['shift+tab', '', key({ tab: true, shift: true }), true],
    ['escape', '', key({ escape: true, meta: true }), true],
    ['pageDown', '', key({ pageDown: true }), true],
    ['/', '/', KEY, true],
  ])('spec %s against %j is %s', (spec, input, pressed, expected) => {
    expect(keyMatches(spec, input, pressed)).toBe(expected);
  });

  it('finds the action of a key and skips bindings whose feature is off', () => {
    expect(matchKey('home', 'p', KEY, new Set(['quiz']))?.action).toBe('quiz');
    expect(matchKey('home', 'p', KEY, new Set())).toBeUndefined();
    expect(matchKey('reader', '3', KEY, new Set())).toEqual({ action: 'section', input: '3' });
  });

  it('splits one read of text into single keys, and leaves named keys whole', () => {
    expect(splitKeys('/dns', KEY).map(([input]) => input)).toEqual(['/', 'd', 'n', 's']);
    expect(splitKeys('aB', KEY)[1]![1].shift).toBe(true);
    expect(splitKeys('x\r', KEY)[1]![1].return).toBe(true);
    expect(splitKeys('', key({ downArrow: true }))).toHaveLength(1);
    expect(splitKeys('j', KEY)).toHaveLength(1);
  });
});

describe('text boxes and windows', () => {
  it.each([
    ['ab', { type: 'insert', text: 'c' }, 'abc'],
    ['ab', { type: 'insert', text: 'x\u001b[31my' }, 'abx[31my'],
    ['ab', { type: 'insert', text: 'line\nnext' }, 'abline next'],
    ['héllo', { type: 'erase' }, 'héll'],
    ['glue records', { type: 'eraseWord' }, 'glue '],
    ['glue records', { type: 'clear' }, ''],
  ] as const)('%j with %j gives %j', (value, edit, expected) => {
    expect(editText(value, edit)).toBe(expected);
  });

  it.each([
    [0, 0, 10, 100, 0],
    [15, 0, 10, 100, 6],
    [3, 6, 10, 100, 3],
    [99, 0, 10, 100, 90],
    [5, 50, 10, 8, 0],
  ])('cursor %i, previous start %i, height %i, %i rows: window starts at %i', (cursor, previous, height, total, expected) => {
    expect(windowStart(cursor, previous, height, total)).toBe(expected);
  });

  it('fits text by display width, wide characters counting two', () => {
    expect(fitText('abcdef', 4)).toBe('abc…');
    expect(fitText('日本語テキスト', 5)).toBe('日本…');
    expect(hardWrap('a  b  c', 3)).toEqual(['a  ', 'b  ', 'c']);
  });

  it('highlights the start of each title word a query word begins', () => {
    expect(titleHighlights('Negative Caching: NXDOMAIN', 'neg cach')).toEqual([[0, 3], [9, 13]]);
    expect(titleHighlights('TTL and caching', '')).toEqual([]);
  });
});

describe('home reducer', () => {
  it('moves within the list and resets the cursor when the query changes', () => {
    const moved = homeReducer(INITIAL_HOME, { type: 'move', to: 'pageDown', count: 32, page: 10 });
    expect(moved.cursor).toBe(10);
    expect(homeReducer(moved, { type: 'move', to: 'last', count: 32, page: 10 }).cursor).toBe(31);
    expect(homeReducer(moved, { type: 'move', to: 'pageDown', count: 12, page: 10 }).cursor).toBe(11);
    const typed = homeReducer(homeReducer(moved, { type: 'focusSearch' }), { type: 'edit', edit: { type: 'insert', text: 'ttl' } });
    expect(typed).toEqual({ focus: 'search', query: 'ttl', cursor: 0 });
    expect(homeReducer(typed, { type: 'clearSearch' })).toEqual(INITIAL_HOME);
  });
});

describe('reader reducer', () => {
  const layout: ReaderLayout = { lineCount: 100, viewHeight: 20, sectionStarts: [{ name: 'A', line: 5 }, { name: 'B', line: 40 }, { name: 'C', line: 95 }], matches: [{ line: 10, start: 0, end: 3 }, { line: 50, start: 2, end: 5 }], top: 0, width: 80, pickerSize: 3 };
  const start = openReader('x');

  it.each([
    ['lineDown', 0, 1],
    ['pageDown', 0, 18],
    ['halfDown', 0, 10],
    ['bottom', 0, 80],
    ['pageUp', 5, 0],
    ['top', 50, 0],
    ['lineDown', 80, 80],
  ] as const)('%s from %i goes to %i', (to, top, expected) => {
    expect(readerReducer(start, { type: 'scroll', to }, { ...layout, top }).top).toBe(expected);
  });

  it('jumps to sections, says when there is no next one, and numbers them from 1', () => {
    expect(readerReducer(start, { type: 'section', to: 'next' }, layout).top).toBe(5);
    expect(readerReducer(start, { type: 'section', to: 'next' }, { ...layout, top: 5 }).top).toBe(40);
    expect(readerReducer(start, { type: 'section', to: 'next' }, { ...layout, top: 80 }).notice).toBe('this is the last section');
    expect(readerReducer(start, { type: 'section', to: 'prev' }, { ...layout, top: 40 }).top).toBe(5);
    expect(readerReducer(start, { type: 'section', to: 2 }, layout).top).toBe(40);
    expect(readerReducer(start, { type: 'section', to: 7 }, layout).notice).toBe('this card has 3 sections');
  });

  it('finds from the top line down, and n wraps with a notice', () => {
    const typing = readerReducer(start, { type: 'findStart' }, layout);
    const typed = readerReducer(typing, { type: 'findEdit', edit: { type: 'insert', text: 'abc' } }, layout);
    const found = readerReducer(typed, { type: 'findSubmit' }, { ...layout, top: 30, draftMatches: layout.matches });
    expect(found.find).toEqual({ editing: false, draft: '', query: 'abc', index: 1 });
    expect(found.top).toBe(44);
    const wrapped = readerReducer(found, { type: 'match', direction: 1 }, { ...layout, top: 44 });
    expect(wrapped.find.index).toBe(0);
    expect(wrapped.top).toBe(4);
    expect(wrapped.notice).toMatch(/continuing at the top/);
  });

  it('keeps the same place in a section when the text re-wraps', () => {
    const before = { lines: new Array(100), sectionStarts: [{ line: 10 }, { line: 50 }] };
    const after = { lines: new Array(200), sectionStarts: [{ line: 20 }, { line: 100 }] };
    expect(remapTop(30, before, after)).toBe(60);
    expect(remapTop(75, before, after)).toBe(150);
  });
});

describe('playback reducer', () => {
  const context: PlaybackContext = { stepCount: 5, travels: (index) => index % 2 === 1, reducedMotion: false };

  it('steps forward into a travelling message, ticks it to arrival, then schedules nothing while paused', () => {
    let state = playbackReducer(INITIAL_PLAYBACK, { type: 'step', by: 1 }, context);
    expect(state).toMatchObject({ cursor: 1, frame: 0, playing: false });
    expect(nextTickMs(state, false)).toBeGreaterThan(0);
    for (let i = 0; i < TRAVEL_FRAMES; i++) state = playbackReducer(state, { type: 'tick' }, context);
    expect(state.frame).toBe(TRAVEL_FRAMES);
    expect(nextTickMs(state, false)).toBeUndefined();
  });

  it('plays through to the end and stops there; play at the end starts over', () => {
    let state = playbackReducer(INITIAL_PLAYBACK, { type: 'toggle' }, context);
    for (let i = 0; i < 100 && state.playing; i++) state = playbackReducer(state, { type: 'tick' }, context);
    expect(state).toMatchObject({ cursor: 4, playing: false });
    expect(playbackReducer(state, { type: 'toggle' }, context)).toMatchObject({ cursor: 0, playing: true });
  });

  it('with reduced motion a step arrives at once and only the play pace ticks', () => {
    const reduced = { ...context, reducedMotion: true };
    const state = playbackReducer(INITIAL_PLAYBACK, { type: 'step', by: 1 }, reduced);
    expect(state.frame).toBe(TRAVEL_FRAMES);
    expect(nextTickMs(state, true)).toBeUndefined();
    expect(nextTickMs({ ...state, playing: true }, true)).toBeGreaterThan(0);
  });

  it('speeds up and slows down within the offered speeds, and faster means shorter ticks', () => {
    const fast = playbackReducer({ ...INITIAL_PLAYBACK, playing: true }, { type: 'faster' }, context);
    expect(nextTickMs(fast, false)!).toBeLessThan(nextTickMs({ ...INITIAL_PLAYBACK, playing: true }, false)!);
    let slow = INITIAL_PLAYBACK;
    for (let i = 0; i < 10; i++) slow = playbackReducer(slow, { type: 'slower' }, context);
    expect(slow.speedIndex).toBe(0);
  });
});

describe('simulator reducer', () => {
  it('cycles the side panel among those the width switches', () => {
    const sim = openSimulator('cold-cache');
    expect(simulatorReducer(sim, { type: 'panel', among: switchablePanels(90) }).panel).toBe('packet');
    expect(simulatorReducer(simulatorReducer(sim, { type: 'panel', among: switchablePanels(90) }), { type: 'panel', among: switchablePanels(90) }).panel).toBe('cache');
    expect(simulatorReducer(sim, { type: 'panel', among: switchablePanels(60) }).panel).toBe('cache');
  });

  it('a what-if restarts playback and remembers the run before it; notices survive ticks but not keys', () => {
    const before = { status: 'ANSWER', durationMs: 257, upstreamQueries: 3, cacheHits: 0 };
    const next = simulatorReducer(openSimulator('cold-cache'), { type: 'whatIf', whatIf: { ...NO_WHAT_IF, downServers: ['ns1'] }, before, notice: 'n' });
    expect(next).toMatchObject({ before, notice: 'n', playback: { cursor: 0, playing: true } });
    const context = { stepCount: 3, travels: () => false, reducedMotion: false };
    expect(simulatorReducer(next, { type: 'playback', action: { type: 'tick' }, context }).notice).toBe('n');
    expect(simulatorReducer(next, { type: 'playback', action: { type: 'step', by: 1 }, context }).notice).toBeUndefined();
  });

  it('lays the run out by size: panels only when there is room, three side by side when wide', () => {
    expect(runLayout(80, 12, 'timeline').panels).toEqual([]);
    expect(runLayout(100, 28, 'timeline').panels.map((panel) => panel.panel)).toEqual(['timeline', 'cache']);
    expect(runLayout(140, 28, 'timeline').panels.map((panel) => panel.panel)).toEqual(['timeline', 'cache', 'packet']);
    const layout = runLayout(100, 28, 'timeline');
    expect(2 + layout.explanationRows + layout.diagramRows + layout.panelRows).toBe(28);
  });

  it('steps TTLs along the ladder and toggles servers both ways', () => {
    expect(stepTtl(300, 1)).toBe(900);
    expect(stepTtl(300, -1)).toBe(60);
    expect(stepTtl(1, -1)).toBe(1);
    // Past the ladder's ends (the root's NS set at 518400 s, a TTL of 0), a step never goes the wrong way.
    expect(stepTtl(518400, 1)).toBe(518400);
    expect(stepTtl(518400, -1)).toBe(172800);
    expect(stepTtl(0, -1)).toBe(0);
    expect(stepTtl(0, 1)).toBe(1);
    expect(toggleServer(NO_WHAT_IF, 'ns1', 'up').downServers).toEqual(['ns1']);
    expect(toggleServer(toggleServer(NO_WHAT_IF, 'ns1', 'up'), 'ns1', 'up').downServers).toEqual([]);
    expect(toggleServer(NO_WHAT_IF, 'ns1', 'drop').upServers).toEqual(['ns1']);
  });

  it('says what changed between two runs, or that nothing did', () => {
    const a = { status: 'ANSWER', durationMs: 257, upstreamQueries: 3, cacheHits: 0 };
    expect(describeChange(a, a, (ms) => `${ms} ms`)).toBe('no change: ANSWER 257 ms, 3 upstream, 0 hits');
    expect(describeChange(a, { ...a, status: 'SERVFAIL', cacheHits: 1 }, (ms) => `${ms} ms`)).toBe('before: ANSWER 257 ms, 3 upstream, 0 hits  ->  now: SERVFAIL 257 ms, 3 upstream, 1 hit');
  });
});

describe('app reducer', () => {
  it('pushes and pops screens, never popping home', () => {
    const reader = appReducer(INITIAL_APP, { type: 'push', route: { kind: 'reader', reader: openReader('a') } });
    expect(currentRoute(reader).kind).toBe('reader');
    expect(appReducer(appReducer(reader, { type: 'back' }), { type: 'back' }).stack).toHaveLength(1);
  });

  it('keeps the stack bounded, home always at the bottom', () => {
    let state: AppState = INITIAL_APP;
    for (let i = 0; i < MAX_STACK * 2; i++) state = appReducer(state, { type: 'push', route: { kind: 'reader', reader: openReader(`c${i}`) } });
    expect(state.stack).toHaveLength(MAX_STACK);
    expect(state.stack[0]!.kind).toBe('home');
  });

  it('a scenario opened from a reader replaces it with the split, keeping the scroll; closing it restores the reader', () => {
    const reader = appReducer(INITIAL_APP, { type: 'push', route: { kind: 'reader', reader: { ...openReader('a'), top: 12 } } });
    const split = appReducer(reader, { type: 'openSplit', cardId: 'a', scenarioId: 'cold-cache' });
    expect(split.stack).toHaveLength(2);
    expect(currentRoute(split)).toMatchObject({ kind: 'split', focus: 'sim', reader: { top: 12 } });
    expect(routeModes(currentRoute(split))).toEqual(['simulator', 'split']);
    expect(currentRoute(appReducer(split, { type: 'closeSplit' }))).toMatchObject({ kind: 'reader', reader: { cardId: 'a', top: 12 } });
  });
});
