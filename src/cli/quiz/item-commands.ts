import { readFileSync } from 'node:fs';
import { copyAdvice, editorCommand, itemSource, type ItemSource } from '../../app/study/item-source.js';
import type { PreparedQuiz } from '../../app/study/prepare-quiz.js';
import { persistTransition as persist, type RecordEntries } from '../../core/quiz/session/record.js';
import { canHold, currentQuestion, holdItem, shiftClock, type SessionState } from '../../core/quiz/session/session.js';
import { runEditor } from '../../io/run-editor.js';
import type { CliContext } from '../context.js';
import type { EditReport, QuizReporter } from './reporter.js';

export type { EditReport } from './reporter.js';

const SUSPEND = /^\s*:(s|suspend)\s*$/i;
const BURY = /^\s*:(b|bury)\s*$/i;
const EDIT = /^\s*:(e|edit)\s*$/i;

/** What the `:s`, `:b` and `:e` commands need beyond the session: the cards, the recorder, the terminal and the editor's environment. */
export interface ItemCommandContext {
  ctx: CliContext;
  prepared: PreparedQuiz;
  record: RecordEntries;
  onFailure: (reason: string) => void;
  reporter: QuizReporter;
  now: () => number;
  env: NodeJS.ProcessEnv;
}

/** Handles `:s` (suspend), `:b` (bury) and `:e` (edit) on the item on screen; undefined when the line is none of them. */
export function itemCommand(line: string, state: SessionState, use: ItemCommandContext): SessionState | undefined {
  const action = SUSPEND.test(line) ? 'suspend' : BURY.test(line) ? 'bury' : undefined;
  if (action) {
    if (!canHold(state)) return state;
    const next = persist(holdItem(state, action, use.now()), use.record, use.onFailure);
    if (next.lastHold) use.reporter.held(next.lastHold.held);
    return next;
  }
  if (!EDIT.test(line)) return undefined;
  const item = currentQuestion(state)!.item;
  const source = itemSource(use.prepared.cards, item);
  if (!source) {
    use.reporter.edit({ kind: 'no-card', itemId: item.id });
    return state;
  }
  if (!source.editable) {
    use.reporter.edit({ kind: 'bundled', source, advice: copyAdvice(source, use.ctx.environment.paths.userCards) });
    return state;
  }
  const { command, args } = editorCommand(use.env, source.path, source.line);
  const shown = [command, ...args].map(shellWord).join(' ');
  if (!(use.ctx.stdinIsTTY && use.ctx.stdoutIsTTY)) {
    use.reporter.edit({ kind: 'hint', source, command: shown });
    return state;
  }
  // The editor has the terminal: the item's clock stops while it runs.
  const startedAt = use.now();
  const before = cardText(source.path);
  const run = runEditor(command, args, use.env);
  const changed = cardText(source.path) !== before;
  use.reporter.edit({ kind: 'edited', source, command: shown, changed, ...(run.ok ? (run.status === 0 ? {} : { failed: `the editor exited with status ${run.status}` }) : { failed: run.reason }) });
  return shiftClock(state, use.now() - startedAt);
}

function cardText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

// A word as a shell would need it to be typed: quoted when it holds anything but plain path characters.
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
