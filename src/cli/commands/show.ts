import { findSection } from '../../core/cards/find-section.js';
import { stripControl } from '../../core/text/sanitize.js';
import { findCardOrBestMatch } from '../../app/cards/find-card.js';
import { renderedCardLines } from '../../app/cards/rendered-card.js';
import type { CliContext } from '../context.js';
import { UsageError, UserError } from '../../app/errors.js';
import { textLayout } from '../format/layout.js';
import { runPager, shouldPage } from '../pager.js';
import { parseCommand } from '../parse-flags.js';
import { SHOW } from '../table/card-commands.js';

const READING_WIDTH = 100;

/** `swelearn show <id or query>`: a card rendered for the terminal, whole or one section. */
export async function runShow(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(SHOW, argv);
  const wanted = stripControl(args.positionals.join(' ')).trim();
  if (!wanted) throw new UsageError('show needs a card id or a search query, e.g. swelearn show negative-caching', args.usage);
  const found = await findCardOrBestMatch(ctx.cards, wanted);
  if (!found.card) throw new UserError(`no card has id "${wanted}" and none matches it; try swelearn search ${JSON.stringify(wanted)}`);
  const { card } = found;
  if (!found.exact) ctx.err(`swelearn: no card has id "${wanted}"; showing the best match, ${card.id}\n`);
  const sectionName = args.text('section');
  const section = sectionName === undefined ? undefined : findSection(card, sectionName);
  if (sectionName !== undefined && !section) {
    throw new UsageError(`card "${card.id}" has no section like "${stripControl(sectionName)}"; it has: ${card.sections.map((s) => s.name).join(', ')}`, args.usage);
  }
  if (args.has('json')) {
    ctx.out(`${JSON.stringify(section ? { ...card, sections: [section] } : card, null, 2)}\n`);
    return 0;
  }
  const { width } = textLayout(ctx, args.integer('width'), READING_WIDTH);
  const plain = args.has('plain');
  const hyperlinks = ctx.hyperlinks && !plain;
  const lines = await renderedCardLines(ctx.environment, card, { width, hyperlinks, ascii: plain, ...(section ? { section: section.name } : {}) });
  const { toTerminalText } = await import('../../core/markdown/ansi.js');
  const text = `${toTerminalText(lines, { colour: ctx.color && !plain, hyperlinks })}\n`;
  const pager = shouldPage({ stdoutIsTTY: ctx.stdoutIsTTY, rows: ctx.rows, lines: lines.length, json: false, noPager: args.has('no-pager') }) ? ctx.environment.pager() : undefined;
  if (!pager || !(await runPager(text, pager))) ctx.out(text);
  return 0;
}
