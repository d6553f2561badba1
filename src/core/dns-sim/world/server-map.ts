import type { ResolverConfig, ResolverSpec, ServerSpec } from './world.js';
import { readResolver, readServer, type FieldReader } from './server-map-fields.js';
import { readResolverConfig } from '../world-config/resolver-config.js';
import { readSchedule, type ScheduleEntry } from '../world-config/schedule.js';
import { readSignedZones, type SignedZoneEntry } from '../world-config/signed-zones.js';
import { readYamlDocument } from '../world-config/yaml-document.js';

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
  const { parsed, reader, errors } = readYamlDocument(text, file);
  if (!parsed) return { reader, errors };
  if (!isRecord(parsed.data)) {
    reader.fail([], notMapping);
    return { reader, errors };
  }
  return { data: parsed.data, reader, errors };
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

