import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { formatTable } from './formatTable.js';
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
function readOptions() {
  try {
    return parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        seed: { type: 'string', default: '7' },
        out: { type: 'string' },
        embeddings: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
const values = readOptions();
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const sizes = (values.sizes ?? '').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) {
  process.stderr.write(usage);
  process.exit(2);
}
const seed = Number(values.seed);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}`;
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`bench: ${size.toLocaleString('en-US')} passages…\n`);
  results.push(await runSize(size, seed, values.embeddings));
}
process.stdout.write(`${machine}\n\n${formatTable(results)}\n`);
for (const result of results) {
  const slowest = result.ours.slowest
    .map((entry) => `${entry.milliseconds} ms "${entry.question}"`)
    .join('; ');
  process.stdout.write(`slowest retrievals at ${result.passages}: ${slowest}\n`);
}
if (values.out) writeFileSync(values.out, `${JSON.stringify({ machine, seed, results }, null, 2)}\n`);
