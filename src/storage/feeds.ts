import type { NewsdeskDatabase } from './database.js';

/** A followed feed as stored, with what its last poll did. */
export interface FeedRecord {
  url: string;
  title: string | null;
  /** Lower-cased story keywords; empty when the feed takes STORY_KEYWORDS (or everything). */
  keywords: string[];
  /** Who added it and where: "name (user id)" and "server name #channel", or "command line". */
  addedBy: string;
  addedIn: string;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  /** The HTTP status (`'200'`, `'304'`) or a FeedError code (`'timeout'`) of the last poll. */
  lastStatus: string | null;
  lastError: string | null;
  /** Polls failed in a row; the backoff grows with it. */
  failures: number;
  /** ISO date-time before which the scheduler leaves the feed alone (backoff), `null` when due. */
  nextPollAt: string | null;
  /** ISO date-time before which nothing may ask the site again (its Retry-After). */
  retryAt: string | null;
  /** Articles this feed stored first. */
  articles: number;
}

const feedColumns = `url, title, keywords, added_by AS addedBy, added_in AS addedIn, added_at AS addedAt,
  etag, last_modified AS lastModified, last_polled_at AS lastPolledAt, last_status AS lastStatus,
  last_error AS lastError, failures, next_poll_at AS nextPollAt, retry_at AS retryAt,
  (SELECT count(*) FROM web_articles w WHERE w.feed_url = feeds.url) AS articles`;

function toFeedRecord(row: Omit<FeedRecord, 'keywords'> & { keywords: string }): FeedRecord {
  return { ...row, keywords: JSON.parse(row.keywords) as string[] };
}

/** Every followed feed, in the order they were added. */
export function listFeeds(database: NewsdeskDatabase): FeedRecord[] {
  const rows = database.prepare(`SELECT ${feedColumns} FROM feeds ORDER BY added_at, url`).all();
  return (rows as Parameters<typeof toFeedRecord>[0][]).map(toFeedRecord);
}

/** One feed by its URL (as stored: `URL.href`); `undefined` when it is not followed. */
export function getFeed(database: NewsdeskDatabase, url: string): FeedRecord | undefined {
  const row = database.prepare(`SELECT ${feedColumns} FROM feeds WHERE url = ?`).get(url);
  return row === undefined ? undefined : toFeedRecord(row as Parameters<typeof toFeedRecord>[0]);
}

/** Starts following a feed, or, when it is followed already, replaces its title and keywords. */
export function saveFeed(
  database: NewsdeskDatabase,
  feed: Pick<FeedRecord, 'url' | 'title' | 'keywords' | 'addedBy' | 'addedIn' | 'addedAt'>,
): void {
  database
    .prepare(
      `INSERT INTO feeds (url, title, keywords, added_by, added_in, added_at)
       VALUES (@url, @title, @keywords, @addedBy, @addedIn, @addedAt)
       ON CONFLICT (url) DO UPDATE SET title = coalesce(excluded.title, title), keywords = excluded.keywords`,
    )
    .run({ ...feed, keywords: JSON.stringify(feed.keywords) });
}

/**
 * Forgets which of a feed's items were left out as off the story, so the next poll weighs them
 * again (after its keywords changed). Its validators go too: a 304 would otherwise hide those items
 * until the feed changes.
 */
export function forgetSkippedItems(database: NewsdeskDatabase, url: string): void {
  database.transaction(() => {
    database.prepare("DELETE FROM feed_items WHERE feed_url = ? AND state = 'skipped'").run(url);
    database.prepare('UPDATE feeds SET etag = NULL, last_modified = NULL WHERE url = ?').run(url);
  })();
}

/** What one poll of a feed leaves behind for the next. */
export type FeedPollState = Pick<
  FeedRecord,
  | 'lastPolledAt'
  | 'lastStatus'
  | 'lastError'
  | 'failures'
  | 'nextPollAt'
  | 'retryAt'
  | 'etag'
  | 'lastModified'
> & { title: string | null };

/**
 * Keeps why the check fetch made when a feed was added failed (a 503, a timeout), for `feeds list`
 * to show until the first poll records its own outcome. A feed polled already is left as it is.
 */
export function recordFeedCheckProblem(database: NewsdeskDatabase, url: string, problem: string): void {
  database
    .prepare('UPDATE feeds SET last_error = ? WHERE url = ? AND last_polled_at IS NULL')
    .run(problem, url);
}

/** Records a poll's outcome; a `null` title keeps the stored one. */
export function recordFeedPoll(database: NewsdeskDatabase, url: string, state: FeedPollState): void {
  database
    .prepare(
      `UPDATE feeds SET title = coalesce(@title, title), etag = @etag, last_modified = @lastModified,
         last_polled_at = @lastPolledAt, last_status = @lastStatus, last_error = @lastError,
         failures = @failures, next_poll_at = @nextPollAt, retry_at = @retryAt
       WHERE url = @url`,
    )
    .run({ ...state, url });
}

/**
 * Stops following a feed. Its articles stay (another feed or the digest may still need them) and are
 * no longer counted under any feed, unless `deleteArticles`: then the articles it stored first are
 * deleted with their passages and index rows by `removeArticle`, except those another feed lists
 * too, which pass to that feed.
 *
 * @returns how many articles were deleted; `undefined` when the feed was not followed.
 */
export function deleteFeed(
  database: NewsdeskDatabase,
  url: string,
  options: { deleteArticles: boolean; removeArticle: (articleId: string) => void },
): number | undefined {
  return database
    .transaction((): number | undefined => {
      if (getFeed(database, url) === undefined) return undefined;
      let deleted = 0;
      if (options.deleteArticles) {
        const owned = database
          .prepare('SELECT article_id FROM web_articles WHERE feed_url = ?')
          .pluck()
          .all(url) as string[];
        const otherFeed = database
          .prepare(
            "SELECT feed_url FROM feed_items WHERE article_id = ? AND feed_url <> ? AND state = 'stored' LIMIT 1",
          )
          .pluck();
        const handOver = database.prepare('UPDATE web_articles SET feed_url = ? WHERE article_id = ?');
        for (const articleId of owned) {
          const other = otherFeed.get(articleId, url) as string | undefined;
          if (other !== undefined) handOver.run(other, articleId);
          else {
            options.removeArticle(articleId);
            deleted += 1;
          }
        }
      }
      database.prepare('DELETE FROM feeds WHERE url = ?').run(url);
      return deleted;
    })
    .immediate();
}
