import { useEffect, useRef } from 'react';

/** What a screen does with a load it started: keep the value, say why it failed, or release a value that came too late. */
export interface LoadHandlers<T> {
  loaded(value: T): void;
  failed(message: string): void;
  /** The screen went away before the value arrived (a prepared quiz holds the review log open). */
  abandoned?(value: T): void;
}

/** Starts `load` once per mount while `needed`, handing the outcome to the latest handlers. */
export function useLoadOnce<T>(needed: boolean, load: () => Promise<T>, handlers: LoadHandlers<T>): void {
  const latest = useRef({ load, handlers });
  latest.current = { load, handlers };
  useEffect(() => {
    if (!needed) return undefined;
    let gone = false;
    latest.current.load().then(
      (value) => (gone ? latest.current.handlers.abandoned?.(value) : latest.current.handlers.loaded(value)),
      (error: unknown) => gone || latest.current.handlers.failed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      gone = true;
    };
  }, [needed]);
}
