import { createHash } from 'node:crypto';
import type { NewsdeskDatabase } from './database.js';

/** A passage text that has no vector yet for a model. */
export interface TextToEmbed {
  textHash: string;
  text: string;
}

/** SHA-256 (hex) of a passage's text: the key its embedding is cached under. */
function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Records the text hash of every passage stored without one (ingest inserts passages without it, so
 * newly added or changed articles get theirs here).
 *
 * @returns how many passages were hashed.
 */
export function hashNewPassages(database: NewsdeskDatabase): number {
  const rows = database.prepare('SELECT rowid, text FROM passages WHERE text_hash IS NULL').all() as {
    rowid: number;
    text: string;
  }[];
  const update = database.prepare('UPDATE passages SET text_hash = ? WHERE rowid = ?');
  database.transaction(() => {
    for (const row of rows) update.run(hashText(row.text), row.rowid);
  })();
  return rows.length;
}

/** Distinct passage texts with no cached vector for `model`, each once however many passages share it. */
export function listTextsToEmbed(database: NewsdeskDatabase, model: string): TextToEmbed[] {
  return database
    .prepare(
      `SELECT p.text_hash AS textHash, min(p.text) AS text FROM passages p
       WHERE p.text_hash IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM passage_embeddings e WHERE e.text_hash = p.text_hash AND e.model = ?)
       GROUP BY p.text_hash`,
    )
    .all(model) as TextToEmbed[];
}

/** Caches vectors for `model`, stored as little-endian float32 BLOBs (4 bytes per dimension). */
export function storeEmbeddings(
  database: NewsdeskDatabase,
  model: string,
  entries: readonly { textHash: string; vector: Float32Array }[],
): void {
  const insert = database.prepare(
    'INSERT OR REPLACE INTO passage_embeddings (text_hash, model, vector) VALUES (?, ?, ?)',
  );
  database.transaction(() => {
    for (const { textHash, vector } of entries) {
      insert.run(textHash, model, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    }
  })();
}

/** Whether any stored passage has a vector for `model`: hybrid retrieval is pointless without one. */
export function hasEmbeddings(database: NewsdeskDatabase, model: string): boolean {
  return (
    database
      .prepare(
        `SELECT 1 FROM passages p JOIN passage_embeddings e ON e.text_hash = p.text_hash AND e.model = ?
         LIMIT 1`,
      )
      .get(model) !== undefined
  );
}

/**
 * Which of `passageIds` have no vector for `model` yet (their embedding failed or is still to come).
 *
 * @returns the subset of ids without a vector; unknown ids count as without one.
 */
export function findPassagesWithoutEmbedding(
  database: NewsdeskDatabase,
  model: string,
  passageIds: readonly string[],
): Set<string> {
  const embedded = database
    .prepare(
      `SELECT 1 FROM passages p JOIN passage_embeddings e ON e.text_hash = p.text_hash AND e.model = ?
       WHERE p.id = ?`,
    )
    .pluck();
  return new Set(passageIds.filter((passageId) => embedded.get(model, passageId) === undefined));
}

/**
 * Every stored passage's vector for `model`, one row at a time so a large corpus never sits in memory
 * whole. Each vector views the row's BLOB as float32 (copied first when SQLite's buffer is unaligned).
 */
export function* iteratePassageVectors(
  database: NewsdeskDatabase,
  model: string,
): Generator<{ passageId: string; vector: Float32Array }> {
  const rows = database
    .prepare(
      `SELECT p.id, e.vector FROM passages p
       JOIN passage_embeddings e ON e.text_hash = p.text_hash AND e.model = ?`,
    )
    // Arrays rather than objects per row: at 100k rows the object allocation shows in the timings.
    .raw()
    .iterate(model) as IterableIterator<[passageId: string, vector: Buffer]>;
  for (const [passageId, vector] of rows) {
    const bytes = vector.byteOffset % 4 === 0 ? vector : Buffer.from(vector);
    yield { passageId, vector: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) };
  }
}
