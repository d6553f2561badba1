import type { ResourceRecord, WorldWarning } from './world.js';
import type { WorldIndex } from './world-index.js';

/** One root server name and address, as a resolver's root hints file lists them. */
export interface RootHint {
  name: string;
  address: string;
}

/** Derives root hints from the root zone's apex NS records and their addresses, IPv4 first, as named.root lists them. */
export function deriveRootHints(index: WorldIndex): { hints: RootHint[]; warnings: WorldWarning[] } {
  const root = index.byOrigin.get('');
  if (!root) return { hints: [], warnings: [] };
  const warnings: WorldWarning[] = [];
  const names = [...new Set(index.recordsAt(root, '', 'NS').map((record) => record.data as string))];
  const found: ResourceRecord[] = [];
  for (const name of names) {
    let addresses = index.recordsAt(root, name).filter(isAddress);
    if (addresses.length === 0) {
      addresses = index.addressesAnywhere(name);
      const where = addresses.length > 0 ? 'only outside the root zone' : 'nowhere in the world';
      warnings.push({ code: 'root-hint-no-glue', source: root.file, message: `root server ${name} has its address ${where}; the root zone should hold it` });
    }
    found.push(...addresses);
  }
  const hints = (type: 'A' | 'AAAA'): RootHint[] => {
    const seen = new Set<string>();
    const list: RootHint[] = [];
    for (const record of found.filter((r) => r.type === type)) {
      const key = `${record.name} ${String(record.data)}`;
      if (!seen.has(key)) list.push({ name: record.name, address: record.data as string });
      seen.add(key);
    }
    return list;
  };
  return { hints: [...hints('A'), ...hints('AAAA')], warnings };
}

function isAddress(record: ResourceRecord): boolean {
  return record.type === 'A' || record.type === 'AAAA';
}
