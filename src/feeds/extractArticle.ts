import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToParagraphs } from './htmlToText.js';
import { toPublishedDate } from './toPublishedDate.js';

/** An article as read from its page by the reader-mode extractor. */
export interface ExtractedArticle {
  title: string | null;
  /** The outlet's name (`og:site_name` or the page's other metadata); `null` when the page does not say. */
  outlet: string | null;
  author: string | null;
  /** `YYYY-MM-DD` from the page's metadata (`article:published_time`, JSON-LD, …); `null` when absent. */
  published: string | null;
  /** `<link rel="canonical">`, else `og:url`, made absolute; `null` when the page names none. */
  canonicalUrl: string | null;
  paragraphs: string[];
}

/**
 * Below this many characters of text, what the extractor found is a teaser, a paywall notice or an
 * error page, not an article (Readability's own threshold for a candidate is 500 characters).
 */
const minArticleLength = 200;

type PageDocument = ReturnType<typeof parseHTML>['document'];

function readMeta(document: PageDocument, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

function toAbsoluteUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads the article out of a web page with Mozilla's Readability (Firefox's Reader View) on a
 * linkedom document: navigation, cookie banners, related stories, newsletter boxes and comments
 * are left out by its scoring. Metadata is read before Readability runs, since it rewrites the
 * document.
 *
 * @param html the decoded page.
 * @param pageUrl the page's URL after redirects, against which the canonical URL is resolved.
 * @returns the article, or `null` when the page holds no article text (under 200 characters).
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  const canonicalUrl =
    toAbsoluteUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl) ??
    toAbsoluteUrl(readMeta(document, ['meta[property="og:url"]']), pageUrl);
  const metaDate = readMeta(document, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  ]);
  const timeDate = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime');
  const metaAuthor = readMeta(document, ['meta[name="author"]', 'meta[property="article:author"]']);
  const siteName = readMeta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const result = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!result?.content) return null;
  const paragraphs = htmlToParagraphs(result.content);
  if (paragraphs.join(' ').length < minArticleLength) return null;
  // Readability repeats the headline as the first block; the title is stored apart.
  const title = result.title?.trim() || null;
  if (title !== null && paragraphs[0] === title) paragraphs.shift();
  const byline = result.byline?.replace(/^by\s+/i, '').trim();
  return {
    title,
    outlet: siteName ?? (result.siteName?.trim() || null),
    author: metaAuthor ?? (byline || null),
    published:
      toPublishedDate(metaDate) ?? toPublishedDate(result.publishedTime) ?? toPublishedDate(timeDate),
    canonicalUrl,
    paragraphs,
  };
}
