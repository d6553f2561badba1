import { describe, expect, it } from 'vitest';
import { guardOutput, stripControl } from '../../../src/core/text/sanitize.js';

const LINK = '\u001b]8;;https://www.rfc-editor.org/rfc/rfc9293\u001b\\RFC 9293\u001b]8;;\u001b\\';

describe('guardOutput', () => {
  it.each([
    ['SGR colours', '\u001b[1;32mok\u001b[0m', '\u001b[1;32mok\u001b[0m'],
    ['an OSC 8 link ended by ESC \\', `see ${LINK}`, `see ${LINK}`],
    ['an OSC 8 link ended by BEL', '\u001b]8;;https://a.example/\u0007a\u001b]8;;\u0007', '\u001b]8;;https://a.example/\u0007a\u001b]8;;\u0007'],
    ["CSV's CRLF", 'a,b\r\nc,d\r\n', 'a,b\r\nc,d\r\n'],
    ['tabs and newlines', 'a\tb\nc', 'a\tb\nc'],
    ['workload progress line rewrite (CR, erase line)', '\r\u001b[2Ksimulating 10%\r\u001b[2K', '\r\u001b[2Ksimulating 10%\r\u001b[2K'],
  ])("keeps the program's own %s", (_name, text, shown) => {
    expect(guardOutput(text)).toBe(shown);
  });

  it.each([
    ['a screen clear and cursor moves (CSI)', 'a\u001b[2J\u001b[H\u001b[5Az', 'a[2J[H[5Az'],
    ['an OSC 52 clipboard write', 'a\u001b]52;c;cHduZWQ=\u0007z', 'a]52;c;cHduZWQ=z'],
    ['a window title', 'a\u001b]0;pwned\u0007z', 'a]0;pwnedz'],
    ['a DCS string', 'a\u001bP1$qm\u001b\\z', 'aP1$qm\\z'],
    ['8-bit C1 CSI, OSC, ST and NEL', 'a\u009b2J\u009d0;t\u009c\u0085z', 'a2J0;tz'],
    ['a lone CR, BEL, DEL and NUL', 'a\rb\u0007\u007f\u0000z', 'abz'],
    ['an OSC 8 link whose URL holds a control character', '\u001b]8;;https://a\u009b.example/\u001b\\x', ']8;;https://a.example/\\x'],
    ['bidi overrides', 'a\u202eb\u2066z', 'abz'],
  ])('strips %s', (_name, text, shown) => {
    expect(guardOutput(text)).toBe(shown);
  });

  it('strips outside text between its own sequences exactly as stripControl does', () => {
    const outside = 'x\u001b[2J\u009b\u0007y';
    expect(guardOutput(`\u001b[1m${outside}\u001b[0m`)).toBe(`\u001b[1m${stripControl(outside)}\u001b[0m`);
  });
});
