import type { NewsdeskDatabase } from './database.js';

/** A stored passage that has a vector for a model: its SQLite rowid (the vector index's key) and text hash. */
export interface EmbeddedPassage {
  rowid: number;
  /** The first 16 hex digits of the SHA-256 of its text: enough to tell a reused rowid from its old passage. */
  textHash: string;
}

/** How many hex digits of a text hash the vector index keeps per passage (64 bits). */
const textHashLength = 16;

/**
 * A cheap summary of what the vector index has to mirror: the passage count, how many have a text
 * hash, the highest passage rowid and the highest embedding rowid. Ingest deletes and reinserts a
 * changed article's passages (new rowids) and hashes them afterwards, removing an article lowers the
 * count, and every cached vector gets a new embedding rowid, so any change to the embedded passages
 * changes the summary. One pass over the passages table: a few milliseconds at 100k passages.
 */
export function readEmbeddingFingerprint(database: NewsdeskDatabase): string {
  const row = database
    .prepare(
      `SELECT count(*) AS passages, count(text_hash) AS hashed, max(rowid) AS lastPassage,
         (SELECT max(rowid) FROM passage_embeddings) AS lastEmbedding FROM passages`,
    )
    .get() as { passages: number; hashed: number; lastPassage: number | null; lastEmbedding: number | null };
  return `${row.passages}:${row.hashed}:${row.lastPassage ?? 0}:${row.lastEmbedding ?? 0}`;
}

/** Every stored passage with a vector for `model`, as rowid and shortened text hash, in rowid order. */
export function listEmbeddedPassages(database: NewsdeskDatabase, model: string): EmbeddedPassage[] {
  return database
    .prepare(
      `SELECT p.rowid AS rowid, substr(p.text_hash, 1, ${textHashLength}) AS textHash FROM passages p
       WHERE EXISTS (SELECT 1 FROM passage_embeddings e WHERE e.text_hash = p.text_hash AND e.model = ?)
       ORDER BY p.rowid`,
    )
    .all(model) as EmbeddedPassage[];
}

/**
 * The vectors for `model` of the passages with these rowids, as float32 copies (the BLOB layout of
 * `storeEmbeddings`). Passages removed since, or without a vector, are left out.
 */
export function readVectorsByRowid(
  database: NewsdeskDatabase,
  model: string,
  rowids: readonly number[],
): { rowid: number; vector: Float32Array }[] {
  if (rowids.length === 0) return [];
  const rows = database
    .prepare(
      `SELECT p.rowid, e.vector FROM passages p
       JOIN passage_embeddings e ON e.text_hash = p.text_hash AND e.model = ?
       WHERE p.rowid IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(model, JSON.stringify(rowids)) as [number, Buffer][];
  return rows.map(([rowid, blob]) => ({
    rowid,
    vector: new Float32Array(new Uint8Array(blob).buffer, 0, blob.byteLength / 4),
  }));
}

/** The passage ids and shortened text hashes of the passages with these rowids; unknown rowids are left out. */
export function findPassagesByRowid(
  database: NewsdeskDatabase,
  rowids: readonly number[],
): Map<number, { passageId: string; textHash: string }> {
  const rows = database
    .prepare(
      `SELECT rowid, id, substr(text_hash, 1, ${textHashLength}) FROM passages
       WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(rowids)) as [number, string, string | null][];
  return new Map(
    rows.map(([rowid, passageId, textHash]) => [rowid, { passageId, textHash: textHash ?? '' }]),
  );
}
