import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followFeed } from '../../src/feeds/followFeed.js';
import { startFeedPolling } from '../../src/feeds/startFeedPolling.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';
import { type NewsSite, reply, startNewsSite } from '../support/newsSite.js';
import { articlePage, rssFeed, strikeArticles } from '../support/newsSiteContent.js';

let site: NewsSite;
let fixture: KnowledgeFixture;
beforeEach(async () => {
  site = await startNewsSite();
  // A poll interval of 0.6 s, so the test sees the start poll and a scheduled one.
  fixture = await createKnowledgeFixture(
    {},
    { FEED_ALLOW_PRIVATE_NETWORK: 'true', FEED_HOST_PAUSE_MS: '0', FEED_POLL_MINUTES: '0.01' },
  );
});
afterEach(async () => {
  fixture.cleanUp();
  await site.close();
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition()).toBe(true);
}

describe('startFeedPolling', () => {
  it('polls at start, then again when the feed is due, and takes the new item', async () => {
    const [first, second] = strikeArticles as [(typeof strikeArticles)[0], (typeof strikeArticles)[0]];
    for (const article of strikeArticles)
      site.routes.set(`/news/${article.slug}`, reply('text/html', articlePage(article)));
    let items = [{ title: first.title, link: `/news/${first.slug}` }];
    site.routes.set('/rss.xml', (request, response) =>
      reply('application/rss+xml', rssFeed('Courier', items))(request, response),
    );
    await followFeed(fixture.context, { url: site.url('/rss.xml'), addedBy: 'tester', addedIn: 'test' });
    const stored = () =>
      fixture.context.database.prepare('SELECT count(*) FROM web_articles').pluck().get() as number;
    const polling = startFeedPolling(fixture.context);
    try {
      await waitFor(() => stored() === 1);
      items = [...items, { title: second.title, link: `/news/${second.slug}` }];
      await waitFor(() => stored() === 2);
    } finally {
      await polling.stop(1000);
    }
    const feedRequests = site.requestsFor('/rss.xml').length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(site.requestsFor('/rss.xml')).toHaveLength(feedRequests);
  });
});
