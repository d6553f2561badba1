import type { Token, Tokens } from 'marked';
import { mergeStyle, type Segment, type Style } from './styled-line.js';

/** Options that change how inline text reads. */
export interface InlineOptions {
  /** When false, a link's target is written after its text, since the terminal cannot link it. */
  hyperlinks: boolean;
}

/** Turns marked's inline tokens into styled segments, leaving no Markdown syntax behind. */
export function renderInline(tokens: Token[] | undefined, options: InlineOptions, style?: Style): Segment[] {
  const segments: Segment[] = [];
  for (const token of tokens ?? []) segments.push(...renderToken(token, options, style));
  return segments;
}

function renderToken(token: Token, options: InlineOptions, style: Style | undefined): Segment[] {
  switch (token.type) {
    case 'strong':
      return renderInline((token as Tokens.Strong).tokens, options, mergeStyle(style, { bold: true }));
    case 'em':
      return renderInline((token as Tokens.Em).tokens, options, mergeStyle(style, { italic: true }));
    case 'del':
      return renderInline((token as Tokens.Del).tokens, options, mergeStyle(style, { strike: true }));
    case 'codespan':
      return [{ text: decodeEntities((token as Tokens.Codespan).text).replace(/\n/g, ' '), style: mergeStyle(style, { colour: 'yellow' }) }];
    case 'br':
      return [{ text: '\n' }];
    case 'link':
      return renderLink(token as Tokens.Link, options, style);
    case 'image': {
      const image = token as Tokens.Image;
      return [{ text: `[image: ${image.text || image.href}]`, style: mergeStyle(style, { dim: true }) }];
    }
    case 'html':
      return [{ text: stripHtml((token as Tokens.HTML).text), ...(style ? { style } : {}) }];
    case 'text': {
      const text = token as Tokens.Text;
      if (text.tokens && text.tokens.length > 0) return renderInline(text.tokens, options, style);
      // A newline inside a paragraph is a soft break: it reads as a space (hard breaks are `br`).
      return [{ text: decodeEntities(text.text).replace(/\n/g, ' '), ...(style ? { style } : {}) }];
    }
    case 'escape':
      return [{ text: (token as Tokens.Escape).text, ...(style ? { style } : {}) }];
    default:
      return 'text' in token && typeof token.text === 'string' ? [{ text: decodeEntities(token.text), ...(style ? { style } : {}) }] : [];
  }
}

function renderLink(link: Tokens.Link, options: InlineOptions, style: Style | undefined): Segment[] {
  const linkStyle = mergeStyle(style, { colour: 'blue', underline: true, link: link.href });
  const label = renderInline(link.tokens, options, linkStyle);
  const labelText = label.map((segment) => segment.text).join('');
  if (options.hyperlinks || labelText === link.href || `mailto:${labelText}` === link.href) return label;
  return [...label, { text: ` (${link.href})`, style: mergeStyle(style, { dim: true }) }];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Decodes the HTML entities marked leaves in text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower]!;
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
    // Control characters stay out even when spelled as entities.
    return Number.isFinite(code) && code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0x9f) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Shows raw HTML as its text: comments (the quiz markup, notes to authors) vanish whole, tags are dropped. */
export function stripHtml(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<[^>]*>/g, '');
}
