import type { PersonalityId } from '../personalities/types.js';
import type { ConfiguredZone, ServeStale } from '../resolver/resolver-options.js';
import type { Dns64Prefix } from '../dns64/dns64-prefix.js';

/**
 * Record types the simulated world understands (RFC 1035 plus AAAA, SRV and CAA; the DNSSEC types are made by the DNSSEC model, never read from zone files).
 * NULL (RFC 1035 section 3.3.10) is only ever asked, as the type of the RFC 8145 key-tag query.
 */
export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'MX' | 'TXT' | 'SOA' | 'SRV' | 'PTR' | 'CAA' | 'NULL' | DnssecRecordType;

/** The DNSSEC record types (RFC 4034, RFC 5155) the simulator's DNSSEC model produces, and NXNAME (RFC 9824), a meta-type only ever listed in an NSEC's types. */
export type DnssecRecordType = 'DNSKEY' | 'RRSIG' | 'DS' | 'NSEC' | 'NSEC3' | 'NSEC3PARAM' | 'NXNAME';

/** NSEC3PARAM fields (RFC 5155 section 4.1): hash algorithm 1 is SHA-1; the salt is hex, "" for none. */
export interface Nsec3ParamData {
  hashAlgorithm: number;
  flags: number;
  iterations: number;
  salt: string;
}

/** RRSIG fields (RFC 4034 section 3.1); times are seconds since 1970, the signature is base64. */
export interface RrsigData {
  typeCovered: RecordType;
  algorithm: number;
  labels: number;
  originalTtl: number;
  expiration: number;
  inception: number;
  keyTag: number;
  signersName: string;
  signature: string;
}

/** SOA fields as RFC 1035 section 3.3.13 names them; times are seconds. */
export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

/**
 * Record data in the shapes dns-packet encodes directly, so the wire form is never hand-rolled:
 * A/AAAA an address string, CNAME/NS/PTR a name, TXT a list of strings.
 */
export type RecordData =
  | { type: 'A' | 'AAAA'; data: string }
  | { type: 'CNAME' | 'NS' | 'PTR'; data: string }
  | { type: 'MX'; data: { preference: number; exchange: string } }
  | { type: 'TXT'; data: string[] }
  | { type: 'SOA'; data: SoaData }
  | { type: 'SRV'; data: { priority: number; weight: number; port: number; target: string } }
  | { type: 'CAA'; data: { flags: number; tag: string; value: string } }
  | { type: 'DNSKEY'; data: { flags: number; algorithm: number; key: string } }
  | { type: 'RRSIG'; data: RrsigData }
  | { type: 'DS'; data: { keyTag: number; algorithm: number; digestType: number; digest: string } }
  | { type: 'NSEC'; data: { nextDomain: string; types: RecordType[] } }
  | { type: 'NSEC3'; data: Nsec3ParamData & { nextHashed: string; types: RecordType[] } }
  | { type: 'NSEC3PARAM'; data: Nsec3ParamData };

/** One resource record; names are absolute, lowercase, without the trailing dot ("" is the root). */
export type ResourceRecord = RecordData & {
  name: string;
  ttlSeconds: number;
  /** Where the record was written, for messages: "example.com.zone:12". */
  source?: string;
  /** The wildcard owner ("*.example.com") a server synthesised this record from (RFC 4592); its signature counts that name's labels. */
  expandedFrom?: string;
};

/** A zone: its origin (absolute, no trailing dot, "" for the root) and its records. */
export interface Zone {
  origin: string;
  records: ResourceRecord[];
  /** File the zone came from, for messages. */
  file?: string;
}

/** How a server treats a packet it receives. */
export type ServerBehaviour = 'up' | 'drop' | 'refused' | 'unreachable';

/** Response rate limiting as BIND's rate-limit clause does it (ARM "Response Rate Limiting"). */
export interface RrlSpec {
  /** responses-per-second: identical responses to one client network per second (no default; 0 is off). */
  responsesPerSecond: number;
  /** slip 2 (default): every 2nd limited response goes out truncated (TC=1, nothing else), the others are dropped; 0 drops all. */
  slip: number;
  /** window 15 (default): how far into debt an account can go, in seconds of credit. */
  windowSeconds: number;
  /** ipv4-prefix-length 24 (default): clients are counted per /24. */
  ipv4PrefixLength: number;
}

/** How an authoritative server of servers.yaml misbehaves: records it has no authority for, response rate limiting, a slow answer. */
export interface ServerMisbehaviour {
  /** Out-of-bailiwick records added to the additional section of every answer (a poisoning attempt). */
  inject?: ResourceRecord[];
  /** Response rate limiting on its UDP answers, as BIND's rate-limit clause. */
  rrl?: RrlSpec;
  /** Time the server takes before it answers, on top of the network's round trip. */
  delayMs?: number;
}

/** A name server of the world: which zones it serves and how it behaves (misbehaviour included: injected records, RRL, a delay). */
export interface ServerSpec extends ServerMisbehaviour {
  name: string;
  address: string;
  /** Zone origins it answers for with AA=1. A server listed in an NS set but serving nothing is lame. */
  zones: string[];
  behaviour: ServerBehaviour;
  /** Fixed round-trip time to this server from the recursive resolver; otherwise the network model picks one by role. */
  rttMs?: number;
  /** Largest UDP response the server sends before setting TC=1 (default: the client's EDNS buffer, or 512 without EDNS). */
  udpLimitBytes?: number;
}

/** A problem found while loading a world that does not stop it loading. */
export interface WorldWarning {
  code: string;
  message: string;
  source?: string;
}

/** Everything the simulator needs to know about the simulated Internet. */
export interface World {
  zones: Zone[];
  servers: ServerSpec[];
  /** Root server names and addresses, taken from the NS records at the root zone's apex and their glue. */
  rootHints: { name: string; address: string }[];
  warnings: WorldWarning[];
  /** The recursive resolver from servers.yaml, when it names one. */
  resolver?: ResolverSpec;
  /** The world's resolv.conf, when the folder has one. */
  resolvConf?: ResolvConf;
  /** The world's /etc/hosts entries, when the folder has a hosts file. */
  hosts?: HostsEntry[];
  /** The changes servers.yaml schedules (its `schedule:` list), applied at their times in every run of the world. */
  schedule?: WorldChange[];
  /** How servers.yaml configures the recursive resolver (personality, QNAME minimisation, serve-stale, forward and stub zones, EDE). */
  resolverConfig?: ResolverConfig;
  /** The zones servers.yaml marks as signed (`signed_zones:`), with their faults: the DNSSEC model of every run of the world. */
  dnssec?: DnssecModel;
}

/** A zone signed with NSEC3: the extra hash iterations and the salt (hex, "" for none) its owner names are hashed with. */
export interface Nsec3Zone {
  zone: string;
  iterations: number;
  salt: string;
}

/** A change to the world at a virtual time: an operator edits records or swaps a zone, a server changes behaviour or round-trip time. */
export type WorldChange =
  | { atMs: number; kind: 'set-records'; zone: string; name: string; type: RecordType; records: ResourceRecord[]; description: string }
  | { atMs: number; kind: 'set-behaviour'; server: string; behaviour: ServerBehaviour; description: string }
  | { atMs: number; kind: 'replace-zone'; zone: string; records: ResourceRecord[]; file: string; description: string }
  | { atMs: number; kind: 'set-rtt'; server: string; rttMs: number; description: string };

/** Serve-stale as servers.yaml switches it on: the settings written for one program, which apply when that program runs. */
export interface ServeStaleConfig {
  program: PersonalityId;
  profile: Partial<ServeStale>;
}

/** The recursive resolver's configuration from servers.yaml; a field left out keeps the personality's default. */
export interface ResolverConfig {
  personality?: PersonalityId;
  qnameMinimisation?: boolean;
  /** Extended DNS Errors (RFC 8914) on every failure (true) or on none (false). */
  ede?: boolean;
  /** DNSSEC validation on or off (every program validates by default). */
  dnssecValidation?: boolean;
  /** The signed zone whose key the validator trusts; the root's when left out. */
  trustAnchor?: string;
  /** Serve-stale on (with the program's own settings) or off. */
  serveStale?: ServeStaleConfig | false;
  forwardZones: ConfiguredZone[];
  stubZones: ConfiguredZone[];
  /** DNS64 on, with its NAT64 prefix (RFC 6147); off when absent. */
  dns64?: Dns64Prefix;
}

/** The client's resolv.conf(5) settings, with glibc's defaults filled in. */
export interface ResolvConf {
  /** At most 3 (glibc MAXNS); extra lines are ignored with a warning. */
  nameservers: string[];
  /** Search domains, absolute, lowercase, without the trailing dot. */
  search: string[];
  ndots: number;
  timeoutSeconds: number;
  attempts: number;
  rotate: boolean;
  singleRequest: boolean;
  edns0: boolean;
}

/** One /etc/hosts line: an address and its names (the canonical name first), lowercase, without the trailing dot. */
export interface HostsEntry {
  address: string;
  names: string[];
  source?: string;
}

/** The recursive resolver the stub talks to by default. */
export interface ResolverSpec {
  name: string;
  address: string;
}

/**
 * DNSSEC as a model: which zones are signed, which have expired signatures, and the wall clock.
 * Keys, digests and signatures are made-up bytes of the real sizes (ECDSA P-256, algorithm 13, and a
 * SHA-256 DS, the common choices today); validation checks what a validator checks except the maths:
 * the chain DS -> DNSKEY -> RRSIG by key tag, and the signature validity period.
 */
export interface DnssecModel {
  /** Zone origins that are signed ("" is the root, whose key is the trust anchor). */
  signedZones: string[];
  /** Signed zones whose RRSIGs have expired (the zone's signer stopped re-signing). */
  expiredZones?: string[];
  /** Signed zones whose parent publishes no DS (the registrar never got it): an insecure delegation. */
  missingDsZones?: string[];
  /** Signed zones whose parent's DS names a key the zone no longer has (a KSK rolled without updating the DS). */
  mismatchedDsZones?: string[];
  /** The wall clock at virtual time 0, in seconds since 1970. */
  epochSeconds: number;
  /** Signed zones that sign online and deny with compact answers (RFC 9824): NODATA and one NSEC for the name asked. */
  compactZones?: string[];
  /** Signed zones that deny with NSEC3 (RFC 5155) instead of NSEC, with their hash parameters. */
  nsec3Zones?: Nsec3Zone[];
  /** The run's seed, which the zones' keys are drawn from (with each zone's name); the simulator sets it when a run starts, and a model without one has the keys of seed 0. */
  keySeed?: number;
}
