import { z } from 'zod';
import type { FeedDocument } from './feedDocument.js';

const author = z.object({ name: z.string().optional() }).passthrough();

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), as far as newsdesk reads it; 1.0's single
 * `author` is read too. Unknown fields are allowed, as the spec asks of readers.
 */
const jsonFeedSchema = z.object({
  version: z.string().startsWith('https://jsonfeed.org/version/'),
  title: z.string().optional(),
  home_page_url: z.string().optional(),
  items: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      url: z.string().optional(),
      external_url: z.string().optional(),
      title: z.string().optional(),
      content_html: z.string().optional(),
      content_text: z.string().optional(),
      summary: z.string().optional(),
      date_published: z.string().optional(),
      date_modified: z.string().optional(),
      authors: z.array(author).optional(),
      author: author.optional(),
    }),
  ),
});

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Validates and reads a JSON Feed. Relative `url`s are resolved later, with the other formats'.
 *
 * @returns the feed, or the zod issues in one line (`items.0.id: Invalid input`) when it is not one.
 */
export function parseJsonFeed(value: unknown): FeedDocument | { problem: string } {
  const result = jsonFeedSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { problem: `${issue?.path.join('.') || 'feed'}: ${issue?.message ?? 'invalid'}` };
  }
  const feed = result.data;
  return {
    format: 'json',
    title: feed.title ?? null,
    siteUrl: feed.home_page_url ?? null,
    items: feed.items.map((item) => ({
      guid: item.id,
      url: item.url ?? item.external_url ?? null,
      title: item.title ?? null,
      summary: item.summary ?? null,
      // content_text is plain: escaped so that one reader (htmlToParagraphs) handles both.
      content:
        item.content_html ??
        (item.content_text === undefined
          ? null
          : item.content_text
              .split(/\n\s*\n/)
              .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
              .join('')),
      published: item.date_published ?? null,
      updated: item.date_modified ?? null,
      author: item.authors?.[0]?.name ?? item.author?.name ?? null,
    })),
  };
}
