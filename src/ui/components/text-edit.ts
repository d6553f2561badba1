import { stripControl } from '../../core/text/sanitize.js';

/** An edit to a one-line text box. */
export type TextEdit = { type: 'insert'; text: string } | { type: 'erase' } | { type: 'eraseWord' } | { type: 'clear' };

/** The longest text a box accepts; a paste beyond it is cut. */
export const MAX_INPUT_CHARS = 200;

/** Applies an edit at the end of the text: typed or pasted text loses control characters and newlines. */
export function editText(value: string, edit: TextEdit): string {
  switch (edit.type) {
    case 'insert':
      return (value + stripControl(edit.text.replace(/[\r\n\t]+/g, ' '))).slice(0, MAX_INPUT_CHARS);
    case 'erase':
      return [...value].slice(0, -1).join('');
    case 'eraseWord':
      return value.replace(/\S*\s*$/, '');
    case 'clear':
      return '';
  }
}

/** The edit a key press makes, for the keys the key table does not bind (printable text). */
export function typedText(input: string, key: { ctrl: boolean; meta: boolean }): TextEdit | undefined {
  if (key.ctrl || key.meta || input === '') return undefined;
  return { type: 'insert', text: input };
}
