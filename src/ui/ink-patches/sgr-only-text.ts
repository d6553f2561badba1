// C1 control characters (U+0080-U+009F): Ink's sanitizer reads each as the start of a control sequence.
const C1_CONTROL = /[\u0080-\u009f]/;

/**
 * Whether `text` holds no control sequence but SGR ones (ESC [ digits, colons and semicolons, m) and no C1 control
 * character: Ink's sanitizeAnsi then keeps every character, so it can return the text as it is. It walks every
 * character of every text node of every frame through its tokenizer otherwise (twice a node: once to measure it, once
 * to paint it), the largest cost of painting the home screen's first frame after Yoga's. Only the escapes are read
 * here; the C1 check runs in the regular expression engine.
 */
export function onlySgrControls(text: string): boolean {
  if (C1_CONTROL.test(text)) return false;
  for (let at = text.indexOf('\u001b'); at !== -1; at = text.indexOf('\u001b', at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x5b) return false;
    at += 2;
    let code = text.charCodeAt(at);
    // Digits, ':' and ';' (0x30-0x3b): the parameters Ink keeps an SGR sequence with.
    while (code >= 0x30 && code <= 0x3b) code = text.charCodeAt(++at);
    if (code !== 0x6d) return false;
  }
  return true;
}
