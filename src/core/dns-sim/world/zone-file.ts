import type { RecordType, ResourceRecord, Zone } from './world.js';
import { tokenizeZoneFile, type ZoneEntry, type ZoneToken } from './zone-file-tokens.js';
import { isInZone, normaliseOrigin, toAbsoluteName } from '../names/zone-names.js';
import { parseTtl } from './zone-ttl.js';
import { parseRecordData, SUPPORTED_TYPES } from './record-data.js';

/** A zone-file problem: the file, the 1-based line, and what is wrong there. */
export interface ZoneFileError {
  file: string;
  line: number;
  message: string;
}

/** How to read one zone file: its name for messages, the origin to start from, and a TTL for records that give none. */
export interface ZoneFileOptions {
  file: string;
  origin?: string;
  defaultTtlSeconds?: number;
}

/** The parsed zone (every record that parsed) and every error; errors never stop the rest of the file. */
export interface ZoneFileResult {
  zone: Zone;
  errors: ZoneFileError[];
}

// Types that exist in DNS but not in the simulator get a clearer message than a typo does.
const KNOWN_UNSUPPORTED = new Set(['HINFO', 'NAPTR', 'DS', 'DNSKEY', 'RRSIG', 'NSEC', 'NSEC3', 'NSEC3PARAM', 'TLSA', 'SSHFP', 'SPF', 'SVCB', 'HTTPS', 'LOC', 'DNAME', 'RP', 'AFSDB', 'CDS', 'CDNSKEY', 'URI', 'WKS']);
const CLASSES = new Set(['IN', 'CH', 'CS', 'HS', 'ANY', 'NONE']);

interface ParseState {
  origin: string | undefined;
  zoneOrigin: string | undefined;
  sawRecord: boolean;
  defaultTtl: number | undefined;
  lastExplicitTtl: number | undefined;
  lastOwner: string | undefined;
}

/** Parses RFC 1035 section 5 master-file text ($ORIGIN, $TTL, @, relative names, parentheses, comments, quoted strings) into a zone. */
export function parseZoneFile(text: string, options: ZoneFileOptions): ZoneFileResult {
  const { file } = options;
  const errors: ZoneFileError[] = [];
  const records: ResourceRecord[] = [];
  const initialOrigin = options.origin === undefined ? undefined : normaliseOrigin(options.origin);
  const state: ParseState = {
    origin: initialOrigin,
    zoneOrigin: undefined,
    sawRecord: false,
    defaultTtl: undefined,
    lastExplicitTtl: undefined,
    lastOwner: undefined,
  };
  const tokenized = tokenizeZoneFile(text);
  for (const problem of tokenized.errors) errors.push({ file, ...problem });
  for (const entry of tokenized.entries) {
    const first = entry.tokens[0] as ZoneToken;
    const problem = !entry.blankOwner && !first.quoted && first.text.startsWith('$')
      ? readDirective(entry, state)
      : readRecord(entry, state, options, records);
    if (problem) errors.push({ file, ...problem });
  }
  const origin = state.zoneOrigin ?? initialOrigin;
  if (origin === undefined) {
    errors.push({ file, line: 1, message: 'cannot tell the zone origin: add $ORIGIN or name the file after the zone (example.com.zone)' });
  }
  errors.sort((a, b) => a.line - b.line);
  return { zone: { origin: origin ?? '', records, file }, errors };
}

function readDirective(entry: ZoneEntry, state: ParseState): { line: number; message: string } | undefined {
  const [first, ...args] = entry.tokens as [ZoneToken, ...ZoneToken[]];
  const directive = first.text.toUpperCase();
  const line = entry.line;
  if (directive === '$ORIGIN' || directive === '$TTL') {
    if (args.length !== 1) return { line, message: `${directive} takes one value, got ${args.length}` };
    const arg = args[0] as ZoneToken;
    if (directive === '$TTL') {
      const ttl = parseTtl(arg.text);
      if (!ttl.ok) return { line, message: ttl.message };
      state.defaultTtl = ttl.seconds;
      return undefined;
    }
    const name = toAbsoluteName(arg.text, state.origin);
    if (!name.ok) return { line, message: `$ORIGIN: ${name.message}` };
    state.origin = name.name;
    // The zone's origin is the one in force when its first record appears.
    if (!state.sawRecord) state.zoneOrigin = name.name;
    return undefined;
  }
  if (directive === '$INCLUDE') {
    return { line, message: '$INCLUDE is not supported: each zone file in a world must be self-contained' };
  }
  return { line, message: `unknown directive ${first.text} (supported: $ORIGIN, $TTL)` };
}

function readRecord(entry: ZoneEntry, state: ParseState, options: ZoneFileOptions, records: ResourceRecord[]): { line: number; message: string } | undefined {
  const line = entry.line;
  let rest = entry.tokens;
  let owner: string;
  if (entry.blankOwner) {
    if (state.lastOwner === undefined) {
      return { line, message: 'the line starts with a space, so it repeats the previous owner name, but there is none yet' };
    }
    owner = state.lastOwner;
  } else {
    const name = toAbsoluteName((rest[0] as ZoneToken).text, state.origin);
    if (!name.ok) return { line, message: name.message };
    owner = name.name;
    rest = rest.slice(1);
  }
  state.lastOwner = owner;
  if (!state.sawRecord) {
    state.sawRecord = true;
    state.zoneOrigin ??= state.origin;
  }

  let ttl: number | undefined;
  let sawClass = false;
  while (rest.length > 0 && (ttl === undefined || !sawClass)) {
    const token = rest[0] as ZoneToken;
    const upper = token.text.toUpperCase();
    if (ttl === undefined && /^\d/.test(token.text)) {
      const parsed = parseTtl(token.text);
      if (!parsed.ok) return { line: token.line, message: parsed.message };
      ttl = parsed.seconds;
    } else if (!sawClass && (CLASSES.has(upper) || /^CLASS\d+$/.test(upper))) {
      if (upper !== 'IN') return { line: token.line, message: `class ${token.text} is not supported; the simulator models class IN only` };
      sawClass = true;
    } else break;
    rest = rest.slice(1);
  }
  const typeToken = rest[0];
  if (!typeToken) return { line, message: 'the record has no type: expected [TTL] [IN] TYPE DATA' };
  const type = typeToken.text.toUpperCase();
  if (!(SUPPORTED_TYPES as readonly string[]).includes(type)) {
    const supported = SUPPORTED_TYPES.join(', ');
    if (/^\d/.test(type)) return { line: typeToken.line, message: `expected a record type, found '${typeToken.text}' (supported: ${supported})` };
    if (KNOWN_UNSUPPORTED.has(type)) return { line: typeToken.line, message: `record type ${type} is not supported by the simulator (supported: ${supported})` };
    return { line: typeToken.line, message: `unknown record type ${typeToken.text} (supported: ${supported})` };
  }
  // With neither $ORIGIN nor a file-name origin, the SOA's owner is the zone apex (RFC 1035 5.2).
  if (state.zoneOrigin === undefined && type === 'SOA') state.zoneOrigin = owner;
  if (state.zoneOrigin !== undefined && !isInZone(owner, state.zoneOrigin)) {
    return { line, message: `owner '${owner || '.'}' is outside the zone '${state.zoneOrigin || '.'}' (a missing or extra trailing dot?)` };
  }
  if (ttl !== undefined) state.lastExplicitTtl = ttl;
  // RFC 2308 section 4: $TTL is the default; before it, RFC 1035 5.1 used the last TTL stated explicitly.
  const ttlSeconds = ttl ?? state.defaultTtl ?? state.lastExplicitTtl ?? options.defaultTtlSeconds;
  if (ttlSeconds === undefined) return { line, message: 'the record has no TTL and no $TTL comes before it' };

  const data = parseRecordData(type as RecordType, rest.slice(1), state.origin, line);
  if (!data.ok) return { line: data.line, message: data.message };
  records.push({ ...data.record, name: owner, ttlSeconds, source: `${options.file}:${line}` } as ResourceRecord);
  return undefined;
}
