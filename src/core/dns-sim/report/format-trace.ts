import { formatDigOutput } from '../dig/format-dig.js';
import type { ResolutionEvent } from '../events.js';
import type { QueryOutcome } from '../outcome.js';
import type { MessageView, RecordView } from '../wire/message-view.js';
import { clean, makeStyle, showDuration, showName, type Style } from './format-style.js';
import type { SimulationResult } from '../simulation-types.js';
import { groupDigits } from '../../text/group-digits.js';

/** What the header of a trace says about the run. */
export interface TraceHeading {
  /** The question as the user typed it, and its Unicode form when it differs. */
  query: string;
  scenario?: { id: string; title: string; description: string; resolverNotes?: Partial<Record<string, string>> };
}

/** How much of each message to print. */
export interface TraceTextOptions {
  color: boolean;
  /** Print the hex bytes of every message (like dig +qr with a hex dump); off by default. */
  hex?: boolean;
  /** Most additional records printed per message before "... N more". */
  maxAdditional?: number;
}

/** Renders a simulation as a dig +trace style timeline: time, who to whom, what, flags, sizes, records, then the outcome. */
export function formatTraceText(result: SimulationResult, heading: TraceHeading, options: TraceTextOptions): string {
  const style = makeStyle(options.color);
  const lines: string[] = [];
  lines.push(style.bold(`;; swelearn sim ${heading.query}${heading.scenario ? `  (scenario ${heading.scenario.id})` : ''}, seed ${result.seed}`));
  if (heading.scenario) {
    lines.push(`;; ${heading.scenario.title}`);
    lines.push(...wrap(heading.scenario.description, 96).map((line) => style.dim(`;; ${line}`)));
  }
  const conf = result.resolvConf;
  const model = result.resolverModel;
  lines.push(style.dim(`;; resolver ${result.resolver.name} (${result.resolver.address}) as ${model.name} (--resolver ${model.id}), QNAME minimisation ${result.qnameMinimisation ? 'on' : 'off'}`));
  lines.push(style.dim(`;; ${model.name}: ${model.summary}`));
  const note = heading.scenario?.resolverNotes?.[model.id];
  if (note) lines.push(...wrap(note, 96).map((line) => style.dim(`;; ${line}`)));
  lines.push(style.dim(`;; resolv.conf: nameserver ${conf.nameservers.join(', ') || '(none)'}${conf.search.length ? `; search ${conf.search.join(' ')}` : ''}; ndots:${conf.ndots} timeout:${conf.timeoutSeconds} attempts:${conf.attempts}${conf.rotate ? ' rotate' : ''}${conf.singleRequest ? ' single-request' : ''}${conf.edns0 ? ' edns0' : ''}`));
  const sentAt = new Map<string, number>();
  let current = -1;
  const firstStart = result.events.find((event) => event.type === 'lookup-started');
  if (result.events[0] && result.events[0] !== firstStart) lines.push('', style.bold(`;; before the first question: ${result.events[0].timeMs < 0 ? 'the resolver starts' : 'other traffic reaches the resolver'}`));
  for (const event of result.events) {
    if (event.queryIndex !== current && event.type === 'lookup-started') {
      current = event.queryIndex;
      lines.push('', style.bold(`;; question ${current + 1} of ${result.outcomes.length}, at ${showDuration(event.timeMs)}`));
    }
    lines.push(...formatEvent(event, sentAt, style, options));
  }
  lines.push('');
  // A dig question ends as dig prints it; the application's questions end in what getaddrinfo or res_search returned.
  for (const outcome of result.outcomes) lines.push(...(outcome.dig ? formatDigOutput(outcome, result.events) : formatOutcome(outcome, style)));
  if (result.report) lines.push(...formatReport(result.report, style));
  return `${lines.join('\n')}\n`;
}

function formatEvent(event: ResolutionEvent, sentAt: Map<string, number>, style: Style, options: TraceTextOptions): string[] {
  const time = `${String(event.timeMs).padStart(9)} ms`;
  const indent = '  '.repeat(Math.max(0, event.depth));
  const who = (end: ResolutionEvent['from']): string => (end.role === 'client' || end.role === 'stub' ? end.name : `${end.name} (${end.role} ${end.address})`);
  const head = (text: string): string => `${time}  ${indent}${text}`;
  const note = `${' '.repeat(14)}${indent}${style.dim(`; ${clean(event.explanation)}`)}`;
  switch (event.type) {
    case 'query-sent': {
      const { message } = event;
      sentAt.set(`${message.id}|${event.from.address}|${event.to.address}|${event.transport}`, event.timeMs);
      return [head(`${who(event.from)} -> ${who(event.to)}  ${event.transport}  ${describeQuestion(message)}  ${flags(message)}  ${message.sizeBytes} B`), note];
    }
    case 'response-received': {
      const { message } = event;
      const sent = sentAt.get(`${message.id}|${event.to.address}|${event.from.address}|${event.transport}`);
      const rtt = sent !== undefined ? `  rtt ${event.timeMs - sent} ms` : '';
      // NXDOMAIN, SERVFAIL and REFUSED name their rcode already; the other kinds come with NOERROR.
      const label = event.kind.toUpperCase();
      const kind = style.kind(event.kind, label === message.rcode ? label : `${label} ${message.rcode}`);
      const forged = event.forged ? `  (forged x${groupDigits(event.forged.packets)}, ${event.forged.accepted ? 'one accepted' : 'all dropped'})` : '';
      const lines = [head(`${who(event.from)} -> ${who(event.to)}  ${event.transport}  ${kind}  ${flags(message)}  ${message.sizeBytes} B${forged ? '' : rtt}${event.late ? '  (late)' : ''}${forged}`), note];
      lines.push(...formatSections(message, `${' '.repeat(16)}${indent}`, options.maxAdditional ?? 4));
      if (options.hex) lines.push(`${' '.repeat(16)}${indent}${style.dim(`hex ${message.hex}`)}`);
      return lines;
    }
    case 'query-timed-out':
    case 'port-unreachable':
      return [head(`${who(event.from)} -> ${who(event.to)}  ${event.transport}  ${style.kind(event.kind, event.kind.toUpperCase())}`), note];
    // The explanation already names every cache operation with its TTL.
    case 'cache-checked':
      return [head(`${event.from.name}  ${event.kind === 'cache-hit' ? style.kind('cache-hit', 'CACHE HIT') : 'cache lookup'}`), note];
    case 'cache-stored':
      return [head(`${event.from.name}  cache store`), note];
    case 'lookup-finished':
      return [head(`${who(event.from)} -> ${who(event.to)}  ${style.kind(event.kind, event.kind.toUpperCase())}`), note];
    case 'world-changed':
      return [head(style.bold(`world change at ${event.from.name}`)), note];
    default:
      return [head(`${who(event.from)}${event.from === event.to || event.from.name === event.to.name ? '' : ` -> ${who(event.to)}`}  ${event.type.replace('-', ' ')}`), note];
  }
}

function describeQuestion(message: MessageView): string {
  return `${showName(message.question.name)} ${message.question.type}`;
}

function flags(message: MessageView): string {
  const set = (['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const).filter((flag) => message.flags[flag]);
  const edns = message.ednsUdpPayloadBytes !== undefined ? ` edns ${message.ednsUdpPayloadBytes}${message.dnssecOk ? ' do' : ''}` : '';
  const ecs = message.ecs ? ` ecs ${message.ecs}` : '';
  const ede = (message.ede ?? []).map((error) => ` ede ${error.code} (${error.name})`).join('');
  return `id ${message.id} [${set.join(' ')}]${edns}${ecs}${ede}`;
}

function formatSections(message: MessageView, pad: string, maxAdditional: number): string[] {
  const lines: string[] = [];
  const section = (name: string, records: RecordView[], limit: number): void => {
    records.slice(0, limit).forEach((record) => lines.push(`${pad}${name.padEnd(10)} ${formatRecord(record)}`));
    if (records.length > limit) lines.push(`${pad}${name.padEnd(10)} ... ${records.length - limit} more`);
  };
  section('answer', message.answer, Number.POSITIVE_INFINITY);
  section('authority', message.authority, Number.POSITIVE_INFINITY);
  section('additional', message.additional, maxAdditional);
  return lines;
}

function formatRecord(record: RecordView): string {
  const data = clean(record.data);
  return `${showName(record.name)} ${record.ttlSeconds} IN ${record.type} ${data.length > 120 ? `${data.slice(0, 117)}...` : data}`;
}

function formatOutcome(outcome: QueryOutcome, style: Style): string[] {
  const status = style.kind(outcome.status === 'answer' ? 'answer' : outcome.status, outcome.status.toUpperCase());
  const lines = [style.bold(`;; question ${outcome.index + 1}: ${outcome.name} ${outcome.type} -> ${status} in ${showDuration(outcome.durationMs)} (from ${showDuration(outcome.startedAtMs)} to ${showDuration(outcome.finishedAtMs)})`)];
  const marks = [outcome.authenticated ? 'AD=1 (DNSSEC validated)' : '', outcome.ede ? `EDE ${outcome.ede.code} ${outcome.ede.name}` : '', outcome.poisoned ? 'POISONED' : '', outcome.cacheLayer ? `from the ${outcome.cacheLayer === 'browser' ? 'browser' : 'OS'} cache` : ''].filter(Boolean);
  if (marks.length > 0) lines.push(`;;   ${marks.join('; ')}`);
  for (const record of outcome.records) lines.push(`;;   ${formatRecord(record)}`);
  if (outcome.records.length === 0 && outcome.addresses.length > 0) lines.push(`;;   ${outcome.addresses.join(', ')}`);
  if (outcome.error) lines.push(`;;   error: ${outcome.error}`);
  lines.push(style.dim(`;;   ${clean(outcome.explanation)}`));
  return lines;
}

function formatReport(report: NonNullable<SimulationResult['report']>, style: Style): string[] {
  const width = Math.max(...report.rows.map((row) => row.label.length));
  return ['', style.bold(`;; ${report.title}`), ...report.rows.map((row) => `;;   ${row.label.padEnd(width)}  ${clean(row.value)}`)];
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
