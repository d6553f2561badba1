import { verdictMarks } from '../../../core/quiz/session/verdict.js';
import { makeTheme, type Glyphs } from '../../theme.js';

/** What the quiz and stats screens draw with: the theme's glyphs plus the marks for right and wrong answers. */
export interface QuizGlyphs extends Glyphs {
  ascii: boolean;
  /** Before a revealed answer: "→", or ">" in ASCII. */
  reveal: string;
  /** A right answer: "✓", or "[ok]" in ASCII. */
  rightMark: string;
  /** A wrong answer: "✗", or "[x]" in ASCII. */
  wrongMark: string;
  /** An item whose time ran out (not graded): "⏱", or "[--]" in ASCII. */
  timeUpMark: string;
}

function build(ascii: boolean): QuizGlyphs {
  const glyphs = makeTheme({ colour: false, ascii, reducedMotion: false }).glyphs;
  const marks = verdictMarks(ascii);
  return { ...glyphs, ascii, reveal: ascii ? glyphs.arrowRight : glyphs.right, rightMark: marks.right, wrongMark: marks.wrong, timeUpMark: marks.timeUp };
}

const SETS = { unicode: build(false), ascii: build(true) } as const;

/** The quiz glyphs for `--ascii` / SWELEARN_ASCII, or the Unicode ones. */
export function quizGlyphs(ascii: boolean): QuizGlyphs {
  return ascii ? SETS.ascii : SETS.unicode;
}
