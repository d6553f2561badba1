import { answerDnskey, answerDs, signResponse, type SigningContext } from './dnssec-authoritative.js';
import { isInZone, parentName } from '../names/names.js';
import { EDNS_BUFFER_BYTES, PLAIN_UDP_LIMIT_BYTES, type DnsMessage } from '../wire/wire.js';
import type { RecordType, ResourceRecord, ServerSpec, World } from '../world/world.js';
import { deepestZone, delegationFor, recordsAt, zoneData, type ZoneData } from './zone-data.js';

/** What a name server does with a query: answer with a message, stay silent, or let the host send ICMP port unreachable. */
export type ServerReply =
  | { kind: 'message'; message: DnsMessage; udpLimitBytes: number; isRequiredAdditional: (record: ResourceRecord) => boolean; note: string }
  | { kind: 'drop'; note: string }
  | { kind: 'unreachable'; note: string };

// BIND stops following a CNAME chain inside its own zones after 16 steps (query.c, max restarts).
const MAX_SERVER_CHAIN = 16;

/** Answers a query as an authoritative server of the world would: AA answers, referrals with glue, NXDOMAIN/NODATA with the SOA, REFUSED when lame. */
export function answerAsServer(world: World, server: ServerSpec, query: DnsMessage, transport: 'udp' | 'tcp', signing?: SigningContext): ServerReply {
  if (server.behaviour === 'drop') return { kind: 'drop', note: `${server.name} is down: the packet is silently dropped` };
  if (server.behaviour === 'unreachable') return { kind: 'unreachable', note: `nothing listens on ${server.address} port 53: the host answers ICMP port unreachable` };
  const base = responseBase(query);
  const udpLimitBytes = transport === 'tcp' ? 65535 : udpLimit(server, query);
  const reply = (message: DnsMessage, note: string, required: (record: ResourceRecord) => boolean = () => false): ServerReply => ({
    kind: 'message',
    message: query.ednsUdpPayloadBytes !== undefined ? { ...message, ednsUdpPayloadBytes: EDNS_BUFFER_BYTES } : message,
    udpLimitBytes,
    isRequiredAdditional: required,
    note,
  });
  if (server.behaviour === 'refused') return reply({ ...base, rcode: 'REFUSED' }, `${server.name} is configured to refuse every query`);
  const qname = query.question.name;
  const zone = deepestZone(world, server.zones, qname);
  if (!zone) {
    // A server listed in an NS set that does not serve the zone: a lame delegation (RFC 8499); BIND and NSD answer REFUSED.
    // NSD (4.6.1 measured, the world's servers) adds EDE 20, Not Authoritative (RFC 8914 section 4.21), in the OPT record.
    const notAuthoritative = query.ednsUdpPayloadBytes !== undefined ? { ede: [{ code: 20 }] } : {};
    return reply({ ...base, rcode: 'REFUSED', ...notAuthoritative }, `${server.name} is not authoritative for ${qname || '.'} (lame): REFUSED${query.ednsUdpPayloadBytes !== undefined ? ' with EDE 20, Not Authoritative' : ''}`);
  }
  const data = zoneData(zone);
  if (!data.soa) return reply({ ...base, rcode: 'SERVFAIL' }, `${server.name} has zone ${zone.origin || '.'} configured but it has no SOA: SERVFAIL`);
  const ds = answerDs(signing && query.dnssecOk ? signing : undefined, data, base);
  if (ds) return reply(ds, 'DS records live in the parent zone (RFC 4035 section 3.1.4.1)');
  const dnskey = signing ? answerDnskey(signing, data, base) : undefined;
  if (dnskey) return reply(dnskey, '');
  const sign = (message: DnsMessage): DnsMessage => (signing && query.dnssecOk ? signResponse(signing, data, message) : message);

  const cut = delegationFor(data, qname);
  if (cut !== undefined) {
    const ns = recordsAt(data, cut, 'NS');
    const glue = ns.flatMap((record) => glueFor(world, server, data, record.data as string));
    const inBailiwick = (record: ResourceRecord): boolean => isInZone(record.name, cut);
    return reply(sign({ ...base, answer: [], authority: ns, additional: glue }), '', inBailiwick);
  }

  const answer: ResourceRecord[] = [];
  const seen = new Set<string>();
  let name = qname;
  let current: ZoneData = data;
  for (let step = 0; step < MAX_SERVER_CHAIN; step++) {
    seen.add(name);
    const found = lookupInZone(current, name, query.question.type);
    answer.push(...found.records);
    if (found.kind === 'answer') return reply(sign({ ...base, aa: true, answer }), answer.length > found.records.length ? 'the server followed the CNAME chain inside its own zones' : '');
    if (found.kind !== 'cname') {
      const soa = negativeSoa(current);
      const rcode = found.kind === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR';
      return reply(sign({ ...base, aa: true, rcode, answer, authority: [soa] }), '');
    }
    // Follow the CNAME while its target stays in a zone this server serves, as BIND and NSD do.
    const target = found.target;
    const next = deepestZone(world, server.zones, target);
    const nextData = next ? zoneData(next) : undefined;
    if (seen.has(target) || !nextData?.soa || delegationFor(nextData, target) !== undefined) break;
    name = target;
    current = nextData;
  }
  return reply(sign({ ...base, aa: true, answer }), 'the target is outside this server\'s zones');
}

type ZoneLookup =
  | { kind: 'answer'; records: ResourceRecord[] }
  | { kind: 'cname'; records: ResourceRecord[]; target: string }
  | { kind: 'nodata'; records: ResourceRecord[] }
  | { kind: 'nxdomain'; records: ResourceRecord[] };

function lookupInZone(data: ZoneData, name: string, type: RecordType): ZoneLookup {
  let owned = recordsAt(data, name);
  if (owned.length === 0 && !data.existing.has(name)) owned = wildcardRecords(data, name);
  if (owned.length === 0) return { kind: data.existing.has(name) ? 'nodata' : 'nxdomain', records: [] };
  const matching = owned.filter((record) => record.type === type);
  if (matching.length > 0) return { kind: 'answer', records: matching };
  const cname = owned.find((record) => record.type === 'CNAME');
  if (cname) return { kind: 'cname', records: [cname], target: cname.data as string };
  return { kind: 'nodata', records: [] };
}

// RFC 4592 section 3.3.1: a wildcard at the closest encloser answers for names that do not exist, with the query name as owner.
function wildcardRecords(data: ZoneData, name: string): ResourceRecord[] {
  let encloser = parentName(name);
  while (!data.existing.has(encloser) && isInZone(encloser, data.zone.origin) && encloser !== '') encloser = parentName(encloser);
  if (!data.existing.has(encloser)) return [];
  const wildcard = encloser === '' ? '*' : `*.${encloser}`;
  return recordsAt(data, wildcard).map((record) => ({ ...record, name, expandedFrom: wildcard }));
}

function addressRecords(data: ZoneData, name: string): ResourceRecord[] {
  return [...recordsAt(data, name, 'A'), ...recordsAt(data, name, 'AAAA')];
}

// Glue comes from the zone itself, else (as BIND's additional-section processing does) from another
// zone the same server serves: the "sibling glue" com/net servers hand out, which resolvers may distrust.
function glueFor(world: World, server: ServerSpec, data: ZoneData, name: string): ResourceRecord[] {
  const own = addressRecords(data, name);
  if (own.length > 0) return own;
  const other = deepestZone(world, server.zones, name);
  return other && other !== data.zone ? addressRecords(zoneData(other), name) : [];
}

/** The zone's SOA as negative answers carry it: TTL = min(SOA TTL, MINIMUM) (RFC 2308 section 3). */
export function negativeSoa(data: ZoneData): ResourceRecord {
  const soa = data.soa!;
  return { ...soa, ttlSeconds: Math.min(soa.ttlSeconds, soa.data.minimum) };
}

function responseBase(query: DnsMessage): DnsMessage {
  return {
    ...(query.qnameWire ? { qnameWire: query.qnameWire } : {}),
    id: query.id,
    qr: true,
    aa: false,
    rd: query.rd ?? false,
    ra: false,
    cd: query.cd ?? false,
    rcode: 'NOERROR',
    question: query.question,
    answer: [],
    authority: [],
    additional: [],
  };
}

function udpLimit(server: ServerSpec, query: DnsMessage): number {
  const client = query.ednsUdpPayloadBytes !== undefined ? Math.max(PLAIN_UDP_LIMIT_BYTES, query.ednsUdpPayloadBytes) : PLAIN_UDP_LIMIT_BYTES;
  return Math.min(client, server.udpLimitBytes ?? Number.POSITIVE_INFINITY);
}
