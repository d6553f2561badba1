import type { Card, Difficulty } from '../../core/cards/types.js';
import { formatMinutes } from '../../core/cards/duration.js';
import { toTerminalText } from '../../core/markdown/ansi.js';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import type { CliContext } from '../context.js';
import { cardSummaryJson } from '../format/card-meta.js';
import { fitColumn } from '../format/table-text.js';
import { usageOf } from '../help.js';
import { oneOf, parseFlags } from '../parse-flags.js';
import { UsageError } from '../../app/errors.js';

const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];

/** `swelearn list`: every card grouped by topic, filterable by tag, difficulty and topic. */
export async function runList(argv: string[], ctx: CliContext): Promise<number> {
  const usage = usageOf('list');
  const { values, positionals } = parseFlags(argv, { tag: { type: 'string' }, difficulty: { type: 'string' }, topic: { type: 'string' }, json: { type: 'boolean' } }, usage);
  if (positionals.length > 0) throw new UsageError(`list takes no arguments, got "${positionals[0]}"`, usage);
  const difficulty = oneOf(values.difficulty, DIFFICULTIES, '--difficulty', usage);
  const cards = await ctx.cards.cards();
  const shown = cards
    .filter((card) => !values.tag || card.tags.includes(values.tag.toLowerCase()))
    .filter((card) => !difficulty || card.difficulty === difficulty)
    .filter((card) => !values.topic || card.topic === values.topic.toLowerCase());
  if (values.json) {
    ctx.out(`${JSON.stringify(shown.map(cardSummaryJson), null, 2)}\n`);
    return 0;
  }
  if (shown.length === 0) {
    ctx.out(cards.length === 0 ? 'No cards found. See `swelearn paths` for where cards are read from.\n' : 'No card matches those filters.\n');
    return 0;
  }
  ctx.out(`${toTerminalText(listLines(shown, ctx.width), { colour: ctx.color, hyperlinks: false })}\n`);
  return 0;
}

function listLines(cards: Card[], width: number): StyledLine[] {
  const byTopic = new Map<string, Card[]>();
  for (const card of cards) byTopic.set(card.topic, [...(byTopic.get(card.topic) ?? []), card]);
  const idWidth = Math.min(32, Math.max(...cards.map((card) => card.id.length)));
  const titleWidth = Math.max(10, Math.min(60, width - idWidth - 24));
  const lines: StyledLine[] = [];
  for (const [topic, topicCards] of [...byTopic].sort(([a], [b]) => a.localeCompare(b))) {
    if (lines.length) lines.push([]);
    lines.push([{ text: topic, style: { bold: true, colour: 'cyan' } }, { text: `  ${topicCards.length} card${topicCards.length === 1 ? '' : 's'}`, style: { dim: true } }]);
    for (const card of topicCards) {
      lines.push([
        { text: `  ${fitColumn(card.id, idWidth)}  ` , style: { colour: 'yellow' } },
        { text: fitColumn(card.title, titleWidth) },
        { text: `  ${card.difficulty.padEnd(6)}  ${formatMinutes(card.estimatedMinutes).padStart(6)}`, style: { dim: true } },
      ]);
    }
  }
  return lines;
}
