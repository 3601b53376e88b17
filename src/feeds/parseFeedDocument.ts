import { parseFeed } from '@rowanmanning/feed-parser';
import type { FeedDocument, FeedItem } from './feedDocument.js';
import { FeedError } from './feedError.js';
import { htmlToLine } from './htmlToText.js';
import { parseJsonFeed } from './parseJsonFeed.js';
import { toPublishedDate } from './toPublishedDate.js';

/** An exact ISO date-time, for telling an item's revisions apart; `null` when unreadable. */
function toTimestamp(value: Date | string | null): string | null {
  if (value === null) return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function resolveUrl(value: string | null, base: string): string | null {
  if (value === null || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function readXmlFeed(text: string): FeedDocument {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(text);
  } catch (error) {
    throw new FeedError('bad_feed', 'not a feed: the page is not RSS, Atom or JSON Feed', { cause: error });
  }
  const format = feed.meta.type === 'atom' ? 'atom' : 'rss';
  return {
    format,
    title: feed.title,
    siteUrl: feed.url,
    items: feed.items.map(
      (item): FeedItem => ({
        guid: item.id,
        url: item.url,
        title: item.title,
        summary: item.description,
        content: item.content,
        published: toPublishedDate(item.published),
        updated: toTimestamp(item.updated),
        author: item.authors[0]?.name ?? null,
      }),
    ),
  };
}

/**
 * Parses a feed body: JSON Feed 1.1 when it is JSON (validated with zod), else RSS 2.0 or Atom 1.0
 * with @rowanmanning/feed-parser (entities and CDATA decoded). Links are made absolute against the
 * feed's site, else the feed's own URL; titles and summaries become plain text; unreadable dates
 * become `null` (the item is kept; its page may carry the date).
 *
 * @param text the decoded body (see decodeBody).
 * @param feedUrl the URL the body came from, after redirects.
 * @throws FeedError `bad_feed` when the body is none of the three formats.
 */
export function parseFeedDocument(text: string, feedUrl: string): FeedDocument {
  const trimmed = text.trimStart();
  let document: FeedDocument;
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new FeedError('bad_feed', 'not a feed: broken JSON', { cause: error });
    }
    const parsed = parseJsonFeed(value);
    if ('problem' in parsed) throw new FeedError('bad_feed', `not a JSON Feed: ${parsed.problem}`);
    document = parsed;
  } else {
    document = readXmlFeed(trimmed);
  }
  const base = resolveUrl(document.siteUrl, feedUrl) ?? feedUrl;
  return {
    ...document,
    title: htmlToLine(document.title),
    siteUrl: resolveUrl(document.siteUrl, feedUrl),
    items: document.items.map((item) => ({
      ...item,
      url: resolveUrl(item.url, base),
      title: htmlToLine(item.title),
      summary: htmlToLine(item.summary),
      published: toPublishedDate(item.published),
      updated: toTimestamp(item.updated),
    })),
  };
}
