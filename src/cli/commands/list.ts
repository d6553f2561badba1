import type { CardMeta } from '../../core/cards/types.js';
import { formatMinutes } from '../../core/cards/duration.js';
import { toTerminalText } from '../../core/markdown/ansi.js';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import { displayWidth } from '../../core/text/display-width.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { cardSummaryJson } from '../format/card-meta.js';
import { textLayout, type Layout } from '../format/layout.js';
import { fitColumn } from '../format/table-text.js';
import { parseCommand } from '../parse-flags.js';
import { LIST } from '../table/card-commands.js';
import { UsageError } from '../../app/errors.js';
import { compareKeys } from '../../core/text/compare-keys.js';

/** `swelearn list`: every card grouped by topic, filterable by tag, difficulty and topic; exit 1 when none matches. */
export async function runList(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(LIST, argv);
  if (args.positionals.length > 0) throw new UsageError(`list takes no arguments, got "${stripControl(args.positionals[0]!)}"`, args.usage);
  const difficulty = args.choice('difficulty');
  const tag = args.text('tag')?.toLowerCase();
  const topic = args.text('topic')?.toLowerCase();
  const cards = await ctx.cards.metas();
  const shown = cards
    .filter((card) => !tag || card.tags.includes(tag))
    .filter((card) => !difficulty || card.difficulty === difficulty)
    .filter((card) => !topic || card.topic === topic);
  if (args.has('json')) ctx.out(`${JSON.stringify(shown.map(cardSummaryJson), null, 2)}\n`);
  else if (shown.length === 0) ctx.err(cards.length === 0 ? 'No cards found. See `swelearn paths` for where cards are read from.\n' : 'No card matches those filters.\n');
  else ctx.out(`${toTerminalText(listLines(shown, textLayout(ctx, args.integer('width'))), { colour: ctx.color, hyperlinks: false })}\n`);
  return shown.length === 0 ? 1 : 0;
}

// In a terminal (or at --width) long titles are cut to fit; in a pipe every title is whole, so grep finds any word of it.
function listLines(cards: CardMeta[], layout: Layout): StyledLine[] {
  const byTopic = new Map<string, CardMeta[]>();
  for (const card of cards) byTopic.set(card.topic, [...(byTopic.get(card.topic) ?? []), card]);
  const longestId = Math.max(...cards.map((card) => displayWidth(card.id)));
  const idWidth = layout.cut ? Math.min(32, longestId) : longestId;
  const titleWidth = layout.cut ? Math.max(10, Math.min(60, layout.width - idWidth - 24)) : Math.max(...cards.map((card) => displayWidth(card.title)));
  const lines: StyledLine[] = [];
  for (const [topic, topicCards] of [...byTopic].sort(([a], [b]) => compareKeys(a, b))) {
    if (lines.length) lines.push([]);
    lines.push([{ text: topic, style: { bold: true, colour: 'cyan' } }, { text: `  ${topicCards.length} card${topicCards.length === 1 ? '' : 's'}`, style: { dim: true } }]);
    for (const card of topicCards) {
      lines.push([
        { text: `  ${fitColumn(card.id, idWidth)}  `, style: { colour: 'yellow' } },
        { text: fitColumn(card.title, titleWidth) },
        { text: `  ${card.difficulty.padEnd(6)}  ${formatMinutes(card.estimatedMinutes).padStart(6)}`, style: { dim: true } },
      ]);
    }
  }
  return lines;
}
