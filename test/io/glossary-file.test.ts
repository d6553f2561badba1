import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/core/quiz/answers/glossary.js';
import { GLOSSARY_FILE, loadGlossary, MAX_GLOSSARY_BYTES, parseGlossaryText } from '../../src/io/glossary-file.js';
import { bundledContentDir } from '../../src/io/package-paths.js';

const root = mkdtempSync(join(tmpdir(), 'swelearn-glossary-'));
let folders = 0;
const cardFolder = (glossary?: string) => {
  const dir = join(root, `cards-${++folders}`);
  mkdirSync(dir, { recursive: true });
  if (glossary !== undefined) writeFileSync(join(dir, GLOSSARY_FILE), glossary);
  return dir;
};

describe('the bundled glossary', () => {
  it('loads whole: every line is a usable group, and no two contrasting terms are synonyms', () => {
    const { glossary, problems } = loadGlossary([bundledContentDir()]);
    expect(problems).toEqual([]);
    expect(glossary.synonyms.length).toBeGreaterThan(100);
    expect(glossary.contrasts.length).toBeGreaterThan(30);
    expect(compileGlossary(glossary).problems).toEqual([]);
  });

  it.each<['synonyms' | 'contrasts', string, string]>([
    ['synonyms', 'TTL', 'time to live'],
    ['synonyms', 'TXID', 'query ID'],
    ['synonyms', 'RD', 'recursion desired'],
    ['synonyms', 'NXDOMAIN', 'RCODE 3'],
    ['synonyms', 'EDNS', 'EDNS(0)'],
    ['synonyms', 'ECS', 'client subnet'],
    ['synonyms', 'DoH', 'DNS over HTTPS'],
    ['contrasts', 'KSK', 'ZSK'],
    ['contrasts', 'DoH', 'DoT'],
    ['contrasts', 'min', 'max'],
    ['contrasts', 'registry', 'registrar'],
    ['contrasts', 'A', 'AAAA'],
    ['contrasts', 'NS', 'DS'],
    ['contrasts', 'NXDOMAIN', 'NODATA'],
    ['contrasts', 'stub', 'authoritative'],
    ['contrasts', 'iterative', 'recursive'],
    ['contrasts', 'ingress', 'egress'],
    ['contrasts', 'positive', 'negative'],
    ['contrasts', 'primary', 'secondary'],
    ['contrasts', 'in-bailiwick', 'out-of-bailiwick'],
  ])('lists in %s: %s and %s', (list, a, b) => {
    const groups = loadGlossary([bundledContentDir()]).glossary[list];
    expect(groups.some((group) => group.terms.includes(a) && group.terms.includes(b))).toBe(true);
  });
});

describe('the glossary example in docs/card-format.md', () => {
  it('loads with no problem', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/card-format.md'), 'utf8');
    const example = /```yaml\n(# my-cards\/glossary\.yaml\n[\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const { glossary, problems } = parseGlossaryText(example!, 'glossary.yaml');
    expect(problems).toEqual([]);
    expect([glossary.synonyms.length, glossary.contrasts.length]).toEqual([2, 2]);
  });
});

describe('parseGlossaryText', () => {
  it('reads each line of synonyms and contrasts with where it was written', () => {
    expect(parseGlossaryText('# mine\nsynonyms:\n  - [TTL, time to live]\ncontrasts:\n  - [KSK, ZSK]\n', 'g.yaml')).toEqual({
      glossary: {
        synonyms: [{ terms: ['TTL', 'time to live'], source: { path: 'g.yaml', line: 3 } }],
        contrasts: [{ terms: ['KSK', 'ZSK'], source: { path: 'g.yaml', line: 5 } }],
      },
      problems: [],
    });
  });

  it.each([['an empty file', ''], ['only comments', '# nothing yet\n'], ['empty lists', 'synonyms:\ncontrasts:\n']])('reads %s as nothing', (_name, text) => {
    expect(parseGlossaryText(text, 'g.yaml')).toEqual({ glossary: { synonyms: [], contrasts: [] }, problems: [] });
  });

  it.each<[string, string, number, RegExp]>([
    ['an unclosed list', '  - [TXID, transaction ID\n', 4, /./],
    ['a mapping instead of a list of terms', '  - {TXID: transaction ID}\n', 4, /each line is a list of terms/],
    ['one term alone', '  - [TXID]\n', 4, /at least two terms/],
    ['a list inside a list', '  - [TXID, [query ID]]\n', 4, /each term is a word or phrase/],
    ['a tag that asks for code', '  - !!js/function "function () {}"\n', 4, /tags, anchors and aliases are not read/],
    ['a custom tag', '  - !custom [a, b]\n', 4, /tags, anchors and aliases are not read/],
    ['an anchor', '  - &x [AA, authoritative answer]\n', 4, /tags, anchors and aliases are not read/],
    ['a tagged term', '  - [AA, !!binary aGVsbG8=]\n', 4, /tags, anchors and aliases are not read/],
  ])('reports %s at its line and still loads the lines around it', (_name, broken, line, message) => {
    const text = `synonyms:\n  - [TTL, time to live]\n  - [RD, recursion desired]\n${broken}  - [AD, authenticated data]\ncontrasts:\n  - [KSK, ZSK]\n`;
    const { glossary, problems } = parseGlossaryText(text, 'g.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'error', rule: 'glossary', path: 'g.yaml', line });
    expect(problems[0]!.message).toMatch(message);
    expect(glossary.synonyms.map((group) => group.terms[0])).toEqual(expect.arrayContaining(['TTL', 'RD']));
    expect(glossary.contrasts.map((group) => group.terms)).toEqual([['KSK', 'ZSK']]);
  });

  it('reads the line after a broken one', () => {
    const { glossary } = parseGlossaryText('synonyms:\n  - [TXID]\n  - [AD, authenticated data]\n', 'g.yaml');
    expect(glossary.synonyms.map((group) => group.terms)).toEqual([['AD', 'authenticated data']]);
  });

  it.each<[string, string, number, RegExp]>([
    ['a first line that names another language', '---js\nsynonyms: []\n', 1, /"---js" would name another language; a glossary is YAML data only, never code/],
    ['a list instead of a mapping', '- [TTL, time to live]\n', 1, /a glossary is a mapping with a synonyms: list and a contrasts: list/],
    ['an unknown list', 'aliases:\n  - [TTL, time to live]\n', 1, /"aliases" is not a glossary list/],
    ['a list given as a word', 'synonyms: TTL\n', 1, /synonyms: must be a list/],
    ['a list named twice', 'synonyms:\n  - [a, b]\nsynonyms:\n  - [c, d]\n', 3, /unique/],
  ])('reports %s', (_name, text, line, message) => {
    const { problems } = parseGlossaryText(text, 'g.yaml');
    expect(problems[0]).toMatchObject({ rule: 'glossary', path: 'g.yaml', line });
    expect(problems[0]!.message).toMatch(message);
  });

  it('removes terminal control characters from terms', () => {
    const { glossary } = parseGlossaryText('synonyms:\n  - ["TTL\\u001b[31m", time to live]\n', 'g.yaml');
    expect(glossary.synonyms[0]!.terms).toEqual(['TTL[31m', 'time to live']);
  });
});

describe('loadGlossary', () => {
  it('adds the glossary.yaml of each card folder after the ones before it; a folder without one adds nothing', () => {
    const first = cardFolder('synonyms:\n  - [TTL, time to live]\n');
    const second = cardFolder();
    const third = cardFolder('synonyms:\n  - [TTL, lifetime]\ncontrasts:\n  - [blue, green]\n');
    const { glossary, problems } = loadGlossary([first, second, third]);
    expect(problems).toEqual([]);
    expect(glossary.synonyms.map((group) => group.terms)).toEqual([['TTL', 'time to live'], ['TTL', 'lifetime']]);
    expect(glossary.contrasts.map((group) => group.terms)).toEqual([['blue', 'green']]);
  });

  it("reports, with the author's file and line, a synonym that would make two of the bundled contrasting terms one", () => {
    const mine = cardFolder('# my terms\nsynonyms:\n  - [KSK, ZSK]\n  - [RRL, rate limiting]\n');
    const { glossary, problems } = loadGlossary([bundledContentDir(), mine]);
    expect(problems).toEqual([{ level: 'error', rule: 'glossary', path: join(mine, GLOSSARY_FILE), line: 3, message: '"KSK" and "ZSK" are contrasting terms, so they cannot be synonyms' }]);
    expect(glossary.synonyms.at(-1)!.terms).toEqual(['RRL', 'rate limiting']);
  });

  it('reports a glossary too large to read, and loads the others', () => {
    const big = cardFolder(`synonyms:\n  - [a, b]\n#${'x'.repeat(MAX_GLOSSARY_BYTES - 20)}\n`);
    const small = cardFolder('synonyms:\n  - [TTL, time to live]\n');
    const { glossary, problems } = loadGlossary([big, small]);
    expect(problems).toEqual([{ level: 'error', rule: 'glossary', path: join(big, GLOSSARY_FILE), message: `${MAX_GLOSSARY_BYTES / 1024 + 1} KiB is over the 256 KiB limit for a glossary` }]);
    expect(glossary.synonyms).toHaveLength(1);
  });

  it('reports a glossary.yaml that is a folder', () => {
    const dir = cardFolder();
    mkdirSync(join(dir, GLOSSARY_FILE));
    expect(loadGlossary([dir]).problems).toEqual([{ level: 'error', rule: 'glossary', path: join(dir, GLOSSARY_FILE), message: 'is not a file' }]);
  });
});
