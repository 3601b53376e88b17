import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { readDigestEntry, recordDigestPending } from '../../src/digest/digestLedger.js';
import { findNextDigestRun, formatLocalDate } from '../../src/digest/digestSchedule.js';
import type { BotContext } from '../../src/discord/command.js';
import { type RunningBot, startBot } from '../../src/discord/startBot.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/storage/database.js';
import { expectNoMentionsAllowed } from '../support/expectNoMentions.js';
import {
  type FakeDiscord,
  memberPermissions,
  type RecordedRequest,
  readMessageBody,
  startFakeDiscord,
} from '../support/fakeDiscord.js';
import { seedKnowledgeDir } from '../support/startTestBot.js';

const quokkas =
  '---\ntitle: Quokkas return\nsource: Island Times\npublished: PUBLISHED\nurl: https://example.org/q\n---\n\nQuokkas returned to Rottnest Island on Tuesday after a two-year absence, rangers said.\n';
// Twelve hours from now (UTC): the bot's own minute tick never finds it due while a test runs.
const digestTime = `${String((new Date().getUTCHours() + 12) % 24).padStart(2, '0')}:00`;

describe('digest', () => {
  let fake: FakeDiscord;
  let directory: string;
  let context: BotContext;
  let bot: RunningBot;

  async function start(): Promise<void> {
    const config = loadConfig({
      KNOWLEDGE_DIR: join(directory, 'knowledge'),
      DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
      DISCORD_TOKEN: 'fake-token-for-tests',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    });
    context = {
      config,
      database: openDatabase(config.DATABASE_PATH),
      logger: createLogger('silent'),
      composer: 'extractive',
    };
    await ingestKnowledge(context);
    bot = await startBot(context);
  }

  /** Stops the bot as a crash or deploy would, keeping the database file and the fake Discord. */
  async function restart(): Promise<void> {
    await bot.stop(1000);
    if (context.database.open) context.database.close();
    await start();
  }

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'newsdesk-digest-'));
    await cp(seedKnowledgeDir, join(directory, 'knowledge'), { recursive: true });
    fake = await startFakeDiscord();
    await start();
  });

  afterEach(async () => {
    expectNoMentionsAllowed(fake);
    await bot.stop(1000);
    if (context.database.open) context.database.close();
    await fake.close();
    await rm(directory, { recursive: true, force: true });
  });

  /** Runs a slash command as a member and returns the bot's first message in answer. */
  async function run(
    subcommand: string,
    options: Record<string, string | { channelId: string }> = {},
    permissions = memberPermissions.manageServer,
  ) {
    const interaction = fake.dispatchCommand({ name: 'digest', subcommand, options, permissions });
    const request = await fake.waitForRequest(
      (candidate) => candidate.path.includes(interaction.token) && readMessageBody(candidate) !== undefined,
    );
    return readMessageBody(request);
  }

  /**
   * Sets the digest up in the fake's channel, drops a new article into the knowledge folder, and
   * returns when the digest is next due (`digestTime` UTC).
   */
  async function setUp(): Promise<Date> {
    const reply = await run('setup', {
      channel: { channelId: fake.channelId },
      time: digestTime,
      timezone: 'utc',
    });
    expect(reply?.content).toMatch(
      new RegExp(`^Daily digest on: <#${fake.channelId}>, every day at ${digestTime} \\(UTC\\)`),
    );
    // New coverage after setup: the digest picks it up through the bot's knowledge refresh.
    const published = new Date().toISOString().slice(0, 10);
    await writeFile(
      join(context.config.KNOWLEDGE_DIR, 'quokkas.md'),
      quokkas.replace('PUBLISHED', published),
    );
    const next = findNextDigestRun({ time: digestTime, timezone: 'UTC' }, new Date());
    if (!next) throw new Error('no next run');
    return next;
  }

  const isDigestPost = (request: RecordedRequest) =>
    request.method === 'POST' && request.path === `/channels/${fake.channelId}/messages`;
  const later = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000);

  it('posts the scheduled digest once, with a dropped-in file, when the time comes', async () => {
    const due = await setUp();
    await bot.digests.runDue(later(due, 30));
    await bot.digests.runDue(later(due, 90));

    expect(fake.channelMessages).toHaveLength(1);
    const posts = fake.requests.filter(isDigestPost);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({
      enforce_nonce: true,
      nonce: expect.stringMatching(/^[0-9a-f]{25}$/),
    });
    const embeds = readMessageBody(posts[0])?.embeds ?? [];
    expect(embeds.map((embed) => embed.title)).toEqual([
      `Daily digest · ${formatLocalDate(due, 'UTC')}`,
      'Quokkas return',
    ]);
    expect(embeds[1]?.description).toMatch(
      /^Island Times — \d{4}-\d{2}-\d{2}\n• Quokkas returned to Rottnest Island/,
    );

    const ask = fake.dispatchCommand({ name: 'ask', options: { question: 'When did the quokkas return?' } });
    const answer = await fake.waitForRequest(
      (request) => request.method === 'PATCH' && request.path.includes(ask.token),
    );
    expect(JSON.stringify(readMessageBody(answer))).toMatch(/Tuesday/);
  });

  it('posts once when the bot restarts after claiming the digest but before sending it', async () => {
    const due = await setUp();
    const localDate = formatLocalDate(due, 'UTC');
    const window = { from: new Date().toISOString(), to: later(due, 30).toISOString() };
    recordDigestPending(
      context.database,
      { guildId: fake.guildId, channelId: fake.channelId, localDate, window },
      window.to,
    );
    await restart();
    await bot.digests.runDue(later(due, 60));
    await bot.digests.runDue(later(due, 120));
    expect(fake.channelMessages).toHaveLength(1);
  });

  it('posts once when the bot dies after sending but before recording it', async () => {
    const due = await setUp();
    // The process "dies" the moment Discord has the message: the ledger can no longer be written.
    void fake.waitForRequest(isDigestPost).then(() => context.database.close());
    await bot.digests.runDue(later(due, 30));
    await restart();
    expect(readDigestEntry(context.database, fake.channelId, formatLocalDate(due, 'UTC'))?.state).toBe(
      'pending',
    );
    fake.forgetNonces();
    await bot.digests.runDue(later(due, 60));
    // Found in the channel: not even resent.
    expect(fake.requests.filter(isDigestPost)).toHaveLength(1);
    expect(fake.channelMessages).toHaveLength(1);
    expect(readDigestEntry(context.database, fake.channelId, formatLocalDate(due, 'UTC'))).toMatchObject({
      state: 'posted',
      messageIds: [fake.channelMessages[0]?.id],
    });
  });

  it('posts once when the bot restarts after recording the digest', async () => {
    const due = await setUp();
    await bot.digests.runDue(later(due, 30));
    await restart();
    await bot.digests.runDue(later(due, 60));
    expect(fake.requests.filter(isDigestPost)).toHaveLength(1);
  });

  it('shows a refused channel in /digest status and posts at the next scheduled time', async () => {
    const due = await setUp();
    fake.failNext(isDigestPost, 403, { message: 'Missing Access', code: 50001 });
    await bot.digests.runDue(later(due, 30));
    const status = await run('status');
    const fields = status?.embeds?.[0]?.fields ?? [];
    expect(fields.find((field) => field.name === 'Last error')?.value).toMatch(/Missing Access \(HTTP 403\)/);
    expect(fields.find((field) => field.name === 'Last posted')?.value).toBe('none yet');

    const tomorrow = later(due, 86_400 + 30);
    await bot.digests.runDue(tomorrow);
    expect(fake.channelMessages).toHaveLength(1);
    const after = await run('status');
    const posted = after?.embeds?.[0]?.fields?.find((field) => field.name === 'Last posted')?.value;
    // The message link points at the digest the fake received, by guild, channel and message id.
    expect(posted).toMatch(
      new RegExp(`^${formatLocalDate(tomorrow, 'UTC')}: \\[jump to the digest\\]\\(https:`),
    );
    expect(posted).toContain(`/channels/${fake.guildId}/${fake.channelId}/${fake.channelMessages[0]?.id})`);
  });

  const isHistory = (request: RecordedRequest) =>
    request.method === 'GET' && request.path === `/channels/${fake.channelId}/messages`;
  const dropEvery = (matches: (request: RecordedRequest) => boolean, moment: 'before' | 'after') => {
    // discord.js tries a request four times (one and three resends) before giving up.
    for (let attempt = 0; attempt < 4; attempt += 1) fake.resetNext(matches, moment);
  };
  const todayEntry = (date: Date) =>
    readDigestEntry(context.database, fake.channelId, formatLocalDate(date, 'UTC'));

  it.each(['before', 'after'] as const)(
    'posts once when the connection drops %s Discord created the digest, resending with its nonce',
    async (moment) => {
      const due = await setUp();
      fake.resetNext(isDigestPost, moment);
      await bot.digests.runDue(later(due, 30));
      expect(fake.channelMessages).toHaveLength(1);
      expect(todayEntry(due)).toMatchObject({ state: 'posted', messageIds: [fake.channelMessages[0]?.id] });
    },
  );

  it('finds the digest in the channel after every resend lost its answer, across a restart and /digest now', async () => {
    await setUp();
    await ingestKnowledge(context);
    dropEvery(isDigestPost, 'after');
    const first = await run('now');
    expect(first?.content).toMatch(/may already be posted \(the connection dropped/);
    expect(todayEntry(new Date())).toMatchObject({ state: 'pending' });
    expect(fake.channelMessages).toHaveLength(1);

    fake.forgetNonces();
    await restart();
    const second = await run('now');
    const link = `/channels/${fake.guildId}/${fake.channelId}/${fake.channelMessages[0]?.id})`;
    expect(second?.content).toMatch(/^Today's digest is posted \(\d{4}-\d{2}-\d{2}: \[jump to the digest\]/);
    expect(second?.content).toContain(link);
    const third = await run('now');
    expect(third?.content).toMatch(/^Today's digest was already posted/);
    expect(third?.content).toContain(link);
    expect(fake.channelMessages).toHaveLength(1);
    expect(todayEntry(new Date())).toMatchObject({
      state: 'posted',
      messageIds: [fake.channelMessages[0]?.id],
    });
  });

  it('posts once, after a restart, a digest whose every try was lost before reaching Discord', async () => {
    await setUp();
    await ingestKnowledge(context);
    dropEvery(isDigestPost, 'before');
    await run('now');
    expect(fake.channelMessages).toHaveLength(0);
    await restart();
    await run('now');
    await run('now');
    expect(fake.channelMessages).toHaveLength(1);
    expect(todayEntry(new Date())?.state).toBe('posted');
  });

  it('sends nothing while the channel cannot be searched after the nonce window, then finds the digest', async () => {
    const due = await setUp();
    dropEvery(isDigestPost, 'after');
    await bot.digests.runDue(later(due, 30));
    fake.forgetNonces();
    dropEvery(isHistory, 'after');
    await bot.digests.runDue(later(due, 600));
    expect(todayEntry(due)).toMatchObject({ state: 'pending', reason: expect.stringMatching(/channel/) });
    fake.failNext(isHistory, 403, { message: 'Missing Access', code: 50001 });
    await bot.digests.runDue(later(due, 660));
    expect(todayEntry(due)?.state).toBe('pending');
    await bot.digests.runDue(later(due, 720));
    expect(fake.requests.filter(isDigestPost)).toHaveLength(4);
    expect(fake.channelMessages).toHaveLength(1);
    expect(todayEntry(due)).toMatchObject({ state: 'posted', messageIds: [fake.channelMessages[0]?.id] });
  });

  it('refuses setup privately when the time, the zone or the permission is wrong', async () => {
    const channel = { channelId: fake.channelId };
    expect((await run('setup', { channel, time: '25:00' }))?.content).toMatch(
      /not a time of day; use 24-hour HH:MM/,
    );
    expect((await run('setup', { channel, timezone: 'Mars/Base' }))?.content).toMatch(
      /"Mars\/Base" is not a time zone/,
    );
    const refused = await run('setup', { channel }, memberPermissions.everyday);
    expect(refused).toMatchObject({ flags: 64, content: expect.stringMatching(/Manage Server/) });
    expect((await run('status'))?.content).toMatch(/No daily digest here yet/);
  });
});
