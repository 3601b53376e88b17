import { afterEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/buildDigest.js';
import { readDigestEntry, recordDigestPending } from '../../src/digest/digestLedger.js';
import { findDueDigestDate } from '../../src/digest/digestSchedule.js';
import { type DigestSettings, saveDigestSettings } from '../../src/digest/digestSettings.js';
import { type DigestPublisher, nonceWindowMs, runDigest } from '../../src/digest/runDigest.js';
import { DeliveryUnknownError } from '../../src/errors.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const dayMs = 86_400_000;
// Tomorrow (UTC) from the real clock: articles ingested now fall inside every window below.
const tomorrow = new Date(Date.now() + dayMs).toISOString().slice(0, 10);
const at = (time: string, date = tomorrow) => new Date(`${date}T${time}Z`);

/**
 * Stands in for Discord: records what would be posted (one message a digest), or refuses like a
 * channel without access; `find` sees the messages already in the channel.
 */
function createChannel(refusal?: string, inChannel: string[] = []) {
  const posted: Digest[] = [];
  const publish: DigestPublisher = {
    async post(digest) {
      if (refusal) throw new Error(refusal);
      posted.push(digest);
      return [`message-${posted.length}`];
    },
    find: async () => [inChannel[0]],
  };
  return { posted, publish };
}

describe('runDigest', () => {
  let fixture: KnowledgeFixture | undefined;
  afterEach(() => fixture?.cleanUp());

  async function setUp(
    settings: Record<string, string> = {},
  ): Promise<{ fixture: KnowledgeFixture; digest: DigestSettings }> {
    fixture = await createKnowledgeFixture({}, settings);
    const digest = {
      guildId: '1',
      channelId: '2',
      time: '08:00',
      timezone: 'UTC',
      configuredAt: new Date().toISOString(),
    };
    saveDigestSettings(fixture.context.database, digest);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const today = new Date().toISOString().slice(0, 10);
    fixture.writeArticle(
      'summit.md',
      `---\ntitle: Summit moves\nsource: Example Wire\npublished: ${today}\n---\n\nThe water-sharing summit moved from Geneva to Vienna after security concerns were raised.\n`,
    );
    await ingestKnowledge(fixture.context);
    return { fixture, digest: { ...digest, enabled: true } };
  }

  it('posts the missed digest once when the bot comes back later the same local day', async () => {
    const { fixture, digest } = await setUp();
    const channel = createChannel();
    // Down at 08:00; back at 11:00, then the minute tick keeps asking.
    for (const now of [at('11:00:00'), at('11:01:00'), at('23:59:00')]) {
      const localDate = findDueDigestDate(digest, now, true);
      expect(localDate).toBe(tomorrow);
      await runDigest(
        fixture.context,
        { settings: digest, localDate: tomorrow, now, retryFailed: false },
        channel.publish,
      );
    }
    expect(channel.posted).toHaveLength(1);
    expect(channel.posted[0]?.items.map((item) => item.title)).toEqual(['Summit moves']);
    expect(readDigestEntry(fixture.context.database, '2', tomorrow)).toMatchObject({
      state: 'posted',
      messageIds: ['message-1'],
    });
  });

  it('starts the next window where the last posted digest ended so nothing repeats', async () => {
    const { fixture, digest } = await setUp();
    const channel = createChannel();
    await runDigest(
      fixture.context,
      { settings: digest, localDate: tomorrow, now: at('08:00:10'), retryFailed: false },
      channel.publish,
    );
    const dayAfter = new Date(at('08:00:10').getTime() + dayMs);
    const next = await runDigest(
      fixture.context,
      { settings: digest, localDate: dayAfter.toISOString().slice(0, 10), now: dayAfter, retryFailed: false },
      channel.publish,
    );
    expect(next).toMatchObject({ state: 'empty', window: { from: at('08:00:10').toISOString() } });
    expect(channel.posted).toHaveLength(1);
  });

  it('records the refusal and posts nothing when the channel refuses the digest', async () => {
    const { fixture, digest } = await setUp();
    const entry = await runDigest(
      fixture.context,
      { settings: digest, localDate: tomorrow, now: at('08:00:10'), retryFailed: false },
      createChannel('Missing Access (HTTP 403)').publish,
    );
    expect(entry).toMatchObject({ state: 'failed', reason: 'Missing Access (HTTP 403)' });
    const retried = await runDigest(
      fixture.context,
      { settings: digest, localDate: tomorrow, now: at('08:05:00'), retryFailed: true },
      createChannel().publish,
    );
    expect(retried?.state).toBe('posted');
  });

  it('posts a "no new coverage" digest only when DIGEST_POST_EMPTY is on', async () => {
    const { fixture, digest } = await setUp({ DIGEST_POST_EMPTY: 'true' });
    const channel = createChannel();
    const later = new Date(at('08:00:10').getTime() + dayMs);
    await runDigest(
      fixture.context,
      { settings: digest, localDate: tomorrow, now: at('08:00:10'), retryFailed: false },
      channel.publish,
    );
    await runDigest(
      fixture.context,
      { settings: digest, localDate: later.toISOString().slice(0, 10), now: later, retryFailed: false },
      channel.publish,
    );
    expect(channel.posted.map((posted) => posted.items.length)).toEqual([1, 0]);
  });

  it('settles a digest left pending by the messages in the channel, posting only what is not there', async () => {
    const { fixture, digest } = await setUp();
    const window = { from: digest.configuredAt, to: at('08:00:00').toISOString() };
    const claim = { guildId: '1', channelId: '2', localDate: tomorrow, window };
    recordDigestPending(fixture.context.database, claim, window.to);
    const request = { settings: digest, localDate: tomorrow, now: at('09:00:00'), retryFailed: true };
    const found = createChannel(undefined, ['message-in-channel']);
    expect(await runDigest(fixture.context, request, found.publish)).toMatchObject({
      state: 'posted',
      messageIds: ['message-in-channel'],
    });
    expect(found.posted).toHaveLength(0);

    recordDigestPending(fixture.context.database, { ...claim, localDate: '2099-01-01' }, window.to);
    const absent = createChannel();
    const entry = await runDigest(fixture.context, { ...request, localDate: '2099-01-01' }, absent.publish);
    expect(entry).toMatchObject({ state: 'posted', messageIds: ['message-1'], window });
    expect(absent.posted).toHaveLength(1);
  });

  it('keeps a pending digest pending, sending nothing, while the channel cannot be searched', async () => {
    const { fixture, digest } = await setUp();
    const window = { from: digest.configuredAt, to: at('08:00:00').toISOString() };
    recordDigestPending(
      fixture.context.database,
      { guildId: '1', channelId: '2', localDate: tomorrow, window },
      window.to,
    );
    const posted: Digest[] = [];
    const unreachable: DigestPublisher = {
      post: async (page) => [`message-${posted.push(page)}`],
      find: async () => {
        throw new DeliveryUnknownError('could not read the channel: other side closed');
      },
    };
    const now = new Date(at('08:00:00').getTime() + nonceWindowMs + 1000);
    const entry = await runDigest(
      fixture.context,
      { settings: digest, localDate: tomorrow, now, retryFailed: true },
      unreachable,
    );
    expect(entry).toMatchObject({ state: 'pending', reason: expect.stringMatching(/other side closed/) });
    expect(posted).toHaveLength(0);
  });
});
