import type { Key } from 'ink';
import type { Glyphs } from './theme.js';

/** A feature some bindings depend on, so help and the status bar never offer what is not there. */
export type Feature = 'quiz' | 'stats';

/** One row of the key table: the keys, what they do, and the short label the status bar shows (if any). */
export interface Binding {
  action: string;
  keys: readonly string[];
  help: string;
  status?: string;
  feature?: Feature;
  /** How the keys are written in help when listing each would be noisy ("1-9"). */
  label?: string;
  /** The keys the status bar names, when not just the first one ("j/k" for a pair). */
  statusKeys?: readonly string[];
  /** Kept on the status bar however narrow the terminal: the keys to get help, to leave and to quit. */
  essential?: boolean;
}

const MOVE = [
  { action: 'up', keys: ['up', 'k'], help: 'move up' },
  { action: 'down', keys: ['down', 'j'], help: 'move down', status: 'move', statusKeys: ['j', 'k'] },
  { action: 'pageUp', keys: ['pageUp', 'ctrl+u'], help: 'page up' },
  { action: 'pageDown', keys: ['pageDown', 'ctrl+d'], help: 'page down' },
  { action: 'first', keys: ['g', 'home'], help: 'go to the first' },
  { action: 'last', keys: ['G', 'end'], help: 'go to the last' },
] as const;

const PICK = [
  { action: 'up', keys: ['up', 'k'], help: 'move up' },
  { action: 'down', keys: ['down', 'j'], help: 'move down', status: 'move', statusKeys: ['j', 'k'] },
  { action: 'open', keys: ['return', 'right', 'l'], help: 'choose', status: 'choose' },
  { action: 'back', keys: ['escape', 'left', 'h', 'q'], help: 'close', status: 'close', essential: true },
] as const;

const HELP = { action: 'help', keys: ['?'], help: 'show the keys of this screen', status: 'help', essential: true } as const;
const BACK = { action: 'back', keys: ['escape', 'q'], help: 'go back', status: 'back', essential: true } as const;

const TEXT_EDIT = [
  { action: 'erase', keys: ['backspace'], help: 'delete a character' },
  { action: 'eraseWord', keys: ['ctrl+w'], help: 'delete a word' },
  { action: 'clear', keys: ['ctrl+u'], help: 'clear the text' },
] as const;

const QUIZ_GRADE = { action: 'grade', keys: ['1', '2', '3', '4'], label: '1-4', help: 'grade it: 1 Again, 2 Hard, 3 Good, 4 Easy', status: 'grade' } as const;
const QUIZ_UNDO = { action: 'undo', keys: ['u'], help: 'undo the last answer' } as const;
const QUIZ_CLAIM = { action: 'claim', keys: ['r'], help: 'I was right: count a rejected typed answer as Good (u takes it back)' } as const;
// Anki's keys: @ suspends, - buries. Not while a cloze is typed (they are text there): on its verdict instead.
const QUIZ_SUSPEND = { action: 'suspend', keys: ['@'], help: 'suspend this item until you bring it back (u undoes)' } as const;
const QUIZ_BURY = { action: 'bury', keys: ['-'], help: 'bury this item for the rest of today (u undoes)' } as const;
// Not while a choice is asked: e there is a letter past the options, and must not open an editor by mistake.
const QUIZ_EDIT = { action: 'edit', keys: ['e'], help: 'edit its card at its line in $EDITOR (bundled: how to copy it)' } as const;
const QUIZ_ITEM = [QUIZ_SUSPEND, QUIZ_BURY, QUIZ_EDIT] as const;
const QUIZ_END = { action: 'end', keys: ['escape'], help: 'end the session and see the summary', status: 'end', essential: true } as const;

/**
 * Every key of every screen. Screens look their keys up here and the help overlay and the status
 * bar are generated from the same rows, so the keys and their description cannot drift apart.
 */
export const KEYMAP = {
  home: [
    ...MOVE,
    { action: 'open', keys: ['return', 'right', 'l'], help: 'open the card (at the matching section)', status: 'open' },
    { action: 'search', keys: ['/'], help: 'search the cards (fuzzy, live)', status: 'search' },
    { action: 'clearSearch', keys: ['escape'], help: 'clear the search' },
    { action: 'simulator', keys: ['s'], help: 'open the DNS simulator', status: 'simulator' },
    { action: 'quiz', keys: ['p'], help: 'practise: start a quiz', status: 'quiz', feature: 'quiz' },
    { action: 'stats', keys: ['t'], help: 'study statistics', feature: 'stats' },
    HELP,
    { action: 'quit', keys: ['q'], help: 'quit', status: 'quit', essential: true },
  ],
  homeSearch: [
    { action: 'up', keys: ['up', 'ctrl+p', 'ctrl+k'], help: 'previous result' },
    { action: 'down', keys: ['down', 'ctrl+n', 'ctrl+j'], help: 'next result', status: 'move', statusKeys: ['up', 'down'] },
    { action: 'open', keys: ['return'], help: 'open the card at the matching section', status: 'open' },
    { action: 'toList', keys: ['tab'], help: 'keep the results, use the list keys' },
    { action: 'cancel', keys: ['escape'], help: 'clear the search and leave the box', status: 'cancel', essential: true },
    ...TEXT_EDIT,
  ],
  reader: [
    { action: 'lineUp', keys: ['up', 'k'], help: 'scroll up a line' },
    { action: 'lineDown', keys: ['down', 'j'], help: 'scroll down a line', status: 'scroll', statusKeys: ['j', 'k'] },
    { action: 'pageDown', keys: ['space', 'pageDown', 'f'], help: 'page down' },
    { action: 'pageUp', keys: ['b', 'pageUp'], help: 'page up' },
    { action: 'halfDown', keys: ['ctrl+d'], help: 'half a page down' },
    { action: 'halfUp', keys: ['ctrl+u'], help: 'half a page up' },
    { action: 'top', keys: ['g', 'home'], help: 'go to the top' },
    { action: 'bottom', keys: ['G', 'end'], help: 'go to the bottom' },
    { action: 'nextSection', keys: [']'], help: 'next section', status: 'section', statusKeys: ['[', ']'] },
    { action: 'prevSection', keys: ['['], help: 'previous section' },
    { action: 'section', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: '1-9', help: 'jump to section 1 to 9' },
    { action: 'search', keys: ['/'], help: 'search in this card', status: 'find' },
    { action: 'nextMatch', keys: ['n'], help: 'next match' },
    { action: 'prevMatch', keys: ['N'], help: 'previous match' },
    { action: 'related', keys: ['r'], help: 'related cards', status: 'related' },
    { action: 'simulate', keys: ['s'], help: "run the card's scenario beside it", status: 'simulate' },
    { action: 'quiz', keys: ['p'], help: 'practise this card', feature: 'quiz' },
    HELP,
    BACK,
  ],
  readerSearch: [
    { action: 'submit', keys: ['return'], help: 'find', status: 'find' },
    { action: 'cancel', keys: ['escape'], help: 'cancel', status: 'cancel', essential: true },
    ...TEXT_EDIT,
  ],
  picker: [...PICK, HELP],
  scenarios: [
    { action: 'up', keys: ['up', 'k'], help: 'move up' },
    { action: 'down', keys: ['down', 'j'], help: 'move down', status: 'move', statusKeys: ['j', 'k'] },
    { action: 'open', keys: ['return', 'right', 'l'], help: 'run the scenario', status: 'run' },
    { action: 'custom', keys: ['c', '/'], help: 'type a name and a record type', status: 'custom' },
    HELP,
    BACK,
  ],
  customQuery: [
    { action: 'submit', keys: ['return'], help: 'resolve the name', status: 'resolve' },
    { action: 'nextType', keys: ['down'], help: 'next record type', status: 'type', statusKeys: ['up', 'down'] },
    { action: 'prevType', keys: ['up'], help: 'previous record type' },
    { action: 'cancel', keys: ['escape'], help: 'cancel', status: 'cancel', essential: true },
    ...TEXT_EDIT,
  ],
  simulator: [
    { action: 'playPause', keys: ['space', 'p'], help: 'play or pause', status: 'play/pause' },
    { action: 'stepForward', keys: ['right', 'l'], help: 'step forward', status: 'step', statusKeys: ['h', 'l'] },
    { action: 'stepBack', keys: ['left', 'h'], help: 'step back' },
    { action: 'first', keys: ['g', 'home'], help: 'go to the first step' },
    { action: 'last', keys: ['G', 'end'], help: 'go to the last step' },
    { action: 'faster', keys: ['+', '='], help: 'play faster' },
    { action: 'slower', keys: ['-', '_'], help: 'play slower' },
    { action: 'whatIf', keys: ['w'], help: 'what-if: a server down, a TTL, later questions, the resolver program', status: 'what-if' },
    { action: 'panel', keys: ['i'], help: 'switch the side panel: timeline, cache, packet' },
    { action: 'hex', keys: ['x'], help: 'show or hide the packet bytes' },
    { action: 'transcript', keys: ['T'], help: 'plain transcript (screen-reader friendly)', status: 'transcript' },
    { action: 'restart', keys: ['r'], help: 'restart with a new seed', status: 'new seed' },
    HELP,
    BACK,
  ],
  whatIf: [...PICK, { action: 'increase', keys: ['+', '='], help: 'raise the value' }, { action: 'decrease', keys: ['-', '_'], help: 'lower the value' }, HELP],
  transcript: [
    { action: 'lineUp', keys: ['up', 'k'], help: 'scroll up a line' },
    { action: 'lineDown', keys: ['down', 'j'], help: 'scroll down a line', status: 'scroll', statusKeys: ['j', 'k'] },
    { action: 'pageDown', keys: ['space', 'pageDown'], help: 'page down' },
    { action: 'pageUp', keys: ['b', 'pageUp'], help: 'page up' },
    { action: 'top', keys: ['g', 'home'], help: 'go to the top' },
    { action: 'bottom', keys: ['G', 'end'], help: 'go to the bottom' },
    HELP,
    { action: 'back', keys: ['escape', 'q', 'T'], help: 'back to the animation', status: 'back', essential: true },
  ],
  split: [{ action: 'switchPane', keys: ['tab'], help: 'switch between the card and the simulator', status: 'other pane', essential: true }],
  quizFlashcard: [
    { action: 'reveal', keys: ['space'], help: 'show the answer', status: 'reveal' },
    QUIZ_GRADE,
    QUIZ_UNDO,
    ...QUIZ_ITEM,
    QUIZ_END,
    HELP,
  ],
  quizRevealed: [QUIZ_GRADE, QUIZ_UNDO, ...QUIZ_ITEM, QUIZ_END, HELP],
  quizTyped: [
    { action: 'submit', keys: ['return'], help: 'check the answer (empty: show it)', status: 'check' },
    { action: 'clearOrEnd', keys: ['escape'], help: 'clear the answer; when it is empty, end the session', status: 'clear/end', essential: true },
    // u is text here: Ctrl-Z takes back the last answer, suspension or burial.
    { ...QUIZ_UNDO, keys: ['ctrl+z'], help: 'undo the last answer or hold; @ - e act on the verdict' },
    ...TEXT_EDIT,
  ],
  quizChoice: [
    { action: 'choose', keys: ['a', 'b', 'c', 'd'], label: 'a-d', help: 'answer with the letter', status: 'answer' },
    { action: 'up', keys: ['up'], help: 'move the highlight up' },
    { action: 'down', keys: ['down'], help: 'move the highlight down', status: 'move', statusKeys: ['up', 'down'] },
    { action: 'pick', keys: ['return'], help: 'answer with the highlighted option', status: 'pick' },
    { ...QUIZ_UNDO, help: 'undo the last answer or hold; e edits on the verdict' },
    QUIZ_SUSPEND,
    QUIZ_BURY,
    QUIZ_END,
    HELP,
  ],
  quizFeedback: [{ action: 'next', keys: ['return', 'space'], help: 'next item', status: 'next' }, QUIZ_UNDO, QUIZ_CLAIM, ...QUIZ_ITEM, QUIZ_END, HELP],
  quizReread: [{ action: 'open', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: '1-9', help: 'open a section to reread', status: 'reread' }],
  quizSummary: [
    { ...QUIZ_UNDO, status: 'undo' },
    QUIZ_CLAIM,
    { action: 'done', keys: ['return', 'q', 'escape'], help: 'done: leave the quiz', status: 'done', essential: true },
    HELP,
  ],
  stats: [
    { action: 'lineUp', keys: ['up', 'k'], help: 'scroll up a line' },
    { action: 'lineDown', keys: ['down', 'j'], help: 'scroll down a line', status: 'scroll', statusKeys: ['j', 'k'] },
    { action: 'pageDown', keys: ['space', 'pageDown'], help: 'page down' },
    { action: 'pageUp', keys: ['b', 'pageUp'], help: 'page up' },
    { action: 'nextSection', keys: ['tab', ']'], help: 'next section', status: 'section' },
    { action: 'prevSection', keys: ['shift+tab', '['], help: 'previous section' },
    { action: 'top', keys: ['g', 'home'], help: 'go to the top' },
    { action: 'bottom', keys: ['G', 'end'], help: 'go to the bottom' },
    { action: 'nextHeld', keys: ['n'], help: 'highlight the next held item (suspended, leech, buried)' },
    { action: 'prevHeld', keys: ['N'], help: 'highlight the previous held item' },
    { action: 'unsuspend', keys: ['u'], help: 'bring the highlighted held item back (unsuspend or unbury)', feature: 'quiz' },
    HELP,
    BACK,
  ],
  message: [HELP, BACK],
  help: [
    { action: 'up', keys: ['up', 'k'], help: 'scroll up' },
    { action: 'down', keys: ['down', 'j'], help: 'scroll down' },
    { action: 'close', keys: ['escape', '?', 'q'], help: 'close the help', status: 'close', essential: true },
  ],
} as const satisfies Record<string, readonly Binding[]>;

/** A key table's name. */
export type Mode = keyof typeof KEYMAP;

/** The actions of one key table. */
export type ActionOf<M extends Mode> = (typeof KEYMAP)[M][number]['action'];

/** The matched action and the text typed, for bindings such as "1 to 9". */
export interface KeyHit<M extends Mode> {
  action: ActionOf<M>;
  input: string;
}

/** Finds the binding a key press triggers in one key table, skipping features that are off. */
export function matchKey<M extends Mode>(mode: M, input: string, key: Key, features: ReadonlySet<Feature> = ALL_FEATURES): KeyHit<M> | undefined {
  for (const binding of KEYMAP[mode] as readonly Binding[]) {
    if (binding.feature && !features.has(binding.feature)) continue;
    if (binding.keys.some((spec) => keyMatches(spec, input, key))) return { action: binding.action as ActionOf<M>, input };
  }
  return undefined;
}

const ALL_FEATURES: ReadonlySet<Feature> = new Set(['quiz', 'stats']);

const NAMED: Record<string, (key: Key, input: string) => boolean> = {
  up: (key) => key.upArrow,
  down: (key) => key.downArrow,
  left: (key) => key.leftArrow,
  right: (key) => key.rightArrow,
  pageUp: (key) => key.pageUp,
  pageDown: (key) => key.pageDown,
  home: (key) => key.home,
  end: (key) => key.end,
  // A bare line feed is Enter on some terminals (and in tmux send-keys C-j).
  return: (key, input) => key.return || input === '\n',
  escape: (key) => key.escape,
  tab: (key) => key.tab && !key.shift,
  'shift+tab': (key) => key.tab && key.shift,
  // Most terminals send DEL (0x7f), which Ink reports as `delete`; a few send BS.
  backspace: (key) => key.backspace || key.delete,
  space: (key, input) => input === ' ' && !key.ctrl && !key.meta,
};

/** Whether one key spec ("j", "G", "ctrl+d", "pageDown", "shift+tab") matches a key press. */
export function keyMatches(spec: string, input: string, key: Key): boolean {
  const named = NAMED[spec];
  if (named) return named(key, input);
  if (spec.startsWith('ctrl+')) return key.ctrl && input === spec.slice(5);
  return input === spec && !key.ctrl && !key.meta && !key.tab && !key.return && !key.escape;
}

const LABELS: Record<string, string> = {
  pageUp: 'PgUp', pageDown: 'PgDn', home: 'Home', end: 'End', return: 'Enter', escape: 'Esc', tab: 'Tab',
  'shift+tab': 'Shift-Tab', backspace: 'Backspace', space: 'Space',
};

/** How a key spec is written for people: "↓", "Ctrl-D", "Enter". */
export function keyLabel(spec: string, glyphs: Glyphs): string {
  const arrows: Record<string, string> = { up: glyphs.up, down: glyphs.down, left: glyphs.left, right: glyphs.right };
  if (arrows[spec]) return arrows[spec]!;
  if (LABELS[spec]) return LABELS[spec]!;
  if (spec.startsWith('ctrl+')) return `Ctrl-${spec.slice(5).toUpperCase()}`;
  return spec;
}

/** The keys of a binding as help shows them: "k ↑", "Ctrl-D", "1-9". */
export function bindingLabel(binding: Binding, glyphs: Glyphs): string {
  return binding.label ?? binding.keys.map((spec) => keyLabel(spec, glyphs)).join(' ');
}

/** The keys of a binding as the status bar shows them: "j/k", "Enter". */
export function statusKeysLabel(binding: Binding, glyphs: Glyphs): string {
  if (!binding.statusKeys && binding.label) return binding.label;
  const keys = binding.statusKeys ?? binding.keys.slice(0, 1);
  const labels = keys.map((spec) => keyLabel(spec, glyphs));
  return labels.every((label) => label.length === 1) && !keys.every((spec) => /^[a-z]$/i.test(spec)) ? labels.join('') : labels.join('/');
}

/** The bindings of a table that are on, for help and the status bar. */
export function bindingsOf(mode: Mode, features: ReadonlySet<Feature>): Binding[] {
  return (KEYMAP[mode] as readonly Binding[]).filter((binding) => !binding.feature || features.has(binding.feature));
}
