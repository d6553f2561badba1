import type { WorldWarning, Zone } from './world.js';
import type { WorldIndex } from './world-index.js';
import { checkRrsetSizes } from './rrset-size.js';

/** Warns about data that no real server would hold together or could send: CNAME beside other data, a zone apex without its SOA or NS, an RRset over 65,535 bytes. */
export function checkZoneData(index: WorldIndex): WorldWarning[] {
  const warnings: WorldWarning[] = [];
  for (const zone of index.zones) {
    warnings.push(...checkCnames(zone, index), ...checkApex(zone, index), ...checkRrsetSizes(zone));
  }
  return warnings;
}

function checkCnames(zone: Zone, index: WorldIndex): WorldWarning[] {
  const warnings: WorldWarning[] = [];
  const names = new Set(zone.records.filter((record) => record.type === 'CNAME').map((record) => record.name));
  for (const name of names) {
    const atName = index.recordsAt(zone, name);
    const cnames = atName.filter((record) => record.type === 'CNAME');
    const others = atName.filter((record) => record.type !== 'CNAME');
    const shown = name || '.';
    if (cnames.length > 1) {
      // RFC 2181 section 10.1: a name is an alias for exactly one other name.
      warnings.push({ code: 'multiple-cname', source: cnames[1]?.source, message: `${shown} has ${cnames.length} CNAME records; a name may have only one (RFC 2181 10.1)` });
    }
    if (others.length > 0) {
      // RFC 1034 section 3.6.2 and RFC 2181 section 10.1: if a CNAME is present at a node, no other data should be.
      const types = [...new Set(others.map((record) => record.type))].join(', ');
      warnings.push({ code: 'cname-and-other-data', source: cnames[0]?.source, message: `${shown} has a CNAME and also ${types} records; a CNAME must stand alone (RFC 1034 3.6.2, RFC 2181 10.1)` });
    }
  }
  return warnings;
}

function checkApex(zone: Zone, index: WorldIndex): WorldWarning[] {
  const warnings: WorldWarning[] = [];
  const shown = zone.origin || '.';
  const soas = zone.records.filter((record) => record.type === 'SOA');
  const apexSoas = soas.filter((record) => record.name === zone.origin);
  // RFC 1035 section 5.2: exactly one SOA, at the top of the zone.
  if (apexSoas.length === 0) {
    warnings.push({ code: 'missing-soa', source: zone.file, message: `zone ${shown} has no SOA record at its apex; negative answers will carry no SOA to cache by (RFC 2308)` });
  } else if (apexSoas.length > 1) {
    warnings.push({ code: 'multiple-soa', source: apexSoas[1]?.source, message: `zone ${shown} has ${apexSoas.length} SOA records at its apex; only the first is used` });
  }
  for (const record of soas.filter((soa) => soa.name !== zone.origin)) {
    warnings.push({ code: 'soa-outside-apex', source: record.source, message: `SOA at ${record.name} is not at the apex of zone ${shown}` });
  }
  if (index.recordsAt(zone, zone.origin, 'NS').length === 0) {
    warnings.push({ code: 'missing-apex-ns', source: zone.file, message: `zone ${shown} has no NS records at its apex` });
  }
  return warnings;
}
