import { hash } from 'node:crypto';
import type { CoreContext } from '../context.js';
import { type FeedRecord, recordFeedPoll } from '../storage/feeds.js';
import { canonicalizeUrl } from './canonicalizeUrl.js';
import type { FeedFetcher } from './createFeedFetcher.js';
import { decodeBody } from './decodeBody.js';
import type { FeedItem } from './feedDocument.js';
import { FeedError } from './feedError.js';
import { matchesStory, parseKeywords } from './matchesStory.js';
import { parseFeedDocument } from './parseFeedDocument.js';
import { readItemArticle } from './readItemArticle.js';
import { type FeedItemSighting, recordFeedItem, storeWebArticle } from './storeWebArticle.js';

/** What one poll of one feed did, item by item, for `feeds poll` and `/feeds poll`. */
export interface FeedPollReport {
  url: string;
  title: string | null;
  /** `'200'`, `'304'` (not modified), `'waiting'` (Retry-After not over) or a FeedError code. */
  status: string;
  /** Why the feed itself failed, in an admin's words; `null` when it was read. */
  error: string | null;
  /** Titles of the articles stored for the first time, and of those whose text changed. */
  added: string[];
  updated: string[];
  /** Items left out: off the story (keywords), or already stored from another feed. */
  offStory: number;
  alreadyStored: number;
  /** Items seen before with nothing changed. */
  unchanged: number;
  /** Items whose article could not be read; tried again at the next poll. */
  failed: { item: string; problem: string }[];
  /** Items not looked at because the poll was stopped (the bot stopping, an admin's poll running long). */
  leftForLater: number;
}

/** What a poll of a feed needs besides the context: one fetcher and robots check for the whole poll. */
export interface PollTools {
  fetcher: FeedFetcher;
  assertAllowed(url: string): Promise<void>;
  /** Called after each item, so a long poll keeps its lease. */
  keepAlive(): void;
}

/** The longest a failing feed is left alone: it is still tried once a day. */
const maxBackoffMs = 24 * 60 * 60_000;

/** Where an item is known by: its canonical link, else its GUID; `null` when it has neither. */
export function itemKeyOf(item: FeedItem): string | null {
  const url = item.url === null ? null : canonicalizeUrl(item.url);
  if (url !== null) return url;
  return item.guid === null || item.guid.trim() === '' ? null : `guid:${item.guid.trim()}`;
}

function fingerprintOf(item: FeedItem): string {
  const { title, summary, content, published, updated, url } = item;
  return hash('sha256', JSON.stringify([title, summary, content, published, updated, url]), 'hex');
}

/** Doubling per failure from one interval, up to a day: a broken feed costs a site little. */
function backoffMs(failures: number, intervalMs: number): number {
  return Math.min(intervalMs * 2 ** Math.max(0, failures - 1), maxBackoffMs);
}

async function pollItem(
  context: CoreContext,
  feed: FeedRecord,
  feedTitle: string | null,
  item: FeedItem,
  tools: PollTools,
  report: FeedPollReport,
): Promise<void> {
  const { database } = context;
  const now = new Date().toISOString();
  const itemKey = itemKeyOf(item);
  const label = item.title ?? item.url ?? item.guid ?? '(untitled item)';
  if (itemKey === null) {
    report.failed.push({ item: label, problem: 'the item has no link and no id' });
    return;
  }
  const sighting: FeedItemSighting = { feedUrl: feed.url, itemKey, fingerprint: fingerprintOf(item) };
  const prior = database
    .prepare('SELECT fingerprint, state FROM feed_items WHERE feed_url = ? AND item_key = ?')
    .get(feed.url, itemKey) as { fingerprint: string; state: string } | undefined;
  if (prior && prior.fingerprint === sighting.fingerprint && prior.state !== 'failed') {
    report.unchanged += 1;
    return;
  }
  if (!prior) {
    const elsewhere = database
      .prepare(
        "SELECT article_id FROM feed_items WHERE item_key = ? AND state = 'stored' AND article_id IS NOT NULL",
      )
      .pluck()
      .get(itemKey) as string | undefined;
    if (elsewhere !== undefined) {
      recordFeedItem(database, sighting, { state: 'stored', articleId: elsewhere, problem: null }, now);
      report.alreadyStored += 1;
      return;
    }
  }
  const article = await readItemArticle(item, tools);
  if ('problem' in article) {
    recordFeedItem(database, sighting, { state: 'failed', articleId: null, problem: article.problem }, now);
    report.failed.push({ item: label, problem: article.problem });
    return;
  }
  const keywords = feed.keywords.length > 0 ? feed.keywords : parseKeywords(context.config.STORY_KEYWORDS);
  if (!matchesStory(keywords, [item.title, item.summary, article.title, article.paragraphs.join('\n')])) {
    recordFeedItem(database, sighting, { state: 'skipped', articleId: null, problem: 'off the story' }, now);
    report.offStory += 1;
    return;
  }
  const identity = (article.canonicalUrl && canonicalizeUrl(article.canonicalUrl)) ?? itemKey;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const outcome = storeWebArticle(
    database,
    {
      identity,
      url: identity.startsWith('guid:') ? item.url : identity,
      title: article.title,
      source: article.outlet ?? feedTitle,
      // A date after tomorrow is a typo that would top every "latest" list; the item stays undated.
      published: article.published !== null && article.published <= tomorrow ? article.published : null,
      author: article.author,
      paragraphs: article.paragraphs,
    },
    sighting,
    now,
  );
  if (outcome === 'added') report.added.push(article.title);
  else if (outcome === 'updated') report.updated.push(article.title);
  else report.unchanged += 1;
}

/**
 * Polls one feed: a conditional GET with its stored validators, then every item not seen before or
 * changed since (by fingerprint) is read (`readItemArticle`), filtered by the story's keywords and
 * stored with `storeWebArticle`, each item committed on its own. A feed that fails is backed off
 * (one interval, doubling per failure, at most a day) and a `Retry-After` is kept in `retry_at`;
 * validators are kept only when every item was read, so failed items come back at the next poll.
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
    const allRead = firstFailure === undefined && report.leftForLater === 0;
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
