import type { NewsdeskDatabase } from '../storage/database.js';
import { iteratePassageVectors } from '../storage/passageEmbeddings.js';

/** A passage close to the query in embedding space. */
export interface SimilarPassage {
  passageId: string;
  /** Cosine similarity to the query, −1 to 1 (vectors are stored at unit length, so a dot product). */
  similarity: number;
}

/**
 * Finds the passages whose vectors are most similar to `queryVector` by brute force: one dot product
 * per stored passage, keeping the best `limit` in a small sorted list. Exact, and linear in the number
 * of passages (about 0.5 s at 100k × 1,536 dimensions, docs/design.md): retrieval searches the vector
 * index instead (`openVectorIndex`), and this is the reference its recall is measured against.
 *
 * @param queryVector a unit-length vector from the same `model` as the stored ones.
 * @returns at most `limit` passages, most similar first; vectors of another length are skipped.
 */
export function searchByEmbedding(
  database: NewsdeskDatabase,
  model: string,
  queryVector: Float32Array,
  limit: number,
): SimilarPassage[] {
  const best: SimilarPassage[] = [];
  for (const { passageId, vector } of iteratePassageVectors(database, model)) {
    if (vector.length !== queryVector.length) continue;
    let similarity = 0;
    for (let index = 0; index < vector.length; index += 1) {
      similarity += (vector[index] as number) * (queryVector[index] as number);
    }
    if (best.length === limit && similarity <= (best.at(-1)?.similarity ?? -Infinity)) continue;
    const position = best.findIndex((entry) => entry.similarity < similarity);
    best.splice(position === -1 ? best.length : position, 0, { passageId, similarity });
    if (best.length > limit) best.pop();
  }
  return best;
}
