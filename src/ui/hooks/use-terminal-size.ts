import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** A terminal size in character cells. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

function measure(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** The terminal's size, updated live on every resize. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => measure(stdout));
  useEffect(() => {
    const update = () => setSize((previous) => {
      const next = measure(stdout);
      return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
    });
    stdout.on('resize', update);
    update();
    return () => void stdout.off('resize', update);
  }, [stdout]);
  return size;
}
