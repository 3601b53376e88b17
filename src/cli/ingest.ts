import { type IngestSummary, ingestKnowledge } from '../knowledge/ingest.js';
import { checkDatabase } from '../storage/database.js';
import { parseToolOptions } from './parseToolOptions.js';
import { openCommandLineContext, runCommandLine } from './runCommandLine.js';

/** Entries named one by one in the summary; past this many, the rest are counted. */
const maxIgnoredNamed = 10;

/**
 * The summary a person reads after `npm run ingest`: one line of counts, then one indented line per
 * failed file naming it and its problem, then one line naming what was left out on purpose (hidden
 * files, other file types; the first ten by name).
 */
function formatIngestSummary(summary: IngestSummary): string {
  const { added, updated, unchanged, removed, failed, ignored, passages } = summary;
  const counts = `added ${added}, updated ${updated}, unchanged ${unchanged}, removed ${removed}, failed ${failed.length}, ignored ${ignored.length}`;
  const failures = failed.map(({ path, problem }) => `  failed: ${path}: ${problem}\n`);
  const named = ignored
    .slice(0, maxIgnoredNamed)
    .map(({ relativePath, reason }) => `${relativePath} (${reason})`);
  const more = ignored.length > maxIgnoredNamed ? ` and ${ignored.length - maxIgnoredNamed} more` : '';
  const ignoredLine = ignored.length > 0 ? `  ignored: ${named.join(', ')}${more}\n` : '';
  return `${counts}; ${passages} passages\n${failures.join('')}${ignoredLine}`;
}

// Failed files are reported, not fatal: exit 0 so a scheduled ingest keeps the good files flowing.
// A damaged database is fatal: an ingest of unchanged files writes nothing and would report success, so
// the whole file is checked first (measured: 0.2 s for 200,000 passages, 45 MB; too slow for every `ask`).
const usage =
  'usage: npm run ingest — reads KNOWLEDGE_DIR into DATABASE_PATH (both from the environment or .env); no options';

runCommandLine(async () => {
  if (!parseToolOptions({}, usage)) return 0;
  const context = openCommandLineContext();
  try {
    checkDatabase(context.database, context.config.DATABASE_PATH);
    process.stdout.write(formatIngestSummary(await ingestKnowledge(context)));
    // The bot then starts with an index in step instead of building one.
    await context.vectorIndex?.synchronise();
    return 0;
  } finally {
    await context.vectorIndex?.close();
    context.database.close();
  }
});
