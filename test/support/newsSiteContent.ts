import { type NewsSite, reply } from './newsSite.js';

/** One article of the test site's story: an invented harbour strike, no real place or person. */
export interface SiteArticle {
  slug: string;
  title: string;
  paragraphs: string[];
  published?: string;
  author?: string;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * An article page as news sites serve them: navigation, a cookie banner, the article, a newsletter
 * box, related stories and comments. Only the article should be extracted.
 */
export function articlePage(
  article: SiteArticle,
  options: { canonical?: string; siteName?: string } = {},
): string {
  const meta = [
    options.siteName ? `<meta property="og:site_name" content="${options.siteName}">` : '',
    options.canonical ? `<link rel="canonical" href="${options.canonical}">` : '',
    article.published ? `<meta property="article:published_time" content="${article.published}">` : '',
    article.author ? `<meta name="author" content="${article.author}">` : '',
  ].join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${article.title} | Harbour Courier</title>${meta}</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main><article>
<h1>${article.title}</h1>
${article.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</article>
<aside class="newsletter"><h3>Sign up for our newsletter</h3><p>Get the morning briefing in your inbox.</p></aside>
<section class="related"><h3>Related stories</h3><ul><li><a href="/x">Ferry timetable changes for winter</a></li><li><a href="/y">Lighthouse restoration wins award</a></li></ul></section>
<section class="comments"><h3>Comments</h3><div class="comment">First! Great read.</div></section>
</main>
<footer>© Harbour Courier. All rights reserved. Privacy policy.</footer>
</body></html>`;
}

/** An RSS 2.0 feed of `items` (links relative to `/`, as some feeds have them), with CDATA titles. */
export function rssFeed(
  title: string,
  items: {
    title: string;
    link: string;
    guid?: string;
    description?: string;
    content?: string;
    pubDate?: string;
  }[],
): string {
  const entries = items
    .map(
      (item) => `<item><title><![CDATA[${item.title}]]></title><link>${escapeXml(item.link)}</link>
${item.guid ? `<guid isPermaLink="false">${item.guid}</guid>` : ''}
${item.description ? `<description>${escapeXml(item.description)}</description>` : ''}
${item.content ? `<content:encoded><![CDATA[${item.content}]]></content:encoded>` : ''}
${item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${escapeXml(title)}</title><link>/</link><description>News</description>
${entries}
</channel></rss>`;
}

/** An Atom 1.0 feed of `entries`. */
export function atomFeed(
  title: string,
  entries: { title: string; link: string; id: string; updated: string; content?: string }[],
): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>urn:test:feed</id><updated>2026-12-01T10:00:00Z</updated>
${entries
  .map(
    (
      entry,
    ) => `<entry><title type="html">${escapeXml(entry.title)}</title><link rel="alternate" href="${escapeXml(entry.link)}"/><id>${entry.id}</id><updated>${entry.updated}</updated>
${entry.content ? `<content type="html">${escapeXml(entry.content)}</content>` : ''}</entry>`,
  )
  .join('\n')}
</feed>`;
}

/** The invented story's articles, long enough for the reader-mode extractor. */
export const strikeArticles: SiteArticle[] = [
  {
    slug: 'strike-day-one',
    title: 'Dockworkers walk out at Port Selwick',
    published: '2026-11-30T08:00:00Z',
    author: 'Mara Linden',
    paragraphs: [
      'Dockworkers at Port Selwick walked out on Monday after talks over pay broke down late on Sunday night, leaving container ships waiting in the outer harbour.',
      'The union said the strike would last until the port operator returned with an offer that kept pace with prices, which have risen sharply over the past year.',
      'The operator called the walkout premature and said its offer of a four percent raise remained on the table for the rest of the week.',
    ],
  },
  {
    slug: 'strike-talks-resume',
    title: 'Port Selwick strike talks resume with a mediator',
    published: '2026-12-01T09:30:00Z',
    author: 'Oskar Brandt',
    paragraphs: [
      'Talks to end the dockworkers strike at Port Selwick resumed on Tuesday with a mediator appointed by the labour ministry, both sides confirmed.',
      'The mediator, a retired judge, said she expected to put a proposal to both sides by Thursday, when the union executive is due to meet.',
      'Shipping lines have begun diverting cargo to other ports along the coast, and the chamber of commerce warned of shortages before the holidays.',
    ],
  },
];

/** Articles of the same site about something else: a feed's off-story items. */
export const otherArticles: SiteArticle[] = [
  {
    slug: 'bakery-award',
    title: 'Old town bakery wins regional bread prize',
    paragraphs: [
      'A family bakery in the old town won the regional bread prize on Saturday for a rye loaf made to a recipe kept for four generations.',
      'The judges praised its crust and said the loaf kept fresh for days, which the baker put down to a slow overnight rise in a cool cellar.',
      'The prize comes with a trip to the national finals in the spring, where the bakery will compete against forty others from across the country.',
    ],
  },
];

/** Serves the story on `site`: each of `strikeArticles` at `/news/<slug>`, and `/rss.xml` (titled Courier) linking them. */
export function serveStory(site: NewsSite): void {
  for (const article of strikeArticles)
    site.routes.set(
      `/news/${article.slug}`,
      reply('text/html', articlePage(article, { siteName: 'Harbour Courier' })),
    );
  const items = strikeArticles.map((article) => ({ title: article.title, link: `/news/${article.slug}` }));
  site.routes.set('/rss.xml', reply('application/rss+xml', rssFeed('Courier', items)));
}
