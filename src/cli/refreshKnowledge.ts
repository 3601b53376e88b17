import type { CoreContext } from '../context.js';
import { NewsdeskError } from '../errors.js';
import type { IngestSummary } from '../knowledge/ingest.js';
import { ensureKnowledgeFresh } from '../knowledge/knowledgeFingerprint.js';

/**
 * The command-line tools' automatic knowledge refresh (`ensureKnowledgeFresh`). Their logs stay quiet
 * by default, so when the refresh skipped files it says so in one plain line on standard error and
 * points to `npm run ingest`, which names each file and its problem.
 *
 * When another process holds the database (`database_busy`), it says so and the tool goes on with what
 * is stored.
 *
 * @throws NewsdeskError (`code: 'knowledge_missing'`) when the knowledge folder is missing.
 */
export async function refreshKnowledge(context: CoreContext): Promise<void> {
  let summary: IngestSummary | null;
  try {
    summary = await ensureKnowledgeFresh(context);
  } catch (error) {
    // Another ingest holds the database: what is stored still answers, and the next run catches up.
    if (!(error instanceof NewsdeskError && error.code === 'database_busy')) throw error;
    process.stderr.write(
      'newsdesk: the knowledge database is busy (another ingest?); going on with what is stored\n',
    );
    return;
  }
  const failed = summary?.failed.length ?? 0;
  if (failed === 0) return;
  const files = failed === 1 ? '1 knowledge file' : `${failed} knowledge files`;
  process.stderr.write(`newsdesk: ${files} could not be read; run \`npm run ingest\` for details\n`);
}
