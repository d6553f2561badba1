import { describe, expect, it } from 'vitest';
import { isIPv4, isIPv6 } from '../../../../src/core/dns-sim/world/ip-address.js';

describe('isIPv4', () => {
  const cases: [string, boolean][] = [
    ['192.0.2.1', true], ['0.0.0.0', true], ['255.255.255.255', true],
    ['256.0.0.1', false], ['1.2.3', false], ['1.2.3.4.5', false], ['01.2.3.4', false], ['1.2.3.-4', false], ['a.b.c.d', false], ['', false],
  ];
  it.each(cases)('%s -> %s', (text, expected) => expect(isIPv4(text)).toBe(expected));
});

describe('isIPv6', () => {
  const cases: [string, boolean][] = [
    ['::', true], ['::1', true], ['2001:db8::1', true], ['1:2:3:4:5:6:7:8', true], ['1::8', true], ['1:2:3:4:5:6:7::', true],
    ['::ffff:192.0.2.1', true], ['64:ff9b::192.0.2.33', true], ['1:2:3:4:5:6:192.0.2.1', true], ['FE80::AbC', true],
    ['1:2:3:4:5:6:7:8:9', false], ['1:2:3:4:5:6:7', false], ['1::2::3', false], [':1:2:3:4:5:6:7', false], ['1:2:3:4:5:6:7:', false],
    ['12345::', false], ['g::1', false], ['::192.0.2.256', false], ['1:2:3:4:5:6:7:192.0.2.1', false], ['192.0.2.1', false], ['', false], [':::', false],
  ];
  it.each(cases)('%s -> %s', (text, expected) => expect(isIPv6(text)).toBe(expected));
});
