import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { buildDigest } from '../../src/digest/buildDigest.js';
import type { FeedPollReport } from '../../src/feeds/feedPollReport.js';
import { followFeed } from '../../src/feeds/followFeed.js';
import { pollFeeds } from '../../src/feeds/pollFeeds.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { getFeed } from '../../src/storage/feeds.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';
import { type NewsSite, reply, startNewsSite } from '../support/newsSite.js';
import { articlePage, atomFeed, otherArticles, rssFeed, strikeArticles } from '../support/newsSiteContent.js';

let site: NewsSite;
let fixture: KnowledgeFixture;
beforeEach(async () => {
  site = await startNewsSite();
  // Only the test's own server on 127.0.0.1 is fetched: the private-network check is lifted for it.
  fixture = await createKnowledgeFixture({}, { FEED_ALLOW_PRIVATE_NETWORK: 'true', FEED_HOST_PAUSE_MS: '0' });
});
afterEach(async () => {
  fixture.cleanUp();
  await site.close();
});

const [dayOne, talks] = strikeArticles as [(typeof strikeArticles)[0], (typeof strikeArticles)[0]];
const [bakery] = otherArticles as [(typeof otherArticles)[0]];
const html = 'text/html; charset=utf-8';

function servePage(article: typeof dayOne, options: Parameters<typeof articlePage>[1] = {}): void {
  site.routes.set(
    `/news/${article.slug}`,
    reply(html, articlePage(article, { siteName: 'Harbour Courier', ...options })),
  );
}

/** `/rss.xml`: the story's articles, linked by path. */
function serveStoryFeed(): void {
  const items = strikeArticles.map((article) => ({ title: article.title, link: `/news/${article.slug}` }));
  site.routes.set('/rss.xml', reply('application/rss+xml', rssFeed('Courier', items)));
}

async function follow(path: string, keywords?: string) {
  return followFeed(fixture.context, {
    url: site.url(path),
    ...(keywords !== undefined && { keywords }),
    addedBy: 'tester',
    addedIn: 'command line',
  });
}

async function pollAll(): Promise<FeedPollReport[]> {
  const result = await pollFeeds(fixture.context, { which: 'all' });
  if (result.busy) throw new Error('another poll holds the lease');
  return result.reports;
}

function webArticles() {
  return fixture.context.database
    .prepare(
      `SELECT a.id, a.title, a.source, a.url, a.published, a.author, a.first_ingested_at AS firstIngestedAt,
              (SELECT group_concat(text, '\n') FROM passages p WHERE p.article_id = a.id) AS text
       FROM articles a JOIN web_articles w ON w.article_id = a.id ORDER BY a.published`,
    )
    .all() as {
    id: string;
    title: string;
    source: string;
    url: string;
    published: string;
    author: string;
    firstIngestedAt: string;
    text: string;
  }[];
}

/** Serves the feed at /rss.xml with ETag "v1", answering 304 to a request that sends it back. */
function serveWithEtag(feed: string): void {
  site.routes.set('/rss.xml', (request, response) => {
    if (request.headers['if-none-match'] === '"v1"') {
      response.writeHead(304);
      response.end();
      return;
    }
    reply('application/rss+xml', feed, { etag: '"v1"' })(request, response);
  });
}

describe('pollFeeds', () => {
  it("stores each RSS item's article from its page, without the page's boilerplate", async () => {
    for (const article of strikeArticles) servePage(article);
    site.routes.set(
      '/rss.xml',
      reply(
        'application/rss+xml',
        rssFeed(
          'Harbour Courier &amp; Co — Port',
          strikeArticles.map((article) => ({
            title: article.title,
            link: `/news/${article.slug}?utm_source=rss&utm_medium=feed`,
          })),
        ),
      ),
    );
    await follow('/rss.xml');
    const [report] = await pollAll();
    expect(report).toMatchObject({ status: '200', added: [dayOne.title, talks.title], failed: [] });
    const stored = webArticles();
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      title: dayOne.title,
      source: 'Harbour Courier',
      author: 'Mara Linden',
      published: '2026-11-30',
      url: site.url(`/news/${dayOne.slug}`),
    });
    expect(stored[0]?.text).toContain('walked out on Monday');
    for (const boilerplate of [
      'cookies',
      'newsletter',
      'Related stories',
      'Great read',
      'All rights reserved',
      'Weather',
    ])
      expect(stored.map((article) => article.text).join('\n')).not.toContain(boilerplate);
    expect(site.requestsFor('/robots.txt')).toHaveLength(1);
  });

  it("reads an Atom feed and falls back to the entry's content when its page is gone", async () => {
    site.routes.set(
      '/atom.xml',
      reply(
        'application/atom+xml',
        atomFeed('Selwick Wire', [
          {
            title: talks.title,
            link: '/news/missing-page',
            id: 'urn:wire:1',
            updated: '2026-12-01T09:30:00Z',
            content: talks.paragraphs.map((p) => `<p>${p}</p>`).join(''),
          },
        ]),
      ),
    );
    await follow('/atom.xml');
    const [report] = await pollAll();
    expect(report).toMatchObject({ added: [talks.title], failed: [] });
    expect(webArticles()[0]).toMatchObject({ source: 'Selwick Wire', published: '2026-12-01' });
  });

  it('reads a JSON Feed 1.1', async () => {
    servePage(talks);
    site.routes.set(
      '/feed.json',
      reply(
        'application/feed+json',
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Selwick JSON',
          items: [
            {
              id: 'talks',
              url: `/news/${talks.slug}`,
              title: talks.title,
              date_published: '2026-12-01T09:30:00Z',
            },
          ],
        }),
      ),
    );
    await follow('/feed.json');
    const [report] = await pollAll();
    expect(report).toMatchObject({ added: [talks.title], failed: [] });
  });

  it('asks with the validators on the next poll and takes a 304 as nothing new', async () => {
    servePage(dayOne);
    const feed = rssFeed('Courier', [{ title: dayOne.title, link: `/news/${dayOne.slug}` }]);
    serveWithEtag(feed);
    await follow('/rss.xml');
    await pollAll();
    const [second] = await pollAll();
    expect(second).toMatchObject({ status: '304', added: [], updated: [] });
    expect(getFeed(fixture.context.database, site.url('/rss.xml'))?.lastStatus).toBe('304');
  });

  it('keeps asking with the validators when an item failed for good', async () => {
    servePage(talks);
    site.routes.set('/robots.txt', reply('text/plain', 'User-agent: newsdesk\nDisallow: /news/blocked\n'));
    const feed = rssFeed('Courier', [
      { title: dayOne.title, link: '/news/blocked' },
      { title: talks.title, link: `/news/${talks.slug}` },
    ]);
    serveWithEtag(feed);
    await follow('/rss.xml');
    const [first] = await pollAll();
    expect(first).toMatchObject({ added: [talks.title], failed: [{ item: dayOne.title, retry: false }] });
    const [second] = await pollAll();
    expect(second).toMatchObject({ status: '304', failed: [] });
    expect(getFeed(fixture.context.database, site.url('/rss.xml'))?.lastError).toBeNull();
  });

  it("waits as long as a 429's Retry-After asks before asking the site again", async () => {
    let calls = 0;
    site.routes.set('/rss.xml', (request, response) => {
      calls += 1;
      const status = calls === 1 ? 200 : 429;
      reply(
        'application/rss+xml',
        rssFeed('Courier', []),
        { 'retry-after': '3600' },
        status,
      )(request, response);
    });
    await follow('/rss.xml');
    const [limited] = await pollAll();
    const [waiting] = await pollAll();
    expect(limited).toMatchObject({ status: '429', error: expect.stringMatching(/^429 Too Many Requests/) });
    expect(waiting).toMatchObject({
      status: 'waiting',
      error: expect.stringMatching(/as the site asked \(Retry-After\)$/),
    });
    expect(site.requestsFor('/rss.xml')).toHaveLength(2);
  });

  it("counts no failure for a site's other feed told to wait by the first one's 429", async () => {
    site.routes.set('/rss.xml', reply('application/rss+xml', rssFeed('Courier', [])));
    site.routes.set('/sport.xml', reply('application/rss+xml', rssFeed('Courier Sport', [])));
    await follow('/rss.xml');
    await follow('/sport.xml');
    site.routes.set('/rss.xml', reply('text/plain', 'slow down', { 'retry-after': '3600' }, 429));
    const reports = await pollAll();
    expect(reports.map((report) => report.status)).toEqual(['429', 'waiting']);
    const other = getFeed(fixture.context.database, site.url('/sport.xml'));
    expect(other).toMatchObject({ failures: 0, lastError: null, lastStatus: null });
    expect(other?.retryAt).toEqual(expect.any(String));
    expect(site.requestsFor('/sport.xml')).toHaveLength(1);
  });

  it('leaves a page robots.txt disallows unread and reports the item', async () => {
    servePage(dayOne);
    site.routes.set('/robots.txt', reply('text/plain', 'User-agent: newsdesk\nDisallow: /news/\n'));
    site.routes.set(
      '/rss.xml',
      reply(
        'application/rss+xml',
        rssFeed('Courier', [{ title: dayOne.title, link: `/news/${dayOne.slug}` }]),
      ),
    );
    await follow('/rss.xml');
    const [report] = await pollAll();
    expect(report?.failed).toEqual([
      {
        item: dayOne.title,
        problem: 'page: robots.txt disallows newsdesk from reading this page',
        retry: false,
      },
    ]);
    expect(site.requestsFor(`/news/${dayOne.slug}`)).toHaveLength(0);
    expect(getFeed(fixture.context.database, site.url('/rss.xml'))?.lastError).toMatch(
      /^1 item\(s\) could not be read/,
    );
  });

  it('asks a site for no more pages once a page answers 429 with Retry-After', async () => {
    serveStoryFeed();
    servePage(talks);
    site.routes.set(`/news/${dayOne.slug}`, reply('text/plain', 'slow down', { 'retry-after': '600' }, 429));
    await follow('/rss.xml');
    const [report] = await pollAll();
    expect(report?.failed).toEqual([
      { item: dayOne.title, problem: expect.stringMatching(/^page: 429 Too Many Requests/), retry: true },
      {
        item: talks.title,
        problem: expect.stringMatching(/^page: the site asked newsdesk to wait until \d\d:\d\d:\d\d UTC/),
        retry: true,
      },
    ]);
    expect(site.requestsFor(`/news/${talks.slug}`)).toHaveLength(0);
  });

  it('leaves the Crawl-delay robots.txt asks for between two pages', async () => {
    serveStoryFeed();
    for (const article of strikeArticles) servePage(article);
    site.routes.set('/robots.txt', reply('text/plain', 'User-agent: *\nCrawl-delay: 1\n'));
    await follow('/rss.xml');
    await pollAll();
    const [first] = site.requestsFor(`/news/${dayOne.slug}`);
    const [second] = site.requestsFor(`/news/${talks.slug}`);
    expect((second?.startedAt ?? 0) - (first?.endedAt ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(
      990,
    );
  });

  it('takes nothing from a feed whose items are all off the story', async () => {
    servePage(bakery);
    site.routes.set(
      '/rss.xml',
      reply(
        'application/rss+xml',
        rssFeed('Courier', [{ title: bakery.title, link: `/news/${bakery.slug}` }]),
      ),
    );
    await follow('/rss.xml', 'dockworkers, Port Selwick');
    const [report] = await pollAll();
    expect(report).toMatchObject({ added: [], offStory: 1 });
    expect(webArticles()).toHaveLength(0);
  });

  it('weighs the items it left out again when the feed is added with new keywords', async () => {
    servePage(talks);
    const items = [{ title: talks.title, link: `/news/${talks.slug}` }];
    const feed = reply('application/rss+xml', rssFeed('Courier', items), { etag: '"same"' });
    site.routes.set('/rss.xml', (request, response) => {
      if (request.headers['if-none-match'] !== '"same"') return feed(request, response);
      response.writeHead(304);
      response.end();
    });
    await follow('/rss.xml', 'bread prize');
    const [before] = await pollAll();
    await follow('/rss.xml', 'mediator');
    const [after] = await pollAll();
    expect([before?.offStory, after?.added]).toEqual([1, [talks.title]]);
  });

  it('filters a feed without keywords by STORY_KEYWORDS', async () => {
    fixture.context.config = { ...fixture.context.config, STORY_KEYWORDS: 'rye loaf, bread prize' };
    servePage(bakery);
    servePage(talks);
    const items = [bakery, talks].map((article) => ({ title: article.title, link: `/news/${article.slug}` }));
    site.routes.set('/rss.xml', reply('application/rss+xml', rssFeed('Courier', items)));
    await follow('/rss.xml');
    const [report] = await pollAll();
    expect(report).toMatchObject({ added: [bakery.title], offStory: 1 });
  });

  it('matches keywords as whole words in the extracted text, not only the title', async () => {
    servePage(talks);
    site.routes.set(
      '/rss.xml',
      reply(
        'application/rss+xml',
        rssFeed('Courier', [{ title: 'Morning briefing', link: `/news/${talks.slug}` }]),
      ),
    );
    await follow('/rss.xml', 'MEDIATOR, ports');
    const [report] = await pollAll();
    expect(report?.added).toEqual([talks.title]);
  });

  it('stores the same article from two feeds once, under the feed that brought it first', async () => {
    servePage(dayOne);
    const item = { title: dayOne.title, link: `/news/${dayOne.slug}` };
    site.routes.set('/a.xml', reply('application/rss+xml', rssFeed('A', [item])));
    site.routes.set(
      '/b.xml',
      reply('application/rss+xml', rssFeed('B', [{ ...item, link: `${item.link}?utm_campaign=b` }])),
    );
    await follow('/a.xml');
    await follow('/b.xml');
    const reports = await pollAll();
    expect(reports.map((report) => [report.added.length, report.alreadyStored])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(webArticles()).toHaveLength(1);
    expect(getFeed(fixture.context.database, site.url('/a.xml'))?.articles).toBe(1);
    expect(getFeed(fixture.context.database, site.url('/b.xml'))?.articles).toBe(0);
    expect(site.requestsFor(`/news/${dayOne.slug}`)).toHaveLength(1);
  });

  it('updates an article whose text changed, keeping when it was first seen', async () => {
    servePage(dayOne);
    let feed = rssFeed('Courier', [
      { title: dayOne.title, link: `/news/${dayOne.slug}`, pubDate: 'Mon, 30 Nov 2026 08:00:00 GMT' },
    ]);
    site.routes.set('/rss.xml', (request, response) => reply('application/rss+xml', feed)(request, response));
    await follow('/rss.xml');
    await pollAll();
    const [before] = webArticles();
    const corrected = {
      ...dayOne,
      paragraphs: [
        ...dayOne.paragraphs,
        'Correction: an earlier version of this article gave the wrong date for the union vote, which is on Friday.',
      ],
    };
    servePage(corrected);
    feed = rssFeed('Courier', [
      { title: dayOne.title, link: `/news/${dayOne.slug}`, pubDate: 'Mon, 30 Nov 2026 10:00:00 GMT' },
    ]);
    const [report] = await pollAll();
    expect(report).toMatchObject({ added: [], updated: [dayOne.title] });
    const [after] = webArticles();
    expect(after?.id).toBe(before?.id);
    expect(after?.firstIngestedAt).toBe(before?.firstIngestedAt);
    expect(after?.text).toContain('Correction:');
  });

  it('reports a page over the size limit and one that never finishes, and reads them at the next poll', async () => {
    fixture.context.config = { ...fixture.context.config, FEED_MAX_BYTES: 20_000, FEED_TIMEOUT_SECONDS: 0.5 };
    site.routes.set(`/news/${dayOne.slug}`, reply(html, `${articlePage(dayOne)}${' '.repeat(30_000)}`));
    site.routes.set(`/news/${talks.slug}`, (_request, response) => {
      response.writeHead(200, { 'content-type': html });
      response.write('<html><body><p>Talks to end');
    });
    serveStoryFeed();
    await follow('/rss.xml');
    const [first] = await pollAll();
    expect(first?.failed).toEqual([
      { item: dayOne.title, problem: 'page: too large: more than 20 KB (FEED_MAX_BYTES)', retry: false },
      { item: talks.title, problem: 'page: timed out after 0.5 s', retry: true },
    ]);
    for (const article of strikeArticles) servePage(article);
    const [second] = await pollAll();
    expect(second).toMatchObject({ added: [dayOne.title, talks.title], failed: [] });
  });

  it('keeps web articles through a folder refresh, answers with their URL and puts them in the digest', async () => {
    const started = new Date().toISOString();
    for (const article of strikeArticles) servePage(article);
    serveStoryFeed();
    await follow('/rss.xml');
    await pollAll();
    const summary = await ingestKnowledge(fixture.context);
    expect(summary.removed).toBe(0);
    expect(webArticles()).toHaveLength(2);
    const answer = await askQuestion(fixture.context, 'Who was appointed to the Port Selwick strike talks?', {
      today: '2026-12-01',
    });
    expect(answer.citations.map((citation) => citation.url)).toContain(site.url(`/news/${talks.slug}`));
    // Back-fill is left out of account: the story's dates are fixed, the day the test runs is not.
    const digest = buildDigest(
      fixture.context.database,
      { from: started, to: new Date().toISOString() },
      { backfillDays: 36_500 },
    );
    expect(digest.items.map(({ title, outlets, url }) => ({ title, outlets, url }))).toEqual(
      [talks, dayOne].map((article) => ({
        title: article.title,
        outlets: ['Harbour Courier'],
        url: site.url(`/news/${article.slug}`),
      })),
    );
  });

  it('backs a failing feed off, doubling the wait, and leaves it out of scheduled polls meanwhile', async () => {
    site.routes.set('/rss.xml', reply('application/rss+xml', rssFeed('Courier', [])));
    await follow('/rss.xml');
    site.routes.set('/rss.xml', reply('text/plain', 'down', {}, 502));
    const intervalMs = fixture.context.config.FEED_POLL_MINUTES * 60_000;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const before = Date.now();
      const [report] = await pollAll();
      expect(report?.error).toBe('502 Bad Gateway: the site is failing; newsdesk tries again later');
      const feed = getFeed(fixture.context.database, site.url('/rss.xml'));
      waits.push(Math.round((Date.parse(feed?.nextPollAt ?? '') - before) / intervalMs));
    }
    expect(waits).toEqual([1, 2]);
    const scheduled = await pollFeeds(fixture.context, { which: 'due' });
    expect(scheduled).toEqual({ busy: false, reports: [] });
    expect(site.requestsFor('/rss.xml')).toHaveLength(3);
  });

  it('leaves the items after a stop for the next poll, which takes them', async () => {
    serveStoryFeed();
    for (const article of strikeArticles) servePage(article);
    await follow('/rss.xml');
    const controller = new AbortController();
    const page = site.routes.get(`/news/${dayOne.slug}`);
    site.routes.set(`/news/${dayOne.slug}`, (request, response) => {
      controller.abort();
      void page?.(request, response);
    });
    const stopped = await pollFeeds(fixture.context, { which: 'all', signal: controller.signal });
    expect(stopped.busy ? [] : stopped.reports).toEqual([
      expect.objectContaining({ added: [dayOne.title], leftForLater: 1 }),
    ]);
    const [next] = await pollAll();
    expect(next).toMatchObject({ added: [talks.title], unchanged: 1, leftForLater: 0 });
  });

  it('rebuilds web articles from their stored text when the article format changes', async () => {
    serveStoryFeed();
    for (const article of strikeArticles) servePage(article);
    await follow('/rss.xml');
    await pollAll();
    const { database } = fixture.context;
    const passages = () =>
      database.prepare('SELECT count(*) FROM passages WHERE article_id LIKE ?').pluck().get('web_%');
    const before = passages();
    // What a folder ingest does when articleFormatVersion changes: every stored hash is forgotten.
    database.prepare("UPDATE articles SET content_hash = ''").run();
    database.prepare("DELETE FROM passages WHERE article_id LIKE 'web_%'").run();
    await ingestKnowledge(fixture.context);
    await pollAll();
    expect(passages()).toBe(before);
    expect(database.prepare("SELECT count(*) FROM articles WHERE content_hash = ''").pluck().get()).toBe(0);
  });

  it('lets only one poll run at a time', async () => {
    site.routes.set('/rss.xml', async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      reply('application/rss+xml', rssFeed('Courier', []))(request, response);
    });
    await follow('/rss.xml');
    const [first, second] = await Promise.all([
      pollFeeds(fixture.context, { which: 'all' }),
      pollFeeds(fixture.context, { which: 'all' }),
    ]);
    expect([first.busy, second.busy]).toEqual([false, true]);
  });
});
