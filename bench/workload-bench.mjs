// Workload-mode figures: simulated client queries per second of wall time (at least 1,000,000), and
// memory at N = 1e5, 1e6 and 1e7 (it must not grow with N). One JSON line per figure; exit 1 on a miss.
// Run it alone (`node bench/workload-bench.mjs`) or from bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench-tmp');
mkdirSync(work, { recursive: true });
const script = join(work, 'workload-bench.mjs');
await build({
  stdin: { contents: "import { benchWorkload } from './bench/workload-bench.ts';\nprocess.exitCode = benchWorkload() ? 0 : 1;\n", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: script, logLevel: 'warning',
});
// --expose-gc lets the memory figures start and end from a collected heap.
const child = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(child.stdout);
process.exitCode = child.status === 0 ? 0 : 1;
