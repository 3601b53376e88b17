import type { MirrorChanges } from './mirrorPassageVectors.js';
import type { SimilarPassage } from './searchByEmbedding.js';
import type { VectorIndexPaths } from './vectorIndexFiles.js';

/** What the vector index worker thread is started with. */
export interface VectorIndexWorkerData {
  databasePath: string;
  model: string;
  paths: VectorIndexPaths;
}

/** A message to the worker; `id` pairs it with its reply. */
export type VectorIndexRequest = { id: number } & VectorIndexCommand;

/** A request without its id. */
export type VectorIndexCommand =
  | { kind: 'search'; vector: Float32Array; limit: number }
  | { kind: 'synchronise' }
  | { kind: 'close' };

/** The worker's reply to one request, or its error message. */
export type VectorIndexReply =
  | { id: number; result: SimilarPassage[] | MirrorChanges | null; error?: undefined }
  | { id: number; error: string; result?: undefined };

/** Something the worker wants logged. */
export interface VectorIndexNotice {
  notice: { level: 'info' | 'warn'; fields: Record<string, unknown>; message: string };
}
