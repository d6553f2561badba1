import type { HostsEntry } from './world.js';
import type { FileLineError } from './file-error.js';
import { isIPAddress } from './ip-address.js';
import { toAbsoluteName } from '../names/zone-names.js';

/** Parses hosts(5) text: an address, then a canonical name and aliases; '#' starts a comment anywhere on a line. */
export function parseHostsFile(text: string, file = 'hosts'): { entries: HostsEntry[]; errors: FileLineError[] } {
  const entries: HostsEntry[] = [];
  const errors: FileLineError[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((lineText, index) => {
    const line = index + 1;
    const words = (lineText.split('#')[0] ?? '').trim().split(/\s+/).filter((word) => word !== '');
    const [address, ...rawNames] = words;
    if (address === undefined) return;
    if (!isIPAddress(address)) return void errors.push({ file, line, message: `'${address}' is not an IPv4 or IPv6 address` });
    if (rawNames.length === 0) return void errors.push({ file, line, message: `address ${address} needs at least one host name after it` });
    const names: string[] = [];
    for (const raw of rawNames) {
      const name = toAbsoluteName(raw.endsWith('.') ? raw : `${raw}.`, '');
      if (!name.ok || name.name === '') return void errors.push({ file, line, message: name.ok ? `'${raw}' is not a host name` : name.message });
      names.push(name.name);
    }
    entries.push({ address: address.toLowerCase(), names, source: `${file}:${line}` });
  });
  return { entries, errors };
}
