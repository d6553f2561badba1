import type { Card } from '../../core/cards/types.js';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import { readRenderedLines, renderKey, writeRenderedLines, type RenderLayout } from '../../io/render-cache.js';
import { findSection } from '../../core/cards/find-section.js';
import { resolveDataPaths } from '../../io/data-paths.js';
import { loadSearchIndex } from '../../io/search-index-cache.js';
import { searchCards } from '../../core/search/search.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { usageOf } from '../help.js';
import { loadCardsForCommand } from '../load.js';
import { parseFlags, positiveInteger } from '../parse-flags.js';

const READING_WIDTH = 100;

/** `swelearn show <id or query>`: a card rendered for the terminal, whole or one section. */
export async function runShow(argv: string[], ctx: CliContext): Promise<number> {
  const usage = usageOf('show');
  const { values, positionals } = parseFlags(
    argv,
    { section: { type: 'string' }, plain: { type: 'boolean' }, width: { type: 'string' }, json: { type: 'boolean' } },
    usage,
  );
  const wanted = stripControl(positionals.join(' ')).trim();
  if (!wanted) throw new UsageError('show needs a card id or a search query, e.g. swelearn show negative-caching', usage);
  const { cards } = await loadCardsForCommand(ctx);
  const card = findCard(cards, wanted, ctx);
  const section = values.section === undefined ? undefined : findSection(card, values.section);
  if (values.section !== undefined && !section) {
    throw new UsageError(`card "${card.id}" has no section like "${values.section}"; it has: ${card.sections.map((s) => s.name).join(', ')}`, usage);
  }
  if (values.json) {
    ctx.out(`${JSON.stringify(section ? { ...card, sections: [section] } : card, null, 2)}\n`);
    return 0;
  }
  const width = positiveInteger(values.width, '--width', usage) ?? Math.min(ctx.width, READING_WIDTH);
  const plain = Boolean(values.plain);
  const hyperlinks = ctx.hyperlinks && !plain;
  const lines = await renderedLines(card, { width, hyperlinks, ascii: plain, ...(section ? { section: section.name } : {}) }, resolveDataPaths(ctx.env).cache);
  const { toTerminalText } = await import('../../core/markdown/ansi.js');
  ctx.out(`${toTerminalText(lines, { colour: ctx.color && !plain, hyperlinks })}\n`);
  return 0;
}

// A card is rendered once per layout and build; the renderer (marked, highlight.js) loads only then.
async function renderedLines(card: Card, layout: RenderLayout, cacheDir: string): Promise<StyledLine[]> {
  const key = renderKey(card, layout);
  const cached = key === undefined ? undefined : readRenderedLines(cacheDir, card, key);
  if (cached) return cached;
  const { renderCard } = await import('../../core/markdown/render-card.js');
  const sections = layout.section === undefined ? undefined : card.sections.filter((section) => section.name === layout.section);
  const { lines } = renderCard(card, { width: layout.width, hyperlinks: layout.hyperlinks, ascii: layout.ascii, ...(sections ? { sections } : {}) });
  if (key !== undefined) writeRenderedLines(cacheDir, card, key, lines);
  return lines;
}

function findCard(cards: Card[], wanted: string, ctx: CliContext): Card {
  const exact = cards.find((card) => card.id === wanted.toLowerCase());
  if (exact) return exact;
  const [best] = searchCards(loadSearchIndex(cards, resolveDataPaths(ctx.env).cache), wanted, { limit: 1 });
  if (!best) throw new UserError(`no card has id "${wanted}" and none matches it; try swelearn search ${JSON.stringify(wanted)}`);
  ctx.err(`swelearn: no card has id "${wanted}"; showing the best match, ${best.card.id}\n`);
  return best.card;
}
