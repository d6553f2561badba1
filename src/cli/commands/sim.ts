import { validateDomainName } from '../../core/dns-sim/names/domain-name.js';
import { parseDurationMs } from '../../core/dns-sim/duration.js';
import { formatTraceText } from '../../core/dns-sim/report/format-trace.js';
import { SUPPORTED_TYPES } from '../../core/dns-sim/world/record-data.js';
import { parseResolvConf } from '../../core/dns-sim/world/resolv-conf.js';
import { CHROME_HOST_CACHE } from '../../core/dns-sim/stub/browser-cache.js';
import { PERSONALITIES, type PersonalityId } from '../../core/dns-sim/personalities/index.js';
import { clientOptions, findScenario, scenarioRun, SCENARIOS, type ClientOverrides, type Scenario } from '../../core/dns-sim/scenarios/scenarios.js';
import { repeatedQueries, simulateSession, type SessionQuery, type SimulationOptions } from '../../core/dns-sim/simulate.js';
import type { StubQuery } from '../../core/dns-sim/stub/stub.js';
import { formatTraceJson, toTraceDocument } from '../../core/dns-sim/report/trace-json.js';
import type { RecordType, ResolvConf, World } from '../../core/dns-sim/world/world.js';
import { readTextFile } from '../../io/read-text-file.js';
import { loadSimulatorWorld } from '../../app/simulator/load-world.js';
import type { CliContext } from '../context.js';
import { UsageError, UserError } from '../../app/errors.js';
import { usageOf } from '../help.js';
import { oneOf, parseFlags } from '../parse-flags.js';
import { printComparison } from './sim-compare.js';

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

/** The seed used when neither --seed nor a scenario gives one, so plain runs are reproducible. */
const DEFAULT_SEED = 1;
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
  const client = readClientFlags(values, usage);

  const world = await loadSimulatorWorld(ctx.environment, values.world);
  const query: StubQuery = { name: `${name.ascii}${name.absolute ? '.' : ''}`, type };
  const overrides = {
    query,
    ...(seed !== undefined ? { seed } : {}),
    ...(repeat !== undefined ? { repeat } : {}),
    ...(afterMs !== undefined ? { afterMs } : {}),
    ...(resolvConf ? { resolvConf } : {}),
    ...(values['no-qname-minimisation'] ? { qnameMinimisation: false } : {}),
    ...client,
  };
  let run: { queries: SessionQuery[]; options: SimulationOptions; seed: number };
  if (scenario) run = scenarioRun(scenario, world, overrides);
  else {
    const options: SimulationOptions = { ...clientOptions(client) };
    if (resolvConf) options.resolvConf = resolvConf;
    if (values['no-qname-minimisation']) options.resolver = { qnameMinimisation: false };
    run = { queries: repeatedQueries(query, repeat ?? 1, afterMs ?? 0), options, seed: seed ?? DEFAULT_SEED };
  }
  const shown = name.unicode !== name.ascii ? `${name.unicode} (${name.ascii})` : name.ascii;
  if (values.compare) return printComparison(ctx, world, run, `${shown}${name.absolute ? '.' : ''} ${type}`, values.json === true);
  const result = simulateSession(world, run.queries, run.options, run.seed);
  if (values.json) {
    const queryInfo = { input, ascii: query.name, unicode: `${name.unicode}${name.absolute ? '.' : ''}`, type };
    ctx.out(formatTraceJson(toTraceDocument(result, queryInfo, scenario ? { id: scenario.id, title: scenario.title, cardId: scenario.cardId } : null)));
    return 0;
  }
  const heading = { query: `${shown}${name.absolute ? '.' : ''} ${type}`, ...(scenario ? { scenario } : {}) };
  ctx.out(formatTraceText(result, heading, { color: ctx.color, hex: values.hex === true }));
  if (values.world !== undefined) for (const warning of world.warnings) ctx.err(`swelearn: world warning: ${warning.message}\n`);
  return 0;
}

function readClientFlags(values: { resolver?: string | undefined; compare?: boolean | undefined; 'browser-cache'?: boolean | undefined; 'os-cache'?: boolean | undefined }, usage: string): ClientOverrides {
  if (values.resolver !== undefined && values.compare) throw new UsageError('--compare runs every resolver; leave out --resolver', usage);
  const personality = oneOf(values.resolver, PERSONALITY_IDS, '--resolver', usage);
  return {
    ...(personality ? { personality: personality as PersonalityId } : {}),
    ...(values['browser-cache'] ? { browserCache: CHROME_HOST_CACHE } : {}),
    ...(values['os-cache'] ? { osCache: true } : {}),
  };
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

function readType(value: string | undefined, scenario: Scenario | undefined, usage: string): RecordType | 'A+AAAA' {
  // Without --type: the scenario's question type, else what an application asks (getaddrinfo: A and AAAA).
  if (value === undefined) return scenario?.query.type ?? 'A+AAAA';
  const upper = value.toUpperCase();
  if (upper === 'A+AAAA' || upper === 'ADDRS') return 'A+AAAA';
  if ((SUPPORTED_TYPES as readonly string[]).includes(upper)) return upper as RecordType;
  throw new UsageError(`unknown record type "${value}" (known: ${SUPPORTED_TYPES.join(', ')}, or A+AAAA for getaddrinfo)`, usage);
}

function readInteger(value: string | undefined, flag: string, min: number, max: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, got "${value}"`, usage);
  return Number(value);
}

async function readResolvConf(path: string, ctx: CliContext, usage: string): Promise<ResolvConf> {
  const file = await readTextFile(ctx.environment.resolvePath(path));
  if (!file.ok) throw new UserError(file.message);
  const parsed = parseResolvConf(file.text, path);
  const first = parsed.errors[0];
  if (first) throw new UsageError(`${first.file}:${first.line}: ${first.message}`, usage);
  for (const warning of parsed.warnings) ctx.err(`swelearn: ${warning.file}:${warning.line}: ${warning.message}\n`);
  return parsed.conf;
}

