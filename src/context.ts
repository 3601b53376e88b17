import type { Config } from './config/config.js';
import type { LanguageModel } from './languageModel/languageModel.js';
import type { Logger } from './logger.js';
import type { VectorIndex } from './retrieval/openVectorIndex.js';
import type { NewsdeskDatabase } from './storage/database.js';

/**
 * What the core needs to serve a request, built once in the composition root (`src/index.ts` or a CLI
 * entry) and passed down explicitly: no module-level singletons, so tests build their own.
 */
export interface CoreContext {
  config: Config;
  database: NewsdeskDatabase;
  logger: Logger;
  /** Set when OPENAI_API_KEY or OPENAI_BASE_URL is configured; without it answers are extractive. */
  languageModel?: LanguageModel;
  /** Set with an embedding model: the passages' vectors, searched on a worker thread (hybrid retrieval). */
  vectorIndex?: VectorIndex;
}
