import { useEffect, useState } from 'react';

/** A module loaded on first use and kept: the first frame never waits for code it does not draw. */
export interface LazyModule<M> {
  get(): M | undefined;
  /** Why the last load failed, if it did; the next load() tries again. */
  error(): Error | undefined;
  load(): Promise<M>;
}

/** Wraps a dynamic import; the bundle puts the module in its own chunk. */
export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let module: M | undefined;
  let failure: Error | undefined;
  let promise: Promise<M> | undefined;
  return {
    get: () => module,
    error: () => failure,
    load: () =>
      (promise ??= load().then(
        (loaded) => {
          failure = undefined;
          return (module = loaded);
        },
        (error: unknown) => {
          // Forget the failed attempt so that opening the screen again retries it.
          promise = undefined;
          failure = error instanceof Error ? error : new Error(String(error));
          throw failure;
        },
      )),
  };
}

/** The module if it is loaded; otherwise starts loading it and renders again when it arrives or fails. */
export function useLazy<M>(lazy: LazyModule<M>): M | undefined {
  const [, setSettled] = useState(0);
  const module = lazy.get();
  useEffect(() => {
    if (module || lazy.error()) return;
    let live = true;
    const settle = () => live && setSettled((count) => count + 1);
    lazy.load().then(settle, settle);
    return () => {
      live = false;
    };
  }, [lazy, module]);
  return module;
}
