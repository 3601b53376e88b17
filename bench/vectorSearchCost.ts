import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchByEmbedding } from '../src/retrieval/searchByEmbedding.js';
import { openDatabase } from '../src/storage/database.js';
import { storeEmbeddings } from '../src/storage/passageEmbeddings.js';

/**
 * Measures what one brute-force vector search (`searchByEmbedding`) costs over a database of random
 * unit vectors: `npx tsx bench/vectorSearchCost.ts [passages] [dimensions]`, by default 100,000 passages
 * of 1,536 dimensions (text-embedding-3-small's size). Prints the SQLite file size and, for 5 searches,
 * the median wall-clock and CPU milliseconds (CPU time is what a busy shared machine cannot inflate).
 */
const passageCount = Number(process.argv[2] ?? 100_000);
const dimensions = Number(process.argv[3] ?? 1536);
const passagesPerArticle = 100;
const model = 'bench-embedding';

function randomUnitVector(): Float32Array {
  const vector = new Float32Array(dimensions);
  let sumOfSquares = 0;
  for (let index = 0; index < dimensions; index += 1) {
    const value = Math.random() - 0.5;
    vector[index] = value;
    sumOfSquares += value * value;
  }
  const length = Math.sqrt(sumOfSquares);
  return vector.map((value) => value / length);
}

const directory = mkdtempSync(join(tmpdir(), 'newsdesk-vector-bench-'));
const path = join(directory, 'bench.sqlite');
const database = openDatabase(path);
try {
  const insertArticle = database.prepare(
    `INSERT INTO articles (id, path, content_hash, title, first_ingested_at, updated_at)
     VALUES (?, ?, '', ?, '', '')`,
  );
  const insertPassage = database.prepare(
    'INSERT INTO passages (id, article_id, ordinal, text, text_hash) VALUES (?, ?, ?, ?, ?)',
  );
  const built = performance.now();
  for (let start = 0; start < passageCount; start += passagesPerArticle) {
    const articleId = `article-${start}`;
    const entries: { textHash: string; vector: Float32Array }[] = [];
    database.transaction(() => {
      insertArticle.run(articleId, `${articleId}.txt`, articleId);
      for (let ordinal = 0; ordinal < passagesPerArticle && start + ordinal < passageCount; ordinal += 1) {
        const textHash = `hash-${start + ordinal}`;
        insertPassage.run(
          `passage-${start + ordinal}`,
          articleId,
          ordinal,
          `Passage ${start + ordinal}.`,
          textHash,
        );
        entries.push({ textHash, vector: randomUnitVector() });
      }
    })();
    storeEmbeddings(database, model, entries);
  }
  database.pragma('wal_checkpoint(TRUNCATE)');
  const megabytes = statSync(path).size / 1024 / 1024;
  console.log(
    `${passageCount} passages × ${dimensions} dimensions: built in ${Math.round(performance.now() - built)} ms, ${megabytes.toFixed(0)} MB on disk`,
  );
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    searchByEmbedding(database, model, randomUnitVector(), 24);
    const cpuUsed = process.cpuUsage(cpuBefore);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    wall.push(performance.now() - started);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[2]?.toFixed(0);
  console.log(`search: median ${median(wall)} ms wall, ${median(cpu)} ms CPU (of 5)`);
  // For comparison: the dot products alone, as if the vectors were held in memory between searches.
  // Filled first, so the timing counts arithmetic rather than the kernel's first touch of each page.
  const matrix = new Float32Array(passageCount * dimensions).fill(1 / Math.sqrt(dimensions));
  const query = randomUnitVector();
  const cpuBefore = process.cpuUsage();
  let best = -Infinity;
  for (let row = 0; row < passageCount; row += 1) {
    let similarity = 0;
    const offset = row * dimensions;
    for (let index = 0; index < dimensions; index += 1) {
      similarity += (matrix[offset + index] as number) * (query[index] as number);
    }
    best = Math.max(best, similarity);
  }
  const cpuUsed = process.cpuUsage(cpuBefore);
  console.log(
    `dot products alone (vectors in memory): ${((cpuUsed.user + cpuUsed.system) / 1000).toFixed(0)} ms CPU (best similarity ${best.toFixed(2)})`,
  );
} finally {
  database.close();
  rmSync(directory, { recursive: true, force: true });
}
