import type { StyledLine } from '../../../core/markdown/styled-line.js';
import type { StudyStats } from '../../../core/quiz/progress/stats.js';
import type { StatsSection } from '../../../core/quiz/progress/stats-lines.js';

/** The stats report flattened to lines, with where each section starts. */
export interface StatsDocument {
  lines: StyledLine[];
  sectionStarts: number[];
}

/** The statistics on the navigation stack: the report once loaded (or why not), and where it is scrolled to. */
export interface StatsRoute {
  stats?: StudyStats;
  failure?: string;
  top: number;
  /** The highlighted row of the held items. */
  highlight?: number;
  /** What the last key did (an item brought back), or why it could not. */
  notice?: string;
}

/** The statistics screen as it opens: loading, at the top. */
export const INITIAL_STATS: StatsRoute = { top: 0 };

// How long a screen that could be drawn waits for a report still being read before it opens loading instead. The app's
// code loads in one run of the event loop (the code cache), so a warm report, which waits on file reads, comes just
// after: painting "Reading your progress" first cost the report a second render (first frame 110 -> 164 ms, 42 cards).
const REPORT_GRACE_MS = 100;

/**
 * The statistics screen as a command opens it: with the report when it is read before the screen can be drawn or
 * within `graceMs` of it, so the first frame is the report; loading otherwise (or when reading failed), and the screen
 * then asks for it itself.
 */
export async function openedStats(report: Promise<StudyStats>, drawable: Promise<unknown>, graceMs = REPORT_GRACE_MS): Promise<StatsRoute> {
  const settled = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), () => undefined);
  let grace: NodeJS.Timeout | undefined;
  const drawn = settled(drawable).then(() => new Promise<undefined>((resolve) => (grace = setTimeout(() => resolve(undefined), graceMs))));
  const first = await Promise.race([settled(report), drawn]);
  clearTimeout(grace);
  return first ? { ...INITIAL_STATS, stats: first.value } : INITIAL_STATS;
}

/** What a key asks of the stats screen. */
export type StatsAction =
  | { type: 'scroll'; by: number }
  | { type: 'page'; by: number }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'section'; by: number }
  | { type: 'held'; by: number; heldStart: number; count: number };

/** Lays out sections as one scrollable document: a title line, the lines, a blank line between sections. */
export function statsDocument(sections: readonly StatsSection[]): StatsDocument {
  const lines: StyledLine[] = [];
  const sectionStarts: number[] = [];
  for (const section of sections) {
    if (lines.length > 0) lines.push([]);
    sectionStarts.push(lines.length);
    lines.push([{ text: section.title, style: { bold: true, colour: 'cyan' } }]);
    lines.push(...section.lines.map((line) => [{ text: '  ' }, ...line]));
  }
  return { lines, sectionStarts };
}

/** The pure scroll reducer: never past the top, never past the last full page. */
export function statsReducer(state: StatsRoute, action: StatsAction, document: StatsDocument, viewportRows: number): StatsRoute {
  const maxTop = Math.max(0, document.lines.length - viewportRows);
  const clamp = (top: number) => ({ ...state, top: Math.max(0, Math.min(maxTop, top)) });
  switch (action.type) {
    case 'scroll':
      return clamp(state.top + action.by);
    case 'page':
      return clamp(state.top + action.by * Math.max(1, viewportRows - 1));
    case 'top':
      return clamp(0);
    case 'bottom':
      return clamp(maxTop);
    case 'held': {
      // The highlight moves through the held rows, and the report scrolls to keep it in view.
      if (action.count === 0) return state;
      const highlight = Math.max(0, Math.min(action.count - 1, (state.highlight ?? 0) + action.by));
      const line = action.heldStart + highlight;
      const top = line < state.top ? line : line >= state.top + viewportRows ? line - viewportRows + 1 : state.top;
      return { ...clamp(top), highlight };
    }
    case 'section': {
      const starts = document.sectionStarts;
      const target = action.by > 0 ? starts.find((start) => start > state.top) : [...starts].reverse().find((start) => start < state.top);
      return clamp(target ?? (action.by > 0 ? maxTop : 0));
    }
  }
}
