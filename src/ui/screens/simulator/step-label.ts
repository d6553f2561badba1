import { kindOf, type ResolutionEvent, type ResponseKind } from '../../../core/dns-sim/events.js';
import { columnKey } from './actors.js';

const KIND_LABEL: Record<string, string> = {
  answer: 'ANSWER', cname: 'CNAME', referral: 'REFERRAL', nxdomain: 'NXDOMAIN', nodata: 'NODATA', servfail: 'SERVFAIL',
  refused: 'REFUSED', timeout: 'TIMEOUT', unreachable: 'UNREACHABLE', truncated: 'TC=1', 'cache-hit': 'CACHE HIT',
};

/** How a step's outcome reads in capitals: "REFERRAL", "NXDOMAIN", "TC=1". */
export function kindLabel(kind: ResponseKind | undefined): string {
  return kind ? (KIND_LABEL[kind] ?? kind.toUpperCase()) : '';
}

/** A few words for a step, short enough to sit on its arrow: "A? www.example.com", "REFERRAL", "cache miss". */
export function stepLabel(event: ResolutionEvent): string {
  switch (event.type) {
    case 'lookup-started': return `ask ${event.lookup}`;
    case 'hosts-checked': return event.kind ? '/etc/hosts: found' : '/etc/hosts: no entry';
    case 'name-expanded': return `try ${event.lookup}`;
    case 'query-sent': return `${event.message.question.type}? ${event.message.question.name || '.'}${event.transport === 'tcp' ? ' (TCP)' : ''}`;
    case 'tcp-connected': return 'TCP connect';
    case 'response-received': {
      const records = event.message.answer.length > 0 ? ` ${event.message.answer.length} rec` : '';
      return `${kindLabel(event.kind)}${event.kind === 'answer' ? records : ''}${event.late ? ' (late)' : ''}`;
    }
    case 'query-timed-out': return 'no reply: timeout';
    case 'port-unreachable': return 'ICMP port unreachable';
    case 'reply-discarded': return 'no reply: discarded';
    case 'cache-checked': {
      const op = event.cache[0];
      return op ? `cache ${op.op}${op.negative ? ` (${op.negative})` : ''}` : 'cache checked';
    }
    case 'cache-stored': return `cached ${event.cache.length} set${event.cache.length === 1 ? '' : 's'}`;
    case 'world-changed': return 'world changed';
    case 'lookup-finished': return kindLabel(event.kind) || 'done';
  }
}

/** Whether a step moves a message between two parties (and so travels along an arrow). */
export function isMessageStep(event: ResolutionEvent): boolean {
  return columnKey(event.from) !== columnKey(event.to);
}

/** Whether the step is a failure a learner should notice. */
export function isFailure(event: ResolutionEvent): boolean {
  return ['timeout', 'unreachable', 'servfail', 'refused'].includes(kindOf(event) ?? '') || event.type === 'query-timed-out' || event.type === 'port-unreachable' || event.type === 'reply-discarded';
}
