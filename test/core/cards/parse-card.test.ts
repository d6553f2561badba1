import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../src/core/cards/parse-card.js';
import { cardText } from './card-text.js';

const info = { path: 'cards/dns/negative.md', defaultId: 'negative', defaultTopic: 'dns', origin: 'bundled' as const };

describe('parseCard', () => {
  it('reads a valid card with its sections, key points and defaults', () => {
    const { card, problems } = parseCard(cardText(), info);
    expect(problems).toEqual([]);
    expect(card).toMatchObject({ id: 'negative', topic: 'dns', difficulty: 'medium', estimatedMinutes: 12, tags: ['dns', 'caching'] });
    expect(card!.sections.map((s) => [s.name, s.kind, s.line])).toEqual([
      ['Overview', 'overview', 8],
      ['When to Use', 'when-to-use', 11],
      ['Trade-offs & Gotchas', 'trade-offs', 14],
      ['Key Points for Interviews', 'key-points', 17],
    ]);
    expect(card!.keyPoints.map((p) => [p.markdown, p.line])).toEqual([
      ['The negative TTL is the **minimum of the SOA TTL and MINIMUM**.', 18],
      ['NXDOMAIN is **RCODE 3**.', 19],
    ]);
  });

  it.each([
    ['no blank line under the heading', ''],
    ['one blank line under the heading, as the bundled cards have', '\n'],
    ['two blank lines under the heading', '\n\n'],
  ])('gives each key point and practice question the file line of its bullet: %s', (_name, gap) => {
    const body = `## Overview\nAbout it.\n\n## When to Use\nAlways.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n${gap}- First **point**.\n- Second **point**\n  on two lines.\n\n## Practice Questions\n${gap}- Q: Why?\n  A: Because.\n`;
    const text = cardText({ body });
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const { card } = parseCard(text, info);
    expect(card!.keyPoints.map((point) => point.line)).toEqual([lineOf('- First'), lineOf('- Second')]);
    expect(card!.practiceQuestions.map((question) => question.line)).toEqual([lineOf('- Q: Why?')]);
  });

  // The bundled cards leave blank lines under each heading: a key point's line is its bullet's, which `:e` opens the editor at.
  it.each([
    ['no blank line under the heading', '## Key Points for Interviews\n- One **a**.\n- Two **b**.\n', [19, 20]],
    ['one blank line under the heading', '## Key Points for Interviews\n\n- One **a**.\n- Two **b**.\n', [20, 21]],
    ['two blank lines, and one between the bullets', '## Key Points for Interviews\n\n\n- One **a**.\n\n- Two **b**.\n', [21, 23]],
  ])('gives each key point the line of its bullet: %s', (_case, keyPoints, lines) => {
    const body = `## Overview\n\nText.\n\n## When to Use\nAlways.\n\n## Trade-offs & Gotchas\n- A gotcha.\n\n${keyPoints}`;
    const text = cardText({ body });
    const { card } = parseCard(text, info);
    expect(card!.keyPoints.map((point) => point.line)).toEqual(lines);
    expect(card!.keyPoints.map((point) => text.split('\n')[point.line - 1])).toEqual(card!.keyPoints.map((point) => `- ${point.markdown}`));
  });

  it('keeps unknown frontmatter fields and honours optional ones', () => {
    const { card } = parseCard(cardText({ extraFrontmatter: 'id: neg-cache\ntopic: networking\nrelated: [ttl]\nsim: [nodata]\nauthor: someone' }), info);
    expect(card).toMatchObject({ id: 'neg-cache', topic: 'networking', related: ['ttl'], sim: ['nodata'], extra: { author: 'someone' } });
  });

  it.each([
    ['bad difficulty', 'title: T\ntags: [a]\ndifficulty: extreme\nestimated_time: 5min', 'difficulty', 4, '"extreme" is not easy, medium or hard'],
    ['bad duration', 'title: T\ntags: [a]\ndifficulty: easy\nestimated_time: soon', 'estimated-time', 5, '"soon" is not a duration'],
    ['tags not a list', 'title: T\ntags: 5\ndifficulty: easy\nestimated_time: 5min', 'tags', 3, 'must be a list of strings, got the number 5'],
    ['missing title', 'tags: [a]\ndifficulty: easy\nestimated_time: 5min', 'title', undefined, 'must be a non-empty string'],
    ['bad id', 'title: T\ntags: [a]\ndifficulty: easy\nestimated_time: 5min\nid: My Card', 'id', 6, 'may hold only lowercase'],
    ['broken YAML', 'title: [unclosed\ntags: [a]', 'frontmatter-yaml', 3, 'Flow sequence'],
  ])('reports %s with its rule and line', (_name, frontmatter, rule, line, text) => {
    const { card, problems } = parseCard(cardText({ frontmatter }), info);
    expect(card).toBeUndefined();
    const problem = problems.find((p) => p.rule === rule);
    expect(problem).toMatchObject({ level: 'error', path: info.path });
    expect(problem!.line).toBe(line);
    expect(problem!.message).toContain(text);
  });

  it('refuses code frontmatter without running it', () => {
    const marker = `swelearn_test_${Date.now()}`;
    const text = `---js\n{ title: (globalThis.${marker} = 'ran') }\n---\n## Overview\n`;
    const { card, problems } = parseCard(text, info);
    expect(card).toBeUndefined();
    expect(problems[0]).toMatchObject({ rule: 'frontmatter-code', line: 1 });
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('rejects YAML alias bombs', () => {
    const bomb = ['title: T', 'a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const { problems } = parseCard(cardText({ frontmatter: bomb }), info);
    expect(problems[0]).toMatchObject({ rule: 'frontmatter-yaml' });
    expect(problems[0]!.message).toMatch(/alias/i);
  });

  it('names each missing section and an empty key-point list', () => {
    const body = '## Overview\nx\n\n## Key Points for Interviews\nNo bullets here.\n';
    const { problems } = parseCard(cardText({ body }), info);
    expect(problems.map((p) => [p.rule, p.message])).toEqual([
      ['missing-section', 'no "## When to Use" section'],
      ['missing-section', 'no "## Trade-offs & Gotchas" section'],
      ['empty-key-points', '"Key Points for Interviews" has no bullet items'],
    ]);
  });

  it('strips escape sequences and warns with the line', () => {
    const text = cardText().replace('Always.', 'Always \u001b]52;c;ZXZpbA==\u0007\u001b[2J.');
    const { card, problems } = parseCard(text, info);
    expect(problems).toEqual([expect.objectContaining({ level: 'warning', rule: 'control-characters', line: 12 })]);
    expect(JSON.stringify(card)).not.toMatch(/\\u001b|\\u0007/);
  });

  it('rejects deep nesting before parsing it', () => {
    const body = cardText().replace('Always.', `${'> '.repeat(5000)}deep`);
    const { problems } = parseCard(body, info);
    expect(problems[0]).toMatchObject({ rule: 'nesting-too-deep', line: 12 });
  });

  it('reads practice questions and reports items without an answer', () => {
    const body = cardText().trimEnd() + '\n\n## Practice Questions\n- Q: Why cache NXDOMAIN?\n  A: To spare the authoritative servers.\n- **Q:** What RCODE?\n  **A:** 3\n';
    const good = parseCard(body, info);
    expect(good.card!.practiceQuestions).toEqual([
      { question: 'Why cache NXDOMAIN?', answer: 'To spare the authoritative servers.', line: 22 },
      { question: 'What RCODE?', answer: '3', line: 24 },
    ]);
    const bad = parseCard(body + '- Q: Unanswered?\n', info);
    expect(bad.problems).toEqual([expect.objectContaining({ rule: 'practice-question', line: 26 })]);
  });
});
