import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import type { LanguageModel } from '../languageModel/languageModel.js';
import type { Logger } from '../logger.js';
import type { MirrorChanges } from './mirrorPassageVectors.js';
import type { SimilarPassage } from './searchByEmbedding.js';
import { vectorIndexPathsFor } from './vectorIndexFiles.js';
import type {
  VectorIndexCommand,
  VectorIndexNotice,
  VectorIndexReply,
  VectorIndexWorkerData,
} from './vectorIndexProtocol.js';

/** The approximate nearest-neighbour index over the passages' cached vectors, run on a worker thread. */
export interface VectorIndex {
  /** The embedding model whose vectors it holds. */
  readonly model: string;
  /**
   * The `limit` passages most similar to `queryVector` (unit length, the model's dimensions), most
   * similar first. Never throws.
   *
   * @returns `null` when the index cannot answer: its first build is running, the worker failed, or
   *   the vector's length is not the index's. The caller then retrieves with BM25 alone.
   */
  search(queryVector: Float32Array, limit: number): Promise<SimilarPassage[] | null>;
  /**
   * Brings the index in step with the stored passages (after an ingest); the files beside the
   * database are rewritten a moment later. Never throws: a failure is logged.
   *
   * @returns what changed, or `null` when the worker failed.
   */
  synchronise(): Promise<MirrorChanges | null>;
  /** Writes the index files if they are behind, and stops the worker thread. */
  close(): Promise<void>;
}

// From the TypeScript sources (tsx, vitest) the worker needs the loader its `.mjs` entry registers;
// compiled, the worker is plain JavaScript beside this file.
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./vectorIndexWorkerTsx.mjs', import.meta.url)
    : new URL('./vectorIndexWorker.js', import.meta.url);
}

/**
 * Starts the vector index of the database at `databasePath` for `model` on a worker thread: it loads
 * `<database>.vectors.usearch` (checked against the SHA-256 in `<database>.vectors.json`) or, when that
 * is missing, damaged or of another model, rebuilds it from the vectors cached in the database, and
 * from then on mirrors the passages that have vectors (docs/design.md, "Vector index"). The worker does
 * not keep the process alive, and starts at the first search or update. If it fails, searches answer
 * `null` and the failure is logged once.
 *
 * @param databasePath a database file (not `':memory:'`, which a second connection cannot open).
 */
export function openVectorIndex(options: {
  databasePath: string;
  model: string;
  logger: Logger;
}): VectorIndex {
  const { databasePath, model, logger } = options;
  const paths = vectorIndexPathsFor(databasePath);
  const waiting = new Map<number, (reply: VectorIndexReply) => void>();
  let nextId = 0;
  let failure: string | null = null;
  let worker: Worker | null = null;
  const fail = (reason: string): void => {
    if (failure !== null) return;
    failure = reason;
    logger.warn({ model, path: paths.index, reason }, 'vector index stopped; retrieval is BM25 only');
    for (const resolve of waiting.values()) resolve({ id: -1, error: reason });
    waiting.clear();
  };
  // Started at the first search or update, so a command-line tool that never searches never loads it.
  const start = (): Worker => {
    const started = new Worker(workerEntry(), {
      workerData: { databasePath, model, paths } satisfies VectorIndexWorkerData,
    });
    started.unref();
    started.on('message', (message: VectorIndexReply | VectorIndexNotice) => {
      if ('notice' in message) {
        const { level, fields, message: text } = message.notice;
        logger[level]({ model, ...fields }, text);
        return;
      }
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
    started.on('error', (error) => fail(error.message));
    started.on('exit', (code) => fail(`the worker thread exited with code ${code}`));
    return started;
  };

  const request = (message: VectorIndexCommand): Promise<VectorIndexReply> => {
    if (failure !== null) return Promise.resolve({ id: -1, error: failure });
    const id = nextId++;
    worker ??= start();
    const running = worker;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      running.postMessage({ ...message, id });
    });
  };
  const answer = <T>(reply: VectorIndexReply, action: string): T | null => {
    if (reply.error === undefined) return reply.result as T;
    if (reply.id !== -1) logger.warn({ model, err: reply.error }, `vector index ${action} failed`);
    return null;
  };
  return {
    model,
    search: async (vector, limit) =>
      answer<SimilarPassage[]>(await request({ kind: 'search', vector, limit }), 'search'),
    synchronise: async () => answer<MirrorChanges>(await request({ kind: 'synchronise' }), 'update'),
    close: async () => {
      if (worker && failure === null) await request({ kind: 'close' });
      failure ??= 'closed';
      await worker?.terminate();
    },
  };
}

/**
 * The vector index a context needs: one when an embedding model is configured (`OPENAI_EMBEDDING_MODEL`)
 * and the database is a file, else `undefined` (retrieval is then BM25 only).
 */
export function openConfiguredVectorIndex(
  config: Config,
  languageModel: LanguageModel | undefined,
  logger: Logger,
): VectorIndex | undefined {
  const model = languageModel?.embedder?.model;
  if (!model || config.DATABASE_PATH === ':memory:') return undefined;
  return openVectorIndex({ databasePath: config.DATABASE_PATH, model, logger });
}
