import type { CoreContext } from '../context.js';
import { findPassagesWithoutEmbedding, hasEmbeddings } from '../storage/passageEmbeddings.js';
import { fuseRankings } from './fuseRankings.js';
import type { QueryPlan } from './planQuery.js';
import {
  loadPassagesById,
  type PublicationWindow,
  type RetrievedPassage,
  searchPassages,
} from './searchPassages.js';

/** Each ranking contributes this many candidates per passage wanted, so fusion has more than the top to reorder. */
const candidatesPerPassage = 3;

/**
 * Retrieves the passages for a question. Without an embedding model and vector index, or before any
 * passage has a vector, this is `searchPassages` (BM25). With them, the question is embedded too, its
 * nearest passages are found in the vector index (on its worker thread), and the BM25 and
 * cosine-similarity rankings are fused with reciprocal rank fusion (k = 60), so a passage that says
 * the same thing in other words is found; the fused score then replaces BM25's. When embedding the
 * question fails, or the index cannot answer yet (its first build), BM25's ranking is used alone.
 *
 * @param limit how many passages at most (default 8).
 * @param carriedText a follow-up's context from earlier turns, as `searchPassages` takes it.
 * @param window when given, BM25 searches only the articles published within it; the vector index
 *   knows no dates, so its neighbours outside the window are for the caller to leave out.
 * @returns the query plan (always BM25's, for sentence choice and abstention) and the passages, best first.
 */
export async function retrievePassages(
  context: CoreContext,
  text: string,
  limit = 8,
  carriedText = '',
  window?: PublicationWindow,
): Promise<{ plan: QueryPlan; passages: RetrievedPassage[] }> {
  const { database, logger, vectorIndex } = context;
  const embedder = context.languageModel?.embedder;
  if (!embedder || !vectorIndex || !hasEmbeddings(database, embedder.model)) {
    return searchPassages(database, text, limit, carriedText, window);
  }
  const candidates = limit * candidatesPerPassage;
  // A follow-up such as "and why?" means nothing on its own; its carried context gives it a meaning.
  const embedding = embedder.embed([carriedText ? `${text} (${carriedText})` : text]).then(
    ([vector]) => vector,
    (error: unknown) => {
      logger.warn({ err: error, model: embedder.model }, 'embedding the question failed; using BM25 alone');
      return undefined;
    },
  );
  // BM25 runs here while the question's embedding is requested.
  const lexical = searchPassages(database, text, candidates, carriedText, window);
  const queryVector = await embedding;
  const similar = queryVector && (await vectorIndex.search(queryVector, candidates));
  if (!similar) return { plan: lexical.plan, passages: lexical.passages.slice(0, limit) };
  const lexicalIds = lexical.passages.map((passage) => passage.passageId);
  const similarIds = similar.map((passage) => passage.passageId);
  // A passage whose embedding failed would otherwise lose to every passage both rankings know; it
  // takes its BM25 rank in the vector ranking too, until the next ingest embeds it.
  const unembedded = findPassagesWithoutEmbedding(database, embedder.model, lexicalIds);
  for (const [rank, passageId] of lexicalIds.entries()) {
    if (unembedded.has(passageId)) similarIds.splice(rank, 0, passageId);
  }
  const fused = fuseRankings<string>([lexicalIds, similarIds], (passageId) => passageId).slice(0, limit);
  const known = new Map(lexical.passages.map((passage) => [passage.passageId, passage]));
  const passages = fused.flatMap(({ item, score }) => {
    const passage = known.get(item) ?? loadPassagesById(database, [item])[0];
    return passage ? [{ ...passage, score }] : [];
  });
  return { plan: lexical.plan, passages };
}
