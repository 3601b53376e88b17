import { deriveTitle } from '../knowledge/deriveTitle.js';
import type { FeedFetcher } from './createFeedFetcher.js';
import { decodeBody } from './decodeBody.js';
import { type ExtractedArticle, extractArticle } from './extractArticle.js';
import type { FeedItem } from './feedDocument.js';
import { FeedError } from './feedError.js';
import { htmlToParagraphs } from './htmlToText.js';
import { toPublishedDate } from './toPublishedDate.js';

/** An item's article as read: from its page, else from the feed's own full content. */
export interface ItemArticle {
  title: string;
  outlet: string | null;
  author: string | null;
  /** `YYYY-MM-DD`, see toPublishedDate. */
  published: string | null;
  /** The page's canonical URL when it is on the item's own site; `null` otherwise. */
  canonicalUrl: string | null;
  paragraphs: string[];
  from: 'page' | 'feed';
}

function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * A canonical URL is believed only on the page's own site and when it names more than the home page:
 * a template that points every page at "/" would otherwise merge every article into one.
 */
function trustCanonical(extracted: ExtractedArticle, pageUrl: string): string | null {
  const canonical = extracted.canonicalUrl;
  if (canonical === null) return null;
  const url = new URL(canonical);
  return siteOf(canonical) === siteOf(pageUrl) && url.pathname !== '/' ? canonical : null;
}

/** Problems that may be gone by the next poll (a timeout, a wait the site asked for, a 5xx); a page refused by robots.txt or missing stays so. */
function isPassing(code: string): boolean {
  return ['timeout', 'network', 'waiting', '429'].includes(code) || /^5\d\d$/.test(code);
}

/**
 * Reads an item's article: fetches its page (after robots.txt allows it) and extracts it; when that
 * fails or yields no article text, falls back to the item's full content (`content:encoded`, Atom
 * `content`, JSON Feed `content_html`). Page metadata wins over the item's.
 *
 * @returns the article, or the problem in an admin's words when neither source has article text, with
 *   `retry` when it may pass by the next poll (a timeout, a network error, a 429 or a 5xx); a page with
 *   no article text, a robots.txt refusal or a 404 will not.
 */
export async function readItemArticle(
  item: FeedItem,
  tools: { fetcher: FeedFetcher; assertAllowed(url: string): Promise<void> },
): Promise<ItemArticle | { problem: string; retry: boolean }> {
  let problem = 'the item links to no page and carries no full text';
  let retry = false;
  if (item.url !== null) {
    try {
      await tools.assertAllowed(item.url);
      const page = await tools.fetcher.fetch(item.url, { kind: 'page' });
      const extracted = extractArticle(decodeBody(page.body ?? Buffer.alloc(0), page.contentType), page.url);
      if (extracted !== null) {
        return {
          title: extracted.title ?? item.title ?? deriveTitle(extracted.paragraphs[0] ?? ''),
          outlet: extracted.outlet,
          author: extracted.author ?? item.author,
          published: extracted.published ?? item.published ?? toPublishedDate(item.updated),
          canonicalUrl: trustCanonical(extracted, page.url),
          paragraphs: extracted.paragraphs,
          from: 'page',
        };
      }
      problem = 'the page holds no article text';
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      problem = `page: ${error.message}`;
      retry = isPassing(error.code);
    }
  }
  const paragraphs = item.content === null ? [] : htmlToParagraphs(item.content);
  const [first] = paragraphs;
  if (first === undefined) return { problem, retry };
  return {
    title: item.title ?? deriveTitle(first),
    outlet: null,
    author: item.author,
    published: item.published ?? toPublishedDate(item.updated),
    canonicalUrl: null,
    paragraphs,
    from: 'feed',
  };
}
