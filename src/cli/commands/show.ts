import { findSection } from '../../core/cards/find-section.js';
import { stripControl } from '../../core/text/sanitize.js';
import { findCardOrBestMatch } from '../../app/cards/find-card.js';
import { renderedCardLines } from '../../app/cards/rendered-card.js';
import type { CliContext } from '../context.js';
import { UsageError, UserError } from '../../app/errors.js';
import { usageOf } from '../help.js';
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
  const found = await findCardOrBestMatch(ctx.cards, wanted);
  if (!found.card) throw new UserError(`no card has id "${wanted}" and none matches it; try swelearn search ${JSON.stringify(wanted)}`);
  const { card } = found;
  if (!found.exact) ctx.err(`swelearn: no card has id "${wanted}"; showing the best match, ${card.id}\n`);
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
  const lines = await renderedCardLines(ctx.environment, card, { width, hyperlinks, ascii: plain, ...(section ? { section: section.name } : {}) });
  const { toTerminalText } = await import('../../core/markdown/ansi.js');
  ctx.out(`${toTerminalText(lines, { colour: ctx.color && !plain, hyperlinks })}\n`);
  return 0;
}
