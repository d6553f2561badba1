import { planRun, runPlan } from '../../app/simulator/plan-run.js';
import { openSimulatorWorld } from '../../app/simulator/load-world.js';
import { readResolvConfFile } from '../../app/simulator/resolv-conf-file.js';
import { parseQueryType, type QueryType, type SimRequest } from '../../app/simulator/sim-request.js';
import { validateDomainName } from '../../core/dns-sim/names/domain-name.js';
import { parseDurationMs } from '../../core/dns-sim/duration.js';
import { formatTraceText } from '../../core/dns-sim/report/format-trace.js';
import { formatTraceJson, toTraceDocument } from '../../core/dns-sim/report/trace-json.js';
import { SUPPORTED_TYPES } from '../../core/dns-sim/world/record-data.js';
import type { PersonalityId } from '../../core/dns-sim/personalities/index.js';
import { findScenario, SCENARIOS, type Scenario } from '../../core/dns-sim/scenarios/scenarios.js';
import type { ResolvConf } from '../../core/dns-sim/world/world.js';
import { stripControl } from '../../core/text/sanitize.js';
import { closestMatch } from '../../core/text/suggest.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { textLayout } from '../format/layout.js';
import { parseCommand, type ParsedCommand } from '../parse-flags.js';
import { SIM } from '../table/sim-commands.js';
import { digType, readClient } from './sim-client.js';
import { printComparison } from './sim-compare.js';

// A year between two questions outlasts any TTL worth simulating.
const MAX_AFTER_MS = 365 * 86_400_000;

/** `swelearn sim`: simulates a DNS resolution on a virtual clock and prints the trace as text or JSON. */
export async function runSim(argv: string[], ctx: CliContext): Promise<number> {
  if (argv.some((arg) => arg === '--workload' || arg.startsWith('--workload='))) return (await import('./sim-workload.js')).runSimWorkload(argv, ctx);
  const args = parseCommand(SIM, argv);
  const { usage } = args;
  if (args.has('list')) return listScenarios(ctx, args.has('json'));
  const { names: positionals, dig } = readClient(args.choice('client'), args.positionals, usage);
  if (args.text('session') !== undefined) return (await import('./sim-session.js')).runSimSession(args, positionals, ctx);
  if (dig && args.text('scenario') !== undefined) throw new UsageError("--client dig asks one question of its own: it does not run a scenario's questions", usage);
  if (positionals.length > 1) throw new UsageError(`sim takes one name, got ${positionals.length}: ${stripControl(positionals.join(' '))}`, usage);
  const scenario = readScenario(args.text('scenario'), usage);
  const input = positionals[0] ?? scenario?.query.name;
  if (input === undefined) throw new UsageError('sim needs a name to resolve, or --scenario ID', usage);
  const name = validateDomainName(input);
  if (!name.ok) throw new UsageError(`invalid name "${stripControl(input)}": ${name.message}`, usage);
  const type = dig ? digType(args.text('type') === undefined ? undefined : readType(args.text('type'), scenario, usage), usage) : readType(args.text('type'), scenario, usage);
  const seed = args.integer('seed');
  const repeat = args.integer('repeat');
  const after = args.text('after');
  const afterMs = after === undefined ? undefined : parseDurationMs(after);
  if (after !== undefined && !(afterMs !== undefined && afterMs <= MAX_AFTER_MS)) throw new UsageError(`--after takes a duration from 0s to 365d, such as 30s, 5m or 1h, got "${stripControl(after)}"`, usage);
  const resolvConfPath = args.text('resolv-conf');
  const resolvConf = resolvConfPath === undefined ? undefined : await readResolvConf(resolvConfPath, ctx, usage);
  const personality = readPersonality(args);
  const worldDir = args.text('world');

  const { world, takeNewWarnings } = await openSimulatorWorld(ctx.environment, worldDir);
  const query = { name: `${name.ascii}${name.absolute ? '.' : ''}`, type };
  const request: SimRequest = {
    source: scenario ? { kind: 'scenario', id: scenario.id, query } : { kind: 'custom', name: input, type },
    ...(seed !== undefined ? { seed } : {}),
    ...(repeat !== undefined ? { repeat } : {}),
    ...(afterMs !== undefined ? { afterMs } : {}),
    ...(resolvConf ? { resolvConf } : {}),
    ...(args.has('browser-cache') ? { browserCache: true } : {}),
    ...(args.has('os-cache') ? { osCache: true } : {}),
    ...(dig ? { dig } : {}),
    whatIf: { downServers: [], upServers: [], ttl: [], askAgainAfterMs: [], ...(personality ? { personality } : {}), ...(args.has('no-qname-minimisation') ? { qnameMinimisation: false } : {}) },
  };
  const plan = planRun(world, request);
  if ('error' in plan) throw new UsageError(`invalid name "${stripControl(input)}": ${plan.error}`, usage);
  if (args.has('compare')) return printComparison(ctx, plan, args.has('json'), textLayout(ctx, args.integer('width')).width);
  const result = runPlan(plan);
  if (args.has('json')) {
    ctx.out(formatTraceJson(toTraceDocument(result, plan.query, scenario ? { id: scenario.id, title: scenario.title, cardId: scenario.cardId, ...(scenario.resolverNotes?.[result.resolverModel.id] ? { resolverNote: scenario.resolverNotes[result.resolverModel.id] } : {}) } : null)));
    return 0;
  }
  ctx.out(formatTraceText(result, plan.heading, { color: ctx.color, hex: args.has('hex') }));
  // Once for each version of a world folder: a copied world's warnings are known after the first run.
  const warnings = worldDir === undefined ? [] : takeNewWarnings();
  for (const warning of warnings) ctx.err(`swelearn: world warning: ${stripControl(warning.message)}\n`);
  if (warnings.length > 0) ctx.err('swelearn: (world warnings are shown once, and again after the world folder changes)\n');
  return 0;
}

function readPersonality(args: ParsedCommand<typeof SIM>): PersonalityId | undefined {
  const resolver = args.choice('resolver');
  if (resolver !== undefined && args.has('compare')) throw new UsageError('--compare runs every resolver; leave out --resolver', args.usage);
  return resolver;
}

function readScenario(id: string | undefined, usage: string): Scenario | undefined {
  if (id === undefined) return undefined;
  const scenario = findScenario(id);
  if (scenario) return scenario;
  const near = closestMatch(id, SCENARIOS.map((known) => known.id));
  throw new UsageError(`unknown scenario "${stripControl(id)}" (${near ? `did you mean ${near}? ` : ''}swelearn sim --list shows them)`, usage);
}

function listScenarios(ctx: CliContext, json: boolean): number {
  if (json) {
    const list = SCENARIOS.map(({ id, title, cardId, description, resolverNotes }) => ({ id, title, cardId, description, ...(resolverNotes ? { resolverNotes } : {}) }));
    ctx.out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...SCENARIOS.map((scenario) => scenario.id.length));
  for (const scenario of SCENARIOS) ctx.out(`${scenario.id.padEnd(width)}  ${scenario.title}  (card ${scenario.cardId})\n`);
  return 0;
}

function readType(value: string | undefined, scenario: Scenario | undefined, usage: string): QueryType {
  // Without --type: the scenario's question type, else what an application asks (getaddrinfo: A and AAAA).
  if (value === undefined) return scenario?.query.type ?? 'A+AAAA';
  const type = parseQueryType(value);
  if (type) return type;
  throw new UsageError(`unknown record type "${stripControl(value)}" (known: ${SUPPORTED_TYPES.join(', ')}, or A+AAAA for getaddrinfo)`, usage);
}

async function readResolvConf(path: string, ctx: CliContext, usage: string): Promise<ResolvConf> {
  const file = await readResolvConfFile(ctx.environment, path);
  if (!file.ok) throw new UsageError(file.error, usage);
  for (const warning of file.warnings) ctx.err(`swelearn: ${warning}\n`);
  return file.conf;
}
