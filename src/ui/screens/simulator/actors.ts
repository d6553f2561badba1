import type { Endpoint, ResolutionEvent, Role } from '../../../core/dns-sim/events.js';

/** One column of the diagram: a party (client, stub, each resolver) or a level of name servers (root, TLD, authoritative). */
export interface ActorColumn {
  key: string;
  label: string;
  role: Role;
}

const ROLE_ORDER: Record<Role, number> = { client: 0, stub: 1, resolver: 2, root: 3, tld: 4, authoritative: 5 };
const ROLE_LABEL: Record<Role, string> = { client: 'app', stub: 'stub', resolver: 'resolver', root: 'root', tld: 'TLD', authoritative: 'authoritative' };

/** The column an endpoint is drawn in: name servers share one column per level, every resolver has its own. */
export function columnKey(endpoint: Endpoint): string {
  return endpoint.role === 'resolver' ? `resolver:${endpoint.address}` : endpoint.role;
}

/** The diagram's columns for a run, in the order a query travels: app, stub, resolvers, root, TLD, authoritative. */
export function actorColumns(events: readonly ResolutionEvent[]): ActorColumn[] {
  const seen = new Map<string, { column: ActorColumn; first: number }>();
  events.forEach((event, index) => {
    for (const endpoint of [event.from, event.to]) {
      const key = columnKey(endpoint);
      if (seen.has(key) || endpoint.name === 'operator') continue;
      seen.set(key, { column: { key, label: endpoint.role === 'resolver' ? shortName(endpoint.name) : ROLE_LABEL[endpoint.role], role: endpoint.role }, first: index });
    }
  });
  return [...seen.values()].sort((a, b) => ROLE_ORDER[a.column.role] - ROLE_ORDER[b.column.role] || a.first - b.first).map((entry) => entry.column);
}

/** A resolver's name cut to its first label or two, so the column header stays short: "resolver.isp.net" -> "resolver.isp". */
export function shortName(name: string): string {
  const cut = name.replace(/\s*\(.*\)$/, '');
  const labels = cut.split('.');
  return labels.length > 2 ? labels.slice(0, 2).join('.') : cut;
}
