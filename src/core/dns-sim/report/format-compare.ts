import type { QuerySentEvent, ResolutionEvent } from '../events.js';
import { clean, makeStyle, showDuration, showName } from './format-style.js';
import type { ResolverOptions } from '../resolver/resolver-options.js';
import type { SimulationResult } from '../simulation-types.js';

/** One resolver's run in a comparison, with the options it ran with. */
export interface ComparedRun {
  result: SimulationResult;
  options: ResolverOptions;
}

/** The numbers a comparison shows per resolver. */
export interface RunSummary {
  steps: number;
  queriesSent: number;
  durationMs: number;
  answer: string;
}

/** Sums up one run: DNS messages sent by anyone, queries the resolvers sent upstream, time and the final answer. */
export function summariseRun(result: SimulationResult): RunSummary {
  const sent = result.events.filter((event) => event.type === 'query-sent');
  const upstream = sent.filter((event) => event.from.role === 'resolver' && ['root', 'tld', 'authoritative'].includes(event.to.role));
  const last = result.outcomes[result.outcomes.length - 1];
  const first = result.outcomes[0];
  const answer = last ? (last.status === 'answer' ? last.addresses.join(', ') || last.records.map((record) => record.data).join(', ') : last.status.toUpperCase()) : '-';
  return { steps: sent.length, queriesSent: upstream.length, durationMs: last && first ? last.finishedAtMs - first.startedAtMs : 0, answer };
}

const PRIMING: Record<ResolverOptions['priming'], string> = { none: 'not shown', blocking: 'before the walk', background: 'beside the walk', 'start-up': 'at start-up' };

/** Prints the same question under several resolvers: a table of what differs, then each resolver's queries side by side. */
export function formatCompareText(query: string, runs: ComparedRun[], options: { color: boolean; width: number; notes?: Partial<Record<string, string>> }): string {
  const style = makeStyle(options.color);
  const width = Math.max(80, options.width);
  const labelWidth = 18;
  const column = Math.floor((width - labelWidth) / runs.length) - 1;
  const fit = (text: string): string => (text.length > column ? `${text.slice(0, column - 1)}~` : text.padEnd(column));
  const row = (label: string, values: string[]): string => `${label.padEnd(labelWidth)}${values.map(fit).join(' ')}`.trimEnd();
  const summaries = runs.map((run) => summariseRun(run.result));
  const table: [string, string[]][] = [
    ['priming', runs.map((run) => PRIMING[run.options.priming])],
    ['minimised type', runs.map((run) => (run.options.qnameMinimisation ? run.options.minimisedQueryType : 'off'))],
    ['0x20', runs.map((run) => (run.options.caseRandomisation ? 'on' : 'off'))],
    ['unknown server', runs.map((run) => `${run.options.unknownServerTimeoutMs} ms timeout`)],
    ['silent server', runs.map((run) => silentServer(run.options))],
    ['gives up', runs.map((run) => givesUp(run.options))],
    ['EDE sent', runs.map((run) => extendedErrors(run.options))],
    ['NS addresses', runs.map((run) => (run.options.nameServerLookups === 'adb-fetch' ? 'own lookup' : 'from glue'))],
    ['min cache TTL', runs.map((run) => `${run.options.minCacheTtlSeconds} s`)],
    ['messages sent', summaries.map((summary) => String(summary.steps))],
    ['queries upstream', summaries.map((summary) => String(summary.queriesSent))],
    ['total time', summaries.map((summary) => showDuration(summary.durationMs))],
    ['answer', summaries.map((summary) => clean(summary.answer))],
  ];
  const lines = [...wrapWords(`;; swelearn sim ${query} --compare, seed ${runs[0]?.result.seed ?? 0}`, width, ';;   ').map(style.bold), '', row('', runs.map((run) => run.result.resolverModel.name))];
  for (const [label, values] of table) lines.push(new Set(values).size > 1 ? style.bold(row(label, values)) : row(label, values));
  const differs = table.filter(([, values]) => new Set(values).size > 1).map(([label]) => label);
  lines.push('', ...wrapWords(`;; differences: ${differs.length > 0 ? differs.join(', ') : 'none for this question'}`, width, ';;   '));
  for (const run of runs) {
    const note = options.notes?.[run.result.resolverModel.id];
    if (note) lines.push(...wrapWords(`;; ${run.result.resolverModel.name}: ${note}`, width, ';;   '));
  }
  const columns = runs.map((run) => run.result.events.filter(isMessageStep).map(describeStep));
  if (columns.every((steps) => steps.every((step) => step.length <= column))) {
    const depth = Math.max(...columns.map((steps) => steps.length));
    lines.push('', style.bold(row(';; queries sent', runs.map((run) => run.result.resolverModel.name))));
    for (let i = 0; i < depth; i++) lines.push(row('', columns.map((steps) => steps[i] ?? '')));
  } else {
    // Too narrow for side by side: each resolver's queries one list after the other.
    runs.forEach((run, index) => {
      lines.push('', style.bold(`;; queries sent by ${run.result.resolverModel.name}`));
      for (const step of columns[index]!) lines.push(`   ${step}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

// Whether a silent server is asked again, at the same timeout, before the next one.
function silentServer(options: ResolverOptions): string {
  return options.unknownServerTimeoutMs < options.udpRetrySameServerBelowMs ? 'asks it twice' : 'asks it once';
}

// What the client gets when every server of a zone stays silent, and when.
function givesUp(options: ResolverOptions): string {
  if (options.discardTimeoutMs > 0) return `no reply at ${options.discardTimeoutMs / 1000} s`;
  const seconds = `${options.queryBudgetMs / 1000} s`;
  return options.budgetEnforcement === 'cut-wait' ? `SERVFAIL at ${seconds}` : `SERVFAIL past ${seconds}`;
}

// Which Extended DNS Errors (RFC 8914) reach the client by default.
function extendedErrors(options: ResolverOptions): string {
  const kinds = [options.extendedErrors === 'all' ? 'all' : options.extendedErrors === 'dnssec' ? 'DNSSEC' : '', options.unreachableAuthorityEde ? '22' : ''].filter(Boolean);
  return kinds.length > 0 ? kinds.join(', ') : 'none';
}

function wrapWords(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function isMessageStep(event: ResolutionEvent): event is QuerySentEvent {
  return event.type === 'query-sent' && event.from.role === 'resolver';
}

const ROLE: Record<string, string> = { root: 'root', tld: 'tld ', authoritative: 'auth' };

function describeStep(event: QuerySentEvent): string {
  const question = event.message.question;
  return `${String(event.timeMs).padStart(5)} ms ${ROLE[event.to.role] ?? event.to.role} ${clean(showName(question.name))} ${question.type}${event.transport === 'tcp' ? ' tcp' : ''}`;
}
