import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CoreContext } from '../context.js';
import { embedPassages } from '../knowledge/embedPassages.js';
import { type FeedRecord, listFeeds } from '../storage/feeds.js';
import { acquireLease, releaseLease } from '../storage/leases.js';
import { createFeedFetcher, type FetchPolicy } from './createFeedFetcher.js';
import { createRobotsCheck } from './createRobotsCheck.js';
import type { FeedPollReport } from './feedPollReport.js';
import { pollFeed } from './pollFeed.js';
import { rebuildWebArticles } from './storeWebArticle.js';

/** The lease that keeps feed polling to one process (see acquireLease). */
const pollLease = 'feed_poll';
/** How long a poll's lease lasts without renewal: a crashed poller blocks the others this long at most. */
const leaseMs = 10 * 60_000;

export interface PollFeedsOptions {
  /** `'all'` polls every feed (at start, and when an admin asks); `'due'` only those due, oldest first. */
  which: 'all' | 'due';
  /** At most this many feeds (the scheduler polls one at a time); all by default. */
  limit?: number;
  now?: Date;
  /** Aborted when the bot stops: the poll ends before the next feed or item. */
  signal?: AbortSignal;
  /** Overrides of the fetch policy read from the configuration (tests resolve names to 127.0.0.1). */
  policy?: Partial<FetchPolicy>;
}

/** A poll's outcome: each feed's report, or `busy` when another process is polling right now. */
export type PollFeedsResult = { busy: false; reports: FeedPollReport[] } | { busy: true };

/** A poller's name in the lease: this machine, this process, and this poll. */
function describePoller(): string {
  return `${hostname()} ${process.pid} ${randomUUID()}`;
}

/**
 * A poll whose process died (killed, crashed) leaves its lease behind; on the same machine that is
 * seen at once, so the next poll need not wait out the lease. Elsewhere the lease runs out.
 */
function isPollerGone(holder: string): boolean {
  const [host, pid] = holder.split(' ');
  if (host !== hostname() || pid === undefined) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The fetch policy the configuration sets (FEED_* variables). */
export function readFetchPolicy(config: CoreContext['config']): FetchPolicy {
  return {
    userAgent: config.FEED_USER_AGENT,
    allowPrivateNetwork: config.FEED_ALLOW_PRIVATE_NETWORK,
    connectTimeoutMs: config.FEED_CONNECT_TIMEOUT_SECONDS * 1000,
    timeoutMs: config.FEED_TIMEOUT_SECONDS * 1000,
    maxBytes: config.FEED_MAX_BYTES,
    hostPauseMs: config.FEED_HOST_PAUSE_MS,
  };
}

/** Whether the scheduler should poll `feed` now: not polled for an interval, and past any backoff. */
function isDue(feed: FeedRecord, now: Date, intervalMs: number): boolean {
  const iso = now.toISOString();
  if (feed.nextPollAt !== null && feed.nextPollAt > iso) return false;
  if (feed.retryAt !== null && feed.retryAt > iso) return false;
  return feed.lastPolledAt === null || Date.parse(feed.lastPolledAt) <= now.getTime() - intervalMs * 0.9;
}

/**
 * Polls feeds one after another under the `feed_poll` lease, so only one process (a shard, a second
 * bot, the command line) polls at a time; the lease is renewed after each item. Before polling, web
 * articles made by an older article format are rebuilt; after, new passages are embedded when an
 * embedding model is configured (a failure there is logged, the articles stay stored).
 *
 * @returns each polled feed's report, or `{ busy: true }` when another process holds the lease.
 * @throws SQLite's errors (busy past the timeout, damaged): nothing more can be stored.
 */
export async function pollFeeds(context: CoreContext, options: PollFeedsOptions): Promise<PollFeedsResult> {
  const { database, logger, config } = context;
  const holder = describePoller();
  if (!acquireLease(database, pollLease, holder, leaseMs, { isAbandoned: isPollerGone }))
    return { busy: true };
  const intervalMs = config.FEED_POLL_MINUTES * 60_000;
  const fetcher = createFeedFetcher({ ...readFetchPolicy(config), ...options.policy });
  const robots = createRobotsCheck(fetcher);
  const tools = {
    fetcher,
    assertAllowed: robots.assertAllowed,
    keepAlive: () => void acquireLease(database, pollLease, holder, leaseMs),
  };
  const reports: FeedPollReport[] = [];
  try {
    const rebuilt = rebuildWebArticles(database, new Date().toISOString());
    if (rebuilt > 0) logger.info({ rebuilt }, 'web articles rebuilt for the new article format');
    const now = options.now ?? new Date();
    let feeds = listFeeds(database);
    if (options.which === 'due') {
      feeds = feeds
        .filter((feed) => isDue(feed, now, intervalMs))
        .sort((a, b) => (a.lastPolledAt ?? '').localeCompare(b.lastPolledAt ?? ''));
    }
    for (const feed of feeds.slice(0, options.limit)) {
      if (options.signal?.aborted) break;
      const report = await pollFeed(context, feed, tools, intervalMs, options.signal);
      reports.push(report);
      logger.info(
        {
          feed: feed.url,
          status: report.status,
          added: report.added.length,
          updated: report.updated.length,
          failed: report.failed.length,
        },
        report.error ? `feed failed: ${report.error}` : 'feed polled',
      );
    }
  } finally {
    await fetcher.close();
    releaseLease(database, pollLease, holder);
  }
  if (reports.some((report) => report.added.length + report.updated.length > 0)) {
    try {
      await embedPassages(context);
    } catch (error) {
      logger.warn({ err: error }, 'embedding the new web articles failed; BM25 search still finds them');
    }
  }
  return { busy: false, reports };
}
