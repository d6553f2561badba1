import { describe, expect, it } from 'vitest';
import { showName } from '../../../../src/core/dns-sim/report/format-style.js';

describe('showName', () => {
  it.each([
    ['www.example.com', 'www.example.com.'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example. (bücher.example.)'],
    ['www.xn--mnchen-3ya.de', 'www.xn--mnchen-3ya.de. (www.münchen.de.)'],
    ['xn--zz.example', 'xn--zz.example.'],
  ])('shows %s as %s: the Unicode form beside valid punycode only', (name, shown) => {
    expect(showName(name)).toBe(shown);
  });
});
