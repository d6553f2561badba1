import type { ResolutionEvent, ResponseReceivedEvent } from '../events.js';
import { fqdn } from '../names/names.js';
import type { QueryOutcome } from '../outcome.js';
import type { MessageView, RecordView } from '../wire/message-view.js';

// dig's default record style (bin/dig/dig.c: dns_master_stylecreate(..., 24, 32, 40, 48, ...)): the TTL at
// column 24, the class at 32, the type at 40 and the data at 48, with 8-column tabs.
const COLUMNS = { ttl: 24, class: 32, type: 40, data: 48 } as const;
const TAB = 8;
const FLAG_ORDER = ['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const;
const SECTIONS = [['answer', 'ANSWER'], ['authority', 'AUTHORITY'], ['additional', 'ADDITIONAL']] as const;

/** Prints what `dig` 9.18 prints for one question of a run: its errors and retries, then the header, the OPT pseudosection, the sections and the statistics. */
export function formatDigOutput(outcome: QueryOutcome, events: readonly ResolutionEvent[]): string[] {
  const mine = events.filter((event) => event.queryIndex === outcome.index && event.depth === 0 && event.timeMs >= outcome.startedAtMs && event.timeMs <= outcome.finishedAtMs);
  const lines: string[] = [];
  for (const event of mine) {
    if (event.type === 'query-timed-out' && event.from.role === 'stub') lines.push(`;; communications error to ${event.to.address}#53: timed out`);
    if (event.type === 'port-unreachable' && event.to.role === 'stub') lines.push(`;; communications error to ${event.from.address}#53: connection refused`);
    if (event.type === 'response-received' && event.to.role === 'stub' && !event.late && event.message.flags.tc && event.transport === 'udp' && event !== lastResponse(mine)) lines.push(';; Truncated, retrying in TCP mode.');
  }
  lines.push('', `; <<>> DiG 9.18 (simulated by swelearn) <<>> ${[outcome.name, outcome.type, ...(outcome.dig?.flags ?? [])].join(' ')}`, ';; global options: +cmd');
  const response = lastResponse(mine);
  if (!response) return [...lines, ';; no servers could be reached', ''];
  const message = response.message;
  const sent = mine.filter((event) => (event.type === 'query-sent' || event.type === 'tcp-connected') && event.timeMs <= response.timeMs).at(-1);
  const optCount = message.ednsUdpPayloadBytes !== undefined ? 1 : 0;
  const flags = FLAG_ORDER.filter((flag) => message.flags[flag]).join(' ');
  lines.push(';; Got answer:', `;; ->>HEADER<<- opcode: ${message.flags.opcode}, status: ${message.rcode}, id: ${message.id}`);
  lines.push(`;; flags: ${flags}; QUERY: 1, ANSWER: ${message.answer.length}, AUTHORITY: ${message.authority.length}, ADDITIONAL: ${message.additional.length + optCount}`);
  if (message.flags.rd && !message.flags.ra) lines.push(';; WARNING: recursion requested but not available');
  lines.push('');
  if (optCount) lines.push(...optPseudosection(message));
  lines.push(';; QUESTION SECTION:', `;${fqdn(message.question.name)}${pad(1 + fqdn(message.question.name).length, COLUMNS.class)}IN${pad(COLUMNS.class + 2, COLUMNS.type)}${message.question.type}`, '');
  for (const [key, title] of SECTIONS) {
    if (message[key].length === 0) continue;
    lines.push(`;; ${title} SECTION:`, ...message[key].map(recordLine), '');
  }
  lines.push(`;; Query time: ${sent ? response.timeMs - sent.timeMs : 0} msec`);
  lines.push(`;; SERVER: ${response.from.address}#53(${response.from.address}) (${response.transport.toUpperCase()})`);
  lines.push(`;; MSG SIZE  rcvd: ${message.sizeBytes}`, '');
  return lines;
}

function lastResponse(events: readonly ResolutionEvent[]): ResponseReceivedEvent | undefined {
  return events.filter((event): event is ResponseReceivedEvent => event.type === 'response-received' && event.to.role === 'stub' && !event.late).at(-1);
}

// lib/dns/message.c dns_message_pseudosectiontotext: the EDNS version, flags and UDP size, then each option.
function optPseudosection(message: MessageView): string[] {
  const lines = [';; OPT PSEUDOSECTION:', `; EDNS: version: 0, flags:${message.dnssecOk ? ' do' : ''}; udp: ${message.ednsUdpPayloadBytes}`];
  if (message.ecs) lines.push(`; CLIENT-SUBNET: ${message.ecs.replace(' scope /', '/')}`);
  for (const error of message.ede ?? []) lines.push(`; EDE: ${error.code} (${error.name})${error.text ? `: (${error.text})` : ''}`);
  return lines;
}

// One record as dig's default style prints it: owner, TTL, class, type and data at their columns.
function recordLine(record: RecordView): string {
  let line = fqdn(record.name);
  let column = line.length;
  for (const [to, text] of [[COLUMNS.ttl, String(record.ttlSeconds)], [COLUMNS.class, 'IN'], [COLUMNS.type, record.type], [COLUMNS.data, record.data]] as const) {
    line += pad(column, to) + text;
    column = Math.max(to, column + 1) + text.length;
  }
  return line;
}

// lib/dns/masterdump.c indent(): tabs to the column, or one space when the text already reaches it.
function pad(from: number, to: number): string {
  const target = Math.max(to, from + 1);
  const tabs = Math.floor(target / TAB) - Math.floor(from / TAB);
  if (tabs <= 0) return ' '.repeat(target - from);
  return '\t'.repeat(tabs) + ' '.repeat(target - Math.floor(target / TAB) * TAB);
}
