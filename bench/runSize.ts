import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { writeSyntheticKnowledge } from '../src/evaluation/syntheticCorpus.js';
import { ingestKnowledge } from '../src/knowledge/ingest.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/storage/database.js';
import type { Latency } from './latency.js';
import { plantEmbeddings } from './plantEmbeddings.js';
import { sampleQuestions } from './sampleQuestions.js';

/** Every figure measured for one corpus size; times in ms, sizes in MB. */
export interface SizeResult {
  passages: number;
  articles: number;
  questions: number;
  ours: {
    ingestMs: number;
    ingestPassagesPerSecond: number;
    indexMb: number;
    retrieval: Latency;
    ask: Latency;
    peakRssMb: number;
    slowest: { question: string; milliseconds: number }[];
  };
  miniSearch: { buildMs: number; query: Latency; indexMb: number; peakRssMb: number };
  /** With `--embeddings`: BM25 + vector index fused, on planted synthetic vectors (bench/serveHybrid.ts). */
  hybrid?: HybridResult;
}

/** A serving run's latencies and the event loop's longest delay meanwhile, in ms. */
export type ServingRun = Latency & { eventLoopDelayMaxMs: number };

/** What `bench/serveHybrid.ts` measures. */
export interface HybridResult {
  buildMs: number;
  loadMs: number;
  bm25: ServingRun;
  hybrid: ServingRun;
  vectorSearch: ServingRun;
  recallAt10: number;
  plantedFirst: number;
  indexFileMb: number;
  peakRssMb: number;
}

// The Node flags `npm start` gives the bot (its young generation's size), so the serving child's
// memory is the bot's.
const botNodeFlags = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(' ')
  .filter((word) => word.startsWith('--'));

function runChild(script: string, args: string[], nodeFlags: string[] = []): unknown {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const flags = ['--expose-gc', ...nodeFlags, '--import', 'tsx'];
  const result = spawnSync(process.execPath, [...flags, path, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function sizeOnDiskMb(databasePath: string): number {
  const bytes = ['', '-wal', '-shm'].reduce((total, suffix) => {
    try {
      return total + statSync(`${databasePath}${suffix}`).size;
    } catch {
      return total;
    }
  }, 0);
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

// Planting the vectors is not timed; the child then builds the index from them and serves.
function serveHybrid(
  databasePath: string,
  knowledgeDir: string,
  questions: string[],
  seed: number,
): HybridResult {
  const database = openDatabase(databasePath);
  const queries = plantEmbeddings(database, questions, seed);
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  const queriesPath = join(dirname(databasePath), 'planted.json');
  writeFileSync(queriesPath, JSON.stringify(queries));
  return runChild(
    './serveHybrid.ts',
    [databasePath, knowledgeDir, queriesPath],
    botNodeFlags,
  ) as HybridResult;
}

/**
 * Measures one corpus size: writes the seeded synthetic corpus as Markdown files into a temporary
 * knowledge folder (not timed), ingests it with the real `ingestKnowledge` (timed: reading, parsing,
 * splitting, indexing, committing), then serves the questions in a child process and builds the
 * MiniSearch baseline in another, on the same passages and questions. With `embeddings`, every passage
 * and question then gets a planted synthetic vector and a third child measures hybrid retrieval.
 * Temporary files are removed.
 *
 * @throws Error when a child process fails.
 */
export async function runSize(passages: number, seed: number, embeddings = false): Promise<SizeResult> {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  try {
    const knowledgeDir = join(directory, 'knowledge');
    const databasePath = join(directory, 'newsdesk.sqlite');
    const articles = writeSyntheticKnowledge(knowledgeDir, { passages }, seed);
    const questions = sampleQuestions(articles, seed);
    const questionsPath = join(directory, 'questions.json');
    writeFileSync(questionsPath, JSON.stringify(questions));

    const config = loadConfig({
      KNOWLEDGE_DIR: knowledgeDir,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'silent',
    });
    const database = openDatabase(databasePath);
    const started = performance.now();
    const summary = await ingestKnowledge({ config, database, logger: createLogger('silent') });
    const ingestMs = performance.now() - started;
    database.pragma('wal_checkpoint(TRUNCATE)');
    database.close();

    const serving = runChild(
      './serveQuestions.ts',
      [databasePath, knowledgeDir, questionsPath],
      botNodeFlags,
    );
    const miniSearch = runChild('./miniSearchBaseline.ts', [databasePath, questionsPath]);
    const hybrid = embeddings ? serveHybrid(databasePath, knowledgeDir, questions, seed) : undefined;
    return {
      passages: summary.passages,
      articles: articles.length,
      questions: questions.length,
      ours: {
        ingestMs: Math.round(ingestMs),
        ingestPassagesPerSecond: Math.round(summary.passages / (ingestMs / 1000)),
        indexMb: sizeOnDiskMb(databasePath),
        ...(serving as Omit<SizeResult['ours'], 'ingestMs' | 'ingestPassagesPerSecond' | 'indexMb'>),
      },
      miniSearch: miniSearch as SizeResult['miniSearch'],
      ...(hybrid && { hybrid }),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
