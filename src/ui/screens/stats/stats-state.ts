import type { StyledLine } from '../../../core/markdown/styled-line.js';
import type { StatsSection } from '../../../core/quiz/stats-lines.js';

/** The stats report flattened to lines, with where each section starts. */
export interface StatsDocument {
  lines: StyledLine[];
  sectionStarts: number[];
}

/** Where the report is scrolled to, and whether the key help covers it. */
export interface StatsViewState {
  top: number;
  helpOpen?: boolean;
}

/** What a key asks of the stats screen. */
export type StatsAction =
  | { type: 'scroll'; by: number }
  | { type: 'page'; by: number }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'section'; by: number }
  | { type: 'help'; open: boolean };

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

/** The pure scroll reducer: never past the top, never past the last full page, and not at all behind the key help. */
export function statsReducer(state: StatsViewState, action: StatsAction, document: StatsDocument, viewportRows: number): StatsViewState {
  if (state.helpOpen && action.type !== 'help') return state;
  const maxTop = Math.max(0, document.lines.length - viewportRows);
  const clamp = (top: number) => ({ ...state, top: Math.max(0, Math.min(maxTop, top)) });
  switch (action.type) {
    case 'help':
      return action.open ? { ...state, helpOpen: true } : { top: state.top };
    case 'scroll':
      return clamp(state.top + action.by);
    case 'page':
      return clamp(state.top + action.by * Math.max(1, viewportRows - 1));
    case 'top':
      return clamp(0);
    case 'bottom':
      return clamp(maxTop);
    case 'section': {
      const starts = document.sectionStarts;
      const target = action.by > 0 ? starts.find((start) => start > state.top) : [...starts].reverse().find((start) => start < state.top);
      return clamp(target ?? (action.by > 0 ? maxTop : 0));
    }
  }
}
