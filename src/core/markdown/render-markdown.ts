import { Lexer, type Token, type Tokens } from 'marked';
import { renderCode, type CodeOverflow } from './code-block.js';
import { renderInline, stripHtml, type InlineOptions } from './inline.js';
import { mergeStyle, type Segment, type StyledLine, type Style } from './styled-line.js';
import { renderTable } from './table.js';
import { displayWidth, wrapSegments } from './wrap.js';

/** How to lay Markdown out for a terminal. */
export interface RenderOptions extends InlineOptions {
  width: number;
  /** Use only ASCII for bullets, rules and table borders. */
  ascii?: boolean;
  /** What code lines longer than the width do: wrap (the default, nothing lost) or clip at the width. */
  code?: CodeOverflow;
}

/** Renders Markdown text to terminal lines wrapped to the width, with no Markdown syntax left. */
export function renderMarkdown(markdown: string, options: RenderOptions): StyledLine[] {
  return renderBlocks(Lexer.lex(markdown), options, 0);
}

function renderBlocks(tokens: Token[], options: RenderOptions, depth: number): StyledLine[] {
  const lines: StyledLine[] = [];
  const blocks = tokens.filter((token) => token.type !== 'space' && token.type !== 'def');
  blocks.forEach((token, index) => {
    const rendered = renderBlock(token, options, depth);
    if (rendered.length === 0) return;
    if (index > 0 && lines.length > 0 && !(token.type === 'list' && depth > 0)) lines.push([]);
    lines.push(...rendered);
  });
  return lines;
}

function renderBlock(token: Token, options: RenderOptions, depth: number): StyledLine[] {
  const width = Math.max(8, options.width);
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const style: Style = heading.depth <= 2 ? { bold: true, colour: 'cyan' } : { bold: true };
      const text = renderInline(heading.tokens, options, style);
      return wrapSegments(heading.depth === 1 ? text.map((s) => ({ ...s, style: mergeStyle(s.style, { underline: true }) })) : text, width);
    }
    case 'paragraph':
      return wrapSegments(renderInline((token as Tokens.Paragraph).tokens, options), width);
    case 'text': {
      const text = token as Tokens.Text;
      return wrapSegments(text.tokens ? renderInline(text.tokens, options) : [{ text: text.text }], width);
    }
    case 'code':
      return renderCode(token as Tokens.Code, { width: options.width, overflow: options.code ?? 'wrap', ascii: options.ascii === true });
    case 'blockquote': {
      const bar = options.ascii ? '| ' : '│ ';
      const inner = renderBlocks((token as Tokens.Blockquote).tokens, { ...options, width: width - 2 }, depth + 1);
      return inner.map((line) => [{ text: bar, style: { colour: 'gray' } }, ...line.map((s) => ({ ...s, style: mergeStyle(s.style, { italic: true }) }))]);
    }
    case 'list':
      return renderList(token as Tokens.List, options, depth);
    case 'table':
      return renderTable(token as Tokens.Table, options);
    case 'hr':
      return [[{ text: (options.ascii ? '-' : '─').repeat(Math.min(width, 60)), style: { colour: 'gray' } }]];
    case 'html':
      return wrapSegments([{ text: stripHtml((token as Tokens.HTML).text).trim() }], width).filter((l) => l.length > 0);
    default:
      return 'text' in token && typeof token.text === 'string' ? wrapSegments([{ text: token.text }], width) : [];
  }
}

function renderList(list: Tokens.List, options: RenderOptions, depth: number): StyledLine[] {
  const lines: StyledLine[] = [];
  const bullets = options.ascii ? ['*', '-', '+'] : ['•', '◦', '▪'];
  const start = typeof list.start === 'number' ? list.start : 1;
  const markers = list.items.map((item, index) => {
    if (item.task) return item.checked ? '[x]' : '[ ]';
    return list.ordered ? `${start + index}.` : bullets[depth % bullets.length]!;
  });
  const markerWidth = Math.max(...markers.map((marker) => displayWidth(marker))) + 1;
  list.items.forEach((item, index) => {
    const inner = renderBlocks(item.tokens.filter((t) => t.type !== 'checkbox'), { ...options, width: options.width - markerWidth }, depth + 1);
    if (list.loose && index > 0) lines.push([]);
    inner.forEach((line, lineIndex) => {
      const prefix = lineIndex === 0 ? markers[index]!.padEnd(markerWidth) : ' '.repeat(markerWidth);
      const marker: Segment = { text: prefix, ...(lineIndex === 0 ? { style: { colour: 'gray' as const } } : {}) };
      lines.push(line.length ? [marker, ...line] : []);
    });
    if (inner.length === 0) lines.push([{ text: markers[index]!, style: { colour: 'gray' } }]);
  });
  return lines;
}
