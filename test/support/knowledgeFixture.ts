import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../src/config/config.js';
import type { CoreContext } from '../../src/context.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { createLanguageModel } from '../../src/languageModel/createLanguageModel.js';
import { createLogger } from '../../src/logger.js';
import { openConfiguredVectorIndex } from '../../src/retrieval/openVectorIndex.js';
import { openDatabase } from '../../src/storage/database.js';

/** A temporary knowledge folder and database, with the project's own `knowledge/` copied in. */
export interface KnowledgeFixture {
  context: CoreContext;
  directory: string;
  knowledgeDir: string;
  /** Writes an article file into the knowledge folder (relative name, text content). */
  writeArticle(name: string, text: string): void;
  /**
   * Closes the vector index (when an embedding model is set: await it then, as its worker thread may be
   * writing its files), the database, and removes every temporary file.
   */
  cleanUp(): Promise<void>;
}

/** The article files of a story folder (such as `test/fixtures/story-dev/articles`): file name → text. */
export function readStoryArticles(directory: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(directory).map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
  );
}

/**
 * Builds a fresh core context on temporary files and ingests it: the project's `knowledge/` plus
 * `extraArticles` (file name → text). Nothing is shared between fixtures. `settings` override the
 * configuration; with OPENAI_BASE_URL among them the context has a language model talking to it.
 */
export async function createKnowledgeFixture(
  extraArticles: Record<string, string> = {},
  settings: Partial<Record<keyof Config, string>> = {},
): Promise<KnowledgeFixture> {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
  const knowledgeDir = join(directory, 'knowledge');
  cpSync('knowledge', knowledgeDir, { recursive: true });
  const writeArticle = (name: string, text: string) => writeFileSync(join(knowledgeDir, name), text);
  for (const [name, text] of Object.entries(extraArticles)) writeArticle(name, text);
  const config = loadConfig({
    KNOWLEDGE_DIR: knowledgeDir,
    DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
    LOG_LEVEL: 'silent',
    ...settings,
  });
  const logger = createLogger('silent');
  // Built from `settings` only (never process.env), so a test reaches a language model only when it
  // points OPENAI_BASE_URL at its own fake.
  const languageModel = createLanguageModel(config, logger);
  const vectorIndex = openConfiguredVectorIndex(config, languageModel, logger);
  const context: CoreContext = {
    config,
    database: openDatabase(config.DATABASE_PATH),
    logger,
    ...(languageModel && { languageModel }),
    ...(vectorIndex && { vectorIndex }),
  };
  await ingestKnowledge(context);
  return {
    context,
    directory,
    knowledgeDir,
    writeArticle,
    async cleanUp() {
      await context.vectorIndex?.close();
      context.database.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
