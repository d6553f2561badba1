/** Colours the theme may use; the serializer maps them to ANSI codes. */
export type Colour = 'cyan' | 'green' | 'yellow' | 'magenta' | 'blue' | 'red' | 'gray';

/** Text attributes of a run of characters. */
export interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
  inverse?: boolean;
  strike?: boolean;
  colour?: Colour;
  /** Target of a hyperlink. */
  link?: string;
}

/** A run of text with one style. */
export interface Segment {
  text: string;
  style?: Style;
}

/** One terminal line, as styled runs; its plain text never contains a newline. */
export type StyledLine = Segment[];

/** The plain text of a line. */
export function lineText(line: StyledLine): string {
  return line.map((segment) => segment.text).join('');
}

/** Merges two styles, the second winning. */
export function mergeStyle(base: Style | undefined, extra: Style | undefined): Style | undefined {
  if (!base) return extra;
  if (!extra) return base;
  return { ...base, ...extra };
}
