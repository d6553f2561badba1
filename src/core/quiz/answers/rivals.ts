import { answerForms, compactsOf, type AnswerForm } from './forms.js';
import type { ContrastMember } from './glossary.js';
import type { AnswerContext } from './known-terms.js';
import { boundedEditDistance } from '../../search/fuzzy.js';

/**
 * The known term that a typo-like answer is at least as close to as to the expected form, if any: a
 * contrasting term it contains that the answer does not (ZSK for KSK), the answer with one contrasting
 * term swapped for another, another item's answer or alternative, a glossary term, or one of `extra`.
 */
export function findRival(typed: AnswerForm, expected: AnswerForm, distance: number, own: readonly AnswerForm[], context: AnswerContext, extra: readonly string[]): string | undefined {
  for (const group of context.glossary.contrasts) {
    const swapped = group.find((member) => holds(typed, member) && !holds(expected, member));
    if (swapped) return swapped.term;
  }
  const ownCompacts = new Set(own.flatMap(compactsOf));
  const typedCompacts = compactsOf(typed);
  const near = (compact: string) => !ownCompacts.has(compact) && typedCompacts.some((mine) => boundedEditDistance(mine, compact, distance) <= distance);
  for (const swap of contrastSwaps(expected, context.glossary.contrasts)) if (near(swap.compact)) return swap.term;
  const lengths = new Set<number>();
  for (const { length } of typedCompacts) for (let around = length - distance; around <= length + distance; around++) lengths.add(around);
  for (const length of lengths) {
    for (const compact of context.known.byLength.get(length) ?? []) if (near(compact)) return context.known.byCompact.get(compact);
  }
  for (const text of extra) {
    if (answerForms(text, { role: 'written', glossary: context.glossary }).some((form) => compactsOf(form).some(near))) return text;
  }
  return undefined;
}

/** A contrasting term the typed answer holds in place of the one the answer holds (ZSK where KSK is expected), if any. */
export function swappedContrast(typed: readonly AnswerForm[], expected: readonly AnswerForm[], context: AnswerContext): string | undefined {
  for (const group of context.glossary.contrasts) {
    for (const form of typed) {
      const held = group.find((member) => holds(form, member));
      if (!held || expected.some((want) => holds(want, held))) continue;
      if (expected.some((want) => group.some((member) => holds(want, member)))) return held.term;
    }
  }
  return undefined;
}

// The expected form with each contrasting term in it replaced by each other member of its group.
function contrastSwaps(expected: AnswerForm, contrasts: AnswerContext['glossary']['contrasts']): { compact: string; term: string }[] {
  const swaps: { compact: string; term: string }[] = [];
  for (const group of contrasts) {
    for (const member of group) {
      const at = indexOf(expected.tokens, member.tokens);
      if (at < 0) continue;
      for (const other of group) {
        if (other === member) continue;
        const tokens = [...expected.tokens.slice(0, at), ...other.tokens, ...expected.tokens.slice(at + member.tokens.length)];
        swaps.push({ compact: tokens.join(''), term: other.term });
      }
    }
  }
  return swaps;
}

// A contrasting term is in a form when its words are, before or after the glossary ("recursive" is in "recursive resolver").
function holds(form: AnswerForm, member: ContrastMember): boolean {
  return contains(form.tokens, member.tokens) || contains(form.stems, member.tokens);
}

function contains(tokens: readonly string[], part: readonly string[]): boolean {
  return indexOf(tokens, part) >= 0;
}

function indexOf(tokens: readonly string[], part: readonly string[]): number {
  for (let start = 0; start + part.length <= tokens.length; start++) {
    if (part.every((token, offset) => tokens[start + offset] === token)) return start;
  }
  return -1;
}
