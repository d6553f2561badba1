import { loadStudyStats } from '../../app/study/study-data.js';
import { toTerminalText } from '../../core/markdown/ansi.js';
import { statsSections } from '../../core/quiz/progress/stats-lines.js';
import { stripControl } from '../../core/text/sanitize.js';
import { UsageError } from '../../app/errors.js';
import { loadAppEntry } from '../app-door.js';
import type { CliContext } from '../context.js';
import { textLayout } from '../format/layout.js';
import { parseCommand } from '../parse-flags.js';
import { studyContext } from '../study-context.js';
import { STATS } from '../table/study-commands.js';

/** `swelearn stats`: what has been studied, what is due, the streak, recall per tag and topic, the weakest items; the app's statistics screen in a terminal. */
export async function runStats(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(STATS, argv);
  if (args.positionals.length > 0) throw new UsageError(`stats takes no arguments, got "${stripControl(args.positionals[0]!)}"`, args.usage);
  const json = args.has('json');
  const nowMs = ctx.environment.clock().now();
  // Output first: in a pipe, stdin is never looked at.
  if (ctx.stdoutIsTTY && ctx.stdinIsTTY && !json) return (await loadAppEntry()).openApp(ctx, { at: 'stats' });
  const { logPath, ...stats } = await loadStudyStats(studyContext(ctx), nowMs);
  if (json) {
    ctx.out(`${JSON.stringify({ log: logPath, generatedAt: new Date(nowMs).toISOString(), ...stats }, null, 2)}\n`);
    return 0;
  }
  const text = statsSections(stats, { ...textLayout(ctx, args.integer('width'), 100), ascii: ctx.environment.ascii })
    .map((section) => toTerminalText([[{ text: section.title, style: { bold: true, colour: 'cyan' } }], ...section.lines.map((line) => [{ text: '  ' }, ...line])], { colour: ctx.color, hyperlinks: false }))
    .join('\n\n');
  ctx.out(`${text}\n`);
  return 0;
}
