import { userInfo } from 'node:os';
import { describeFeedPoll, describeLastPoll } from '../feeds/describeFeedPoll.js';
import type { FeedPollReport } from '../feeds/feedPollReport.js';
import { followFeed, unfollowFeed } from '../feeds/followFeed.js';
import { parseKeywords } from '../feeds/matchesStory.js';
import { pollFeeds } from '../feeds/pollFeeds.js';
import { type FeedRecord, listFeeds } from '../storage/feeds.js';
import { parseToolOptions } from './parseToolOptions.js';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage =
  'usage: npm run feeds -- add <url> [--keywords "a, b"] | remove <url> [--delete-articles] | list [--json] | poll';

/** The fields `list --json` prints for each feed (documented in the README). */
function toListEntry(feed: FeedRecord) {
  const { url, title, keywords, articles, lastPolledAt, lastStatus, lastError, addedBy, addedIn, addedAt } =
    feed;
  return { url, title, keywords, articles, lastPolledAt, lastStatus, lastError, addedBy, addedIn, addedAt };
}

function formatFeedList(feeds: FeedRecord[]): string {
  if (feeds.length === 0) return 'No feeds are followed. Add one with: npm run feeds -- add <url>\n';
  return feeds
    .map((feed) => {
      const keywords =
        feed.keywords.length > 0 ? feed.keywords.join(', ') : 'STORY_KEYWORDS, else every item';
      return (
        `${feed.url}  ${feed.title ?? '(title not read yet)'}\n` +
        `  keywords: ${keywords}; articles: ${feed.articles}; last poll: ${describeLastPoll(feed)}\n` +
        `  added by ${feed.addedBy} in ${feed.addedIn} at ${feed.addedAt}\n`
      );
    })
    .join('');
}

function formatPollReport(report: FeedPollReport): string {
  const lines = [`${report.url} (${report.title ?? 'untitled'}): ${describeFeedPoll(report)}`];
  for (const title of report.added) lines.push(`  added: ${title}`);
  for (const title of report.updated) lines.push(`  updated: ${title}`);
  for (const { item, problem } of report.failed) lines.push(`  failed: ${item}: ${problem}`);
  return `${lines.join('\n')}\n`;
}

function readTarget(args: string[]): [url: string, rest: string[]] {
  const [url, ...rest] = args;
  if (url === undefined || url.startsWith('--')) throw new UsageError(`give the feed's URL; ${usage}`);
  return [url, rest];
}

// A poll in which feeds or items failed still exits 0: each failure is printed, and the next poll
// retries them. Only a poll that could not run (another process polling, a database error) fails.
runCommandLine(async () => {
  const [subcommand, ...args] = process.argv.slice(2);
  if (subcommand === '--help' || subcommand === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!['add', 'remove', 'list', 'poll'].includes(subcommand ?? ''))
    throw new UsageError(subcommand ? `unknown subcommand ${subcommand}; ${usage}` : usage);
  const context = openCommandLineContext();
  try {
    if (subcommand === 'add') {
      const [url, rest] = readTarget(args);
      const values = parseToolOptions({ keywords: { type: 'string' } }, usage, rest);
      if (!values) return 0;
      const by = `${userInfo().username} (command line)`;
      const keywords = typeof values.keywords === 'string' ? values.keywords : undefined;
      // `--keywords ""` would silently open the feed to every item: say how that is done instead.
      if (keywords !== undefined && parseKeywords(keywords).length === 0)
        throw new UsageError(
          `--keywords needs at least one word; leave it out to use STORY_KEYWORDS; ${usage}`,
        );
      const { feed, warning } = await followFeed(context, {
        url,
        ...(keywords !== undefined && { keywords }),
        addedBy: by,
        addedIn: 'command line',
      });
      process.stdout.write(`following ${feed.url} (${feed.title ?? 'title not read yet'})\n`);
      if (warning) process.stdout.write(`${warning}\n`);
      return 0;
    }
    if (subcommand === 'remove') {
      const [url, rest] = readTarget(args);
      const values = parseToolOptions(
        { 'delete-articles': { type: 'boolean', default: false } },
        usage,
        rest,
      );
      if (!values) return 0;
      const deleted = unfollowFeed(context, url, values['delete-articles'] === true);
      process.stdout.write(`no longer following ${url}; ${deleted} article(s) deleted\n`);
      return 0;
    }
    if (subcommand === 'list') {
      const values = parseToolOptions({ json: { type: 'boolean', default: false } }, usage, args);
      if (!values) return 0;
      const feeds = listFeeds(context.database);
      process.stdout.write(
        values.json ? `${JSON.stringify(feeds.map(toListEntry), null, 2)}\n` : formatFeedList(feeds),
      );
      return 0;
    }
    if (!parseToolOptions({}, usage, args)) return 0;
    const result = await pollFeeds(context, { which: 'all' });
    if (result.busy) {
      process.stderr.write(
        'newsdesk: another process is polling the feeds right now; try again in a minute\n',
      );
      return 1;
    }
    if (result.reports.length === 0)
      process.stdout.write('No feeds are followed. Add one with: npm run feeds -- add <url>\n');
    for (const report of result.reports) process.stdout.write(formatPollReport(report));
    return 0;
  } finally {
    context.database.close();
  }
});
