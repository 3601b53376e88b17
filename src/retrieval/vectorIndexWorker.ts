import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type MirrorChanges, type MirrorNotice, PassageVectorMirror } from './mirrorPassageVectors.js';
import type { SimilarPassage } from './searchByEmbedding.js';
import type { VectorIndexReply, VectorIndexRequest, VectorIndexWorkerData } from './vectorIndexProtocol.js';

// The worker thread started by `openVectorIndex`: it owns the USearch index and a read-only connection
// to the database, so loading, building and searching never run on the bot's main thread.
const { databasePath, model, paths } = workerData as VectorIndexWorkerData;
const port = parentPort;
const notice: MirrorNotice = (level, fields, message) =>
  port?.postMessage({ notice: { level, fields, message } });
const database = new Database(databasePath, { readonly: true });
database.pragma('busy_timeout = 5000');
const mirror = new PassageVectorMirror(database, model, paths, notice);
// Before any search is read: the saved index may be behind an ingest this process did not see.
handle({ id: -1, kind: 'synchronise' }).catch((error: unknown) =>
  notice('warn', { err: (error as Error).message }, 'vector index update failed'),
);

/** After a change, wait this long for more before writing the files (an ingest synchronises in steps). */
const saveDelayMs = 2000;
let saveTimer: NodeJS.Timeout | undefined;

function save(): void {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  try {
    mirror.save();
  } catch (error) {
    notice('warn', { path: paths.index, err: (error as Error).message }, 'vector index could not be saved');
  }
}

async function handle(request: VectorIndexRequest): Promise<SimilarPassage[] | MirrorChanges | null> {
  switch (request.kind) {
    case 'search': {
      return mirror.search(request.vector, request.limit);
    }
    case 'synchronise': {
      const changes = await mirror.synchronise();
      if (changes.added + changes.removed > 0) saveTimer ??= setTimeout(save, saveDelayMs);
      return changes;
    }
    case 'close': {
      save();
      database.close();
      return null;
    }
  }
}

port?.on('message', (request: VectorIndexRequest) => {
  handle(request).then(
    (result) => {
      port.postMessage({ id: request.id, result } satisfies VectorIndexReply);
      if (request.kind === 'search') mirror.checkForChanges();
    },
    (error: unknown) =>
      port.postMessage({ id: request.id, error: (error as Error).message } satisfies VectorIndexReply),
  );
});
