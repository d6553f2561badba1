import { idnaToAscii, idnaToUnicode } from './idna.js';
import { abbreviate, checkNameSize } from './name-rules.js';

/** A valid name in ASCII (punycode) and Unicode forms, without the trailing dot, with notes on rules that apply only to host names. */
export type DomainNameOk = { ok: true; ascii: string; unicode: string; absolute: boolean; notes: string[] };
/** An invalid name: the rule it breaks, a message naming where, and the 0-based character position in the input. */
export type DomainNameError = { ok: false; rule: string; message: string; position?: number };

// UTS #46 section 2.3: these full stops separate labels just like ".".
const SEPARATORS = /[.\u3002\uFF0E\uFF61]/;
// Letters, digits and hyphens (RFC 1123 2.1), plus '_' for service labels and '*' for wildcards, which get notes below.
const HOST_CHARACTER = /[A-Za-z0-9_*-]/;

/** Checks a domain name against RFC 1035 (sizes, empty labels), RFC 1123 (host-name characters) and IDNA, converting Unicode labels to punycode. */
export function validateDomainName(input: string): DomainNameOk | DomainNameError {
  if (input === '') return { ok: false, rule: 'RFC 1035 2.3.1', message: 'RFC 1035 2.3.1: the name is empty', position: 0 };
  const absolute = SEPARATORS.test(input.slice(-1));
  const body = absolute ? input.slice(0, -1) : input;
  if (body === '') return { ok: true, ascii: '', unicode: '', absolute: true, notes: ['"." is the root name'] };
  const starts: number[] = [];
  const raw: string[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || SEPARATORS.test(body[i] as string)) {
      starts.push(start);
      raw.push(body.slice(start, i));
      start = i + 1;
    }
  }
  const notes: string[] = [];
  const ascii: string[] = [];
  const unicode: string[] = [];
  for (const [index, label] of raw.entries()) {
    const at = starts[index] as number;
    const converted = convertLabel(label, index, at, notes);
    if (!converted.ok) return converted;
    ascii.push(converted.ascii);
    unicode.push(converted.unicode);
  }
  const size = checkNameSize(ascii);
  if (size) {
    const position = size.kind === 'long-name' ? Math.min(253, input.length - 1) : (starts[size.labelIndex] as number);
    return { ok: false, rule: size.rule, message: `${size.message} (at position ${position + 1})`, position };
  }
  const last = ascii[ascii.length - 1] as string;
  if (/^\d+$/.test(last)) {
    const position = starts[starts.length - 1] as number;
    return { ok: false, rule: 'RFC 3696 2', message: `RFC 3696 2: the top-level label '${last}' is all digits, so the name would read as an IP address (at position ${position + 1})`, position };
  }
  if (input !== input.toLowerCase() && ascii.join('.') !== body) notes.push('DNS names compare case-insensitively (RFC 4343); shown in lowercase');
  return { ok: true, ascii: ascii.join('.'), unicode: unicode.join('.'), absolute, notes };
}

type LabelResult = { ok: true; ascii: string; unicode: string } | DomainNameError;

function convertLabel(label: string, index: number, at: number, notes: string[]): LabelResult {
  if (label === '') {
    return { ok: false, rule: 'RFC 1035 3.1', message: `RFC 1035 3.1: label ${index + 1} is empty (two dots in a row, or a leading dot); only the root has an empty label (at position ${at + 1})`, position: at };
  }
  for (let i = 0; i < label.length; i++) {
    const ch = label[i] as string;
    if (ch.charCodeAt(0) > 0x7e) continue;
    if (HOST_CHARACTER.test(ch)) continue;
    const what = /\s/.test(ch) ? 'a space' : ch.charCodeAt(0) < 0x20 ? 'a control character' : `'${ch}'`;
    return { ok: false, rule: 'RFC 1123 2.1', message: `RFC 1123 2.1: ${what} at position ${at + i + 1} is not allowed; host names use letters, digits and hyphens`, position: at + i };
  }
  let ascii = label.toLowerCase();
  if (/[^\x00-\x7e]/.test(label)) {
    const converted = idnaToAscii(label);
    if (converted === undefined) {
      return { ok: false, rule: 'IDNA (RFC 5891)', message: `IDNA (RFC 5891): label '${abbreviate(label)}' cannot be converted to punycode (at position ${at + 1})`, position: at };
    }
    // UTS #46 maps some characters to ASCII punctuation (U+FF0F to '/', U+2488 to "1."): the host-name rule applies to the result.
    const mapped = [...converted].find((ch) => !HOST_CHARACTER.test(ch));
    if (mapped !== undefined) {
      return { ok: false, rule: 'RFC 1123 2.1', message: `RFC 1123 2.1: label '${abbreviate(label)}' maps to '${abbreviate(converted)}' under IDNA, and '${mapped}' is not allowed; host names use letters, digits and hyphens (at position ${at + 1})`, position: at };
    }
    ascii = converted;
    notes.push(`'${label}' is written '${ascii}' on the wire (IDNA punycode, RFC 3492)`);
  }
  let unicode = ascii;
  if (ascii.startsWith('xn--')) {
    unicode = idnaToUnicode(ascii) ?? '';
    if (unicode === '' || unicode === ascii) {
      return { ok: false, rule: 'RFC 3492', message: `RFC 3492: label '${abbreviate(ascii)}' starts with xn-- but is not valid punycode (at position ${at + 1})`, position: at };
    }
    if (label.toLowerCase() === ascii) notes.push(`'${ascii}' is the punycode form of '${unicode}'`);
  }
  if (ascii.length > 63) {
    const shown = ascii === label.toLowerCase() ? `'${abbreviate(ascii)}'` : `'${abbreviate(label)}' (${abbreviate(ascii)} in punycode)`;
    return { ok: false, rule: 'RFC 1035 2.3.4', message: `RFC 1035 2.3.4: label ${shown} is ${ascii.length} octets; the limit is 63 (at position ${at + 1})`, position: at };
  }
  const hyphenAt = ascii.startsWith('-') ? 0 : ascii.endsWith('-') ? label.length - 1 : -1;
  if (hyphenAt >= 0) {
    const where = hyphenAt === 0 ? 'starts' : 'ends';
    return { ok: false, rule: 'RFC 1123 2.1', message: `RFC 1123 2.1: label '${abbreviate(label)}' ${where} with a hyphen; host name labels start and end with a letter or digit (at position ${at + hyphenAt + 1})`, position: at + hyphenAt };
  }
  if (ascii.includes('*')) {
    // RFC 4592 2.1.1: an asterisk is a wildcard only as the whole leftmost label.
    if (ascii !== '*' || index > 0) {
      return { ok: false, rule: 'RFC 4592 2.1.1', message: `RFC 4592 2.1.1: '*' is allowed only as the whole leftmost label (at position ${at + ascii.indexOf('*') + 1})`, position: at + ascii.indexOf('*') };
    }
    notes.push("'*' as the leftmost label is a wildcard in zone data (RFC 4592); in a query it is an ordinary label");
  }
  if (ascii.includes('_')) {
    notes.push(`'${ascii}' has an underscore: allowed in service names such as SRV and TXT owners (_sip._tcp, RFC 8552), not in host names (the RFC 1123 2.1 letters-digits-hyphen rule)`);
  }
  return { ok: true, ascii, unicode };
}
