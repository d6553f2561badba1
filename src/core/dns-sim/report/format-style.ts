import { stripControl } from '../../text/sanitize.js';
import type { ResponseKind } from '../events.js';
import { idnaToUnicode } from '../names/idna.js';
import { fqdn } from '../names/names.js';

/** Text styling that is either ANSI SGR or nothing at all. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  kind(kind: ResponseKind | undefined, text: string): string;
}

const sgr = (code: string, text: string): string => `\u001b[${code}m${text}\u001b[0m`;

const KIND_COLOUR: Partial<Record<ResponseKind, string>> = {
  answer: '32', 'cache-hit': '32', cname: '36', referral: '34', nxdomain: '33', nodata: '33',
  servfail: '31', refused: '31', timeout: '31', unreachable: '31', truncated: '35',
};

/** A style for the given colour switch; with colour off every function returns its input unchanged. */
export function makeStyle(color: boolean): Style {
  if (!color) return { bold: (text) => text, dim: (text) => text, kind: (_kind, text) => text };
  return {
    bold: (text) => sgr('1', text),
    dim: (text) => sgr('2', text),
    kind: (kind, text) => (kind && KIND_COLOUR[kind] ? sgr(KIND_COLOUR[kind]!, text) : text),
  };
}

/** A stored name as a trace shows it: absolute, and with its Unicode form beside punycode labels. */
export function showName(name: string): string {
  const absolute = fqdn(name);
  if (!/(^|\.)xn--/.test(name)) return absolute;
  const unicode = idnaToUnicode(name);
  return unicode && unicode !== name ? `${absolute} (${unicode}.)` : absolute;
}

/** Removes terminal control characters from text that came from a world file. */
export function clean(text: string): string {
  return stripControl(text);
}

/** A duration for people: "257 ms", "5.09 s", "31 min", "1 h 2 min". */
export function showDuration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${ms} ms`;
  if (Math.abs(ms) < 60_000) return `${Number((ms / 1000).toFixed(2))} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
