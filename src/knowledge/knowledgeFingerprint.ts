import type { CoreContext } from '../context.js';
import { readMetadata } from '../storage/metadata.js';
import { type IngestSummary, ingestKnowledge } from './ingest.js';
import { fingerprintKnowledgeFiles, listKnowledgeFiles } from './listKnowledgeFiles.js';

/**
 * A cheap fingerprint of the knowledge folder (SHA-256 hex of its article files' sorted relative paths,
 * sizes and modification times; no file is read), to tell whether anything changed since the last ingest.
 *
 * @throws NewsdeskError (`code: 'knowledge_missing'`) when `directory` is missing or unreadable.
 */
export function fingerprintKnowledge(directory: string): string {
  return fingerprintKnowledgeFiles(directory, listKnowledgeFiles(directory));
}

/**
 * Ingests the knowledge folder only when its fingerprint differs from the one the last ingest stored,
 * so `ask` pays for a folder listing, not a re-read of every article, when nothing changed.
 *
 * @returns the ingest summary, or `null` when the stored knowledge was already up to date.
 * @throws NewsdeskError (`code: 'knowledge_missing'`) when the knowledge folder is missing.
 */
export async function ensureKnowledgeFresh(context: CoreContext): Promise<IngestSummary | null> {
  const current = fingerprintKnowledge(context.config.KNOWLEDGE_DIR);
  if (current === readMetadata(context.database, 'knowledge_fingerprint')) return null;
  return ingestKnowledge(context);
}
