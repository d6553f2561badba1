import { LineCounter, parseDocument, type Document } from 'yaml';
import type { FileLineError } from '../world/file-error.js';
import type { FieldReader } from './field-reader.js';

/** A YAML file of a world read under the world's rules, with a reader that reports problems at their lines. */
export interface YamlDocument {
  /** The document's value; missing when the text is not YAML or expands too far (the errors say why). */
  parsed?: { data: unknown };
  doc: Document;
  reader: FieldReader;
  errors: FileLineError[];
}

/**
 * Reads YAML text as every file of a world is read (servers.yaml, scenario settings, session files): LF, CRLF
 * or CR line ends, unique keys, at most 50 aliases expanded, and each problem at its line.
 */
export function readYamlDocument(text: string, file: string): YamlDocument {
  const lineCounter = new LineCounter();
  // The yaml package breaks lines only at LF; a lone CR (old Mac line ends) would make the file one line. Same line count either way.
  const doc = parseDocument(text.replace(/\r\n?/g, '\n'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: FileLineError[] = [];
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const lineOf = (path: (string | number)[]): number => {
    // Walk up until a node exists, so a missing field points at the entry that lacks it.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return lineAt(range[0]);
    }
    return 1;
  };
  const reader: FieldReader = { lineOf, fail: (path, message) => void errors.push({ file, line: lineOf(path), message }) };
  for (const error of doc.errors) errors.push({ file, line: lineAt(error.pos[0]), message: `YAML: ${firstLine(error.message)}` });
  if (errors.length > 0) return { doc, reader, errors };
  try {
    // A small alias budget stops "billion laughs" documents from expanding without bound.
    return { parsed: { data: doc.toJS({ maxAliasCount: 50 }) }, doc, reader, errors };
  } catch (error) {
    errors.push({ file, line: 1, message: `YAML: ${firstLine((error as Error).message)}` });
    return { doc, reader, errors };
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
