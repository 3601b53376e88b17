import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DispatchedInteraction, memberPermissions, readMessageBody } from '../support/fakeDiscord.js';
import { type NewsSite, startNewsSite } from '../support/newsSite.js';
import { serveStory, strikeArticles } from '../support/newsSiteContent.js';
import { useTestBot } from '../support/useTestBot.js';

let site: NewsSite;
beforeEach(async () => {
  site = await startNewsSite();
  serveStory(site);
});
afterEach(() => site.close());

const [dayOne, talks] = strikeArticles as [(typeof strikeArticles)[0], (typeof strikeArticles)[0]];

describe('/feeds', () => {
  // Only the test's own site on 127.0.0.1 is fetched: the private-network check is lifted for it.
  // Back-fill is left out of account: the story's dates are fixed, the day the test runs is not.
  const testBot = useTestBot(
    {},
    { FEED_ALLOW_PRIVATE_NETWORK: 'true', FEED_HOST_PAUSE_MS: '0', DIGEST_BACKFILL_DAYS: '36500' },
  );

  /** The bot's first message for an interaction: its reply, or the edit of its deferral. */
  async function firstMessage(interaction: DispatchedInteraction) {
    const request = await testBot().fake.waitForRequest(
      (candidate) => candidate.path.includes(interaction.token) && readMessageBody(candidate) !== undefined,
    );
    return readMessageBody(request);
  }

  function run(
    subcommand: string,
    options: Record<string, string | boolean> = {},
    permissions = memberPermissions.manageServer,
  ) {
    return firstMessage(testBot().fake.dispatchCommand({ name: 'feeds', subcommand, options, permissions }));
  }

  const describeEmbeds = (message: Awaited<ReturnType<typeof run>>) =>
    (message?.embeds ?? []).map((embed) => embed.description).join('\n');

  it('refuses members without Manage Server privately, fetching nothing', async () => {
    const message = await run('add', { url: site.url('/rss.xml') }, memberPermissions.everyday);
    expect(message?.flags).toBe(64);
    expect(message?.content).toMatch(/Only members with the Manage Server permission can manage the feeds/);
    expect(site.requests).toHaveLength(0);
    const list = await run('list', {}, memberPermissions.everyday);
    expect(list?.content).toMatch(/Manage Server/);
  });

  it("adds a feed, polls it, lists who added it where, and answers citing the article's link", async () => {
    const added = await run('add', { url: site.url('/rss.xml'), keywords: 'Port Selwick' });
    expect(added?.content).toMatch(/^Following \*\*Courier\*\* \(/);
    const polled = await run('poll');
    expect(describeEmbeds(polled)).toBe(
      `**Courier**: added 2, updated 0, off the story 0, already stored 0, unchanged 0, failed 0\n- added: ${dayOne.title}\n- added: ${talks.title}`,
    );
    const list = describeEmbeds(await run('list'));
    expect(list).toContain('Keywords: port selwick · 2 article(s)');
    expect(list).toMatch(/Last poll: 200 at \d{4}-/);
    expect(list).toMatch(/Added by reader \(\d+\) in Newsroom \(\d+\), #news/);

    const ask = testBot().fake.dispatchCommand({
      name: 'ask',
      options: { question: 'Who was appointed to the Port Selwick strike talks?' },
    });
    const answer = await testBot().fake.waitForRequest(
      (request) => request.method === 'PATCH' && request.path.includes(ask.token),
    );
    expect(JSON.stringify(readMessageBody(answer))).toContain(
      `[Read the article](${site.url(`/news/${talks.slug}`)})`,
    );
  });

  it('posts the web articles first seen after the last digest in the next one, with their links', async () => {
    const { fake } = testBot();
    await firstMessage(
      fake.dispatchCommand({
        name: 'digest',
        subcommand: 'setup',
        options: { channel: { channelId: fake.channelId } },
        permissions: memberPermissions.manageServer,
      }),
    );
    await run('add', { url: site.url('/rss.xml') });
    await run('poll');
    await firstMessage(
      fake.dispatchCommand({
        name: 'digest',
        subcommand: 'now',
        permissions: memberPermissions.manageServer,
      }),
    );
    const posted = JSON.stringify(fake.channelMessages.map((message) => message.body));
    for (const article of [dayOne, talks]) {
      expect(posted).toContain(article.title);
      expect(posted).toContain(site.url(`/news/${article.slug}`));
    }
  });

  it('tells an admin why an address is refused, sending nothing there', async () => {
    const message = await run('add', { url: 'http://169.254.169.254/latest/meta-data/' });
    expect(message?.content).toMatch(
      /^refused: 169\.254\.169\.254 is a cloud metadata address; newsdesk never fetches such an address/,
    );
    expect(testBot().context.database.prepare('SELECT count(*) FROM feeds').pluck().get()).toBe(0);
  });

  it("keeps a removed feed's articles unless asked to delete them", async () => {
    await run('add', { url: site.url('/rss.xml') });
    await run('poll');
    const kept = await run('remove', { url: site.url('/rss.xml') });
    expect(kept?.content).toBe(
      `No longer following ${site.url('/rss.xml')}. Its articles stay in the knowledge base.`,
    );
    const count = () => testBot().context.database.prepare('SELECT count(*) FROM web_articles').pluck().get();
    expect(count()).toBe(2);
    await run('add', { url: site.url('/rss.xml') });
    await run('poll');
    const deleted = await run('remove', { url: site.url('/rss.xml'), 'delete-articles': true });
    expect(deleted?.content).toMatch(/2 of its article\(s\) deleted\.$/);
    expect(count()).toBe(0);
  });
});
