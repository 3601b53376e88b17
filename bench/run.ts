import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { formatTable } from './formatTable.js';
import { readBenchOptions } from './readBenchOptions.js';
import { runSize, type SizeResult } from './runSize.js';

/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--seed 7] [--out bench.json] [--embeddings]`: newsdesk's
 * retrieval at growing corpus sizes beside a MiniSearch baseline on the same synthetic corpus and
 * questions; with `--embeddings`, hybrid retrieval (BM25 and the vector index, fused) on planted
 * synthetic vectors of 1,536 dimensions beside BM25 alone (bench/serveHybrid.ts).
 * Prints a Markdown table and writes every figure as JSON to `--out`. Timings are reported, never asserted.
 */
const usage =
  'usage: npm run bench -- [--sizes 1000,10000,100000] [--seed 7] [--out file.json] [--embeddings]\n';
const values = readBenchOptions('bench', usage, {
  sizes: { type: 'string', default: '1000,10000,100000' },
  seed: { type: 'string', default: '7' },
  out: { type: 'string' },
  embeddings: { type: 'boolean', default: false },
});
const sizes = String(values.sizes).split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) {
  process.stderr.write(usage);
  process.exit(2);
}
const seed = Number(values.seed);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}`;
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`bench: ${size.toLocaleString('en-US')} passages…\n`);
  results.push(await runSize(size, seed, values.embeddings === true));
}
process.stdout.write(`${machine}\n\n${formatTable(results)}\n`);
for (const result of results) {
  const slowest = result.ours.slowest
    .map((entry) => `${entry.milliseconds} ms "${entry.question}"`)
    .join('; ');
  process.stdout.write(`slowest retrievals at ${result.passages}: ${slowest}\n`);
}
if (typeof values.out === 'string')
  writeFileSync(values.out, `${JSON.stringify({ machine, seed, results }, null, 2)}\n`);
