import type { FileLineError } from '../world/file-error.js';
import type { ServerSpec, WorldChange } from '../world/world.js';
import { parseZoneFile } from '../world/zone-file.js';
import { isInZone } from '../names/zone-names.js';
import type { ScheduleEntry } from './schedule.js';

/** The schedule as the run applies it, and every problem found checking it against the folder's files and servers. */
export interface ResolvedSchedule {
  changes: WorldChange[];
  errors: FileLineError[];
}

/**
 * Turns schedule entries into world changes: each named server must be in servers.yaml, each zone must be
 * served by one, and each replacement file must be a zone file of the folder, read with the zone's origin
 * (its own errors name that file and line). The changes are in time order, entries at one time in file order.
 */
export function resolveSchedule(entries: ScheduleEntry[], files: { name: string; text: string }[], servers: ServerSpec[], file: string): ResolvedSchedule {
  const changes: WorldChange[] = [];
  const errors: FileLineError[] = [];
  for (const entry of entries) {
    const description = entry.note ?? `scheduled in ${file} line ${entry.line}`;
    const { change } = entry;
    if (change.kind === 'server') {
      if (!servers.some((server) => server.name === change.server)) {
        errors.push({ file, line: entry.line, message: `schedule: no server named ${change.server} in 'servers'` });
        continue;
      }
      if (change.behaviour) changes.push({ atMs: entry.atMs, kind: 'set-behaviour', server: change.server, behaviour: change.behaviour, description });
      if (change.rttMs !== undefined) changes.push({ atMs: entry.atMs, kind: 'set-rtt', server: change.server, rttMs: change.rttMs, description });
      continue;
    }
    if (change.kind === 'records') {
      // The zone named, or else the closest one a server serves, as the name's records live in the zone that answers for it.
      const served = servers.flatMap((server) => server.zones);
      const zone = change.zone ?? served.filter((origin) => isInZone(change.name, origin)).sort((a, b) => b.length - a.length)[0];
      if (zone === undefined || !served.includes(zone)) {
        errors.push({ file, line: entry.line, message: `schedule: zone ${zone === undefined ? `of ${change.name}` : zone || '.'} is served by no server in 'servers'` });
        continue;
      }
      if (!isInZone(change.name, zone)) {
        errors.push({ file, line: entry.line, message: `schedule: ${change.name} is not in the zone ${zone || '.'}` });
        continue;
      }
      changes.push({ atMs: entry.atMs, kind: 'set-records', zone, name: change.name, type: change.type, records: change.records, description });
      continue;
    }
    const shown = change.zone || '.';
    if (!servers.some((server) => server.zones.includes(change.zone))) {
      errors.push({ file, line: entry.line, message: `schedule: zone ${shown} is served by no server in 'servers'` });
      continue;
    }
    const replacement = files.find((candidate) => candidate.name === change.file);
    if (!replacement) {
      errors.push({ file, line: entry.line, message: `schedule: ${change.file} is not a zone file of the world folder` });
      continue;
    }
    const parsed = parseZoneFile(replacement.text, { file: replacement.name, origin: change.zone });
    errors.push(...parsed.errors);
    if (parsed.zone.origin !== change.zone) {
      errors.push({ file, line: entry.line, message: `schedule: ${change.file} is the zone ${parsed.zone.origin || '.'} (its $ORIGIN), not ${shown}` });
      continue;
    }
    changes.push({ atMs: entry.atMs, kind: 'replace-zone', zone: change.zone, records: parsed.zone.records, file: change.file, description });
  }
  return { changes: changes.sort((a, b) => a.atMs - b.atMs), errors };
}

/** The zone files a schedule swaps in: they are not zones of the world at the start. */
export function scheduledZoneFiles(entries: ScheduleEntry[]): Set<string> {
  return new Set(entries.flatMap((entry) => (entry.change.kind === 'zone' ? [entry.change.file] : [])));
}
