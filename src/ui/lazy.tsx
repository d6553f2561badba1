import { useEffect, useState } from 'react';

/** A module loaded on first use and kept: the first frame never waits for code it does not draw. */
export interface LazyModule<M> {
  get(): M | undefined;
  load(): Promise<M>;
}

/** Wraps a dynamic import; the bundle puts the module in its own chunk. */
export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let module: M | undefined;
  let promise: Promise<M> | undefined;
  return {
    get: () => module,
    load: () => (promise ??= load().then((loaded) => (module = loaded))),
  };
}

/** The module if it is loaded; otherwise starts loading it and renders again when it arrives. */
export function useLazy<M>(lazy: LazyModule<M>): M | undefined {
  const [, setLoaded] = useState(0);
  const module = lazy.get();
  useEffect(() => {
    if (module) return;
    let live = true;
    void lazy.load().then(() => live && setLoaded((count) => count + 1));
    return () => {
      live = false;
    };
  }, [lazy, module]);
  return module;
}
