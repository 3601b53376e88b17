import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import {
  type FileToPrepare,
  type PreparedFile,
  prepareArticle,
  readKnowledgeFile,
} from './prepareKnowledgeFile.js';

/** A batch of files read here, for the worker thread: their bytes end to end in one transferable buffer. */
export interface ArticlesToParse {
  files: { path: string; relativePath: string }[];
  /** Where each file's bytes end in `bytes`. */
  ends: number[];
  bytes: ArrayBuffer;
}

/** A batch after reading: each file's result when reading settled it, `null` for the files to parse. */
type ReadBatch = {
  results: (PreparedFile | null)[];
  toParse: { file: FileToPrepare; bytes: Buffer }[];
};

function readBatch(files: FileToPrepare[]): ReadBatch {
  const batch: ReadBatch = { results: [], toParse: [] };
  for (const file of files) {
    const read = readKnowledgeFile(file);
    if (read.outcome === 'read') batch.toParse.push({ file, bytes: read.bytes });
    batch.results.push(read.outcome === 'read' ? null : read);
  }
  return batch;
}

function complete(batch: ReadBatch, parsed: PreparedFile[]): PreparedFile[] {
  const parsedResults = parsed.values();
  return batch.results.map(
    (result) =>
      result ??
      parsedResults.next().value ?? { outcome: 'failed', problem: 'the worker thread returned no result' },
  );
}

function parseHere(batch: ReadBatch): PreparedFile[] {
  return complete(
    batch,
    batch.toParse.map(({ file, bytes }) => prepareArticle(file, bytes)),
  );
}

function pack(batch: ReadBatch): ArticlesToParse {
  // A buffer of its own, not Node's shared pool, so it can be transferred instead of copied.
  const bytes = new Uint8Array(batch.toParse.reduce((total, item) => total + item.bytes.length, 0));
  const ends: number[] = [];
  for (const item of batch.toParse) {
    const start = ends.at(-1) ?? 0;
    bytes.set(item.bytes, start);
    ends.push(start + item.bytes.length);
  }
  const files = batch.toParse.map(({ file }) => ({ path: file.path, relativePath: file.relativePath }));
  return { files, ends, bytes: bytes.buffer };
}

// From the TypeScript sources (tsx, vitest) the worker needs the loader its `.mjs` entry registers;
// compiled, the worker is plain JavaScript beside this file.
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./prepareFilesWorkerTsx.mjs', import.meta.url)
    : new URL('./prepareFilesWorker.js', import.meta.url);
}

/** A worker thread that parses batches in order; if it fails, they are parsed here instead. */
function startWorker(logger: Logger) {
  const waiting: { batch: ReadBatch; resolve: (prepared: PreparedFile[]) => void }[] = [];
  let usable = true;
  const worker = new Worker(workerEntry());
  const fallBack = (error: unknown): void => {
    if (!usable) return;
    usable = false;
    logger.warn({ err: error }, 'parsing knowledge files on the main thread: the worker thread failed');
    for (const { batch, resolve } of waiting.splice(0)) resolve(parseHere(batch));
  };
  worker.on('message', (parsed: PreparedFile[]) => {
    const answered = waiting.shift();
    answered?.resolve(complete(answered.batch, parsed));
  });
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`the worker thread exited with code ${code}`)));
  return {
    prepare: (batch: ReadBatch): Promise<PreparedFile[]> => {
      if (batch.toParse.length === 0 || !usable) return Promise.resolve(parseHere(batch));
      return new Promise((resolve) => {
        waiting.push({ batch, resolve });
        const message = pack(batch);
        worker.postMessage(message, [message.bytes]);
      });
    },
    stop: async (): Promise<void> => {
      usable = false;
      await worker.terminate();
    },
  };
}

/** Batches the worker thread is given ahead of the one being stored, so it never waits for work. */
const workerQueueDepth = 2;

/**
 * Prepares batches of knowledge files and yields each batch's results in the batches' order, one per
 * file: files are read here (`readKnowledgeFile`), and those not unchanged are parsed, split and
 * tokenised (`prepareArticle`). With `worker: true` the parsing runs on a worker thread while the
 * caller stores the previous batch: parsing a passage took longer than storing it, and an ingest of
 * 100k passages took about a fifth less time than on one thread (measured on two cores). Starting the
 * thread costs a few hundred milliseconds, so small ingests are better off without. If the thread
 * cannot start or fails, its batches are parsed here instead, with a warning logged. Never throws.
 */
export async function* prepareInOrder(
  batches: FileToPrepare[][],
  options: { worker: boolean; logger: Logger },
): AsyncGenerator<PreparedFile[]> {
  if (!options.worker) {
    for (const files of batches) yield parseHere(readBatch(files));
    return;
  }
  const worker = startWorker(options.logger);
  try {
    const preparing = batches.slice(0, workerQueueDepth).map((files) => worker.prepare(readBatch(files)));
    for (const [index, files] of batches.entries()) {
      const next = batches[index + workerQueueDepth];
      if (next !== undefined) preparing.push(worker.prepare(readBatch(next)));
      yield await (preparing.shift() ?? parseHere(readBatch(files)));
    }
  } finally {
    await worker.stop();
  }
}
