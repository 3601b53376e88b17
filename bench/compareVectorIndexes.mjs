// Side-by-side measurement of vector index candidates (docs/design.md, "Vector index"), kept so the
// figures there can be reproduced. Not part of `npm run bench`: hnswlib-node and sqlite-vec are not
// dependencies, so run it in a scratch folder that has them:
//   npm install --no-save usearch@2.21.4 hnswlib-node@3.0.0 sqlite-vec@0.1.9 better-sqlite3@12.6.2
//   node compareVectorIndexes.mjs <brute|usearch-f32|usearch-f16|usearch-i8|hnswlib|sqlitevec|sqlitevec-int8> <passages> [dimensions]
// Synthetic unit vectors in clusters of 100 (cosine ≈ 0.5 within one), 200 questions each made from a
// random vector plus noise (its planted nearest neighbour); recall@10 is against exact search.
// Prints one JSON line: build and load ms, file MB, query p50/p99 ms, recall@10, peak RSS MB.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [candidate = 'brute', passagesArgument = '10000', dimensionsArgument = '1536'] = process.argv.slice(2);
const n = Number(passagesArgument);
const d = Number(dimensionsArgument);
const questionCount = 200;

function createRandom(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = createRandom(7);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
function normalise(vectors, offset) {
  let sum = 0;
  for (let i = 0; i < d; i++) sum += vectors[offset + i] ** 2;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < d; i++) vectors[offset + i] *= scale;
}
const clusters = Math.max(1, Math.round(n / 100));
const centroids = Float32Array.from({ length: clusters * d }, gaussian);
for (let c = 0; c < clusters; c++) normalise(centroids, c * d);
const data = new Float32Array(n * d);
const spread = 1 / Math.sqrt(d);
for (let p = 0; p < n; p++) {
  const c = Math.floor(random() * clusters);
  for (let i = 0; i < d; i++) data[p * d + i] = centroids[c * d + i] + gaussian() * spread;
  normalise(data, p * d);
}
const queries = [];
for (let q = 0; q < questionCount; q++) {
  const p = Math.floor(random() * n);
  const vector = Float32Array.from({ length: d }, (_, i) => data[p * d + i] + 0.5 * gaussian() * spread);
  normalise(vector, 0);
  queries.push(vector);
}
function exact(vector, k) {
  const best = [];
  for (let p = 0; p < n; p++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += data[p * d + i] * vector[i];
    if (best.length === k && s <= best[k - 1][1]) continue;
    const at = best.findIndex((entry) => entry[1] < s);
    best.splice(at < 0 ? best.length : at, 0, [p, s]);
    if (best.length > k) best.pop();
  }
  return best.map((entry) => entry[0]);
}
const truth = queries.map((vector) => exact(vector, 10));
const directory = mkdtempSync(join(tmpdir(), 'vector-compare-'));
const file = join(directory, 'index');
let search;
let buildMs = 0;
let loadMs = 0;
let fileMb = 0;
const started = performance.now();
if (candidate === 'brute') {
  search = (vector) => exact(vector, 10);
} else if (candidate.startsWith('usearch')) {
  const { Index } = await import('usearch');
  const quantization = candidate.split('-')[1];
  const settings = {
    dimensions: d,
    metric: 'ip',
    quantization,
    connectivity: 16,
    expansion_add: 128,
    expansion_search: 64,
  };
  const index = new Index(settings);
  index.add(
    BigUint64Array.from({ length: n }, (_, i) => BigInt(i)),
    data,
    2,
  );
  buildMs = performance.now() - started;
  index.save(file);
  const loading = performance.now();
  const loaded = new Index(settings);
  loaded.load(file);
  loadMs = performance.now() - loading;
  search = (vector) => Array.from(loaded.search(vector, 10, 1).keys, Number);
} else if (candidate === 'hnswlib') {
  const { HierarchicalNSW } = (await import('hnswlib-node')).default;
  const index = new HierarchicalNSW('ip', d);
  index.initIndex(n, 16, 128, 7);
  for (let p = 0; p < n; p++) index.addPoint(Array.from(data.subarray(p * d, (p + 1) * d)), p);
  buildMs = performance.now() - started;
  index.writeIndexSync(file);
  const loading = performance.now();
  const loaded = new HierarchicalNSW('ip', d);
  loaded.readIndexSync(file);
  loaded.setEf(64);
  loadMs = performance.now() - loading;
  search = (vector) => loaded.searchKnn(Array.from(vector), 10).neighbors;
} else if (candidate.startsWith('sqlitevec')) {
  const Database = (await import('better-sqlite3')).default;
  const sqliteVec = await import('sqlite-vec');
  const database = new Database(file);
  sqliteVec.load(database);
  database.pragma('journal_mode = WAL');
  const int8 = candidate.endsWith('int8');
  const column = int8 ? "vec_quantize_int8(?, 'unit')" : '?';
  database.exec(
    `CREATE VIRTUAL TABLE v USING vec0(embedding ${int8 ? 'int8' : 'float'}[${d}] distance_metric=cosine)`,
  );
  const insert = database.prepare(`INSERT INTO v(rowid, embedding) VALUES (?, ${column})`);
  database.transaction(() => {
    for (let p = 0; p < n; p++) insert.run(BigInt(p), Buffer.from(data.buffer, p * d * 4, d * 4));
  })();
  buildMs = performance.now() - started;
  database.pragma('wal_checkpoint(TRUNCATE)');
  const query = database.prepare(`SELECT rowid FROM v WHERE embedding MATCH ${column} AND k = 10`).pluck();
  search = (vector) => query.all(Buffer.from(vector.buffer)).map(Number);
}
if (candidate !== 'brute') fileMb = statSync(file).size / 2 ** 20;
for (const vector of queries.slice(0, 20)) search(vector);
const times = [];
let found = 0;
for (const [q, vector] of queries.entries()) {
  const start = performance.now();
  const result = search(vector);
  times.push(performance.now() - start);
  const nearest = new Set(truth[q]);
  found += result.filter((key) => nearest.has(key)).length;
}
times.sort((a, b) => a - b);
const round = (value) => Math.round(value * 100) / 100;
console.log(
  JSON.stringify({
    candidate,
    passages: n,
    dimensions: d,
    buildMs: Math.round(buildMs),
    loadMs: Math.round(loadMs),
    fileMb: Math.round(fileMb),
    p50: round(times[questionCount / 2 - 1]),
    p99: round(times[Math.ceil(0.99 * questionCount) - 1]),
    recallAt10: found / (questionCount * 10),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
rmSync(directory, { recursive: true, force: true });
