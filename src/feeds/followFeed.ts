import type { CoreContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { prepareArticleWriter } from '../knowledge/ingest.js';
import {
  deleteFeed,
  type FeedRecord,
  forgetSkippedItems,
  getFeed,
  recordFeedCheckProblem,
  saveFeed,
} from '../storage/feeds.js';
import { checkFeedUrl } from './checkFeedUrl.js';
import { createFeedFetcher, type FetchPolicy } from './createFeedFetcher.js';
import { decodeBody } from './decodeBody.js';
import { FeedError } from './feedError.js';
import { parseKeywords } from './matchesStory.js';
import { parseFeedDocument } from './parseFeedDocument.js';
import { readFetchPolicy } from './pollFeeds.js';

/** Problems that mean the address will not become a feed by waiting: the feed is not added. */
const permanentCodes = new Set([
  'bad_url',
  'refused',
  'not_a_feed',
  'bad_feed',
  'redirects',
  '401',
  '403',
  '404',
  '410',
]);

/** A feed an admin asks to follow, with who asks and where (shown by `feeds list`). */
export interface FollowRequest {
  url: string;
  /** Comma-separated story keywords; empty or absent for STORY_KEYWORDS (or every item). */
  keywords?: string;
  addedBy: string;
  addedIn: string;
}

/**
 * Starts following a feed after checking it: the URL must pass `checkFeedUrl` and, fetched once,
 * be an RSS, Atom or JSON feed. A site that is down right now (time-out, 5xx, 429) does not stop
 * the feed being added: its title then comes with the first poll, and `warning` says why.
 * Adding a feed already followed replaces its keywords, and items it left out as off the story are
 * weighed again at the next poll.
 *
 * @returns the stored feed, and a warning when the check fetch failed for a passing reason.
 * @throws UserInputError with the reason (refused address, not a feed, 404, …); nothing is stored.
 */
export async function followFeed(
  context: CoreContext,
  request: FollowRequest,
  policy: Partial<FetchPolicy> = {},
): Promise<{ feed: FeedRecord; warning: string | null }> {
  const fetchPolicy = { ...readFetchPolicy(context.config), ...policy };
  let url: string;
  try {
    url = checkFeedUrl(request.url.trim(), fetchPolicy.allowPrivateNetwork).href;
  } catch (error) {
    throw new UserInputError((error as FeedError).message);
  }
  const fetcher = createFeedFetcher(fetchPolicy);
  let title: string | null = null;
  let warning: string | null = null;
  let problem: string | null = null;
  try {
    const fetched = await fetcher.fetch(url, { kind: 'feed' });
    title = parseFeedDocument(
      decodeBody(fetched.body ?? Buffer.alloc(0), fetched.contentType),
      fetched.url,
    ).title;
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    if (permanentCodes.has(error.code)) throw new UserInputError(`${url}: ${error.message}`);
    problem = error.message;
    warning = `added, but the feed could not be read just now (${problem}); it is tried again at each poll`;
  } finally {
    await fetcher.close();
  }
  const keywords = parseKeywords(request.keywords);
  const previous = getFeed(context.database, url);
  if (previous && previous.keywords.join(',') !== keywords.join(','))
    forgetSkippedItems(context.database, url);
  saveFeed(context.database, {
    url,
    title,
    keywords,
    addedBy: request.addedBy,
    addedIn: request.addedIn,
    addedAt: new Date().toISOString(),
  });
  if (problem !== null) recordFeedCheckProblem(context.database, url, problem);
  const feed = getFeed(context.database, url);
  if (!feed) throw new Error(`the feed ${url} was saved but cannot be read back`);
  return { feed, warning };
}

/**
 * Stops following a feed (see deleteFeed: its articles stay unless `deleteArticles`).
 *
 * @returns how many articles were deleted.
 * @throws UserInputError when no such feed is followed (the URL is compared as `URL.href`).
 */
export function unfollowFeed(context: CoreContext, urlText: string, deleteArticles: boolean): number {
  let url = urlText.trim();
  try {
    url = new URL(url).href;
  } catch {
    // Not a URL: no feed has it, said below.
  }
  const writer = prepareArticleWriter(context.database);
  const deleted = deleteFeed(context.database, url, { deleteArticles, removeArticle: writer.remove });
  if (deleted === undefined) throw new UserInputError(`no feed is followed at ${url}; see the list of feeds`);
  return deleted;
}
