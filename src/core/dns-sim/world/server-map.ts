import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ResolverConfig, ResolverSpec, ServerSpec } from './world.js';
import { readResolver, readServer, type FieldReader } from './server-map-fields.js';
import { readResolverConfig } from '../world-config/resolver-config.js';
import { readSchedule, type ScheduleEntry } from '../world-config/schedule.js';
import { readSignedZones, type SignedZoneEntry } from '../world-config/signed-zones.js';

/** A servers.yaml problem: the file, the 1-based line, and what is wrong there. */
export interface ServerMapError {
  file: string;
  line: number;
  message: string;
}

/** The parsed server map: the default recursive resolver, the name servers, and every error found. */
export interface ServerMap {
  resolver?: ResolverSpec;
  /** How the resolver is configured, when `resolver:` sets more than its name and address. */
  resolverConfig?: ResolverConfig;
  /** The `schedule:` entries as written; their zone files are read by the world loader. */
  schedule?: ScheduleEntry[];
  /** The `signed_zones:` entries as written; the world loader checks them against its zones. */
  signedZones?: SignedZoneEntry[];
  servers: ServerSpec[];
  errors: ServerMapError[];
}

const TOP_LEVEL_FIELDS = ['resolver', 'servers', 'schedule', 'signed_zones'];

/** A YAML mapping read under the world's rules (LF, CRLF or CR line ends, at most 50 aliases expanded), with a reader that reports problems at their lines. */
export interface ReadMapping {
  data?: Record<string, unknown>;
  reader: FieldReader;
  errors: ServerMapError[];
}

/** Reads YAML text that must be a mapping, as servers.yaml is read; `data` is missing when the text is not a mapping or not YAML (the errors say why). */
export function readYamlMapping(text: string, file: string, notMapping: string): ReadMapping {
  const lineCounter = new LineCounter();
  // The yaml package breaks lines only at LF; a lone CR (old Mac line ends) would make the file one line. Same line count either way.
  const doc = parseDocument(text.replace(/\r\n?/g, '\n'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ServerMapError[] = [];
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const reader = makeReader(doc, lineAt, file, errors);
  for (const error of doc.errors) errors.push({ file, line: lineAt(error.pos[0]), message: `YAML: ${firstLine(error.message)}` });
  if (errors.length > 0) return { reader, errors };
  let data: unknown;
  try {
    // A small alias budget stops "billion laughs" documents from expanding without bound.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    errors.push({ file, line: 1, message: `YAML: ${firstLine((error as Error).message)}` });
    return { reader, errors };
  }
  if (!isRecord(data)) {
    reader.fail([], notMapping);
    return { reader, errors };
  }
  return { data, reader, errors };
}

/** Parses servers.yaml text into the resolver and the server list, with file:line errors for every problem. */
export function parseServerMap(text: string, file = 'servers.yaml'): ServerMap {
  const { data, reader, errors } = readYamlMapping(text, file, "servers.yaml must be a mapping with a 'servers' list (and optionally a 'resolver')");
  if (!data) return { servers: [], errors };
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_FIELDS.includes(key)) reader.fail([key], `unknown field '${key}' (known: ${TOP_LEVEL_FIELDS.join(', ')})`);
  }
  const resolver = data.resolver === undefined ? undefined : readResolver(data.resolver, reader);
  const resolverConfig = isRecord(data.resolver) ? readResolverConfig(data.resolver, reader) : undefined;
  const schedule = data.schedule === undefined ? undefined : readSchedule(data.schedule, reader);
  const signedZones = data.signed_zones === undefined ? undefined : readSignedZones(data.signed_zones, reader);
  const anchor = resolverConfig?.trustAnchor;
  if (anchor !== undefined && !(signedZones ?? []).some((entry) => entry.zone === anchor)) reader.fail(['resolver', 'trust_anchor'], `trust_anchor ${anchor || '.'} is not a zone of 'signed_zones': a validator can only trust a signed zone's key`);
  const servers: ServerSpec[] = [];
  if (!Array.isArray(data.servers)) {
    reader.fail(data.servers === undefined ? [] : ['servers'], "'servers' must be a list of name servers");
  } else {
    data.servers.forEach((item: unknown, index: number) => {
      const server = readServer(item, ['servers', index], reader);
      if (server) servers.push(server);
    });
    checkDuplicates(servers, resolver, reader);
  }
  errors.sort((a, b) => a.line - b.line);
  return { ...(resolver ? { resolver } : {}), ...(resolverConfig ? { resolverConfig } : {}), ...(schedule ? { schedule } : {}), ...(signedZones ? { signedZones } : {}), servers, errors };
}

function makeReader(doc: Document, lineAt: (offset: number | undefined) => number, file: string, errors: ServerMapError[]): FieldReader {
  const lineOf = (path: (string | number)[]): number => {
    // Walk up until a node exists, so a missing field points at the entry that lacks it.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return lineAt(range[0]);
    }
    return 1;
  };
  return { lineOf, fail: (path, message) => errors.push({ file, line: lineOf(path), message }) };
}

function checkDuplicates(servers: ServerSpec[], resolver: ResolverSpec | undefined, reader: FieldReader): void {
  const byName = new Map<string, number>();
  const byAddress = new Map<string, string>();
  if (resolver) byAddress.set(resolver.address, `the resolver ${resolver.name}`);
  servers.forEach((server, index) => {
    const sameName = byName.get(server.name);
    if (sameName !== undefined) {
      reader.fail(['servers', index, 'name'], `server name ${server.name} is already used on line ${reader.lineOf(['servers', sameName, 'name'])}`);
    } else byName.set(server.name, index);
    const sameAddress = byAddress.get(server.address);
    if (sameAddress !== undefined) reader.fail(['servers', index, 'address'], `address ${server.address} is already used by ${sameAddress}`);
    else byAddress.set(server.address, `server ${server.name}`);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
