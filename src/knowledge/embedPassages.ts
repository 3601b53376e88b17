import type { CoreContext } from '../context.js';
import { hashNewPassages, listTextsToEmbed, storeEmbeddings } from '../storage/passageEmbeddings.js';

/**
 * Texts per embedding request: OpenAI accepts up to 2,048 inputs per request
 * (https://platform.openai.com/docs/api-reference/embeddings/create); 100 passages of at most a few
 * hundred tokens each stay far below its per-request token limit and small local servers' limits too.
 */
const batchSize = 100;

/** What one embedding pass did. */
export interface EmbeddingSummary {
  /** Passage texts embedded now (texts already cached are not counted). */
  embedded: number;
  /** Texts left without a vector because a request failed; the next ingest tries them again. */
  pending: number;
}

/**
 * Gives every stored passage a vector from the configured embedding model, in batches, caching each by
 * the SHA-256 of its text: a re-ingest embeds only new or changed text. A failed request is logged and
 * ends the pass; what was embedded so far stays cached and BM25 retrieval is unaffected. Then the
 * vector index (`context.vectorIndex`) is told to bring itself in step, without waiting for it.
 *
 * @returns `null` when no embedding model is configured (`OPENAI_EMBEDDING_MODEL`).
 */
export async function embedPassages(context: CoreContext): Promise<EmbeddingSummary | null> {
  const embedder = context.languageModel?.embedder;
  if (!embedder) return null;
  const { database, logger } = context;
  hashNewPassages(database);
  const texts = listTextsToEmbed(database, embedder.model);
  let embedded = 0;
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    try {
      const vectors = await embedder.embed(batch.map((entry) => entry.text));
      storeEmbeddings(
        database,
        embedder.model,
        batch.map((entry, index) => ({ textHash: entry.textHash, vector: vectors[index] as Float32Array })),
      );
      embedded += batch.length;
    } catch (error) {
      logger.warn(
        { err: error, model: embedder.model, pending: texts.length - embedded },
        'embedding passages failed; retrieval stays BM25-only for the passages without a vector',
      );
      break;
    }
  }
  const summary = { embedded, pending: texts.length - embedded };
  if (texts.length > 0) logger.info({ model: embedder.model, ...summary }, 'passages embedded');
  // Not awaited: the index catches up on its worker thread (minutes for a first build of 100k
  // passages) while the bot answers; removed and changed articles' passages are never returned meanwhile.
  void context.vectorIndex?.synchronise();
  return summary;
}
