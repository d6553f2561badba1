import type { ResolvConf } from './world.js';
import type { FileLineError } from './file-error.js';
import { isIPAddress } from './ip-address.js';
import { toAbsoluteName } from '../names/zone-names.js';
import { readOptions } from './resolv-conf-options.js';

/** glibc's defaults (resolv/resolv.h RES_TIMEOUT 5, RES_DFLRETRY 2; ndots 1), used for whatever the file does not set. */
export const DEFAULT_RESOLV_CONF: ResolvConf = {
  nameservers: [],
  search: [],
  ndots: 1,
  timeoutSeconds: 5,
  attempts: 2,
  rotate: false,
  singleRequest: false,
  edns0: false,
};

/** glibc MAXNS: nameserver lines after the third are ignored. */
export const MAX_NAMESERVERS = 3;

/** The parsed settings, the lines glibc would reject or misread (errors), and the lines it would quietly adjust (warnings). */
export interface ResolvConfResult {
  conf: ResolvConf;
  errors: FileLineError[];
  warnings: FileLineError[];
}

/** Parses resolv.conf(5) text as glibc reads it: nameserver, search, domain, options; comments start with ';' or '#'. */
export function parseResolvConf(text: string, file = 'resolv.conf'): ResolvConfResult {
  const conf: ResolvConf = { ...DEFAULT_RESOLV_CONF, nameservers: [], search: [] };
  const errors: FileLineError[] = [];
  const warnings: FileLineError[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((lineText, index) => {
    const line = index + 1;
    const error = (message: string): void => void errors.push({ file, line, message });
    const warn = (message: string): void => void warnings.push({ file, line, message });
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    const [keyword = '', ...args] = trimmed.split(/\s+/);
    switch (keyword) {
      case 'nameserver': {
        const address = args[0];
        if (address === undefined) return error('nameserver needs an address');
        if (!isIPAddress(address.replace(/%[\w.-]+$/, ''))) return error(`nameserver '${address}' is not an IPv4 or IPv6 address`);
        if (args.length > 1) warn(`text after the address ('${args.slice(1).join(' ')}') is ignored`);
        if (conf.nameservers.length >= MAX_NAMESERVERS) return warn(`nameserver ${address} is ignored: glibc uses at most ${MAX_NAMESERVERS} (MAXNS)`);
        conf.nameservers.push(address);
        return;
      }
      case 'search':
      case 'domain': {
        if (args.length === 0) return error(`${keyword} needs at least one domain`);
        if (keyword === 'domain' && args.length > 1) return error('domain takes one domain; use search for a list');
        const domains: string[] = [];
        for (const arg of args) {
          const name = toAbsoluteName(arg.endsWith('.') ? arg : `${arg}.`, '');
          if (!name.ok) return error(`${keyword}: ${name.message}`);
          if (name.name !== '') domains.push(name.name);
        }
        // resolv.conf(5): search and domain are mutually exclusive; the last instance wins.
        conf.search = domains;
        return;
      }
      case 'options':
        return readOptions(args, conf, error, warn);
      case 'sortlist':
        return warn('sortlist is accepted but not modelled by the simulator');
      default:
        return error(`unknown keyword '${keyword}' (resolv.conf(5) has nameserver, search, domain, sortlist and options; glibc silently ignores other lines)`);
    }
  });
  if (conf.nameservers.length === 0) {
    // resolv.conf(5): with no nameserver line, the resolver uses the name server on the local machine.
    warnings.push({ file, line: 0, message: 'no nameserver lines: glibc falls back to 127.0.0.1' });
    conf.nameservers = ['127.0.0.1'];
  }
  return { conf, errors, warnings };
}
