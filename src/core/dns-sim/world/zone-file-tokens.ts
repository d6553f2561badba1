/** One field of a zone-file entry: its text (escapes kept, quotes removed), whether it was quoted, and its line. */
export interface ZoneToken {
  text: string;
  quoted: boolean;
  line: number;
}

/** One logical entry: a line, or several lines joined by parentheses (RFC 1035 section 5.1). */
export interface ZoneEntry {
  line: number;
  /** The entry began with a space or tab, so it repeats the previous owner name. */
  blankOwner: boolean;
  tokens: ZoneToken[];
}

/** A problem found while splitting the text into entries. */
export interface TokenProblem {
  line: number;
  message: string;
}

/** Splits master-file text into entries, removing comments and joining parenthesised lines; entries with a lexical error are left out. */
export function tokenizeZoneFile(text: string): { entries: ZoneEntry[]; errors: TokenProblem[] } {
  const entries: ZoneEntry[] = [];
  const errors: TokenProblem[] = [];
  // CRLF, LF, and a lone CR (classic Mac OS files) all end a line: split only on LF, a CR-only file would be one comment-swallowed line.
  tokenizeLines(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/), 0, entries, errors, true);
  // The second pass after a missing ')' may meet the same lexical errors again.
  const unique = new Map(errors.map((error) => [`${error.line} ${error.message}`, error]));
  return { entries, errors: [...unique.values()] };
}

function tokenizeLines(lines: string[], from: number, entries: ZoneEntry[], errors: TokenProblem[], mayResume: boolean): void {
  let entry: ZoneEntry | undefined;
  let broken = false;
  let depth = 0;
  let openedOn = 0;

  for (let index = from; index < lines.length; index++) {
    const lineText = lines[index] as string;
    const line = index + 1;
    if (depth === 0) {
      entry = { line, blankOwner: /^[ \t]/.test(lineText), tokens: [] };
      broken = false;
    }
    const current = entry as ZoneEntry;
    const fail = (message: string): void => {
      errors.push({ line, message });
      broken = true;
    };
    let token: ZoneToken | undefined;
    const flush = (): void => {
      if (token) current.tokens.push(token);
      token = undefined;
    };
    for (let i = 0; i < lineText.length; i++) {
      const ch = lineText[i] as string;
      if (ch === ' ' || ch === '\t') {
        flush();
      } else if (ch === ';') {
        break;
      } else if (ch === '(') {
        flush();
        // BIND rejects nested parentheses; counting them keeps one mistake from becoming two.
        if (depth > 0) fail(`'(' inside parentheses opened on line ${openedOn}`);
        else openedOn = line;
        depth += 1;
      } else if (ch === ')') {
        flush();
        if (depth === 0) fail(`')' without a matching '('`);
        else depth -= 1;
      } else if (ch === '"') {
        flush();
        const end = findClosingQuote(lineText, i + 1);
        if (end < 0) {
          fail('unterminated quoted string (a quoted string must close on the same line)');
          break;
        }
        current.tokens.push({ text: lineText.slice(i + 1, end), quoted: true, line });
        i = end;
      } else if (ch === '\\') {
        if (i + 1 >= lineText.length) {
          fail('backslash at the end of a line');
          break;
        }
        token ??= { text: '', quoted: false, line };
        token.text += lineText.slice(i, i + 2);
        i += 1;
      } else {
        token ??= { text: '', quoted: false, line };
        token.text += ch;
      }
    }
    flush();
    if (depth === 0 && current.tokens.length > 0 && !broken) entries.push(current);
  }
  if (depth > 0) {
    errors.push({ line: openedOn, message: `unbalanced parenthesis opened on line ${openedOn}` });
    // Resume once at the next line that starts a new owner, so one missing ')' does not hide the errors after it.
    const resume = mayResume ? lines.findIndex((text, i) => i >= openedOn && /^[^\s;]/.test(text)) : -1;
    if (resume >= 0) tokenizeLines(lines, resume, entries, errors, false);
  }
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}
