import { readFileSync, statSync } from 'node:fs';
import type { ConfigEntry, ConfigProblem } from '../core/config/check-config.js';
import { stripControl } from '../core/text/sanitize.js';
import { currentBuildId, derivedKey, readDerived, writeDerived } from './derived-cache.js';
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** The largest config file read: a few settings take a hundred bytes. */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** The entries of a config file's text, and the problems that kept others from being read. */
export interface ParsedConfig {
  entries: ConfigEntry[];
  problems: ConfigProblem[];
}

/** A config file as read: absent, or its top-level entries and the problems that kept others from being read. */
export type ConfigFile = { path: string; exists: false } | { path: string; exists: true; entries: ConfigEntry[]; problems: ConfigProblem[] };

/**
 * Reads a config file as YAML data only (no tags, no aliases), bounded in size. The entries of a file
 * already parsed by this build are read from the cache, so a run with a config file does not load YAML.
 */
export function readConfigFile(path: string, cacheDir: string): ConfigFile {
  let text: string;
  try {
    // No file is the usual case: asked without an exception, which costs more than the look-up itself.
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return { path, exists: false };
    if (!info.isFile()) return { path, exists: true, entries: [], problems: [{ line: 0, message: 'is not a file' }] };
    if (info.size > MAX_CONFIG_BYTES) return { path, exists: true, entries: [], problems: [{ line: 0, message: `is ${Math.ceil(info.size / 1024)} KiB; a config file is limited to ${MAX_CONFIG_BYTES / 1024} KiB` }] };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, exists: false };
    return { path, exists: true, entries: [], problems: [{ line: 0, message: `cannot be read (${code ?? 'error'})` }] };
  }
  const key = derivedKey(currentBuildId(), 'config', text);
  const cached = key === undefined ? undefined : readDerived<ParsedConfig>(cacheDir, 'config', key);
  if (cached) return { path, exists: true, ...cached };
  const parsed = parseConfigText(text);
  if (key !== undefined) writeDerived(cacheDir, 'config', key, parsed);
  return { path, exists: true, ...parsed };
}

/** The top-level entries of a YAML mapping with their lines; anything but plain data is a problem. */
export function parseConfigText(text: string): ParsedConfig {
  const lines = new LineCounter();
  const problems: ConfigProblem[] = [];
  const lineOf = (offset: number | undefined) => (offset === undefined ? 0 : lines.linePos(offset).line);
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, version: '1.2', schema: 'core' });
  for (const issue of [...doc.errors, ...doc.warnings]) problems.push({ line: lineOf(issue.pos[0]), message: firstLine(issue.message) });
  if (doc.errors.length > 0 || doc.contents === null) return { entries: [], problems };
  if (!isMap(doc.contents)) return { entries: [], problems: [...problems, { line: lineOf(doc.contents.range?.[0]), message: 'must be a mapping of settings, one "key: value" a line' }] };
  const entries: ConfigEntry[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const line = lineOf(isNode(keyNode) ? keyNode.range?.[0] : undefined);
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
      problems.push({ line, message: 'a setting is named by a plain word, such as count' });
      continue;
    }
    const valueNode = pair.value;
    if (isAlias(valueNode) || (isNode(valueNode) && valueNode.tag !== undefined && !valueNode.tag.startsWith('tag:yaml.org,2002:'))) {
      problems.push({ line, message: `${keyNode.value}: aliases and tags are not read in a config file` });
      continue;
    }
    // Values are only ever compared with numbers, booleans and a few words; a nested value stays a marker.
    const value = isScalar(valueNode) ? valueNode.value : isSeq(valueNode) ? [] : isMap(valueNode) ? {} : null;
    entries.push({ key: keyNode.value, value, line });
  }
  return { entries, problems };
}

// The parser's messages can quote the file, so they are cleaned like any text from it.
function firstLine(message: string): string {
  return stripControl(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
}
