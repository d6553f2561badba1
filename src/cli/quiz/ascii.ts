import { verdictMarks, type VerdictMarks } from '../../core/quiz/session/verdict.js';

/** The marks the plain quiz prints: the verdict's, plus separators and arrows (the same ASCII ones as the app's theme). */
export interface PlainGlyphs extends VerdictMarks {
  ascii: boolean;
  separator: string;
  pointer: string;
  reveal: string;
  undone: string;
}

const UNICODE: PlainGlyphs = { ...verdictMarks(false), ascii: false, separator: '·', pointer: '›', reveal: '→', undone: '↶ undone' };
const ASCII: PlainGlyphs = { ...verdictMarks(true), ascii: true, separator: '|', pointer: '>', reveal: '>', undone: 'undone' };

/** The plain quiz's glyphs, ASCII ones under SWELEARN_ASCII or TERM=dumb. */
export function plainGlyphs(ascii: boolean): PlainGlyphs {
  return ascii ? ASCII : UNICODE;
}
