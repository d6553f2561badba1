import type { ListedItem } from '../../app/study/list-quiz-items.js';
import { oneLine } from '../../core/quiz/session/summary.js';
import { displayWidth } from '../../core/text/display-width.js';
import { fitText } from '../../ui/components/window.js';
import type { Layout } from '../format/layout.js';

/** `quiz --list --json`: one JSON object per line, one line per item and mode, the fields in a fixed order. */
export function itemListJson(items: readonly ListedItem[]): string {
  return items.map(({ id, card, mode, prompt, answer, accepts, options, context, source }) => `${JSON.stringify({ id, card, mode, prompt, answer, accepts, options, context, source })}\n`).join('');
}

/** `quiz --list`: a table of id, mode, prompt and answer, one row per item and mode; the prompt on one line, cut to the width in a terminal ("..." under --ascii). */
export function itemListTable(items: readonly ListedItem[], { width, cut }: Layout, ascii: boolean): string {
  const ellipsis = ascii ? '...' : '…';
  const column = (text: string, columns: number) => {
    const fitted = fitText(text, columns, ellipsis);
    return fitted + ' '.repeat(Math.max(0, columns - displayWidth(fitted)));
  };
  const idWidth = Math.min(48, Math.max(2, ...items.map((item) => displayWidth(item.id))));
  const rows = items.map((item) => {
    const text = `${oneLine(item.prompt)} -> ${oneLine(item.answer)}`;
    return `${column(item.id, idWidth)}  ${column(item.mode, 9)}  ${cut ? fitText(text, Math.max(10, width - idWidth - 13), ellipsis) : text}`;
  });
  const count = new Set(items.map((item) => item.id)).size;
  const footer = `${count} item${count === 1 ? '' : 's'}, ${items.length} way${items.length === 1 ? '' : 's'} to ask them; --json gives every field, swelearn quiz --item ID asks one`;
  return `${[`${'ID'.padEnd(idWidth)}  ${'MODE'.padEnd(9)}  PROMPT -> ANSWER`, ...rows, '', footer].join('\n')}\n`;
}
