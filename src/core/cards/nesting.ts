/** The deepest list or quote nesting a card may use; deeper input could exhaust the parser's stack. */
export const MAX_NESTING = 16;

const MARKERS = /^(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))\s*/;

/** Finds the first line whose quote and list nesting exceeds the limit, scanning text without parsing it. */
export function findExcessiveNesting(body: string, firstLine: number): { line: number; depth: number } | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(lines[index]!)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? undefined : fenceMark;
      continue;
    }
    if (fence) continue;
    const depth = nestingDepth(lines[index]!);
    if (depth > MAX_NESTING) return { line: firstLine + index, depth };
  }
  return undefined;
}

function nestingDepth(line: string): number {
  const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
  let rest = line.trimStart();
  let markers = 0;
  for (let match = MARKERS.exec(rest); match && match[0].length > 0; match = MARKERS.exec(rest)) {
    markers++;
    rest = rest.slice(match[0].length);
  }
  // Indentation nests only list items; a marker-less indented line is a continuation or code.
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}
