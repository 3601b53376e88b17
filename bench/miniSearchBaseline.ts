import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { summariseLatency, timeEach } from './latency.js';

/**
 * Child process of `npm run bench`: the baseline. Indexes the same passages (read back from the ingested
 * database) with MiniSearch, an in-memory BM25 engine, with its default tokenizer and options, and runs
 * the same questions, keeping the top 8 as newsdesk does. Prints one JSON object: build time (ms),
 * query latencies (ms), index memory (MB of heap after a full GC) and peak RSS (MB).
 *
 * usage: node --expose-gc --import tsx bench/miniSearchBaseline.ts <database> <questions.json>
 */
const [databasePath = '', questionsPath = ''] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(questionsPath, 'utf8')) as string[];
const database = new Database(databasePath, { readonly: true });
const passages = database.prepare('SELECT rowid AS id, text FROM passages').all() as {
  id: number;
  text: string;
}[];
database.close();

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const miniSearch = new MiniSearch({ fields: ['text'] });
miniSearch.addAll(passages);
const buildMs = performance.now() - started;
passages.length = 0;
collectGarbage();
const indexMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

for (const question of questions) miniSearch.search(question).slice(0, 8);
const times = await timeEach(questions, (question) => miniSearch.search(question).slice(0, 8));
process.stdout.write(
  JSON.stringify({
    buildMs: Math.round(buildMs),
    query: summariseLatency(times),
    indexMb: Math.round(indexMb),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
