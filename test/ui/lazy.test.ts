import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../src/ui/lazy.js';

describe('lazyModule', () => {
  it('keeps a loaded module and loads it only once', async () => {
    let calls = 0;
    const lazy = lazyModule(async () => ({ value: ++calls }));
    expect(lazy.get()).toBeUndefined();
    await Promise.all([lazy.load(), lazy.load()]);
    expect(lazy.get()).toEqual({ value: 1 });
    expect(calls).toBe(1);
  });

  it('remembers why a load failed and tries again on the next load', async () => {
    let calls = 0;
    const lazy = lazyModule(async () => {
      calls++;
      if (calls === 1) throw new Error('chunk missing');
      return { ok: true };
    });
    await expect(lazy.load()).rejects.toThrow('chunk missing');
    expect(lazy.error()?.message).toBe('chunk missing');
    expect(lazy.get()).toBeUndefined();
    await expect(lazy.load()).resolves.toEqual({ ok: true });
    expect(lazy.error()).toBeUndefined();
    expect(calls).toBe(2);
  });
});
