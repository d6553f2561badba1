import type { StudyContext } from '../app/study/study-context.js';
import type { CliContext } from './context.js';

/** The study services' context for a command: its environment and cards, with warnings on stderr. */
export function studyContext(ctx: CliContext): StudyContext {
  return { environment: ctx.environment, cards: ctx.cards, warn: (message) => ctx.err(`swelearn: ${message}\n`) };
}
