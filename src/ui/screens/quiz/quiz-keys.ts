import { currentQuestion } from '../../../core/quiz/session.js';
import type { Grade } from '../../../core/quiz/types.js';
import type { KeyHelpRow } from '../../components/key-help-panel.js';
import { arrowPair, quizGlyphs, type QuizGlyphs } from './quiz-glyphs.js';
import type { QuizAction, QuizScreenState } from './quiz-state.js';

/** Which keys apply: what is on screen decides it. */
export type QuizKeyContext = 'flashcard' | 'revealed' | 'typed' | 'choice' | 'feedback' | 'summary';

/** The subset of Ink's Key the quiz reads. */
export interface KeyPress {
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
}

/** What a key does: an action for the reducer, or a request to the screen's owner. */
export type QuizCommand = QuizAction | { type: 'exit' } | { type: 'open'; index: number };

interface Binding {
  contexts: QuizKeyContext[];
  /** The keys as the Unicode theme writes them. */
  keys: string;
  /** The keys in the glyph set in use, for keys drawn as glyphs (the arrows). */
  label?: (glyphs: QuizGlyphs) => string;
  help: string;
  match: (input: string, key: KeyPress, state: QuizScreenState) => boolean;
  command: (input: string, state: QuizScreenState, nowMs: number, key: KeyPress) => QuizCommand;
}

const isGrade = (input: string) => /^[1-4]$/.test(input);
const arrows = (glyphs: QuizGlyphs) => arrowPair(glyphs.up, glyphs.down);

/** The quiz's key table: the hook resolves keys with it and the footer and help list it, so they cannot drift apart. */
export const QUIZ_KEYS: readonly Binding[] = [
  // First, so the footer shows it even at 80 columns. Not while typing an answer: there `?` is text, as in every text box of the app.
  { contexts: ['flashcard', 'revealed', 'choice', 'feedback', 'summary'], keys: '?', help: 'keys', match: (input) => input === '?', command: (_i, _s, nowMs) => ({ type: 'help', open: true, nowMs }) },
  { contexts: ['flashcard'], keys: 'space', help: 'reveal', match: (input) => input === ' ', command: (_i, _s, nowMs) => ({ type: 'reveal', nowMs }) },
  { contexts: ['flashcard', 'revealed'], keys: '1-4', help: 'Again/Hard/Good/Easy', match: isGrade, command: (input, _s, nowMs) => ({ type: 'grade', grade: Number(input) as Grade, nowMs }) },
  { contexts: ['choice'], keys: 'a-d', help: 'answer', match: (input, _k, state) => optionIndex(input, state) !== undefined, command: (input, state, nowMs) => ({ type: 'choose', index: optionIndex(input, state)!, nowMs }) },
  { contexts: ['choice'], keys: arrows(quizGlyphs(false)), label: arrows, help: 'move', match: (_i, key) => Boolean(key.upArrow || key.downArrow), command: (_i, _s, _n, key) => ({ type: 'move', by: key.upArrow ? -1 : 1 }) },
  { contexts: ['choice'], keys: 'enter', help: 'pick highlighted', match: (_i, key) => Boolean(key.return), command: (_i, state, nowMs) => ({ type: 'choose', index: state.highlight, nowMs }) },
  { contexts: ['typed'], keys: 'enter', help: 'check (empty: show answer)', match: (_i, key) => Boolean(key.return), command: (_i, _s, nowMs) => ({ type: 'submit', nowMs }) },
  { contexts: ['typed'], keys: 'backspace', help: 'erase', match: (_i, key) => Boolean(key.backspace || key.delete), command: () => ({ type: 'erase' }) },
  { contexts: ['feedback'], keys: 'enter/space', help: 'next', match: (input, key) => Boolean(key.return) || input === ' ', command: (_i, _s, nowMs) => ({ type: 'continue', nowMs }) },
  { contexts: ['flashcard', 'revealed', 'choice', 'feedback', 'summary'], keys: 'u', help: 'undo last grade', match: (input) => input === 'u', command: (_i, _s, nowMs) => ({ type: 'undo', nowMs }) },
  { contexts: ['summary'], keys: '1-9', help: 'open a section to reread', match: (input, _k, state) => /^[1-9]$/.test(input) && Number(input) <= (state.summary?.reread.length ?? 0), command: (input) => ({ type: 'open', index: Number(input) - 1 }) },
  { contexts: ['typed'], keys: 'esc', help: 'clear / end session', match: (_i, key) => Boolean(key.escape), command: (_i, state, nowMs) => (state.input ? { type: 'clear-input' } : { type: 'end', nowMs }) },
  { contexts: ['flashcard', 'revealed', 'choice', 'feedback'], keys: 'esc', help: 'end session', match: (_i, key) => Boolean(key.escape), command: (_i, _s, nowMs) => ({ type: 'end', nowMs }) },
  { contexts: ['summary'], keys: 'enter/q/esc', help: 'done', match: (input, key) => Boolean(key.return || key.escape) || input === 'q', command: () => ({ type: 'exit' }) },
];

/** What the help lists, in this order, under these headings. */
const CONTEXT_TITLES: Record<QuizKeyContext, string> = {
  flashcard: 'Flashcard', revealed: 'Answer shown', typed: 'Typed answer', choice: 'Multiple choice', feedback: 'After answering', summary: 'Summary',
};

// While the help is open these keys close it and every other key is ignored, so none reaches the session.
const closesHelp = (input: string, key: KeyPress) => Boolean(key.escape || key.return) || ((input === '?' || input === 'q') && !key.ctrl && !key.meta);

/** Which key context the state is in. */
export function keyContext(state: QuizScreenState): QuizKeyContext {
  if (state.summary) return 'summary';
  const session = state.session;
  if (session.phase === 'feedback') return 'feedback';
  if (session.phase === 'revealed') return 'revealed';
  const question = currentQuestion(session);
  if (question?.mode === 'flashcard') return 'flashcard';
  return question?.choices ? 'choice' : 'typed';
}

/** Maps a key press to a command; in a cloze any other printable text is typed into the answer; with the help open, only closing it. */
export function resolveQuizKey(state: QuizScreenState, input: string, key: KeyPress, nowMs: number): QuizCommand | undefined {
  if (state.help) return closesHelp(input, key) ? { type: 'help', open: false, nowMs } : undefined;
  const context = keyContext(state);
  const binding = QUIZ_KEYS.find((candidate) => candidate.contexts.includes(context) && candidate.match(input, key, state));
  if (binding) return binding.command(input, state, nowMs, key);
  if (context === 'typed' && input && !key.ctrl && !key.meta && !key.tab && !key.escape && !key.return) return { type: 'type', text: input };
  return undefined;
}

/** The keys that matter now, for the footer, written with `glyphs`. */
export function keyHints(state: QuizScreenState, glyphs: QuizGlyphs = quizGlyphs(false)): { keys: string; help: string }[] {
  if (state.help) return [{ keys: '?/esc', help: 'close help' }, ...(state.session.phase === 'finished' ? [] : [{ keys: '', help: 'the clock is paused' }])];
  const context = keyContext(state);
  return QUIZ_KEYS.filter((binding) => binding.contexts.includes(context) && (binding.keys !== '1-9' || (state.summary?.reread.length ?? 0) > 0)).map((binding) => ({ keys: keysLabel(binding, glyphs), help: binding.help }));
}

/** Every binding of QUIZ_KEYS under a heading per context, the one in force now marked; `nowRow` is where its group starts (the blank line before its heading). */
export function quizHelpRows(now: QuizKeyContext, glyphs: QuizGlyphs = quizGlyphs(false)): { rows: KeyHelpRow[]; nowRow: number } {
  const rows: KeyHelpRow[] = [];
  let nowRow = 0;
  for (const context of Object.keys(CONTEXT_TITLES) as QuizKeyContext[]) {
    if (context === now) nowRow = rows.length;
    if (rows.length > 0) rows.push({});
    rows.push({ heading: `${CONTEXT_TITLES[context]}${context === now ? ' (now)' : ''}` });
    for (const binding of QUIZ_KEYS) if (binding.contexts.includes(context)) rows.push({ keys: keysLabel(binding, glyphs), help: binding.help });
  }
  return { rows, nowRow };
}

function keysLabel(binding: Binding, glyphs: QuizGlyphs): string {
  return binding.label?.(glyphs) ?? binding.keys;
}

function optionIndex(input: string, state: QuizScreenState): number | undefined {
  const count = currentQuestion(state.session)?.choices?.length ?? 0;
  const index = input.length === 1 ? input.toLowerCase().charCodeAt(0) - 97 : -1;
  return index >= 0 && index < count ? index : undefined;
}
