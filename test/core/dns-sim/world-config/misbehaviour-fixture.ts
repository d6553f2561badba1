import { serversYaml } from './config-fixture.js';

/** The test world's server lines that misbehaviour tests rewrite, one per server. */
export const SERVER_LINES = {
  ns1: '  - { name: ns1.example.com, address: 192.0.2.1, zones: [example.com] }\n',
  ns2: '  - { name: ns2.example.com, address: 192.0.2.2, zones: [example.com] }\n',
  hoster: '  - { name: ns1.hoster.net, address: 192.0.2.53, zones: [hoster.net, sibling.com] }\n',
} as const;

/**
 * The test world's servers.yaml with one server written as a block and `extra` lines under it; the extra lines start on
 * line 10 for ns1, 11 for ns2 and 12 for ns1.hoster.net.
 */
export function misbehavingServers(server: keyof typeof SERVER_LINES, extra: string): string {
  const line = SERVER_LINES[server];
  const block = line.replace(/^ {2}- \{ name: (\S+), address: (\S+), zones: (\[[^\]]*\]) \}\n$/, '  - name: $1\n    address: $2\n    zones: $3\n');
  return serversYaml('').replace(line, `${block}${extra}`);
}
