import { basename, join } from 'node:path';
import type { CardMeta } from '../../core/cards/types.js';
import type { QuizItem } from '../../core/quiz/types.js';

/** Where an item is written: its card file and line, and whether the learner may edit that file in place. */
export interface ItemSource {
  cardId: string;
  path: string;
  /** 1-based line of the item (the key point, the question, or for a simulator step the card's `sim:` line). */
  line: number;
  /** A bundled card is part of the installed package: read-only, edited by copying it into the user's folder. */
  editable: boolean;
}

/** The file and line an item comes from; undefined when its card is not loaded. */
export function itemSource(cards: readonly CardMeta[], item: QuizItem): ItemSource | undefined {
  const card = cards.find((candidate) => candidate.id === item.source.cardId);
  return card ? { cardId: card.id, path: card.path, line: item.source.line, editable: card.origin !== 'bundled' } : undefined;
}

/** How to change a bundled card: copy it into the user's card folder under a new id (a copy under the same id would clash with the bundled one). */
export function copyAdvice(source: ItemSource, userCardsDir: string): string {
  const newId = `my-${source.cardId}`;
  const target = join(userCardsDir, `${newId}.md`);
  const idLine = `set "id: ${newId}" in its frontmatter (or remove the id line; the file name ${basename(target)} then gives it)`;
  return `${source.cardId} is a bundled card, read-only: ${source.path}:${source.line}. To change it, copy it into your own cards folder under a new id: mkdir -p '${userCardsDir}' && cp '${source.path}' '${target}', then ${idLine}. Its items start a history of their own.`;
}

/** The editor command for a file at a line: $EDITOR, else $VISUAL, else vi, each split into words, with `+LINE FILE` after it. */
export function editorCommand(env: NodeJS.ProcessEnv, path: string, line: number): { command: string; args: string[] } {
  const chosen = [env.EDITOR, env.VISUAL].find((value) => value !== undefined && value.trim() !== '') ?? 'vi';
  const [command, ...words] = chosen.trim().split(/\s+/);
  return { command: command!, args: [...words, `+${line}`, path] };
}
