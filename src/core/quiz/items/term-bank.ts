import { normaliseAnswer } from './answer-check.js';
import type { ClozeTerm, QuizItem, TermKind } from '../types.js';
import { groupDigits } from '../../text/group-digits.js';

/** A term some item hides, filed by its kind so it can be offered as a wrong option of the same kind. */
export interface BankTerm {
  itemId: string;
  cardId: string;
  answer: string;
  kind: TermKind;
  /** For numbers: the unit after the number ("s", "bytes"), so 30 s competes with 60 s, not with 512 bytes. */
  unit: string;
  compact: string;
}

// Well-known members of the closed kinds, so a deck with few such blanks still gets options of the right kind.
const BUILT_IN: Partial<Record<TermKind, readonly string[]>> = {
  'record-type': ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'SOA', 'TXT', 'PTR', 'SRV', 'CAA', 'DS', 'DNSKEY', 'RRSIG', 'NSEC', 'NSEC3', 'HTTPS', 'SVCB', 'DNAME'],
  rcode: ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'NOTAUTH'],
  flag: ['QR', 'AA', 'TC', 'RD', 'RA', 'AD', 'CD', 'DO'],
  rfc: ['RFC 1034', 'RFC 1035', 'RFC 2181', 'RFC 2308', 'RFC 4033', 'RFC 5452', 'RFC 6891', 'RFC 7766', 'RFC 7858', 'RFC 8020', 'RFC 8484', 'RFC 8767', 'RFC 9520'],
};

/** The kinds whose members the bank may offer for one another; a concept only takes its author's wrong options. */
export function drawsFromBank(kind: TermKind): boolean {
  return kind !== 'concept';
}

/** One bank entry for a term. */
export function bankTerm(itemId: string, cardId: string, answer: string, kind: TermKind): BankTerm {
  const normalised = normaliseAnswer(answer);
  const unit = kind === 'number' ? (normalised.replace(/^[\d.]+\s*/, '').split(' ')[0] ?? '') : '';
  return { itemId, cardId, answer, kind, unit, compact: normalised.replace(/ /g, '') };
}

/** Every item's blank filed by kind, numbers further by unit. */
export function buildTermBank(items: readonly QuizItem[]): Map<string, BankTerm[]> {
  const bank = new Map<string, BankTerm[]>();
  for (const item of items) {
    if (!item.term || !drawsFromBank(item.term.kind)) continue;
    const entry = bankTerm(item.id, item.cardId, item.term.answer, item.term.kind);
    const key = bankKey(entry);
    const list = bank.get(key) ?? [];
    list.push(entry);
    bank.set(key, list);
  }
  return bank;
}

/** Where a term is filed: its kind, and for a number its unit too. */
export function bankKey(term: Pick<BankTerm, 'kind' | 'unit'>): string {
  return term.kind === 'number' ? `number:${term.unit}` : term.kind;
}

/** Options of the same kind that no card supplies: the closed kinds' members, or nearby numbers in the same unit. */
export function builtInTerms(item: QuizItem, term: ClozeTerm): BankTerm[] {
  if (term.kind === 'number') return nearbyNumbers(item, term);
  const suffix = term.kind === 'record-type' ? term.answer.replace(/^\S+/, '') : '';
  return (BUILT_IN[term.kind] ?? []).map((value) => bankTerm(`${item.id}#built-in`, '', `${value}${suffix}`, term.kind));
}

function nearbyNumbers(item: QuizItem, term: ClozeTerm): BankTerm[] {
  const match = /^(\d[\d,]*)(.*)$/s.exec(term.answer);
  if (!match) return [];
  const value = Number(match[1]!.replace(/,/g, ''));
  const grouped = match[1]!.includes(',');
  const nearby = [value * 2, Math.round(value / 2), value * 10, value * 3, Math.round(value / 10), value + 1].filter((n) => Number.isInteger(n) && n > 0 && n !== value);
  return nearby.map((n) => bankTerm(`${item.id}#built-in`, '', `${grouped ? groupDigits(n) : String(n)}${match[2]}`, 'number'));
}
