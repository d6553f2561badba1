import { describe, expect, it } from 'vitest';
import { toTerminalText } from '../../../src/core/markdown/ansi.js';
import { renderMarkdown } from '../../../src/core/markdown/render-markdown.js';
import { lineText } from '../../../src/core/markdown/styled-line.js';
import { displayWidth } from '../../../src/core/markdown/wrap.js';

const plain = (markdown: string, width = 60, hyperlinks = false) =>
  toTerminalText(renderMarkdown(markdown, { width, hyperlinks }), { colour: false, hyperlinks: false });

describe('renderMarkdown', () => {
  it.each([
    ['strong and emphasis', 'a **bold** and *soft* and ~~gone~~ word', 'a bold and soft and gone word'],
    ['inline code', 'run `dig +trace` now', 'run dig +trace now'],
    ['soft line breaks', 'one\ntwo', 'one two'],
    ['entities', 'TTL &lt; 60 &amp; more', 'TTL < 60 & more'],
    ['control character entity', 'bell &#7; gone', 'bell  gone'],
    ['link written out', 'see [RFC 2308](https://rfc-editor.org/rfc/rfc2308)', 'see RFC 2308 (https://rfc-editor.org/rfc/rfc2308)'],
    ['bare link not repeated', '<https://example.com>', 'https://example.com'],
    ['heading', '### Deeper', 'Deeper'],
    ['image', '![diagram](x.png)', '[image: diagram]'],
  ])('renders %s without Markdown syntax', (_name, markdown, expected) => {
    expect(plain(markdown)).toBe(expected);
  });

  it('nests lists with inline markup and hanging indents', () => {
    const text = plain('- first **bold** item that is long enough to wrap at this width\n  - nested `code`\n    1. ordered\n- second', 30);
    expect(text.split('\n')).toEqual([
      '• first bold item that is long',
      '  enough to wrap at this width',
      '  ◦ nested code',
      '    1. ordered',
      '• second',
    ]);
  });

  it('quotes with a bar on every wrapped line', () => {
    expect(plain('> a quote long enough to wrap here', 20).split('\n')).toEqual(['│ a quote long', '│ enough to wrap', '│ here']);
  });

  it('fits a wide table to the width by wrapping cells', () => {
    const table = '| Flag | Meaning |\n| --- | --- |\n| TC | the response was truncated and the client should retry over TCP |';
    const lines = plain(table, 40).split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^┌─+┬─+┐$/);
    expect(lines.join(' ').replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').replace(/\s+/g, ' ')).toContain('TC the response was truncated and the client should retry over TCP');
  });

  it('highlights fenced code by language and keeps its spacing', () => {
    const lines = renderMarkdown('```bash\ndig  +short example.com # look up\n```', { width: 60, hyperlinks: false });
    expect(lineText(lines[0]!)).toBe('  dig  +short example.com # look up');
    const comment = lines[0]!.find((segment) => segment.text.includes('# look up'));
    expect(comment?.style?.colour).toBe('gray');
  });

  it('hard-wraps code longer than the width instead of reflowing it', () => {
    const lines = plain('```\n' + 'x'.repeat(25) + '\n```', 12).split('\n');
    expect(lines).toEqual(['  xxxxxxxxxx', '  xxxxxxxxxx', '  xxxxx']);
  });

  it('wraps wide characters by display width', () => {
    for (const line of plain('名前解決 '.repeat(10), 15).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(15);
  });

  it('writes OSC 8 links only when hyperlinks are on', () => {
    const lines = renderMarkdown('[RFC](https://x.test)', { width: 40, hyperlinks: true });
    expect(toTerminalText(lines, { colour: false, hyperlinks: true })).toBe('\u001b]8;;https://x.test\u001b\\RFC\u001b]8;;\u001b\\');
    expect(toTerminalText(lines, { colour: false, hyperlinks: false })).toBe('RFC');
  });

  it('uses ASCII glyphs in ASCII mode', () => {
    const text = toTerminalText(renderMarkdown('- a\n\n> q\n\n| a |\n| - |\n| b |\n\n---', { width: 30, hyperlinks: false, ascii: true }), { colour: false, hyperlinks: false });
    expect(text).not.toMatch(/[^\x00-\x7f]/);
  });
});
