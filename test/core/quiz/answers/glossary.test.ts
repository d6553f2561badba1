import { describe, expect, it } from 'vitest';
import { compileGlossary, substituteGlossary, type Glossary } from '../../../../src/core/quiz/answers/glossary.js';
import { plainTokens } from '../../../../src/core/quiz/answers/words.js';

const at = (line: number) => ({ path: 'glossary.yaml', line });

function idsOf(glossary: Glossary, text: string): string[] {
  return substituteGlossary(plainTokens(text), compileGlossary(glossary));
}

describe('compileGlossary', () => {
  it('gives every spelling of a synonym group the same single token, in either direction', () => {
    const glossary: Glossary = { synonyms: [{ terms: ['TTL', 'time to live'] }], contrasts: [] };
    expect(idsOf(glossary, 'remaining time to live')).toEqual(idsOf(glossary, 'remaining TTL'));
    expect(idsOf(glossary, 'remaining TTL')).toHaveLength(2);
  });

  it('takes the longest phrase first', () => {
    const glossary: Glossary = { synonyms: [{ terms: ['NXDOMAIN', 'RCODE 3'] }, { terms: ['RCODE', 'response code'] }], contrasts: [] };
    expect(idsOf(glossary, 'RCODE 3')).toEqual(idsOf(glossary, 'NXDOMAIN'));
    expect(idsOf(glossary, 'response code')).toEqual(idsOf(glossary, 'RCODE'));
  });

  it('ignores spaces inside a phrase, so "name server" and "nameserver" are one key', () => {
    const glossary: Glossary = { synonyms: [{ terms: ['root server', 'root name server'] }], contrasts: [] };
    expect(idsOf(glossary, 'root nameserver')).toEqual(idsOf(glossary, 'root server'));
  });

  it('merges groups that share a term', () => {
    const glossary: Glossary = { synonyms: [{ terms: ['TXID', 'transaction ID'] }, { terms: ['query ID', 'TXID'] }], contrasts: [] };
    expect(idsOf(glossary, 'query ID')).toEqual(idsOf(glossary, 'transaction ID'));
  });

  it('leaves out, with its line, a synonym group that would join two contrasting terms, and keeps the rest', () => {
    const glossary: Glossary = {
      synonyms: [{ terms: ['KSK', 'key signing key'], source: at(1) }, { terms: ['key signing key', 'ZSK'], source: at(2) }],
      contrasts: [{ terms: ['KSK', 'ZSK'], source: at(9) }],
    };
    const compiled = compileGlossary(glossary);
    expect(compiled.problems).toEqual([{ source: at(2), message: '"KSK" and "ZSK" are contrasting terms, so they cannot be synonyms' }]);
    expect(idsOf(glossary, 'key signing key')).toEqual(idsOf(glossary, 'KSK'));
    expect(idsOf(glossary, 'ZSK')).toEqual(['zsk']);
  });

  it.each([
    ['a synonym group of one term', { synonyms: [{ terms: ['TTL', 'ttl'], source: at(3) }], contrasts: [] }, 'a synonym group needs two different terms, got "TTL", "ttl"'],
    ['a contrast group that names one term twice', { synonyms: [], contrasts: [{ terms: ['NS', 'ns.'], source: at(3) }] }, 'a contrast group needs two or more different terms, got "NS", "ns."'],
    ['a synonym group of two contrasting terms', { synonyms: [{ terms: ['primary', 'master'], source: at(3) }], contrasts: [{ terms: ['master', 'primary'] }] }, '"primary" and "master" are contrasting terms, so they cannot be synonyms'],
  ])('reports %s', (_name, glossary, message) => {
    expect(compileGlossary(glossary).problems).toEqual([{ source: at(3), message }]);
  });

  it('compiles contrast members through the synonyms, so "key signing key" is the KSK member', () => {
    const compiled = compileGlossary({ synonyms: [{ terms: ['KSK', 'key signing key'] }], contrasts: [{ terms: ['KSK', 'ZSK'] }] });
    expect(compiled.contrasts[0]!.map((member) => member.tokens)).toEqual([idsOf({ synonyms: [{ terms: ['KSK', 'key signing key'] }], contrasts: [] }, 'key signing key'), ['zsk']]);
  });
});
