import { afterEach, describe, expect, it, vi } from 'vitest';

// Intl's members are read-only in the types, not at run time.
const intl = Intl as { Segmenter: typeof Intl.Segmenter };
const RealSegmenter = Intl.Segmenter;
afterEach(() => {
  intl.Segmenter = RealSegmenter;
  vi.resetModules();
});

// A Segmenter costs about 15 ms to construct (ICU's break data): every study command imports this file, and most never cut wide text.
describe('the grapheme segmenter of the text windows', () => {
  it('is made only when text that is not plain has to be cut, and then once', async () => {
    let made = 0;
    intl.Segmenter = class extends RealSegmenter {
      constructor(...args: ConstructorParameters<typeof RealSegmenter>) {
        super(...args);
        made++;
      }
    } as typeof Intl.Segmenter;
    vi.resetModules();
    const { fitText, hardWrap } = await import('../../../src/ui/components/window.js');
    expect(made).toBe(0);
    expect(fitText('plain ASCII text that is cut', 10)).toBe('plain ASC…');
    expect(made).toBe(0);
    expect(fitText('日本語のテキストです', 7)).toBe('日本語…');
    expect(hardWrap('日本語のテキスト', 6)).toEqual(['日本語', 'のテキ', 'スト']);
    expect(made).toBe(1);
  });
});
