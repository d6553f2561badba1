import type { Key } from 'ink';
import { useLayoutEffect, useRef } from 'react';
import { useKeyBus } from '../key-bus.js';
import { matchKey, type KeyHit, type Mode } from '../keymap.js';
import { typedText, type TextEdit } from '../components/text-edit.js';
import { useServices } from '../services.js';

/** Whether a handler takes keys, asked at the moment each key arrives (so it sees state changed by the key before). */
export type ActiveCheck = boolean | (() => boolean);

/** Routes key presses through one key table; in text modes, unbound printable keys become typing. */
export function useKeys<M extends Mode>(mode: M, onKey: (hit: KeyHit<M>) => void, options: { isActive: ActiveCheck; onText?: (edit: TextEdit) => void }): void {
  const { features } = useServices();
  const bus = useKeyBus();
  const handler = useRef<(input: string, key: Key) => boolean>(() => false);
  handler.current = (input, key) => {
    const active = typeof options.isActive === 'function' ? options.isActive() : options.isActive;
    if (!active) return false;
    const hit = matchKey(mode, input, key, features);
    if (hit) {
      onKey(hit);
      return true;
    }
    const edit = options.onText ? typedText(input, key) : undefined;
    if (edit) {
      options.onText!(edit);
      return true;
    }
    return false;
  };
  // Registered in the same commit that paints the screen, so a key sent right after the frame appears is never lost.
  useLayoutEffect(() => bus.register(handler), [bus]);
}
