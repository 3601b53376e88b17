import type { CoreContext } from '../context.js';
import { type FeedRecord, recordFeedPoll } from '../storage/feeds.js';
import { decodeBody } from './decodeBody.js';
import { FeedError } from './feedError.js';
import type { FeedPollReport, PollTools } from './feedPollReport.js';
import { parseFeedDocument } from './parseFeedDocument.js';
import { pollItem } from './pollItem.js';

/** The longest a failing feed is left alone: it is still tried once a day. */
const maxBackoffMs = 24 * 60 * 60_000;

/** Doubling per failure from one interval, up to a day: a broken feed costs a site little. */
function backoffMs(failures: number, intervalMs: number): number {
  return Math.min(intervalMs * 2 ** Math.max(0, failures - 1), maxBackoffMs);
}

/**
 * Polls one feed: a conditional GET with its stored validators, then every item not seen before or
 * changed since (by fingerprint) is read (`readItemArticle`), filtered by the story's keywords and
 * stored with `storeWebArticle`, each item committed on its own. A feed that fails is backed off
 * (one interval, doubling per failure, at most a day) and a `Retry-After` is kept in `retry_at`;
 * validators are kept unless an item failed in a way that may pass (a timeout, a 5xx) or was left for
 * later, so those items come back at the next poll.
 *
 * @param intervalMs FEED_POLL_MINUTES in milliseconds, the unit of the backoff.
 * @param signal when aborted (the bot stops, an admin's poll runs long), the remaining items are
 *   left for the next poll.
 * @returns the report; never throws for a feed's or an item's problem (they are in the report).
 * @throws SQLite's errors (a busy or damaged database): the poll cannot go on.
 */
export async function pollFeed(
  context: CoreContext,
  feed: FeedRecord,
  tools: PollTools,
  intervalMs: number,
  signal?: AbortSignal,
): Promise<FeedPollReport> {
  const report: FeedPollReport = {
    url: feed.url,
    title: feed.title,
    status: 'waiting',
    error: null,
    added: [],
    updated: [],
    offStory: 0,
    alreadyStored: 0,
    unchanged: 0,
    failed: [],
    leftForLater: 0,
  };
  const started = new Date();
  if (feed.retryAt !== null && feed.retryAt > started.toISOString()) {
    report.error = `waiting until ${feed.retryAt}, as the site asked (Retry-After)`;
    return report;
  }
  const lastPolledAt = started.toISOString();
  try {
    const fetched = await tools.fetcher.fetch(feed.url, {
      kind: 'feed',
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
    report.status = String(fetched.status);
    if (fetched.body !== null) {
      const document = parseFeedDocument(decodeBody(fetched.body, fetched.contentType), fetched.url);
      report.title = document.title ?? feed.title;
      for (const item of document.items) {
        // An item left unread is simply new at the next poll; the validators are not kept for it.
        if (signal?.aborted) {
          report.leftForLater += 1;
          continue;
        }
        await pollItem(context, feed, report.title, item, tools, report);
        tools.keepAlive();
      }
    }
    const [firstFailure] = report.failed;
    // An item that failed for good (no article text, robots.txt) need not cost the feed its 304s.
    const allRead = !report.failed.some((failure) => failure.retry) && report.leftForLater === 0;
    recordFeedPoll(context.database, feed.url, {
      title: report.title,
      etag: allRead ? fetched.etag : null,
      lastModified: allRead ? fetched.lastModified : null,
      lastPolledAt,
      lastStatus: report.status,
      lastError: firstFailure
        ? `${report.failed.length} item(s) could not be read; first: ${firstFailure.problem}`
        : null,
      failures: 0,
      nextPollAt: null,
      retryAt: null,
    });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    report.status = error.code;
    report.error = error.message;
    // Another feed of the same site was told to wait (429/503 with Retry-After): this one was not
    // fetched, so it has not failed; it waits as long, keeping its last poll's outcome.
    if (error.code === 'waiting') {
      const retryAt = new Date(started.getTime() + (error.retryAfterMs ?? 0)).toISOString();
      recordFeedPoll(context.database, feed.url, {
        title: null,
        etag: feed.etag,
        lastModified: feed.lastModified,
        lastPolledAt: feed.lastPolledAt,
        lastStatus: feed.lastStatus,
        lastError: feed.lastError,
        failures: feed.failures,
        nextPollAt: feed.nextPollAt,
        retryAt,
      });
      return report;
    }
    const failures = feed.failures + 1;
    const retryAt =
      error.retryAfterMs === undefined
        ? null
        : new Date(started.getTime() + error.retryAfterMs).toISOString();
    recordFeedPoll(context.database, feed.url, {
      title: null,
      etag: feed.etag,
      lastModified: feed.lastModified,
      lastPolledAt,
      lastStatus: error.code,
      lastError: error.message,
      failures,
      nextPollAt: new Date(started.getTime() + backoffMs(failures, intervalMs)).toISOString(),
      retryAt,
    });
  }
  return report;
}
