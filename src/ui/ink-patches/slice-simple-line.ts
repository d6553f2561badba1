// Characters that are each a grapheme of their own, one column wide, beside any other (the row-cached Output's simple
// characters), and SGR codes of one parameter: what chalk and ansiLine write.
const SIMPLE_STYLED_LINE = /^(?:[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff]|\u001b\[[1-9][0-9]*m)*$/;
const SGR = /\u001b\[([0-9]+)m/y;

// The SGR codes understood here, as slice-ansi reads them (through ansi-styles): the code that ends each style, and the
// codes that end one. Any other code leaves the line to slice-ansi.
const ENDED_BY = new Map<number, number>([
  [1, 22], [2, 22], [3, 23], [4, 24], [7, 27], [8, 28], [9, 29], [53, 55],
  ...[30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97].map((code): [number, number] => [code, 39]),
  ...[40, 41, 42, 43, 44, 45, 46, 47, 100, 101, 102, 103, 104, 105, 106, 107].map((code): [number, number] => [code, 49]),
]);
const ENDS = new Set(ENDED_BY.values());

type Token = { kind: 'char'; value: string } | { kind: 'start' | 'end'; code: string; end: string };

/**
 * slice-ansi's `sliceAnsi(line, from, to)`, the same string, for a line of simple characters and plain SGR codes; undefined
 * for any other line. slice-ansi segments every line into graphemes with Intl.Segmenter (about 0.2 ms a line on a
 * first frame); here each character is one grapheme one column wide, which the row-cached Output's tests check.
 */
export function sliceSimpleLine(line: string, from: number, to: number): string | undefined {
  if (!SIMPLE_STYLED_LINE.test(line)) return undefined;
  const tokens = tokensUpTo(line, to);
  if (!tokens) return undefined;
  // slice-ansi's loop, for tokens that are characters (one column each) or SGR codes of one start or end.
  const active = new Map<string, string>();
  let position = 0;
  let text = '';
  let included = false;
  for (const token of tokens) {
    const pastEnd = position >= to;
    if (token.kind === 'char') {
      if (pastEnd) break;
      if (!included && position >= from) {
        included = true;
        text = [...active.values()].join('');
      }
      if (included) text += token.value;
      position += 1;
      continue;
    }
    // Past the end, only a code that ends a style still open is kept.
    if (pastEnd && (token.kind === 'start' || !active.has(token.end))) continue;
    active.delete(token.end);
    if (token.kind === 'start') active.set(token.end, token.code);
    if (included) text += token.code;
  }
  if (!included) return '';
  return text + [...active.keys()].reverse().join('');
}

// The line's tokens as slice-ansi's tokenizer gives them: up to the character that reaches `to` columns and the codes
// right after it. Undefined when a code is not one understood here.
function tokensUpTo(line: string, to: number): Token[] | undefined {
  const tokens: Token[] = [];
  let columns = 0;
  let index = 0;
  let trailing = false;
  while (index < line.length) {
    if (line.charCodeAt(index) === 0x1b) {
      SGR.lastIndex = index;
      const number = Number(SGR.exec(line)![1]);
      const code = `\u001b[${number}m`;
      const endedBy = ENDED_BY.get(number);
      if (endedBy !== undefined) tokens.push({ kind: 'start', code, end: `\u001b[${endedBy}m` });
      else if (ENDS.has(number)) tokens.push({ kind: 'end', code, end: code });
      else return undefined;
      index = SGR.lastIndex;
      continue;
    }
    if (trailing) break;
    tokens.push({ kind: 'char', value: line[index]! });
    index += 1;
    columns += 1;
    trailing = columns >= to;
  }
  return tokens;
}
