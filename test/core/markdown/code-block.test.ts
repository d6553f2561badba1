import { describe, expect, it } from 'vitest';
import { clipSegments } from '../../../src/core/markdown/code-block.js';
import { renderMarkdown, type RenderOptions } from '../../../src/core/markdown/render-markdown.js';
import { lineText, type Segment } from '../../../src/core/markdown/styled-line.js';
import { displayWidth } from '../../../src/core/markdown/wrap.js';

const DIAGRAM = ['```text', '+------+   a label that runs past the width', '| box  |-->| far |', '+------+', '```'].join('\n');
const lines = (markdown: string, options: Partial<RenderOptions> = {}) => renderMarkdown(markdown, { width: 24, hyperlinks: false, ...options }).map(lineText);

describe('code blocks on screen (clip)', () => {
  it.each([
    ['a fenced diagram keeps one row a line, cut lines ending in the marker', DIAGRAM, {}, ['  +------+   a label th›', '  | box  |-->| far |', '  +------+']],
    ['an indented (preformatted) block is clipped the same way', '    indented text that is far too long', {}, ['  indented text that is›']],
    ['ASCII mode marks the cut with >', DIAGRAM, { ascii: true }, ['  +------+   a label th>', '  | box  |-->| far |', '  +------+']],
    ['a line exactly as wide as the room is left whole', '```\n' + 'x'.repeat(22) + '\n```', {}, ['  ' + 'x'.repeat(22)]],
    ['prose around the code still wraps', 'words that wrap onto a second line\n\n```\n' + 'y'.repeat(30) + '\n```', {}, ['words that wrap onto a', 'second line', '', '  ' + 'y'.repeat(21) + '›']],
  ])('%s', (_name, markdown, options, expected) => {
    expect(lines(markdown, { code: 'clip', ...options })).toEqual(expected);
  });

  it('printed output (the default) still wraps long code lines, losing nothing', () => {
    expect(lines(DIAGRAM)).toEqual(['  +------+   a label tha', '  t runs past the width', '  | box  |-->| far |', '  +------+']);
  });

  it('keeps within the width and keeps the highlighting of what is left', () => {
    const rendered = renderMarkdown('```bash\ndig +short www.example.com   # a comment that goes on and on\n```', { width: 40, hyperlinks: false, code: 'clip' });
    expect(rendered).toHaveLength(1);
    expect(displayWidth(lineText(rendered[0]!))).toBe(40);
    expect(rendered[0]!.find((segment) => segment.text.startsWith('# a'))?.style?.colour).toBe('gray');
    expect(rendered[0]!.at(-1)).toEqual({ text: '›', style: { dim: true } });
  });
});

describe('clipSegments', () => {
  const line: Segment[] = [{ text: 'ab', style: { bold: true } }, { text: '名前cd' }];
  it.each([
    ['fits: the same line', 8, ['ab', '名前cd']],
    ['cut inside the second run', 6, ['ab', '名', '›']],
    ['a wide character that would cross the cut is left out', 5, ['ab', '名', '›']],
    ['cut inside the first run', 2, ['a', '›']],
  ])('%s', (_name, width, texts) => {
    const clipped = clipSegments(line, width, '›');
    expect(clipped.map((segment) => segment.text)).toEqual(texts);
    expect(displayWidth(lineText(clipped))).toBeLessThanOrEqual(width);
    expect(clipped[0]!.style).toEqual({ bold: true });
  });
});
