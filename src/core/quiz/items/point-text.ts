import { Lexer, type Token, type Tokens } from 'marked';
import { decodeEntities } from '../../markdown/inline.js';

/** A stretch of a point the author marked: bold, code or emphasis, as offsets in the plain text. */
export interface MarkedSpan {
  start: number;
  end: number;
  mark: 'strong' | 'code' | 'em';
}

/** A key point as plain text, with the spans the author marked. */
export interface PointText {
  text: string;
  spans: MarkedSpan[];
}

/** Turns a point's Markdown into one line of plain text, keeping where bold and code spans were. */
export function parsePointText(markdown: string): PointText {
  const builder = { text: '', spans: [] as MarkedSpan[] };
  appendTokens(builder, Lexer.lex(markdown), undefined);
  const text = builder.text.trimEnd();
  return { text, spans: builder.spans.filter((span) => span.end > span.start).map((span) => ({ ...span, end: Math.min(span.end, text.length) })) };
}

type Builder = { text: string; spans: MarkedSpan[] };

function appendTokens(builder: Builder, tokens: Token[] | undefined, mark: MarkedSpan['mark'] | undefined): void {
  for (const token of tokens ?? []) appendToken(builder, token, mark);
}

function appendToken(builder: Builder, token: Token, mark: MarkedSpan['mark'] | undefined): void {
  switch (token.type) {
    case 'strong':
    case 'em':
    case 'codespan': {
      const kind = token.type === 'codespan' ? 'code' : token.type;
      const start = builder.text.length;
      if (token.type === 'codespan') appendText(builder, decodeEntities(token.text));
      else appendTokens(builder, (token as Tokens.Strong).tokens, kind);
      // A code span inside bold is one term: keep the outer mark only.
      if (!mark || mark === 'em') builder.spans.push({ start, end: builder.text.length, mark: kind });
      return;
    }
    case 'html':
      appendText(builder, decodeEntities(token.text.replace(/<[^>]*>/g, '')));
      return;
    case 'space':
    case 'hr':
    case 'br':
      appendText(builder, ' ');
      return;
    case 'list':
      for (const item of token.items) appendTokens(builder, item.tokens, mark), appendText(builder, ' ');
      return;
    default:
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) appendTokens(builder, token.tokens, mark);
      else if ('text' in token && typeof token.text === 'string') appendText(builder, decodeEntities(token.text));
      if (token.type === 'paragraph' || token.type === 'code' || token.type === 'blockquote') appendText(builder, ' ');
  }
}

function appendText(builder: Builder, raw: string): void {
  let text = raw.replace(/\s+/g, ' ');
  if (builder.text.length === 0 || builder.text.endsWith(' ')) text = text.replace(/^ /, '');
  builder.text += text;
}
