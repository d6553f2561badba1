import type { Difficulty } from '../../core/cards/types.js';
import { formatMinutes } from '../../core/cards/duration.js';
import { toTerminalText } from '../../core/markdown/ansi.js';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import { displayWidth, wrapSegments } from '../../core/markdown/wrap.js';
import type { SearchResult } from '../../core/search/search.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { cardSummaryJson } from '../format/card-meta.js';
import { snippetSegments } from '../format/snippet-line.js';
import { fitColumn } from '../format/table-text.js';
import { usageOf } from '../help.js';
import { oneOf, parseFlags, positiveInteger } from '../parse-flags.js';

/** `swelearn search <query>`: ranked cards with the matching section and a highlighted snippet. */
export async function runSearch(argv: string[], ctx: CliContext): Promise<number> {
  const usage = usageOf('search');
  const { values, positionals } = parseFlags(
    argv,
    { limit: { type: 'string' }, tag: { type: 'string' }, difficulty: { type: 'string' }, topic: { type: 'string' }, json: { type: 'boolean' } },
    usage,
  );
  const query = stripControl(positionals.join(' ')).trim();
  if (!query) throw new UsageError('search needs a query, e.g. swelearn search "negative caching"', usage);
  const limit = positiveInteger(values.limit, '--limit', usage) ?? 10;
  const difficulty = oneOf(values.difficulty, ['easy', 'medium', 'hard'] as Difficulty[], '--difficulty', usage);
  const results = await ctx.cards.search(query, { limit, tag: values.tag, difficulty, topic: values.topic });
  if (values.json) {
    ctx.out(`${JSON.stringify({ query, results: results.map(resultJson) }, null, 2)}\n`);
    return 0;
  }
  if (results.length === 0) {
    ctx.out(`No card matches "${query}".\n`);
    return 0;
  }
  const lines = results.flatMap((result, index) => resultLines(result, index, ctx.width));
  if (ctx.stdoutIsTTY) {
    const [first] = results;
    lines.push([{ text: `Read it: swelearn show ${first!.card.id} --section ${JSON.stringify(first!.section.name)}`, style: { dim: true } }]);
  }
  ctx.out(`${toTerminalText(lines, { colour: ctx.color, hyperlinks: false })}\n`);
  return 0;
}

function resultLines(result: SearchResult, index: number, width: number): StyledLine[] {
  const number = `${index + 1}.`.padEnd(4);
  const { card } = result;
  const lines: StyledLine[] = [
    [{ text: number, style: { dim: true } }, { text: fitTitle(card.title, width - number.length - card.id.length - 2), style: { bold: true } }, { text: `  ${card.id}`, style: { colour: 'yellow' } }],
    [{ text: '    ' }, { text: `§ ${result.section.name}`, style: { colour: 'cyan' } }, { text: ` · ${card.topic} · ${card.difficulty} · ${formatMinutes(card.estimatedMinutes)}`, style: { dim: true } }],
  ];
  for (const line of wrapSegments(snippetSegments(result.snippet), width - 4)) lines.push([{ text: '    ' }, ...line]);
  if (index >= 0) lines.push([]);
  return lines;
}

function fitTitle(title: string, room: number): string {
  return displayWidth(title) <= room ? title : fitColumn(title, Math.max(10, room));
}

function resultJson(result: SearchResult) {
  return { ...cardSummaryJson(result.card), score: result.score, matchedIn: result.matchedIn, section: result.section, snippet: result.snippet };
}
