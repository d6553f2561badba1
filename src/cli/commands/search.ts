import { formatMinutes } from '../../core/cards/duration.js';
import { toTerminalText } from '../../core/markdown/ansi.js';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import { displayWidth, wrapSegments } from '../../core/markdown/wrap.js';
import type { SearchResult } from '../../core/search/search.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { cardSummaryJson } from '../format/card-meta.js';
import { textLayout, type Layout } from '../format/layout.js';
import { snippetSegments } from '../format/snippet-line.js';
import { fitColumn } from '../format/table-text.js';
import { parseCommand } from '../parse-flags.js';
import { SEARCH } from '../table/card-commands.js';

/** `swelearn search <query>`: ranked cards with the matching section and a highlighted snippet; exit 1 when none matches. */
export async function runSearch(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(SEARCH, argv);
  const query = stripControl(args.positionals.join(' ')).trim();
  if (!query) throw new UsageError('search needs a query, e.g. swelearn search "negative caching"', args.usage);
  const limit = args.integer('limit') ?? 10;
  const results = await ctx.cards.search(query, { limit, tag: args.text('tag'), difficulty: args.choice('difficulty'), topic: args.text('topic') });
  if (args.has('json')) {
    ctx.out(`${JSON.stringify({ query, results: results.map(resultJson) }, null, 2)}\n`);
    return results.length === 0 ? 1 : 0;
  }
  if (results.length === 0) {
    ctx.err(`No card matches "${query}".\n`);
    return 1;
  }
  const layout = textLayout(ctx, args.integer('width'));
  const lines = results.flatMap((result, index) => resultLines(result, index, layout));
  if (ctx.stdoutIsTTY) {
    const [first] = results;
    lines.push([{ text: `Read it: swelearn show ${first!.card.id} --section ${JSON.stringify(first!.section.name)}`, style: { dim: true } }]);
  }
  ctx.out(`${toTerminalText(lines, { colour: ctx.color, hyperlinks: false })}\n`);
  return 0;
}

function resultLines(result: SearchResult, index: number, layout: Layout): StyledLine[] {
  const number = `${index + 1}.`.padEnd(4);
  const { card } = result;
  const room = layout.width - number.length - card.id.length - 2;
  const title = !layout.cut || displayWidth(card.title) <= room ? card.title : fitColumn(card.title, Math.max(10, room));
  const lines: StyledLine[] = [
    [{ text: number, style: { dim: true } }, { text: title, style: { bold: true } }, { text: `  ${card.id}`, style: { colour: 'yellow' } }],
    [{ text: '    ' }, { text: `§ ${result.section.name}`, style: { colour: 'cyan' } }, { text: ` · ${card.topic} · ${card.difficulty} · ${formatMinutes(card.estimatedMinutes)}`, style: { dim: true } }],
  ];
  for (const line of wrapSegments(snippetSegments(result.snippet), layout.width - 4)) lines.push([{ text: '    ' }, ...line]);
  lines.push([]);
  return lines;
}

function resultJson(result: SearchResult) {
  return { ...cardSummaryJson(result.card), score: result.score, matchedIn: result.matchedIn, section: result.section, snippet: result.snippet };
}
