// C0 controls except tab and newline, DEL, C1 controls (0x80-0x9f, which include the 8-bit CSI
// and OSC introducers), and the bidi overrides that can make a terminal show text out of order.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

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
