import { comparePersonalities, planRun, runPlan, type PlannedRun } from '../../app/simulator/plan-run.js';
import { loadSimulatorWorld } from '../../app/simulator/load-world.js';
import { readResolvConfFile } from '../../app/simulator/resolv-conf-file.js';
import { parseQueryType, type QueryType, type SimRequest } from '../../app/simulator/sim-request.js';
import { validateDomainName } from '../../core/dns-sim/names/domain-name.js';
import { parseDurationMs } from '../../core/dns-sim/duration.js';
import { formatCompareText, summariseRun } from '../../core/dns-sim/report/format-compare.js';
import { formatTraceText } from '../../core/dns-sim/report/format-trace.js';
import { formatTraceJson, toTraceDocument } from '../../core/dns-sim/report/trace-json.js';
import { SUPPORTED_TYPES } from '../../core/dns-sim/world/record-data.js';
import { PERSONALITIES, type PersonalityId } from '../../core/dns-sim/personalities/index.js';
import { findScenario, SCENARIOS, type Scenario } from '../../core/dns-sim/scenarios/scenarios.js';
import type { ResolvConf } from '../../core/dns-sim/world/world.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { usageOf } from '../help.js';
import { oneOf, parseFlags } from '../parse-flags.js';

const PERSONALITY_IDS = PERSONALITIES.map((personality) => personality.id);

const FLAGS = {
  type: { type: 'string' },
  scenario: { type: 'string' },
  world: { type: 'string' },
  'resolv-conf': { type: 'string' },
  'no-qname-minimisation': { type: 'boolean' },
  seed: { type: 'string' },
  repeat: { type: 'string' },
  after: { type: 'string' },
  json: { type: 'boolean' },
  hex: { type: 'boolean' },
  list: { type: 'boolean' },
  resolver: { type: 'string' },
  compare: { type: 'boolean' },
  'browser-cache': { type: 'boolean' },
  'os-cache': { type: 'boolean' },
} as const;

const MAX_REPEAT = 100;

/** `swelearn sim`: simulates a DNS resolution on a virtual clock and prints the trace as text or JSON. */
export async function runSim(argv: string[], ctx: CliContext): Promise<number> {
  if (argv.some((arg) => arg === '--workload' || arg.startsWith('--workload='))) return (await import('./sim-workload.js')).runSimWorkload(argv, ctx);
  const usage = usageOf('sim');
  const { values, positionals } = parseFlags(argv, FLAGS, usage);
  if (values.list) return listScenarios(ctx, values.json === true);
  if (positionals.length > 1) throw new UsageError(`sim takes one name, got ${positionals.length}: ${positionals.join(' ')}`, usage);
  const scenario = values.scenario === undefined ? undefined : findScenario(values.scenario);
  if (values.scenario !== undefined && !scenario) throw new UsageError(`unknown scenario "${values.scenario}" (swelearn sim --list shows them)`, usage);
  const input = positionals[0] ?? scenario?.query.name;
  if (input === undefined) throw new UsageError('sim needs a name to resolve, or --scenario ID', usage);
  const name = validateDomainName(input);
  if (!name.ok) throw new UsageError(`invalid name "${input}": ${name.message}`, usage);
  const type = readType(values.type, scenario, usage);
  const seed = readInteger(values.seed, '--seed', 0, 2 ** 31 - 1, usage);
  const repeat = readInteger(values.repeat, '--repeat', 1, MAX_REPEAT, usage);
  const afterMs = values.after === undefined ? undefined : parseDurationMs(values.after);
  if (values.after !== undefined && afterMs === undefined) throw new UsageError(`--after takes a duration such as 30s, 5m or 1h, got "${values.after}"`, usage);
  const resolvConf = values['resolv-conf'] === undefined ? undefined : await readResolvConf(values['resolv-conf'], ctx, usage);
  const personality = readPersonality(values, usage);

  const world = await loadSimulatorWorld(ctx.environment, values.world);
  const query = { name: `${name.ascii}${name.absolute ? '.' : ''}`, type };
  const request: SimRequest = {
    source: scenario ? { kind: 'scenario', id: scenario.id, query } : { kind: 'custom', name: input, type },
    ...(seed !== undefined ? { seed } : {}),
    ...(repeat !== undefined ? { repeat } : {}),
    ...(afterMs !== undefined ? { afterMs } : {}),
    ...(resolvConf ? { resolvConf } : {}),
    ...(values['browser-cache'] ? { browserCache: true } : {}),
    ...(values['os-cache'] ? { osCache: true } : {}),
    whatIf: { downServers: [], upServers: [], ttl: [], askAgainAfterMs: [], ...(personality ? { personality } : {}), ...(values['no-qname-minimisation'] ? { qnameMinimisation: false } : {}) },
  };
  const plan = planRun(world, request);
  if ('error' in plan) throw new UsageError(`invalid name "${input}": ${plan.error}`, usage);
  if (values.compare) return printComparison(ctx, plan, values.json === true);
  const result = runPlan(plan);
  if (values.json) {
    ctx.out(formatTraceJson(toTraceDocument(result, plan.query, scenario ? { id: scenario.id, title: scenario.title, cardId: scenario.cardId } : null)));
    return 0;
  }
  ctx.out(formatTraceText(result, plan.heading, { color: ctx.color, hex: values.hex === true }));
  if (values.world !== undefined) for (const warning of world.warnings) ctx.err(`swelearn: world warning: ${warning.message}\n`);
  return 0;
}

// `--compare`: the same question, seed and world under every resolver personality.
function printComparison(ctx: CliContext, plan: PlannedRun, json: boolean): number {
  const runs = comparePersonalities(plan);
  if (json) {
    const document = {
      version: 1, kind: 'swelearn-sim-compare', query: plan.heading.query, seed: plan.seed,
      runs: runs.map(({ result }) => ({ resolverModel: result.resolverModel, ...summariseRun(result), outcomes: result.outcomes })),
    };
    ctx.out(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  }
  ctx.out(formatCompareText(plan.heading.query, runs, { color: ctx.color, width: ctx.width }));
  return 0;
}

function readPersonality(values: { resolver?: string | undefined; compare?: boolean | undefined }, usage: string): PersonalityId | undefined {
  if (values.resolver !== undefined && values.compare) throw new UsageError('--compare runs every resolver; leave out --resolver', usage);
  return oneOf(values.resolver, PERSONALITY_IDS, '--resolver', usage) as PersonalityId | undefined;
}

function listScenarios(ctx: CliContext, json: boolean): number {
  if (json) {
    const list = SCENARIOS.map(({ id, title, cardId, description }) => ({ id, title, cardId, description }));
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
  throw new UsageError(`unknown record type "${value}" (known: ${SUPPORTED_TYPES.join(', ')}, or A+AAAA for getaddrinfo)`, usage);
}

function readInteger(value: string | undefined, flag: string, min: number, max: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, got "${value}"`, usage);
  return Number(value);
}

async function readResolvConf(path: string, ctx: CliContext, usage: string): Promise<ResolvConf> {
  const file = await readResolvConfFile(ctx.environment, path);
  if (!file.ok) throw new UsageError(file.error, usage);
  for (const warning of file.warnings) ctx.err(`swelearn: ${warning}\n`);
  return file.conf;
}
