import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { CardProblem } from '../core/cards/types.js';
import { compileGlossary, EMPTY_GLOSSARY, type Glossary, type GlossaryGroup } from '../core/quiz/answers/glossary.js';
import { stripControl } from '../core/text/sanitize.js';
import { cacheHash } from './cache-space.js';
import { currentBuildId, derivedKey, readDerived, writeDerived } from './derived-cache.js';

/** The glossary file's name at the root of a card folder. */
export const GLOSSARY_FILE = 'glossary.yaml';

/** The largest glossary file read. */
export const MAX_GLOSSARY_BYTES = 256 * 1024;

/** The glossary of every card folder, and each line that could not be used (rule `glossary`, with its file and line). */
export interface LoadedGlossary {
  glossary: Glossary;
  problems: CardProblem[];
}

/**
 * Reads `glossary.yaml` at the root of each card folder, in order, as YAML data only (no code, no tags,
 * no aliases); a folder without one adds nothing. The result of texts already read by this build comes
 * from the cache, so a quiz does not load YAML on every run.
 */
export function loadGlossary(cardDirs: readonly string[], cacheDir?: string): LoadedGlossary {
  const files: { path: string; text: string }[] = [];
  const problems: CardProblem[] = [];
  for (const dir of cardDirs) {
    const read = readGlossaryFile(join(dir, GLOSSARY_FILE));
    if (read && 'text' in read) files.push(read);
    else if (read) problems.push(read);
  }
  const key = cacheDir === undefined ? undefined : derivedKey(currentBuildId(), 'glossary', ...files.flatMap((file) => [file.path, file.text]));
  const cached = key === undefined ? undefined : readDerived<LoadedGlossary>(cacheDir!, 'glossary', key);
  if (cached) return { glossary: cached.glossary, problems: [...problems, ...cached.problems] };
  const parsed = files.map((file) => parseGlossaryFile(file, cacheDir));
  const glossary: Glossary = { synonyms: parsed.flatMap((one) => one.glossary.synonyms), contrasts: parsed.flatMap((one) => one.glossary.contrasts) };
  // Lines that clash (two contrasting terms made synonyms) can come from two files, so they are found on the whole.
  const clashes = compileGlossary(glossary).problems.map((problem): CardProblem => ({ level: 'error', rule: 'glossary', path: problem.source?.path ?? '', ...(problem.source ? { line: problem.source.line } : {}), message: problem.message }));
  const loaded: LoadedGlossary = { glossary, problems: [...parsed.flatMap((one) => one.problems), ...clashes] };
  if (key !== undefined) writeDerived(cacheDir!, 'glossary', key, loaded);
  return { glossary, problems: [...problems, ...loaded.problems] };
}

// Where a file's path goes in a parse cached by its text alone: the same text parses the same in any folder.
const PATH_MARK = '\u0000glossary';

/**
 * One file's groups and problems, cached by its text (and the build) rather than its path, so the build's
 * seed holds the bundled glossary parsed and a first run, or a second folder with the same text, loads no YAML.
 */
function parseGlossaryFile(file: { path: string; text: string }, cacheDir: string | undefined): LoadedGlossary {
  const name = `glossary-text-${cacheHash('sha1').update(file.text).digest('hex').slice(0, 16)}`;
  const key = cacheDir === undefined ? undefined : derivedKey(currentBuildId(), 'glossary-text', file.text);
  const cached = key === undefined ? undefined : readDerived<LoadedGlossary>(cacheDir!, name, key);
  const parsed = cached ?? parseGlossaryText(file.text, PATH_MARK);
  if (!cached && key !== undefined) writeDerived(cacheDir!, name, key, parsed);
  const at = <T extends { path: string }>(where: T): T => (where.path === PATH_MARK ? { ...where, path: file.path } : where);
  const placed = (groups: readonly GlossaryGroup[]) => groups.map((group) => (group.source ? { ...group, source: at(group.source) } : group));
  return { glossary: { synonyms: placed(parsed.glossary.synonyms), contrasts: placed(parsed.glossary.contrasts) }, problems: parsed.problems.map(at) };
}

function readGlossaryFile(path: string): { path: string; text: string } | CardProblem | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return undefined;
    if (!info.isFile()) return { level: 'error', rule: 'glossary', path, message: 'is not a file' };
    if (info.size > MAX_GLOSSARY_BYTES) return { level: 'error', rule: 'glossary', path, message: `${Math.ceil(info.size / 1024)} KiB is over the ${MAX_GLOSSARY_BYTES / 1024} KiB limit for a glossary` };
    return { path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return undefined;
    return { level: 'error', rule: 'glossary', path, message: `cannot be read (${code ?? 'error'})` };
  }
}

/** The groups of one glossary file; each broken line is a problem with its line, and the other lines still load. */
export function parseGlossaryText(text: string, path: string): LoadedGlossary {
  const problems: CardProblem[] = [];
  const report = (line: number, message: string) => problems.push({ level: 'error', rule: 'glossary', path, line, message: stripControl(message) });
  const glossary: Glossary = { synonyms: [], contrasts: [] };
  const opening = /^---([^\n]*)/.exec(text);
  if (opening && opening[1]!.trim()) {
    report(1, `"---${opening[1]!.trim()}" would name another language; a glossary is YAML data only, never code`);
    return { glossary: EMPTY_GLOSSARY, problems };
  }
  const lines = new LineCounter();
  const lineOf = (offset: number) => lines.linePos(offset).line;
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core' });
  const errors = doc.errors.map((error) => ({ offset: error.pos[0], message: firstLine(error.message), used: false }));
  const contents = doc.contents;
  if (contents && !isMap(contents)) report(lineOf(contents.range?.[0] ?? 0), 'a glossary is a mapping with a synonyms: list and a contrasts: list');
  for (const pair of isMap(contents) ? contents.items : []) {
    const keyNode = pair.key;
    const line = isNode(keyNode) ? lineOf(keyNode.range?.[0] ?? 0) : 1;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    if (name !== 'synonyms' && name !== 'contrasts') {
      report(line, `"${name}" is not a glossary list; a glossary has synonyms: and contrasts:`);
      continue;
    }
    const value = pair.value;
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isSeq(value) || value.tag !== undefined || value.anchor !== undefined) {
      report(line, `${name}: must be a list, one group of terms a line, such as - [TTL, time to live]`);
      continue;
    }
    for (const entry of value.items) {
      const at = isNode(entry) ? entry.range : undefined;
      const entryLine = at ? lineOf(at[0]) : line;
      // The parser notes an unclosed list where the entry's value ends, which is also where the next line starts.
      const broken = at ? errors.filter((error) => !error.used && error.offset >= at[0] && error.offset <= Math.max(at[1], at[2] - 1)) : [];
      if (broken.length > 0) {
        for (const error of broken) error.used = true;
        report(entryLine, broken[0]!.message);
        continue;
      }
      const group = readGroup(entry, name);
      if (typeof group === 'string') report(entryLine, group);
      else glossary[name].push({ ...group, source: { path, line: entryLine } });
    }
  }
  for (const error of errors) if (!error.used) report(lineOf(error.offset), error.message);
  return { glossary, problems };
}

function readGroup(entry: unknown, name: string): GlossaryGroup | string {
  if (isAlias(entry) || (isNode(entry) && (entry.anchor !== undefined || hasTag(entry)))) return `${name}: tags, anchors and aliases are not read in a glossary`;
  if (!isSeq(entry)) return `${name}: each line is a list of terms, such as - [TTL, time to live]`;
  const terms: string[] = [];
  for (const item of entry.items) {
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) return `${name}: each term is a word or phrase, not a list or a mapping`;
    const term = stripControl(String(item.value)).trim();
    if (term.length === 0 || term.length > 80) return `${name}: each term is between 1 and 80 characters`;
    terms.push(term);
  }
  return terms.length >= 2 ? { terms } : `${name}: a line needs at least two terms`;
}

// A tag anywhere in a group (!!js/function, !custom) means the file asks for more than data.
function hasTag(node: Node): boolean {
  if (node.tag !== undefined) return true;
  return isSeq(node) ? node.items.some((item) => isAlias(item) || (isNode(item) && (item.tag !== undefined || item.anchor !== undefined))) : false;
}

// The parser's messages can quote the file, so they are cleaned like any text from it.
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
