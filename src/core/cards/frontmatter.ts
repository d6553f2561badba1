import matter from 'gray-matter';
import { parseDocument } from 'yaml';
import { stripControl } from '../text/sanitize.js';

/** The frontmatter and body of a card file, or the reason it could not be split. */
export type SplitCard =
  | { ok: true; data: Record<string, unknown>; body: string; bodyLine: number; fieldLines: Record<string, number> }
  | { ok: false; rule: string; message: string; line?: number };

const MAX_YAML_ALIASES = 20;

class FrontmatterError extends Error {
  constructor(readonly rule: string, message: string, readonly line?: number) {
    super(message);
  }
}

// gray-matter runs `---js` frontmatter through eval by default; every engine but ours throws, so
// no card can ever run code. YAML goes to the `yaml` package, which bounds alias expansion.
const refuseCode = (language: string) => () => {
  throw new FrontmatterError('frontmatter-code', `"---${language}" frontmatter would run code; only YAML is allowed`, 1);
};
const ENGINES = {
  yaml: { parse: parseYamlData },
  js: { parse: refuseCode('js') },
  javascript: { parse: refuseCode('javascript') },
  coffee: { parse: refuseCode('coffee') },
  coffeescript: { parse: refuseCode('coffeescript') },
  cson: { parse: refuseCode('cson') },
  json: { parse: refuseCode('json') },
};

/** Splits a card into YAML frontmatter data and Markdown body, refusing every code-evaluating engine. */
export function splitFrontmatter(text: string): SplitCard {
  const opening = /^---([^\n]*)\n/.exec(text);
  if (!opening) return { ok: false, rule: 'frontmatter-missing', message: 'a card starts with a --- line and a YAML block', line: 1 };
  const language = opening[1]!.trim().toLowerCase();
  if (language && language !== 'yaml') {
    const known = language in ENGINES;
    return {
      ok: false,
      rule: known ? 'frontmatter-code' : 'frontmatter-language',
      message: known ? `"---${language}" frontmatter would run code; only YAML is allowed` : `"---${language}" is not a frontmatter language swelearn reads; use YAML`,
      line: 1,
    };
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(opening[0].length - 1))) {
    return { ok: false, rule: 'frontmatter-missing', message: 'the frontmatter block has no closing --- line', line: 1 };
  }
  try {
    const file = matter(text, { engines: ENGINES, language: 'yaml' } as Parameters<typeof matter>[1]);
    const data = file.data as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, rule: 'frontmatter-yaml', message: 'the frontmatter must be a YAML mapping of fields', line: 2 };
    }
    const bodyOffset = text.length - file.content.length;
    const bodyLine = text.slice(0, bodyOffset).split('\n').length;
    return { ok: true, data: data as Record<string, unknown>, body: file.content, bodyLine, fieldLines: fieldLinesOf(file.matter) };
  } catch (error) {
    if (error instanceof FrontmatterError) return { ok: false, rule: error.rule, message: error.message, line: error.line };
    return { ok: false, rule: 'frontmatter-yaml', message: (error as Error).message, line: 1 };
  }
}

function parseYamlData(source: string): unknown {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    // gray-matter hands over the text from the end of the opening --- line, so YAML line N is file line N.
    const line = problem.linePos?.[0]?.line;
    throw new FrontmatterError('frontmatter-yaml', firstLine(problem.message), line ?? 1);
  }
  try {
    return stripControlDeep(doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }));
  } catch (error) {
    throw new FrontmatterError('frontmatter-yaml', `too many YAML aliases (limit ${MAX_YAML_ALIASES}): ${firstLine((error as Error).message)}`, 1);
  }
}

// YAML escapes such as "\u001b" create control characters after the raw text was cleaned.
function stripControlDeep(value: unknown): unknown {
  if (typeof value === 'string') return stripControl(value);
  if (Array.isArray(value)) return value.map(stripControlDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [stripControl(key), stripControlDeep(inner)]));
  }
  return value;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}

/** Line of each top-level key, so field errors can point at it; the matter text starts on the opening line. */
function fieldLinesOf(frontmatter: string): Record<string, number> {
  const lines: Record<string, number> = {};
  frontmatter.split('\n').forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (key && lines[key[1]!] === undefined) lines[key[1]!] = index + 1;
  });
  return lines;
}
