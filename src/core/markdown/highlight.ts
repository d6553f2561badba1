import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import dns from 'highlight.js/lib/languages/dns';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { decodeEntities } from './inline.js';
import type { Colour, Segment, Style } from './styled-line.js';

// A deliberate handful of languages keeps the bundle small; others render unhighlighted.
const LANGUAGES = { bash, dns, go, ini, javascript, json, python, typescript, yaml };
let registered = false;

// Registered on the first code block rather than at import, so cards without code never pay for it.
function registerLanguages(): void {
  if (registered) return;
  registered = true;
  for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
  hljs.registerAliases(['sh', 'shell', 'console', 'zsh'], { languageName: 'bash' });
  hljs.registerAliases(['zone', 'bind'], { languageName: 'dns' });
  hljs.registerAliases(['js'], { languageName: 'javascript' });
  hljs.registerAliases(['ts'], { languageName: 'typescript' });
  hljs.registerAliases(['yml'], { languageName: 'yaml' });
  hljs.registerAliases(['toml', 'conf'], { languageName: 'ini' });
}

const CLASS_COLOURS: Record<string, Colour> = {
  keyword: 'magenta', built_in: 'cyan', type: 'cyan', literal: 'cyan', number: 'yellow',
  string: 'green', regexp: 'green', symbol: 'yellow', title: 'blue', attr: 'cyan', attribute: 'cyan',
  variable: 'yellow', params: 'yellow', meta: 'gray', comment: 'gray', section: 'blue', name: 'blue',
  'template-variable': 'yellow', bullet: 'yellow', subst: 'yellow',
};

/** Splits code into highlighted lines; unknown languages come back as plain lines. */
export function highlightCode(code: string, language: string | undefined): Segment[][] {
  const lang = language?.toLowerCase().trim();
  if (lang && lang !== 'text' && lang !== 'plaintext') registerLanguages();
  if (!lang || !hljs.getLanguage(lang)) return code.split('\n').map((line) => (line ? [{ text: line }] : []));
  const html = hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
  return htmlToLines(html);
}

// highlight.js emits only <span class="hljs-…"> tags and escaped text, so a tag walk is exact.
function htmlToLines(html: string): Segment[][] {
  const lines: Segment[][] = [[]];
  const stack: (Style | undefined)[] = [];
  const tag = /<span class="([^"]*)">|<\/span>|([^<]+)/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (match[1] !== undefined) stack.push(styleFor(match[1]) ?? stack[stack.length - 1]);
    else if (match[0] === '</span>') stack.pop();
    else {
      const style = stack[stack.length - 1];
      decodeEntities(match[2]!).split('\n').forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part) lines[lines.length - 1]!.push(style ? { text: part, style } : { text: part });
      });
    }
  }
  return lines;
}

function styleFor(classes: string): Style | undefined {
  for (const name of classes.split(/\s+/)) {
    const colour = CLASS_COLOURS[name.replace(/^hljs-/, '').replace(/_$/, '')];
    if (colour) return { colour, ...(colour === 'gray' ? { italic: true } : {}) };
  }
  return undefined;
}
