/** A broken name rule: which rule, what broke, and the index of the label where it broke. */
export interface NameProblem {
  kind: 'empty-label' | 'long-label' | 'long-name';
  rule: string;
  message: string;
  labelIndex: number;
}

/** Octets a name of these labels takes on the wire: a length octet and the bytes per label, then the root's zero octet (RFC 1035 section 3.1). */
export function wireLength(labels: string[]): number {
  return labels.reduce((sum, label) => sum + 1 + utf8Length(label), 0) + 1;
}

/** Shortens a long label for a message, so the message stays one line. */
export function abbreviate(text: string, max = 16): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Checks a name's labels against RFC 1035: no empty label (3.1), labels up to 63 octets and the name up to 255 octets (2.3.4). */
export function checkNameSize(labels: string[]): NameProblem | undefined {
  for (const [index, label] of labels.entries()) {
    if (label === '') {
      // RFC 1035 section 3.1: the zero-length label is reserved for the root.
      return { kind: 'empty-label', rule: 'RFC 1035 3.1', labelIndex: index, message: `RFC 1035 3.1: label ${index + 1} is empty (two dots in a row, or a leading dot); only the root has an empty label` };
    }
    const octets = utf8Length(label);
    if (octets > 63) {
      return { kind: 'long-label', rule: 'RFC 1035 2.3.4', labelIndex: index, message: `RFC 1035 2.3.4: label '${abbreviate(label)}' is ${octets} octets; the limit is 63` };
    }
  }
  const wire = wireLength(labels);
  if (wire > 255) {
    const text = labels.join('.').length;
    return {
      kind: 'long-name',
      rule: 'RFC 1035 2.3.4',
      labelIndex: labels.length - 1,
      message: `RFC 1035 2.3.4: the name is ${wire} octets on the wire (${text} characters); the limit is 255 octets, 253 characters in text form`,
    };
  }
  return undefined;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
