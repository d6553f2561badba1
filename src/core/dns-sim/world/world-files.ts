import type { HostsEntry, ResolvConf, World, WorldWarning, Zone } from './world.js';
import type { FileLineError } from './file-error.js';
import { parseZoneFile } from './zone-file.js';
import { parseServerMap } from './server-map.js';
import { parseResolvConf } from './resolv-conf.js';
import { parseHostsFile } from './hosts-file.js';
import { buildWorld } from './build-world.js';
import { resolveSchedule, scheduledZoneFiles } from '../world-config/schedule-changes.js';
import { signingModel } from '../world-config/signed-zones.js';

/** One file of a world folder: its name inside the folder and its text. */
export interface WorldFileText {
  name: string;
  text: string;
}

/** The world built from the files (always present, possibly partial) and every file:line error; a caller should refuse a world with errors. */
export interface WorldFilesResult {
  world: World;
  errors: FileLineError[];
}

/** The world's server map, the one required file besides the *.zone files. */
export const SERVER_MAP_FILE = 'servers.yaml';
/** The world's optional resolv.conf(5). */
export const RESOLV_CONF_FILE = 'resolv.conf';
/** The world's optional hosts(5) file. */
export const HOSTS_FILE = 'hosts';

/** The origin a zone file starts from when it has no $ORIGIN: its name without ".zone"; "root.zone" is the root. */
export function originFromFileName(fileName: string): string {
  const base = fileName.replace(/\.zone$/i, '').toLowerCase();
  if (base === 'root' || base === '.' || base === '') return '';
  return base.endsWith('.') ? base.slice(0, -1) : base;
}

/** What a caller adds to the folder's own files: zone files a session swaps in later, which are no zones of the world at the start. */
export interface WorldFilesOptions {
  laterZoneFiles?: readonly string[];
}

/** Parses a world's files (servers.yaml with its schedule, resolver configuration and signed zones, *.zone, optional resolv.conf and hosts) into a world; pure, so tests and scenarios can build worlds from strings. */
export function parseWorldFiles(files: WorldFileText[], options: WorldFilesOptions = {}): WorldFilesResult {
  const errors: FileLineError[] = [];
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const serverFile = sorted.find((f) => f.name === SERVER_MAP_FILE);
  const serverMap = serverFile ? parseServerMap(serverFile.text, SERVER_MAP_FILE) : { servers: [], errors: [{ file: SERVER_MAP_FILE, line: 0, message: 'file is missing' }] };
  // A file the schedule swaps in later is not a zone of the world at the start.
  const later = new Set([...scheduledZoneFiles(serverMap.schedule ?? []), ...(options.laterZoneFiles ?? [])]);
  const zones: Zone[] = [];
  for (const file of sorted.filter((f) => /\.zone$/i.test(f.name) && !later.has(f.name))) {
    const parsed = parseZoneFile(file.text, { file: file.name, origin: originFromFileName(file.name) });
    zones.push(parsed.zone);
    errors.push(...parsed.errors);
  }
  if (zones.length === 0) errors.push({ file: '*.zone', line: 0, message: 'the world has no zone files' });
  errors.push(...serverMap.errors);
  const schedule = resolveSchedule(serverMap.schedule ?? [], sorted, serverMap.servers, SERVER_MAP_FILE);
  errors.push(...schedule.errors);

  const warnings: WorldWarning[] = [];
  let resolvConf: ResolvConf | undefined;
  const resolvFile = sorted.find((f) => f.name === RESOLV_CONF_FILE);
  if (resolvFile) {
    const parsed = parseResolvConf(resolvFile.text, RESOLV_CONF_FILE);
    resolvConf = parsed.conf;
    errors.push(...parsed.errors);
    warnings.push(...parsed.warnings.map((w) => ({ code: 'resolv-conf', message: w.message, source: w.line > 0 ? `${w.file}:${w.line}` : w.file })));
  }
  let hosts: HostsEntry[] | undefined;
  const hostsFile = sorted.find((f) => f.name === HOSTS_FILE);
  if (hostsFile) {
    const parsed = parseHostsFile(hostsFile.text, HOSTS_FILE);
    hosts = parsed.entries;
    errors.push(...parsed.errors);
  }
  const world = buildWorld(zones, serverMap, { ...(resolvConf ? { resolvConf } : {}), ...(hosts ? { hosts } : {}) });
  world.warnings.unshift(...warnings);
  if (schedule.changes.length > 0) world.schedule = schedule.changes;
  if (serverMap.resolverConfig) world.resolverConfig = serverMap.resolverConfig;
  const signing = signingModel(serverMap.signedZones ?? [], world.zones.map((zone) => zone.origin), SERVER_MAP_FILE);
  errors.push(...signing.errors);
  if (signing.model) world.dnssec = signing.model;
  return { world, errors };
}
