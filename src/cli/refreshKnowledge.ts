import type { CoreContext } from '../context.js';
import { ensureKnowledgeFresh } from '../knowledge/knowledgeFingerprint.js';

/**
 * The command-line tools' automatic knowledge refresh (`ensureKnowledgeFresh`). Their logs stay quiet
 * by default, so when the refresh skipped files it says so in one plain line on standard error and
 * points to `npm run ingest`, which names each file and its problem.
 *
 * @throws NewsdeskError (`code: 'knowledge_missing'`) when the knowledge folder is missing.
 */
export async function refreshKnowledge(context: CoreContext): Promise<void> {
  const summary = await ensureKnowledgeFresh(context);
  const failed = summary?.failed.length ?? 0;
  if (failed === 0) return;
  const files = failed === 1 ? '1 knowledge file' : `${failed} knowledge files`;
  process.stderr.write(`newsdesk: ${files} could not be read; run \`npm run ingest\` for details\n`);
}
