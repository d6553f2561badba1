import { toASCII, toUnicode } from 'tr46';

// The URL Standard's "domain to ASCII" with beStrict false, which is what Node's url.domainToASCII runs:
// UTS #46 nontransitional processing (ß stays ß), CheckBidi and CheckJoiners on, CheckHyphens, STD3 rules and
// DNS lengths off (the simulator checks hyphens and lengths itself, with the RFC that sets them).
const UTS46_OPTIONS = {
  transitionalProcessing: false,
  checkHyphens: false,
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: false,
  verifyDNSLength: false,
  ignoreInvalidPunycode: false,
} as const;

/** The ASCII (punycode) form of a name by UTS #46 ToASCII, or undefined when the name has no valid IDNA form. */
export function idnaToAscii(name: string): string | undefined {
  return toASCII(name, UTS46_OPTIONS) ?? undefined;
}

/** The Unicode form of a name by UTS #46 ToUnicode, or undefined when a label is not valid punycode or breaks an IDNA rule. */
export function idnaToUnicode(name: string): string | undefined {
  const result = toUnicode(name, UTS46_OPTIONS);
  return result.error ? undefined : result.domain;
}
