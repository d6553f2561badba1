import type { Key } from 'ink';
import { createContext, useContext } from 'react';

/** A key handler: returns true when it used the key, which stops the key there. */
export type KeyHandler = (input: string, key: Key) => boolean;

/** Where screens register their key handlers; the shell feeds it every key, one at a time. */
export interface KeyBus {
  register(handler: { current: KeyHandler }): () => void;
  emit(input: string, key: Key): void;
}

/** A bus that offers each key to the handlers in the order they registered. */
export function createKeyBus(): KeyBus {
  const handlers: { current: KeyHandler }[] = [];
  return {
    register(handler) {
      handlers.push(handler);
      return () => {
        const at = handlers.indexOf(handler);
        if (at >= 0) handlers.splice(at, 1);
      };
    },
    emit(input, key) {
      for (const handler of [...handlers]) if (handler.current(input, key)) return;
    },
  };
}

const PLAIN: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/**
 * Splits one read of plain text into single keys. Ink hands "/dns" typed quickly (or pasted) over as
 * one input; each character must act alone, so that "/" opens the search box before "d" is typed into it.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  const special = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl || key.meta;
  const chars = [...input];
  if (special || chars.length <= 1) return [[input, key]];
  return chars.map((char): [string, Key] => {
    if (char === '\r') return ['', { ...PLAIN, return: true }];
    if (char === '\t') return ['', { ...PLAIN, tab: true }];
    if (char === '\u007f') return ['', { ...PLAIN, delete: true }];
    return [char, { ...PLAIN, shift: /[A-Z]/.test(char) }];
  });
}

/** The bus of the running app. */
export const KeyBusContext = createContext<KeyBus | undefined>(undefined);

/** The app's key bus. */
export function useKeyBus(): KeyBus {
  const bus = useContext(KeyBusContext);
  if (!bus) throw new Error('useKeyBus outside <App>');
  return bus;
}
