// `npm run bench` row: `swelearn sim` on a world whose zone is delegated to 2,000 NS names with glue (issue 19).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'swelearn.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 21);
const NS_COUNT = 2000;
const TARGET_MS = 1000;

const world = mkdtempSync(join(tmpdir(), 'swelearn-ns-bench-'));
const names = Array.from({ length: NS_COUNT }, (_, i) => `x${i}`);
writeFileSync(join(world, 'root.zone'), `$ORIGIN .\n$TTL 86400\n@ SOA a.root-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400\n@ NS a.root-servers.net.\na.root-servers.net. A 198.41.0.4\ncom. NS a.gtld-servers.net.\na.gtld-servers.net. A 192.5.6.30\n`);
writeFileSync(join(world, 'com.zone'), `$ORIGIN com.\n$TTL 172800\n@ SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400\n@ NS a.gtld-servers.net.\n${names.map((name) => `example NS ${name}.example.com.\n${name}.example A 192.0.2.1`).join('\n')}\n`);
writeFileSync(join(world, 'example.com.zone'), `$ORIGIN example.com.\n$TTL 3600\n@ SOA x0 hostmaster 1 7200 3600 1209600 300\n${names.map((name) => `@ NS ${name}\n${name} A 192.0.2.1`).join('\n')}\nwww A 203.0.113.10\n`);
writeFileSync(join(world, 'servers.yaml'), `resolver: { name: resolver.test, address: 10.0.0.53 }\nservers:\n  - { name: a.root-servers.net, address: 198.41.0.4, zones: ["."] }\n  - { name: a.gtld-servers.net, address: 192.5.6.30, zones: [com] }\n  - { name: x0.example.com, address: 192.0.2.1, zones: [example.com] }\n`);

const env = { ...process.env, CI: 'true', SWELEARN_HOME: mkdtempSync(join(tmpdir(), 'swelearn-ns-home-')) };
delete env.FORCE_COLOR;
for (const resolver of ['unbound', 'bind', 'knot']) {
  const args = [bin, 'sim', 'www.example.com.', '--type', 'A', '--world', world, '--resolver', resolver, '--json'];
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 || !result.stdout.includes('203.0.113.10')) throw new Error(`${args.join(' ')} did not resolve: ${result.stderr}`);
  }
  const medianMs = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(JSON.stringify({ figure: `swelearn sim, ${NS_COUNT} NS records resolved (${resolver})`, medianMs: Math.round(medianMs * 10) / 10, limitMs: TARGET_MS, ok: medianMs < TARGET_MS }));
}
