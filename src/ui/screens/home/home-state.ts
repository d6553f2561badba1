import { editText, type TextEdit } from '../../components/text-edit.js';
import { clamp } from '../../components/window.js';

/** The home screen: the card list (or the search results) and the search box. */
export interface HomeState {
  focus: 'list' | 'search';
  query: string;
  /** Index of the selected card (list) or result (search). */
  cursor: number;
}

/** Something that happens on the home screen. */
export type HomeAction =
  | { type: 'move'; to: 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last'; count: number; page: number }
  | { type: 'focusSearch' }
  | { type: 'edit'; edit: TextEdit }
  | { type: 'toList' }
  | { type: 'clearSearch' };

/** The home screen as the app opens. */
export const INITIAL_HOME: HomeState = { focus: 'list', query: '', cursor: 0 };

/** The next home state; pure, so every key can be tested without Ink. */
export function homeReducer(state: HomeState, action: HomeAction): HomeState {
  switch (action.type) {
    case 'move': {
      const last = Math.max(0, action.count - 1);
      const page = Math.max(1, action.page);
      const target = { up: state.cursor - 1, down: state.cursor + 1, pageUp: state.cursor - page, pageDown: state.cursor + page, first: 0, last }[action.to];
      return { ...state, cursor: clamp(target, 0, last) };
    }
    case 'focusSearch':
      return { ...state, focus: 'search' };
    case 'edit': {
      const query = editText(state.query, action.edit);
      return query === state.query ? state : { ...state, query, cursor: 0 };
    }
    case 'toList':
      return { ...state, focus: 'list' };
    case 'clearSearch':
      return { ...state, focus: 'list', query: '', cursor: 0 };
  }
}
