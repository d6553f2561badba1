import { createContext, useContext } from 'react';

/** When the shell last read a key (wall-clock ms), so background work can wait for a pause in typing. */
export interface InputActivity {
  lastKeyAt: number;
}

/** The shell's input activity; outside the shell, no key has ever come. */
export const InputActivityContext = createContext<InputActivity>({ lastKeyAt: Number.NEGATIVE_INFINITY });

/** The running shell's input activity. */
export function useInputActivity(): InputActivity {
  return useContext(InputActivityContext);
}
