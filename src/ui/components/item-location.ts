import { sep } from 'node:path';
import { displayWidth } from '../../core/markdown/wrap.js';
import { stripControl } from '../../core/text/sanitize.js';

/**
 * A card file and line as the screen shows it: under the home folder as `~/...`, and when that is wider than
 * `width`, cut from the left at folder boundaries (the file name and line always stay), like
 * `…/dns/ttl-and-caching.md:42`. Control characters in the path are dropped, like in any card text.
 */
export function itemLocation(path: string, line: number, width: number, home: string | undefined, ellipsis: string): string {
  const clean = stripControl(path);
  const shown = home && home.length > 1 && clean.startsWith(home + sep) ? `~${clean.slice(home.length)}` : clean;
  const full = `${shown}:${line}`;
  if (displayWidth(full) <= width) return full;
  const parts = shown.split(sep);
  for (let from = 1; from < parts.length; from++) {
    const cut = `${ellipsis}${sep}${parts.slice(from).join(sep)}:${line}`;
    if (displayWidth(cut) <= width) return cut;
  }
  return `${parts.at(-1)}:${line}`;
}
