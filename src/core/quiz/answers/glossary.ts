import { plainTokens } from './words.js';

/** One line of the glossary: terms that mean the same thing, or terms that must never be taken for each other. */
export interface GlossaryGroup {
  terms: string[];
  /** Where the group was written, for messages. */
  source?: GlossarySource;
}

/** A file and a 1-based line. */
export interface GlossarySource {
  path: string;
  line: number;
}

/** Synonyms, abbreviations and expansions shared by every card, and contrast groups (see docs/card-format.md, "The glossary"). */
export interface Glossary {
  synonyms: GlossaryGroup[];
  contrasts: GlossaryGroup[];
}

/** A glossary with nothing in it. */
export const EMPTY_GLOSSARY: Glossary = { synonyms: [], contrasts: [] };

/** A contrast group's member: its words as the checker compares them, and the term as written. */
export interface ContrastMember {
  tokens: readonly string[];
  term: string;
}

/** A glossary ready for checking: each synonym's words mapped to its group's one-character id. */
export interface CompiledGlossary {
  /** Keyed by the words without spaces, so "name server" and "nameserver" are one phrase. */
  phrases: ReadonlyMap<string, string>;
  longestPhrase: number;
  contrasts: readonly (readonly ContrastMember[])[];
  /**
   * The glossary's terms as known terms: each as written with its compact words. A term that is all one
   * synonym is a single id, which no typo can reach, so only the longer ones are listed.
   */
  terms: readonly { term: string; compact: string }[];
  /** Groups that were left out, and why. */
  problems: readonly GlossaryProblem[];
}

/** A glossary group that cannot be used, with where it was written. */
export interface GlossaryProblem {
  source?: GlossarySource;
  message: string;
}

// Each synonym group becomes one character of Unicode's private use area, so "TTL" and "time to live"
// are the same single token, which no typo tolerance can stretch into another term.
const FIRST_ID = 0xe000;

/** Compiles a glossary: merges groups that share a term and leaves out any that would make two contrasting terms synonyms. */
export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const problems: GlossaryProblem[] = [];
  const known = new Map<string, string[]>();
  const tokensOf = (term: string) => known.get(term) ?? known.set(term, plainTokens(term)).get(term)!;
  const keyOf = (term: string) => tokensOf(term).join('');
  const phrases = synonymPhrases(glossary, keyOf, problems);
  const longestPhrase = Math.max(1, ...glossary.synonyms.flatMap((group) => group.terms.map((term) => tokensOf(term).length)));
  const contrasts: ContrastMember[][] = [];
  for (const group of glossary.contrasts) {
    const members = group.terms.map((term) => ({ tokens: substituteGlossary(tokensOf(term), { phrases, longestPhrase }), term }));
    const distinct = new Set(members.map((member) => member.tokens.join(' ')));
    if (members.length < 2 || distinct.size < members.length || members.some((member) => member.tokens.length === 0)) {
      problems.push({ ...sourceOf(group), message: `a contrast group needs two or more different terms, got ${describe(group.terms)}` });
      continue;
    }
    contrasts.push(members);
  }
  const terms = [...glossary.synonyms, ...glossary.contrasts]
    .flatMap((group) => group.terms.map((term) => ({ term, compact: substituteGlossary(tokensOf(term), { phrases, longestPhrase }).join('') })))
    .filter((known) => known.compact.length > 2);
  return { phrases, longestPhrase, contrasts, terms, problems };
}

// Each synonym's key mapped to its group's id; groups sharing a key merge, unless that joins two contrasting terms.
function synonymPhrases(glossary: Glossary, keyOf: (term: string) => string, problems: GlossaryProblem[]): Map<string, string> {
  const contrastOf = new Map<string, ContrastPlace[]>();
  glossary.contrasts.forEach((group, groupIndex) => {
    group.terms.forEach((term, member) => contrastOf.set(keyOf(term), [...(contrastOf.get(keyOf(term)) ?? []), { group: groupIndex, member, term }]));
  });
  const componentOf = new Map<string, number>();
  const components: Set<string>[] = [];
  for (const group of glossary.synonyms) {
    const keys = [...new Set(group.terms.map(keyOf).filter(Boolean))];
    if (keys.length < 2) {
      problems.push({ ...sourceOf(group), message: `a synonym group needs two different terms, got ${describe(group.terms)}` });
      continue;
    }
    const merged = new Set(keys.flatMap((key) => [...(components[componentOf.get(key) ?? -1] ?? [key])]));
    const clash = contrastClash(merged, contrastOf);
    if (clash) {
      problems.push({ ...sourceOf(group), message: `"${clash[0]}" and "${clash[1]}" are contrasting terms, so they cannot be synonyms` });
      continue;
    }
    components.push(merged);
    for (const key of merged) componentOf.set(key, components.length - 1);
  }
  return new Map([...componentOf].map(([key, index]) => [key, String.fromCharCode(FIRST_ID + index)]));
}

/** Replaces every glossary phrase in a list of words by its group's id, longest phrase first. */
export function substituteGlossary(tokens: readonly string[], glossary: Pick<CompiledGlossary, 'phrases' | 'longestPhrase'>): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const phrase = phraseAt(tokens, index, glossary);
    out.push(phrase?.id ?? tokens[index]!);
    index += phrase?.length ?? 1;
  }
  return out;
}

// The longest glossary phrase starting at `index`, if any.
function phraseAt(tokens: readonly string[], index: number, glossary: Pick<CompiledGlossary, 'phrases' | 'longestPhrase'>): { id: string; length: number } | undefined {
  for (let length = Math.min(glossary.longestPhrase, tokens.length - index); length > 0; length--) {
    const id = glossary.phrases.get(tokens.slice(index, index + length).join(''));
    if (id !== undefined) return { id, length };
  }
  return undefined;
}

interface ContrastPlace {
  group: number;
  member: number;
  term: string;
}

// Two members of one contrast group among the keys of a would-be synonym group, as written in the contrast group.
function contrastClash(keys: Set<string>, contrastOf: Map<string, ContrastPlace[]>): [string, string] | undefined {
  const seen = new Map<number, ContrastPlace>();
  for (const key of keys) {
    for (const place of contrastOf.get(key) ?? []) {
      const before = seen.get(place.group);
      if (before && before.member !== place.member) return [before.term, place.term];
      seen.set(place.group, place);
    }
  }
  return undefined;
}

function sourceOf(group: GlossaryGroup): { source?: GlossarySource } {
  return group.source === undefined ? {} : { source: group.source };
}

function describe(terms: readonly string[]): string {
  return terms.length === 0 ? 'none' : terms.map((term) => `"${term}"`).join(', ');
}
