import { parseWorldFiles } from '../../../../src/core/dns-sim/world/world-files.js';
import { formatFileError } from '../../../../src/core/dns-sim/world/file-error.js';
import type { World } from '../../../../src/core/dns-sim/world/world.js';
import { TEST_FILES } from '../sim-fixture.js';

/** The test world's servers.yaml with its resolver line replaced by `resolver` and `tail` appended (a schedule, more servers). */
export function serversYaml(resolver: string, tail = ''): string {
  const base = TEST_FILES['servers.yaml']!.replace('resolver: { name: resolver.test, address: 10.0.0.53 }\n', '');
  return `resolver:\n  name: resolver.test\n  address: 10.0.0.53\n${resolver}${base}${tail}`;
}

/** Loads the test world with the given files changed; the world and its errors formatted as file:line: message. */
export function loadWith(changes: Record<string, string>): { world: World; errors: string[] } {
  const files = { ...TEST_FILES, ...changes };
  const { world, errors } = parseWorldFiles(Object.entries(files).map(([name, text]) => ({ name, text })));
  return { world, errors: errors.map(formatFileError) };
}

/** A second version of the test world's example.com (www moved to 203.0.113.99): six records, for a scheduled swap. */
export const EXAMPLE_V2_ZONE = `$ORIGIN example.com.
$TTL 300
@ SOA ns1.example.com. hostmaster.example.com. 2 7200 3600 1209600 300
@ NS ns1
@ NS ns2
ns1 A 192.0.2.1
ns2 A 192.0.2.2
www A 203.0.113.99
`;
