import { describe, expect, it } from 'vitest';
import { validateDomainName } from '../../../../src/core/dns-sim/names/domain-name.js';

describe('validateDomainName: valid names', () => {
  const cases = [
    { input: 'www.example.com', ascii: 'www.example.com', unicode: 'www.example.com', absolute: false },
    { input: 'WWW.Example.COM.', ascii: 'www.example.com', unicode: 'www.example.com', absolute: true },
    { input: '.', ascii: '', unicode: '', absolute: true },
    { input: 'localhost', ascii: 'localhost', unicode: 'localhost', absolute: false },
    { input: '3com.com', ascii: '3com.com', unicode: '3com.com', absolute: false },
    { input: 'münchen.de', ascii: 'xn--mnchen-3ya.de', unicode: 'münchen.de', absolute: false },
    { input: 'xn--mnchen-3ya.de', ascii: 'xn--mnchen-3ya.de', unicode: 'münchen.de', absolute: false },
    { input: '例え。テスト', ascii: 'xn--r8jz45g.xn--zckzah', unicode: '例え.テスト', absolute: false },
    { input: 'straße.de', ascii: 'xn--strae-oqa.de', unicode: 'straße.de', absolute: false },
    { input: '_sip._tcp.example.com', ascii: '_sip._tcp.example.com', unicode: '_sip._tcp.example.com', absolute: false },
    { input: '*.example.com', ascii: '*.example.com', unicode: '*.example.com', absolute: false },
    { input: `${'a'.repeat(63)}.com`, ascii: `${'a'.repeat(63)}.com`, unicode: `${'a'.repeat(63)}.com`, absolute: false },
    { input: `${Array(4).fill('a'.repeat(62)).join('.')}.b`, ascii: `${Array(4).fill('a'.repeat(62)).join('.')}.b`, unicode: `${Array(4).fill('a'.repeat(62)).join('.')}.b`, absolute: false },
  ];
  it.each(cases)('$input', ({ input, ...expected }) => {
    expect(validateDomainName(input)).toMatchObject({ ok: true, ...expected });
  });

  it('says that underscore labels are for service names, not host names', () => {
    const result = validateDomainName('_sip._tcp.example.com');
    expect(result.ok && result.notes.filter((n) => n.includes('RFC 1123 2.1')).length).toBe(2);
  });

  it('shows punycode both ways in its notes', () => {
    const result = validateDomainName('münchen.de');
    expect(result.ok && result.notes).toEqual(["'münchen' is written 'xn--mnchen-3ya' on the wire (IDNA punycode, RFC 3492)"]);
  });
});

describe('validateDomainName: every error names the rule and where it broke', () => {
  const long = 'a'.repeat(64);
  const cases = [
    { input: '', rule: 'RFC 1035 2.3.1', position: 0, message: /the name is empty/ },
    { input: 'a..b', rule: 'RFC 1035 3.1', position: 2, message: /label 2 is empty .* \(at position 3\)/ },
    { input: '.example.com', rule: 'RFC 1035 3.1', position: 0, message: /label 1 is empty/ },
    { input: `www.${long}.com`, rule: 'RFC 1035 2.3.4', position: 4, message: `RFC 1035 2.3.4: label 'aaaaaaaaaaaaaaa…' is 64 octets; the limit is 63 (at position 5)` },
    { input: `${'ü'.repeat(70)}.de`, rule: 'RFC 1035 2.3.4', position: 0, message: /in punycode\) is \d+ octets; the limit is 63/ },
    { input: `${Array(4).fill('a'.repeat(62)).join('.')}.bc`, rule: 'RFC 1035 2.3.4', position: 253, message: /is 256 octets on the wire \(254 characters\); the limit is 255 octets, 253 characters in text form/ },
    { input: '-abc.com', rule: 'RFC 1123 2.1', position: 0, message: /label '-abc' starts with a hyphen/ },
    { input: 'abc-.com', rule: 'RFC 1123 2.1', position: 3, message: /label 'abc-' ends with a hyphen;.*\(at position 4\)/ },
    { input: 'exa mple.com', rule: 'RFC 1123 2.1', position: 3, message: /a space at position 4 is not allowed/ },
    { input: 'ex!ample.com', rule: 'RFC 1123 2.1', position: 2, message: /'!' at position 3 is not allowed/ },
    { input: 'a.*.com', rule: 'RFC 4592 2.1.1', position: 2, message: /leftmost label/ },
    { input: 'xn--zz.com', rule: 'RFC 3492', position: 0, message: /not valid punycode/ },
    { input: '1.2.3.4', rule: 'RFC 3696 2', position: 6, message: /top-level label '4' is all digits/ },
  ];
  it.each(cases)('$input', ({ input, rule, position, message }) => {
    const result = validateDomainName(input);
    expect(result).toMatchObject({ ok: false, rule, position });
    expect(!result.ok && result.message.startsWith(rule)).toBe(true);
    expect(!result.ok && result.message).toMatch(message);
  });
});

// UTS #46 as the URL Standard runs it (nontransitional, CheckBidi, CheckJoiners), which is what node:url did before tr46.
describe('validateDomainName: IDNA by UTS #46', () => {
  const converted = [
    { input: 'bücher.example', ascii: 'xn--bcher-kva.example', unicode: 'bücher.example', why: 'a Unicode label becomes punycode' },
    { input: 'BÜCHER.example', ascii: 'xn--bcher-kva.example', unicode: 'bücher.example', why: 'case folds before punycode' },
    { input: 'xn--bcher-kva.example', ascii: 'xn--bcher-kva.example', unicode: 'bücher.example', why: 'punycode reads back as Unicode' },
    { input: 'straße.example', ascii: 'xn--strae-oqa.example', unicode: 'straße.example', why: 'nontransitional: ß stays ß (transitional would give strasse)' },
    { input: 'ẞ.example', ascii: 'xn--zca.example', unicode: 'ß.example', why: 'capital sharp s maps to ß (UTS #46 since Unicode 15.1)' },
    { input: 'xn--zca.example', ascii: 'xn--zca.example', unicode: 'ß.example', why: 'the ß label reads back' },
    { input: 'ς.example', ascii: 'xn--3xa.example', unicode: 'ς.example', why: 'nontransitional: final sigma stays ς' },
    { input: '１２３.example', ascii: '123.example', unicode: '123.example', why: 'fullwidth digits map to ASCII digits' },
  ];
  it.each(converted)('$input: $why', ({ input, ascii, unicode }) => {
    expect(validateDomainName(input)).toMatchObject({ ok: true, ascii, unicode });
  });

  const refused = [
    { input: 'a\u200Db.example', rule: 'IDNA (RFC 5891)', why: 'a zero width joiner outside a virama context (CheckJoiners, RFC 5892 appendix A.2)' },
    { input: '1עברית.example', rule: 'IDNA (RFC 5891)', why: 'a right-to-left label that starts with a digit (CheckBidi, RFC 5893 rule 1)' },
    { input: '⒈.example', rule: 'IDNA (RFC 5891)', why: 'a disallowed code point' },
    { input: 'a／b.example', rule: 'RFC 1123 2.1', why: "a fullwidth solidus maps to '/', which no host name has" },
    { input: 'xn--zz.example', rule: 'RFC 3492', why: 'an xn-- label that is not punycode' },
  ];
  it.each(refused)('$input is refused: $why', ({ input, rule }) => {
    expect(validateDomainName(input)).toMatchObject({ ok: false, rule, position: 0 });
  });
});
