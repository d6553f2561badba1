import { isScalar, type Document } from 'yaml';
import { parseDigFlags, type DigOptions } from '../dig/dig-options.js';
import { parseDurationMs } from '../duration.js';
import { validateDomainName } from '../names/domain-name.js';
import type { FileLineError } from '../world/file-error.js';
import { parseResolvConf } from '../world/resolv-conf.js';
import { SUPPORTED_TYPES } from '../world/record-data.js';
import type { RecordType, ResolvConf } from '../world/world.js';
import { readChangeStep } from './session-change.js';
import type { ScheduleEntry } from '../world-config/schedule.js';
import { readYamlDocument } from '../world-config/yaml-document.js';

/** The most steps a session file may hold: enough for any lesson, few enough that a hostile file stays cheap. */
export const MAX_SESSION_STEPS = 500;
// The longest offset or wait: a year outlasts any TTL worth simulating (the same bound as `sim --after`).
const MAX_OFFSET_MS = 365 * 86_400_000;

/** One step of a session: a question (from the glibc stub or dig), a question asked before the run, a change of the client's resolv.conf, a wait, or a change of the world. */
export type SessionStep =
  | { kind: 'ask'; line: number; atMs?: number; name: string; type: RecordType | 'A+AAAA'; dig?: DigOptions }
  | { kind: 'prewarm'; line: number; name: string; type: RecordType; beforeMs: number }
  | { kind: 'resolv-conf'; line: number; atMs?: number; conf: ResolvConf }
  | { kind: 'wait'; line: number; waitMs: number }
  | { kind: 'change'; line: number; atMs: number; entry: ScheduleEntry };

/** A parsed session: its steps in order, every error (file, line, rule) and the resolv.conf warnings. */
export interface SessionFileResult {
  steps: SessionStep[];
  errors: FileLineError[];
  warnings: FileLineError[];
}

const STEP_KEYS: Record<SessionStep['kind'], readonly string[]> = {
  ask: ['ask', 'type', 'client', 'dig', 'at'],
  prewarm: ['prewarm', 'type', 'before'],
  'resolv-conf': ['resolv_conf', 'at'],
  wait: ['wait'],
  change: ['change', 'at'],
};

type Path = (string | number)[];

/** Parses a session file (a YAML list of steps, docs/session-format.md) with the world loader's rules: unknown keys and bad values are errors naming the line. */
export function parseSessionFile(text: string, file: string): SessionFileResult {
  const { parsed, doc, reader, errors } = readYamlDocument(text, file);
  const warnings: FileLineError[] = [];
  if (!parsed) return { steps: [], errors, warnings };
  const data = parsed.data;
  const { lineOf, fail } = reader;
  if (!Array.isArray(data)) {
    fail([], 'a session is a YAML list of steps (- ask: NAME, - prewarm: NAME, - resolv_conf: |, - wait: 30s, - change: {...})');
    return { steps: [], errors, warnings };
  }
  if (data.length > MAX_SESSION_STEPS) fail([MAX_SESSION_STEPS], `a session has at most ${MAX_SESSION_STEPS} steps, this one has ${data.length}`);
  const steps: SessionStep[] = [];
  let lastAtMs = 0;
  data.slice(0, MAX_SESSION_STEPS).forEach((item: unknown, index: number) => {
    const step = readStep(item, index, { fail, lineOf, doc, file, errors, warnings });
    if (!step) return;
    if ('atMs' in step && step.atMs !== undefined) {
      if (step.atMs < lastAtMs) fail([index, 'at'], `at ${step.atMs / 1000} s is before the previous step's at (${lastAtMs / 1000} s): steps run in the order written`);
      lastAtMs = step.atMs;
    }
    steps.push(step);
  });
  if (errors.length === 0 && !steps.some((step) => step.kind === 'ask')) fail([], 'a session needs at least one ask step');
  errors.sort((a, b) => a.line - b.line);
  return { steps: errors.length > 0 ? [] : steps, errors, warnings };
}

interface StepContext {
  fail: (path: Path, message: string) => void;
  lineOf: (path: Path) => number;
  doc: Document;
  file: string;
  errors: FileLineError[];
  warnings: FileLineError[];
}

function readStep(item: unknown, index: number, ctx: StepContext): SessionStep | undefined {
  const { fail } = ctx;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    fail([index], 'each step is a mapping: ask, prewarm, resolv_conf, wait or change, with its options');
    return undefined;
  }
  const fields = item as Record<string, unknown>;
  const kinds = (Object.keys(STEP_KEYS) as SessionStep['kind'][]).filter((kind) => (kind === 'resolv-conf' ? 'resolv_conf' : kind) in fields);
  if (kinds.length !== 1) {
    fail([index], kinds.length === 0 ? `a step needs one of ask, prewarm, resolv_conf, wait or change (got ${Object.keys(fields).join(', ') || 'nothing'})` : `a step does one thing: ${kinds.map((kind) => (kind === 'resolv-conf' ? 'resolv_conf' : kind)).join(' and ')} cannot share a step`);
    return undefined;
  }
  const kind = kinds[0]!;
  let ok = true;
  for (const key of Object.keys(fields)) {
    if (STEP_KEYS[kind].includes(key)) continue;
    fail([index, key], `unknown field '${key}' in a${kind === 'ask' ? 'n ask' : kind === 'resolv-conf' ? ' resolv_conf' : ` ${kind}`} step (known: ${STEP_KEYS[kind].join(', ')})`);
    ok = false;
  }
  const line = ctx.lineOf([index]);
  const atMs = fields.at === undefined ? undefined : readDuration(fields.at, [index, 'at'], 'at', fail);
  if (fields.at !== undefined && atMs === undefined) ok = false;
  const at = atMs === undefined ? {} : { atMs };
  if (kind === 'wait') {
    const waitMs = readDuration(fields.wait, [index, 'wait'], 'wait', fail);
    return ok && waitMs !== undefined ? { kind, line, waitMs } : undefined;
  }
  if (kind === 'prewarm') {
    const warmed = readPrewarm(fields, index, fail);
    return ok && warmed ? { kind, line, ...warmed } : undefined;
  }
  if (kind === 'change') {
    const entry = readChangeStep(fields.change, atMs, index, ctx);
    return ok && entry ? { kind, line, atMs: entry.atMs, entry } : undefined;
  }
  if (kind === 'resolv-conf') {
    const conf = readResolvConf(fields.resolv_conf, [index, 'resolv_conf'], ctx);
    return ok && conf ? { kind, line, ...at, conf } : undefined;
  }
  const asked = readAsk(fields, index, fail);
  return ok && asked ? { kind, line, ...at, ...asked } : undefined;
}

function readAsk(fields: Record<string, unknown>, index: number, fail: StepContext['fail']): { name: string; type: RecordType | 'A+AAAA'; dig?: DigOptions } | undefined {
  if (typeof fields.ask !== 'string') return void fail([index, 'ask'], 'ask takes a domain name, such as www.example.com');
  const name = validateDomainName(fields.ask);
  if (!name.ok) return void fail([index, 'ask'], `invalid name "${fields.ask}": ${name.message} (${name.rule})`);
  const client = fields.client ?? 'stub';
  if (client !== 'stub' && client !== 'dig') return void fail([index, 'client'], `client must be stub or dig, got "${String(client)}"`);
  const typeText = fields.type === undefined ? (client === 'dig' ? 'A' : 'A+AAAA') : String(fields.type).toUpperCase();
  const type: RecordType | 'A+AAAA' | undefined = typeText === 'A+AAAA' ? 'A+AAAA' : (SUPPORTED_TYPES as readonly string[]).includes(typeText) ? (typeText as RecordType) : undefined;
  if (!type) return void fail([index, 'type'], `unknown record type "${String(fields.type)}" (known: ${SUPPORTED_TYPES.join(', ')}, or A+AAAA for getaddrinfo)`);
  const asked = { name: `${name.ascii}${name.absolute ? '.' : ''}`, type };
  if (client === 'stub') {
    if (fields.dig !== undefined) return void fail([index, 'dig'], 'dig options need client: dig');
    return asked;
  }
  if (type === 'A+AAAA') return void fail([index, 'type'], 'dig asks one record type: A+AAAA is what getaddrinfo asks');
  const words = fields.dig === undefined ? [] : typeof fields.dig === 'string' ? fields.dig.trim().split(/\s+/).filter(Boolean) : Array.isArray(fields.dig) && fields.dig.every((word) => typeof word === 'string') ? (fields.dig as string[]) : undefined;
  if (!words) return void fail([index, 'dig'], 'dig takes its +options as one string ("+norec +bufsize=4096") or a list of them');
  const dig = parseDigFlags(words);
  if (!dig.ok) return void fail([index, 'dig'], dig.error);
  return { ...asked, dig: dig.options };
}

// A question the resolver answered `before` the run started: its cache holds the answer at 0, and the trace shows none of it.
function readPrewarm(fields: Record<string, unknown>, index: number, fail: StepContext['fail']): { name: string; type: RecordType; beforeMs: number } | undefined {
  if (typeof fields.prewarm !== 'string') return void fail([index, 'prewarm'], 'prewarm takes a domain name, such as www.example.com');
  const name = validateDomainName(fields.prewarm);
  if (!name.ok) return void fail([index, 'prewarm'], `invalid name "${fields.prewarm}": ${name.message} (${name.rule})`);
  const typeText = fields.type === undefined ? 'A' : String(fields.type).toUpperCase();
  if (!(SUPPORTED_TYPES as readonly string[]).includes(typeText)) return void fail([index, 'type'], `unknown record type "${String(fields.type)}" for prewarm (known: ${SUPPORTED_TYPES.join(', ')}; the resolver is asked one type)`);
  if (fields.before === undefined) return void fail([index], "a prewarm step needs 'before': how long before the start of the session the resolver was asked, such as 1m");
  const beforeMs = readDuration(fields.before, [index, 'before'], 'before', fail);
  if (beforeMs === undefined) return undefined;
  if (beforeMs === 0) return void fail([index, 'before'], 'before must be longer than 0s: a question at 0 is an ask step');
  return { name: name.ascii, type: typeText as RecordType, beforeMs };
}

function readDuration(value: unknown, path: Path, key: string, fail: StepContext['fail']): number | undefined {
  const ms = typeof value === 'string' || typeof value === 'number' ? parseDurationMs(String(value)) : undefined;
  if (ms !== undefined && ms <= MAX_OFFSET_MS) return ms;
  fail(path, `${key} takes a duration from 0s to 365d, such as 40s, 5m or 1h30m, got "${String(value)}"`);
  return undefined;
}

// The text is read as glibc reads resolv.conf; its lines are reported at their place in the session file.
function readResolvConf(value: unknown, path: Path, ctx: StepContext): ResolvConf | undefined {
  if (typeof value !== 'string') return void ctx.fail(path, 'resolv_conf takes the text of a resolv.conf, best as a block (resolv_conf: |)');
  const node = ctx.doc.getIn(path, true);
  const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  const first = ctx.lineOf(path) + (block ? 1 : 0) - 1;
  const parsed = parseResolvConf(value, ctx.file);
  const shift = (problem: FileLineError): FileLineError => ({ ...problem, line: first + problem.line, message: `resolv_conf: ${problem.message}` });
  if (parsed.errors.length > 0) {
    ctx.errors.push(...parsed.errors.map(shift));
    return undefined;
  }
  ctx.warnings.push(...parsed.warnings.map(shift));
  return parsed.conf;
}
