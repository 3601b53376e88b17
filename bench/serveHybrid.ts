import { readFileSync, statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { loadConfig } from '../src/config/config.js';
import type { CoreContext } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { openVectorIndex } from '../src/retrieval/openVectorIndex.js';
import { retrievePassages } from '../src/retrieval/retrievePassages.js';
import { searchPassages } from '../src/retrieval/searchPassages.js';
import { vectorIndexPathsFor } from '../src/retrieval/vectorIndexFiles.js';
import { openDatabase } from '../src/storage/database.js';
import { summariseLatency, timeEach } from './latency.js';
import { benchModel, type PlantedQuery } from './plantEmbeddings.js';

/**
 * Child process of `npm run bench -- --embeddings`: builds the vector index from the planted vectors
 * (timed, on its worker thread), reopens it from its files (timed), then serves the questions with
 * BM25 alone and with hybrid retrieval (`retrievePassages`: BM25 and the vector index fused), the
 * question's embedding coming from the planted vectors instead of a network. Prints one JSON object:
 * times in ms, recall@10 of the index against exact search, the share of questions whose planted
 * passage came first, the event loop's longest delay during each serving run (perf_hooks'
 * monitorEventLoopDelay at 1 ms resolution), the index file's size and peak RSS in MB (main and
 * worker threads together).
 *
 * usage: tsx bench/serveHybrid.ts <database> <knowledge dir> <planted queries.json>
 */
const [databasePath = '', knowledgeDir = '', queriesPath = ''] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesPath, 'utf8')) as PlantedQuery[];
const vectors = new Map(queries.map((query) => [query.question, Float32Array.from(query.vector)]));
const config = loadConfig({ DATABASE_PATH: databasePath, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' });
const logger = createLogger('silent');
const database = openDatabase(databasePath);

let started = performance.now();
const built = openVectorIndex({ databasePath, model: benchModel, logger });
await built.synchronise();
const buildMs = performance.now() - started;
await built.close();
started = performance.now();
const vectorIndex = openVectorIndex({ databasePath, model: benchModel, logger });
await vectorIndex.synchronise();
const loadMs = performance.now() - started;

const embedder = {
  model: benchModel,
  embed: async (texts: readonly string[]) => texts.map((text) => vectors.get(text) ?? new Float32Array()),
};
const context: CoreContext = {
  config,
  database,
  logger,
  languageModel: {
    model: 'bench',
    complete: () => Promise.reject(new Error('the bench composes nothing')),
    embedder,
  },
  vectorIndex,
};
const questions = queries.map((query) => query.question);

// Each question waits for the event loop to come round first, as interactions arriving one after
// another would, so the longest delay is the longest stretch any one question held the loop.
async function serve(run: (question: string) => unknown): Promise<{ times: number[]; delayMaxMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const times: number[] = [];
  for (const question of questions) {
    await yieldToEventLoop();
    const [time = 0] = await timeEach([question], run);
    times.push(time);
  }
  delay.disable();
  return { times, delayMaxMs: Math.round(delay.max / 1e4) / 100 };
}

// One untimed pass warms SQLite's page cache, V8's code and the index's pages, as a running bot would be.
for (const question of questions) await retrievePassages(context, question);
const lexical = await serve((question) => searchPassages(database, question));
const hybrid = await serve((question) => retrievePassages(context, question));
const vector = await serve((question) => vectorIndex.search(vectors.get(question) as Float32Array, 24));
let found = 0;
let plantedFirst = 0;
for (const query of queries) {
  const matches = (await vectorIndex.search(Float32Array.from(query.vector), 10)) ?? [];
  const nearest = new Set(query.nearest);
  found += matches.filter((match) => nearest.has(match.passageId)).length;
  if (matches[0]?.passageId === query.planted) plantedFirst += 1;
}
await vectorIndex.close();
database.close();
process.stdout.write(
  JSON.stringify({
    buildMs: Math.round(buildMs),
    loadMs: Math.round(loadMs),
    bm25: { ...summariseLatency(lexical.times), eventLoopDelayMaxMs: lexical.delayMaxMs },
    hybrid: { ...summariseLatency(hybrid.times), eventLoopDelayMaxMs: hybrid.delayMaxMs },
    vectorSearch: { ...summariseLatency(vector.times), eventLoopDelayMaxMs: vector.delayMaxMs },
    recallAt10: Math.round((found / (queries.length * 10)) * 1000) / 1000,
    plantedFirst: Math.round((plantedFirst / queries.length) * 1000) / 1000,
    indexFileMb: Math.round(statSync(vectorIndexPathsFor(databasePath).index).size / 1024 / 1024),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
