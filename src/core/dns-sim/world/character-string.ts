/** A decoded character-string, or why it could not be decoded. */
export type CharacterStringResult = { ok: true; text: string } | { ok: false; message: string };

/** Decodes the escapes of a master-file character-string (RFC 1035 section 5.1: \X is X, \DDD is the octet DDD) and checks the 255-octet limit. */
export function decodeCharacterString(raw: string): CharacterStringResult {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch !== '\\') {
      const code = raw.codePointAt(i) as number;
      const char = String.fromCodePoint(code);
      bytes.push(...encoder.encode(char));
      i += char.length - 1;
      continue;
    }
    const digits = /^\d{3}/.exec(raw.slice(i + 1, i + 4));
    if (digits) {
      const value = Number(digits[0]);
      if (value > 255) return { ok: false, message: `escape \\${digits[0]} is not an octet (000 to 255)` };
      bytes.push(value);
      i += 3;
    } else if (/^\d/.test(raw.slice(i + 1, i + 2))) {
      return { ok: false, message: `escape \\${raw.slice(i + 1, i + 4)} needs exactly three digits (\\DDD)` };
    } else {
      const next = raw.codePointAt(i + 1);
      if (next === undefined) return { ok: false, message: 'backslash at the end of a string' };
      const char = String.fromCodePoint(next);
      bytes.push(...encoder.encode(char));
      i += char.length;
    }
  }
  // RFC 1035 section 3.3: a <character-string> is a length octet and at most 255 octets.
  if (bytes.length > 255) return { ok: false, message: `string is ${bytes.length} octets; a character-string holds at most 255 (RFC 1035 3.3)` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes)) };
  } catch {
    return { ok: false, message: 'string has \\DDD escapes that are not valid UTF-8; the simulator stores TXT and CAA values as text' };
  }
}
