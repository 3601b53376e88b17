/** One item of a feed, whatever its format, with text decoded and links made absolute. */
export interface FeedItem {
  /** The item's own id (RSS `guid`, Atom `id`, JSON Feed `id`); `null` when it has none. */
  guid: string | null;
  /** The article page's absolute URL; `null` when the item links nowhere. */
  url: string | null;
  title: string | null;
  /** Plain-text summary (RSS `description`, Atom `summary`, JSON Feed `summary`). */
  summary: string | null;
  /** The full article as HTML when the feed carries it (`content:encoded`, Atom `content`, `content_html`). */
  content: string | null;
  /** `YYYY-MM-DD` (see toPublishedDate); `null` when the item gives none or an unreadable one. */
  published: string | null;
  /** When the item was last revised, as an exact ISO date-time (revisions on one day differ). */
  updated: string | null;
  author: string | null;
}

/** A parsed feed: its title, the site it belongs to, and its items in the feed's order. */
export interface FeedDocument {
  format: 'rss' | 'atom' | 'json';
  title: string | null;
  /** The site's home page, when the feed names it. */
  siteUrl: string | null;
  items: FeedItem[];
}
