import type { Digest } from '../digest/buildDigest.js';
import { composeDigest } from '../digest/composeDigest.js';
import { getKnowledgeStats } from '../storage/articles.js';
import { checkDatabase } from '../storage/database.js';
import { parseToolOptions } from './parseToolOptions.js';
import { readDateOption } from './readDateOption.js';
import { refreshKnowledge } from './refreshKnowledge.js';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage = 'usage: npm run digest -- --dry-run [--since YYYY-MM-DD] [--json]';
const dayMs = 86_400_000;

/**
 * The digest as a person reads it in a terminal: one numbered block per item, points with their passage
 * ids; the byline says when the model wrote the points, or why it could not.
 */
function formatDigest(digest: Digest): string {
  const heading = `Digest of articles first ingested after ${digest.window.from} up to ${digest.window.to}: ${digest.items.length} item(s)\n`;
  const blocks = digest.items.map((item, index) => {
    const writer = item.composer === 'openai' ? 'key points by the language model' : undefined;
    const fallback = item.fallbackReason && `quoted: ${item.fallbackReason}`;
    const byline = [
      item.outlets.join(', ') || 'unknown outlet',
      item.published ?? 'undated',
      item.url,
      writer,
      fallback,
    ]
      .filter(Boolean)
      .join(' · ');
    const points = item.points.map((point) => `   - ${point.text} [${point.passageId}]\n`).join('');
    return `\n${index + 1}. ${item.title}\n   ${byline}\n${points}`;
  });
  return heading + blocks.join('');
}

/**
 * The line under an empty digest: what the window was, and a `--since` that looks further back; the
 * example is the first of the month of the newest article, so it finds something when anything is stored.
 */
function describeEmptyWindow(digest: Digest, backfillDays: number, newestPublished: string | null): string {
  const example = newestPublished ? ` (e.g. --since ${newestPublished.slice(0, 7)}-01)` : '';
  return (
    `Nothing first ingested from ${digest.window.from} to ${digest.window.to} is news for this window ` +
    `(articles published more than ${backfillDays} day(s) before it are left out as back-fill); ` +
    `to look further back, add --since YYYY-MM-DD${example}.\n`
  );
}

// Prints what a digest would post, offline and without posting: there is no mode that posts, the
// flag makes that explicit on the command line.
runCommandLine(async () => {
  const values = parseToolOptions(
    {
      'dry-run': { type: 'boolean', default: false },
      since: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    usage,
  );
  if (!values) return 0;
  if (values['dry-run'] !== true)
    throw new UsageError(`only --dry-run is supported (the CLI never posts); ${usage}`);
  const since = readDateOption(values, 'since', usage);

  const sinceDate = since ? new Date(`${since}T00:00:00.000Z`) : undefined;
  if (sinceDate && sinceDate.getTime() > Date.now()) {
    throw new UsageError(
      `--since ${since} is in the future: the window would start after it ends (now); ${usage}`,
    );
  }
  const context = openCommandLineContext();
  try {
    // A damaged page the digest's queries happen not to read would otherwise pass unnoticed, and the
    // bot's real digest would then fail on it (the whole-file check takes 0.2 s at 200,000 passages).
    checkDatabase(context.database, context.config.DATABASE_PATH);
    await refreshKnowledge(context);
    // Taken after the refresh, so the window includes what it has just ingested.
    const now = new Date();
    // Without --since: the last 24 hours, what a daily digest posted now would cover.
    const from = sinceDate ?? new Date(now.getTime() - dayMs);
    const window = { from: from.toISOString(), to: now.toISOString() };
    const backfillDays = context.config.DIGEST_BACKFILL_DAYS;
    const digest = await composeDigest(context, window, { backfillDays });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(digest, null, 2)}\n`);
    } else {
      process.stdout.write(formatDigest(digest));
      if (digest.items.length === 0) {
        const { newestPublished } = getKnowledgeStats(context.database);
        process.stdout.write(describeEmptyWindow(digest, backfillDays, newestPublished));
      }
    }
    return 0;
  } finally {
    context.database.close();
  }
});
