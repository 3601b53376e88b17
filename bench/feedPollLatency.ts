import { followFeed } from '../src/feeds/followFeed.js';
import { pollFeeds } from '../src/feeds/pollFeeds.js';
import { reply, startNewsSite } from '../test/support/newsSite.js';
import { articlePage, rssFeed, strikeArticles } from '../test/support/newsSiteContent.js';
import { startTestBot } from '../test/support/startTestBot.js';
import { askWhile } from './askWhile.js';
import { describeTimes } from './describeTimes.js';
import { readBenchOptions } from './readBenchOptions.js';

/**
 * `npm run bench:feeds -- --items 300`: a feed of that many items on a local site (127.0.0.1), each
 * linking a page of about 4 KB with navigation, banners and comments around the article; the bot
 * (real discord.js client on the fake Discord) polls it in its own process while an /ask arrives
 * every 50 ms. Prints the poll's time and the deferral times of the /asks dispatched meanwhile.
 */
async function measureDuringPoll(items: number): Promise<void> {
  const site = await startNewsSite();
  const testBot = await startTestBot({}, { FEED_ALLOW_PRIVATE_NETWORK: 'true', FEED_HOST_PAUSE_MS: '0' });
  const { fake, context } = testBot;
  try {
    const links = [];
    for (let index = 0; index < items; index++) {
      const base = strikeArticles[index % strikeArticles.length];
      if (!base) throw new Error('no story articles');
      const article = {
        ...base,
        slug: `${base.slug}-${index}`,
        title: `${base.title} (update ${index})`,
        paragraphs: [
          ...base.paragraphs,
          ...base.paragraphs.map((paragraph) => `${paragraph} Update ${index}.`),
        ],
      };
      site.routes.set(
        `/news/${article.slug}`,
        reply('text/html', articlePage(article, { siteName: 'Courier' })),
      );
      links.push({ title: article.title, link: `/news/${article.slug}` });
    }
    site.routes.set('/rss.xml', reply('application/rss+xml', rssFeed('Courier', links)));
    await followFeed(context, { url: site.url('/rss.xml'), addedBy: 'bench', addedIn: 'bench' });
    const { result, toDeferral, seconds } = await askWhile(fake, () => pollFeeds(context, { which: 'all' }));
    const added = result.busy ? 0 : result.reports.reduce((sum, report) => sum + report.added.length, 0);
    console.log(
      `poll of ${items} items, ${added} articles stored, in the bot's process: ${seconds.toFixed(1)} s`,
    );
    console.log(
      describeTimes(`/ask during the poll (${toDeferral.length}): INTERACTION_CREATE → deferral`, toDeferral),
    );
  } finally {
    await testBot.stop();
    await site.close();
  }
}

const usage = 'usage: npm run bench:feeds -- [--items N]\n';
const values = readBenchOptions('bench:feeds', usage, { items: { type: 'string' } });
await measureDuringPoll(Number(values.items) || 300);
