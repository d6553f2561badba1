import { markdownToPlain } from './plain-text.js';

/**
 * The plain text of the start of a Markdown text, at least `minChars` of it, cut after a line that no author
 * comment or link runs past, so that the full text's plain text begins with it, followed by a space or nothing:
 * a snippet near the start of a long section then strips a few lines, not the whole section. Undefined when the
 * cut would take the whole text anyway, or no such line is found.
 */
export function plainTextPrefix(markdown: string, minChars: number): string | undefined {
  let cut = markdown.indexOf('\n', minChars) + 1;
  // A cut inside a comment (the quiz markup spans lines) moves to the end of the line the comment closes on.
  for (let end = commentEndAfter(markdown, cut); cut > 0 && end > cut; end = commentEndAfter(markdown, cut)) cut = markdown.indexOf('\n', end) + 1;
  if (cut === 0 || cut >= markdown.length) return undefined;
  const plain = markdownToPlain(markdown.slice(0, cut));
  // A link or image the cut splits leaves its bracket unmatched here: markdownToPlain would have removed it whole.
  if (plain.lastIndexOf('[') > plain.lastIndexOf(']') || plain.lastIndexOf('](') > plain.lastIndexOf(')')) return undefined;
  return plain;
}

// Where the author comment open at `at` ends (markdownToPlain removes `<!--` up to the first `-->` after it), or 0
// when none is open there; an unclosed comment ends with the text.
function commentEndAfter(markdown: string, at: number): number {
  let from = 0;
  for (;;) {
    const open = markdown.indexOf('<!--', from);
    if (open < 0 || open >= at) return 0;
    const close = markdown.indexOf('-->', open + 4);
    if (close < 0) return markdown.length;
    if (close + 3 > at) return close + 3;
    from = close + 3;
  }
}
