import { editText, type TextEdit } from '../../components/text-edit.js';
import { clamp } from '../../components/window.js';
import type { LineMatch } from './find-in-lines.js';

/** A list of choices shown over the bottom of the card: related cards or the card's scenarios. */
export interface ReaderPicker {
  kind: 'related' | 'scenario';
  cursor: number;
}

/** The reader: which card, where it is scrolled to, the find box and any open picker. */
export interface ReaderState {
  cardId: string;
  top: number;
  /** The text width top was measured at; after a resize the same place is found again in the re-wrapped card. */
  width?: number;
  /** A section to scroll to once the card is laid out (set when opened from a search result). */
  pendingSection?: string;
  find: { editing: boolean; draft: string; query: string; index: number };
  picker?: ReaderPicker;
  notice?: string;
}

/** What the reader knows about the laid-out card when it handles a key. */
export interface ReaderLayout {
  lineCount: number;
  viewHeight: number;
  sectionStarts: readonly { name: string; line: number }[];
  /** Matches of the committed find query, in reading order. */
  matches: readonly LineMatch[];
  /** Matches of a draft query, to jump to the first on submit. */
  draftMatches?: readonly LineMatch[];
  /** The line actually at the top (pendingSection resolved, resizes followed). */
  top: number;
  /** The text width the card is laid out at. */
  width: number;
  pickerSize: number;
}

/** Something that happens in the reader. */
export type ReaderAction =
  | { type: 'scroll'; to: 'lineUp' | 'lineDown' | 'pageUp' | 'pageDown' | 'halfUp' | 'halfDown' | 'top' | 'bottom' }
  | { type: 'section'; to: 'next' | 'prev' | number }
  | { type: 'findStart' }
  | { type: 'findEdit'; edit: TextEdit }
  | { type: 'findSubmit' }
  | { type: 'findCancel' }
  | { type: 'match'; direction: 1 | -1 }
  | { type: 'pickerOpen'; kind: ReaderPicker['kind'] }
  | { type: 'pickerMove'; by: 1 | -1 }
  | { type: 'pickerClose' }
  | { type: 'notice'; text: string };

/** A reader opened on a card, optionally at a section. */
export function openReader(cardId: string, section?: string): ReaderState {
  return { cardId, top: 0, ...(section ? { pendingSection: section } : {}), find: { editing: false, draft: '', query: '', index: -1 } };
}

/** The last line the top may be at: the end of the card sits on the last row. */
export function maxTop(layout: Pick<ReaderLayout, 'lineCount' | 'viewHeight'>): number {
  return Math.max(0, layout.lineCount - layout.viewHeight);
}

/** The next reader state; pure: the laid-out card comes in with each action. */
export function readerReducer(state: ReaderState, action: ReaderAction, layout: ReaderLayout): ReaderState {
  const base: ReaderState = { ...state, top: layout.top, width: layout.width, pendingSection: undefined, notice: undefined };
  const at = (top: number): ReaderState => ({ ...base, top: clamp(top, 0, maxTop(layout)) });
  const page = Math.max(1, layout.viewHeight - 2);
  switch (action.type) {
    case 'scroll': {
      const half = Math.max(1, Math.floor(layout.viewHeight / 2));
      const moves = { lineUp: -1, lineDown: 1, pageUp: -page, pageDown: page, halfUp: -half, halfDown: half, top: -Infinity, bottom: Infinity };
      const delta = moves[action.to];
      return at(Number.isFinite(delta) ? layout.top + delta : delta < 0 ? 0 : maxTop(layout));
    }
    case 'section':
      return sectionJump(base, action.to, layout, at);
    case 'findStart':
      return { ...base, find: { ...state.find, editing: true, draft: '' } };
    case 'findEdit':
      return { ...base, find: { ...state.find, draft: editText(state.find.draft, action.edit) } };
    case 'findCancel':
      return { ...base, find: { ...state.find, editing: false, draft: '' } };
    case 'findSubmit': {
      const query = state.find.draft.trim();
      if (!query) return { ...base, find: { editing: false, draft: '', query: '', index: -1 } };
      const matches = layout.draftMatches ?? [];
      const found = { ...base, find: { editing: false, draft: '', query, index: -1 } };
      if (matches.length === 0) return { ...found, notice: `not found: ${query}` };
      // Like less: the first match at or below the top line, wrapping to the first one.
      const index = Math.max(0, matches.findIndex((match) => match.line >= layout.top));
      return showMatch(found, index, matches, layout);
    }
    case 'match': {
      if (!state.find.query) return { ...base, notice: 'press / to find text in this card' };
      if (layout.matches.length === 0) return { ...base, notice: `not found: ${state.find.query}` };
      const count = layout.matches.length;
      const index = (((state.find.index < 0 ? (action.direction > 0 ? -1 : 0) : state.find.index) + action.direction) % count + count) % count;
      const wrapped = state.find.index >= 0 && (action.direction > 0 ? index < state.find.index : index > state.find.index);
      const next = showMatch(base, index, layout.matches, layout);
      return wrapped ? { ...next, notice: action.direction > 0 ? 'search hit the bottom, continuing at the top' : 'search hit the top, continuing at the bottom' } : next;
    }
    case 'pickerOpen':
      return { ...base, picker: { kind: action.kind, cursor: 0 } };
    case 'pickerMove':
      return base.picker ? { ...base, picker: { ...base.picker, cursor: clamp(base.picker.cursor + action.by, 0, Math.max(0, layout.pickerSize - 1)) } } : base;
    case 'pickerClose':
      return { ...base, picker: undefined };
    case 'notice':
      return { ...base, notice: action.text };
  }
}

function showMatch(state: ReaderState, index: number, matches: readonly LineMatch[], layout: ReaderLayout): ReaderState {
  const line = matches[index]!.line;
  const visible = line >= layout.top && line < layout.top + layout.viewHeight;
  const top = visible ? layout.top : clamp(line - Math.floor(layout.viewHeight / 3), 0, maxTop(layout));
  return { ...state, top, find: { ...state.find, index } };
}

function sectionJump(state: ReaderState, to: 'next' | 'prev' | number, layout: ReaderLayout, at: (top: number) => ReaderState): ReaderState {
  const starts = layout.sectionStarts;
  if (starts.length === 0) return state;
  if (typeof to === 'number') {
    const target = starts[to - 1];
    return target ? at(target.line) : { ...state, notice: `this card has ${starts.length} sections` };
  }
  if (to === 'next') {
    const next = starts.find((start) => start.line > layout.top);
    if (!next || layout.top >= maxTop(layout)) return { ...state, notice: 'this is the last section' };
    return at(next.line);
  }
  const previous = [...starts].reverse().find((start) => start.line < layout.top);
  return previous ? at(previous.line) : at(0);
}

/** Index of the section the given top line is in (-1 before the first section). */
export function sectionAt(starts: readonly { line: number }[], top: number): number {
  let current = -1;
  starts.forEach((start, index) => {
    if (start.line <= top) current = index;
  });
  return current;
}

/** The line at the same place after re-wrapping: the same section, the same fraction of the way through it. */
export function remapTop(top: number, before: { lines: readonly unknown[]; sectionStarts: readonly { line: number }[] }, after: { lines: readonly unknown[]; sectionStarts: readonly { line: number }[] }): number {
  const index = sectionAt(before.sectionStarts, top);
  const span = (starts: readonly { line: number }[], count: number, at: number) => ({ start: at < 0 ? 0 : starts[at]!.line, end: starts[at + 1]?.line ?? count });
  const old = span(before.sectionStarts, before.lines.length, index);
  const now = span(after.sectionStarts, after.lines.length, index);
  const fraction = old.end > old.start ? (top - old.start) / (old.end - old.start) : 0;
  return now.start + Math.round(fraction * (now.end - now.start));
}
