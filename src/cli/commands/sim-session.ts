import { runPlan } from '../../app/simulator/plan-run.js';
import { loadSession, openSessionWorld, planSession } from '../../app/simulator/plan-session.js';
import { readResolvConfFile } from '../../app/simulator/resolv-conf-file.js';
import { formatTraceText } from '../../core/dns-sim/report/format-trace.js';
import { formatTraceJson, toTraceDocument } from '../../core/dns-sim/report/trace-json.js';
import { stripControl } from '../../core/text/sanitize.js';
import { UsageError } from '../../app/errors.js';
import type { CliContext } from '../context.js';
import { textLayout } from '../format/layout.js';
import type { ParsedCommand } from '../parse-flags.js';
import type { SIM } from '../table/sim-commands.js';
import { loadAppEntry } from '../app-door.js';
import { printComparison } from './sim-compare.js';

// The flags that ask one question, or another kind of run: a session has its own questions.
const NOT_WITH_SESSION = ['scenario', 'type', 'repeat', 'after', 'browser-cache', 'os-cache', 'client'] as const;

/** `swelearn sim --session FILE`: runs the session's steps on one clock and prints one trace, as text or JSON. */
export async function runSimSession(args: ParsedCommand<typeof SIM>, names: string[], ctx: CliContext): Promise<number> {
  const { usage } = args;
  if (names.length > 0) throw new UsageError(`--session asks the session's own questions: leave out "${stripControl(names[0]!)}"`, usage);
  const clash = NOT_WITH_SESSION.find((flag) => args.text(flag) !== undefined || args.has(flag));
  if (clash) throw new UsageError(`--session and --${clash} do not go together: the session file says what is asked, by which client and when`, usage);
  const resolver = args.choice('resolver');
  if (resolver !== undefined && args.has('compare')) throw new UsageError('--compare runs every resolver; leave out --resolver', usage);
  const loaded = await loadSession(ctx.environment, args.text('session')!);
  for (const warning of loaded.warnings) ctx.err(`swelearn: ${warning}\n`);
  const confPath = args.text('resolv-conf');
  const conf = confPath === undefined ? undefined : await readResolvConfFile(ctx.environment, confPath);
  if (conf && !conf.ok) throw new UsageError(conf.error, usage);
  const { world, session } = await openSessionWorld(ctx.environment, loaded, args.text('world'));
  const seed = args.integer('seed');
  const whatIf = { downServers: [], upServers: [], ttl: [], askAgainAfterMs: [], ...(resolver ? { personality: resolver } : {}), ...(args.has('no-qname-minimisation') ? { qnameMinimisation: false } : {}) };
  // Planned before the app opens, so a change step the world refuses (an unknown server, a zone swap's bad file) is an error here, not in the screen.
  const plan = planSession(world, session, { ...(seed !== undefined ? { seed } : {}), ...(conf?.ok ? { resolvConf: conf.conf } : {}), whatIf });
  // In a terminal the session plays in the simulator screen; a pipe, --json, --compare and --hex get the text.
  if (ctx.stdinIsTTY && ctx.stdoutIsTTY && !args.has('json') && !args.has('compare') && !args.has('hex')) {
    const source = { kind: 'session' as const, session, ...(conf?.ok ? { resolvConf: conf.conf } : {}) };
    return (await loadAppEntry()).openApp(ctx, { at: 'simulator', world, source, ...(seed !== undefined ? { seed } : {}), whatIf });
  }
  if (args.has('compare')) return printComparison(ctx, plan, args.has('json'), textLayout(ctx, args.integer('width')).width);
  const result = runPlan(plan);
  if (args.has('json')) ctx.out(formatTraceJson(toTraceDocument(result, plan.query, null, plan.session)));
  else ctx.out(formatTraceText(result, plan.heading, { color: ctx.color, hex: args.has('hex') }));
  return 0;
}
