// C0 controls except tab and newline, DEL, C1 controls (0x80-0x9f, which include the 8-bit CSI
// and OSC introducers), and the bidi overrides that can make a terminal show text out of order.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ANY_CONTROL = new RegExp(CONTROL.source);

/** Result of removing terminal control characters from untrusted text. */
export interface SanitizedText {
  text: string;
  removed: number;
  /** 1-based line of the first removed character, when any was removed. */
  firstLine?: number;
}

/** Normalises line endings and removes every control character that could drive a terminal. */
export function sanitizeText(raw: string): SanitizedText {
  const normalized = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  let removed = 0;
  let firstIndex = -1;
  const text = normalized.replace(CONTROL, (_match, offset: number) => {
    if (firstIndex < 0) firstIndex = offset;
    removed += 1;
    return '';
  });
  if (removed === 0) return { text, removed };
  return { text, removed, firstLine: lineAt(normalized, firstIndex) };
}

/** Removes control characters from a short string (a flag value, a query) without line tracking. */
export function stripControl(value: string): string {
  return value.replace(CONTROL, '');
}

/** The 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// The only control sequences the program writes itself: SGR colours, OSC 8 hyperlinks (ended by
// ESC \ or BEL; the link's parameters and URL may not hold a control character) and CSV's CRLF.
// The program's own: CRLF, SGR colours, OSC 8 links, and the workload progress line's "carriage return, erase line".
const OWN_STYLING = /\r\n|\r\u001b\[2K|\u001b\[[0-9;]*m|\u001b\]8;[^\u0000-\u001f\u007f-\u009f]*;[^\u0000-\u001f\u007f-\u009f]*(?:\u001b\\|\u0007)/g;

/** Makes text bound for a terminal safe: keeps the program's own SGR colours and OSC 8 links and passes everything else through stripControl. */
export function guardOutput(text: string): string {
  // Fast path: most output holds no control character at all.
  if (!ANY_CONTROL.test(text)) return text;
  let result = '';
  let last = 0;
  for (const match of text.matchAll(OWN_STYLING)) {
    result += stripControl(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + stripControl(text.slice(last));
}
