import { setImmediate as yieldToMessages } from 'node:timers/promises';
import type { NewsdeskDatabase } from '../storage/database.js';
import {
  findPassagesByRowid,
  listEmbeddedPassages,
  readEmbeddingFingerprint,
  readVectorsByRowid,
} from '../storage/embeddedPassages.js';
import type { SimilarPassage } from './searchByEmbedding.js';
import {
  createEmptyVectorIndex,
  type LoadedVectorIndex,
  loadVectorIndex,
  saveVectorIndex,
  type VectorIndexPaths,
} from './vectorIndexFiles.js';

/** Vectors added between two looks at the message queue, so searches are served during a long rebuild. */
const vectorsPerChunk = 1000;

/** What one synchronisation changed. */
export interface MirrorChanges {
  added: number;
  removed: number;
}

/** Something the mirror wants logged; the worker thread passes it to the bot's logger. */
export type MirrorNotice = (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;

/**
 * The vector index of one database and embedding model, kept as a mirror of the passages that have a
 * cached vector. Built for one thread (the vector index worker): every method is synchronous up to its
 * first chunk of work, so a small change is complete before the next message is read.
 */
export class PassageVectorMirror {
  private loaded: LoadedVectorIndex | null = null;
  /** False while the first build after a missing or damaged index runs: its partial results would mislead. */
  private complete = false;
  private running: Promise<MirrorChanges> | null = null;
  private changedSinceSave = false;
  private lastDataVersion = -1;

  constructor(
    private readonly database: NewsdeskDatabase,
    private readonly model: string,
    private readonly paths: VectorIndexPaths,
    notice: MirrorNotice,
  ) {
    const loaded = loadVectorIndex(paths, model);
    if ('problem' in loaded) {
      if (loaded.problem !== 'there is none yet') {
        notice(
          'warn',
          { path: paths.index, problem: loaded.problem },
          'vector index rebuilt from cached vectors',
        );
      }
    } else {
      this.loaded = loaded;
      this.complete = true;
    }
  }

  /**
   * Brings the index in step with the stored passages: removes the keys of passages removed or changed,
   * adds the vectors of passages new or changed. Skipped when the database's fingerprint is the one
   * the index was last brought in step with. A second call while one runs waits for it and runs again.
   */
  async synchronise(): Promise<MirrorChanges> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.runSynchronise();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async runSynchronise(): Promise<MirrorChanges> {
    const fingerprint = readEmbeddingFingerprint(this.database);
    if (this.loaded?.fingerprint === fingerprint && this.complete) return { added: 0, removed: 0 };
    const live = listEmbeddedPassages(this.database, this.model);
    const wanted = new Map(live.map((passage) => [passage.rowid, passage.textHash]));
    const loaded = this.loaded ?? this.createIndex(live[0]?.rowid);
    if (!loaded) {
      this.complete = true;
      return { added: 0, removed: 0 };
    }
    const stale = [...loaded.entries].filter(([rowid, textHash]) => wanted.get(rowid) !== textHash);
    for (const [rowid] of stale) loaded.entries.delete(rowid);
    if (stale.length > 0) loaded.index.remove(BigUint64Array.from(stale, ([rowid]) => BigInt(rowid)));
    const missing = live.filter((passage) => !loaded.entries.has(passage.rowid));
    let added = 0;
    for (let start = 0; start < missing.length; start += vectorsPerChunk) {
      if (start > 0) await yieldToMessages();
      added += this.addVectors(loaded, missing.slice(start, start + vectorsPerChunk), wanted);
    }
    loaded.fingerprint = fingerprint;
    this.complete = true;
    if (added > 0 || stale.length > 0) this.changedSinceSave = true;
    return { added, removed: stale.length };
  }

  private createIndex(firstRowid: number | undefined): LoadedVectorIndex | null {
    if (firstRowid === undefined) return null;
    const [first] = readVectorsByRowid(this.database, this.model, [firstRowid]);
    if (!first) return null;
    this.loaded = createEmptyVectorIndex(first.vector.length);
    return this.loaded;
  }

  private addVectors(
    loaded: LoadedVectorIndex,
    passages: readonly { rowid: number }[],
    wanted: Map<number, string>,
  ): number {
    const rows = readVectorsByRowid(
      this.database,
      this.model,
      passages.map((passage) => passage.rowid),
    ).filter((row) => row.vector.length === loaded.dimensions && !loaded.entries.has(row.rowid));
    if (rows.length === 0) return 0;
    const vectors = new Float32Array(rows.length * loaded.dimensions);
    for (const [position, row] of rows.entries()) vectors.set(row.vector, position * loaded.dimensions);
    // One thread: the other core is the bot's main thread's.
    loaded.index.add(
      BigUint64Array.from(rows, (row) => BigInt(row.rowid)),
      vectors,
      1,
    );
    for (const row of rows) loaded.entries.set(row.rowid, wanted.get(row.rowid) as string);
    return rows.length;
  }

  /**
   * Synchronises when another connection committed since the last look (SQLite's `data_version`):
   * an ingest in another process, or this process's own. Called after a search is answered, so the
   * fingerprint check never delays one.
   */
  checkForChanges(): void {
    const dataVersion = this.database.pragma('data_version', { simple: true }) as number;
    if (dataVersion === this.lastDataVersion || this.running) return;
    this.lastDataVersion = dataVersion;
    void this.synchronise();
  }

  /**
   * The `limit` passages nearest `queryVector` by inner product (cosine for unit vectors), checked
   * against the stored passages so that a passage removed or changed since the last synchronisation
   * is never returned.
   *
   * @returns `null` while the first build runs or when the query's length is not the index's.
   */
  search(queryVector: Float32Array, limit: number): SimilarPassage[] | null {
    const loaded = this.loaded;
    if (!this.complete) return null;
    if (!loaded || loaded.index.size() === 0) return [];
    if (queryVector.length !== loaded.dimensions) return null;
    const matches = loaded.index.search(queryVector, Math.min(limit, loaded.index.size()), 1);
    const rowids = Array.from(matches.keys, Number);
    const passages = findPassagesByRowid(this.database, rowids);
    return rowids.flatMap((rowid, position) => {
      const passage = passages.get(rowid);
      if (!passage || passage.textHash !== loaded.entries.get(rowid)) return [];
      return [{ passageId: passage.passageId, similarity: 1 - (matches.distances[position] as number) }];
    });
  }

  /**
   * Writes the index files when the index changed since they were written.
   *
   * @throws Error from the file system; the index in memory stays usable.
   */
  save(): void {
    if (!this.changedSinceSave || !this.loaded) return;
    saveVectorIndex(this.paths, this.model, this.loaded);
    this.changedSinceSave = false;
  }
}
