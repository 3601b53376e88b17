import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  createConversationSteps,
  readAnswerText,
  readSentMessage,
  type SentMessage,
} from '../support/createConversationSteps.js';
import type { FakeDiscord } from '../support/fakeDiscord.js';
import {
  createMessageCreateData,
  createSnowflake,
  createThreadData,
} from '../support/fakeDiscordPayloads.js';
import { useTestBot } from '../support/useTestBot.js';

const firstQuestion = 'Where were the talks first planned?';
const followUpQuestion = 'why did that plan fall through?';

/** Asks the first question, starts a thread from its answer, and returns the thread's id. */
async function startDiscussion(
  fake: FakeDiscord,
  userId: string,
): Promise<{ answer: SentMessage; threadId: string }> {
  const steps = createConversationSteps(fake);
  const answer = readSentMessage(await steps.ask(firstQuestion, { userId }));
  const { interaction } = await steps.click(answer, 'Discuss in thread', userId);
  const started = await fake.waitForRequest(
    (request) => request.method === 'PATCH' && request.path.includes(interaction.token),
  );
  return {
    answer,
    threadId: /<#(\d+)>/.exec(String((started.body as { content: string }).content))?.[1] ?? '',
  };
}

/** Writes a message in a channel and resolves with the bot's reply to it. */
function writeAndWaitForReply(fake: FakeDiscord, message: Parameters<typeof createMessageCreateData>[1]) {
  const data = createMessageCreateData(fake, message);
  fake.dispatch('MESSAGE_CREATE', data);
  return fake.waitForRequest(
    (request) =>
      request.method === 'POST' &&
      (request.body as { message_reference?: { message_id: string } }).message_reference?.message_id ===
        data.id,
  );
}

/** Every message the bot sent into a channel. */
function sentTo(fake: FakeDiscord, channelId: string) {
  return fake.requests.filter(
    (request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`,
  );
}

describe('discussButton', () => {
  const testBot = useTestBot();

  it('returns a public thread from the answer where /ask continues the conversation, for anyone in it', async () => {
    const { fake, bot } = testBot();
    const { answer, threadId } = await startDiscussion(fake, createSnowflake());
    const start = fake.requests.find((request) => request.path.endsWith('/threads'));
    expect(start?.path).toBe(`/channels/${fake.channelId}/messages/${answer.id}/threads`);
    expect(start?.body).toMatchObject({ name: firstQuestion, auto_archive_duration: 1440 });
    expect(threadId).toBe(answer.id);
    const inThread = await createConversationSteps(fake).ask(followUpQuestion, {
      userId: createSnowflake(),
      channelId: threadId,
    });
    expect(readAnswerText(inThread)).toMatch(/Istanbul[\s\S]*backed out/);
    expect(bot.client.options.intents.has(GatewayIntentBits.MessageContent)).toBe(false);
  });

  it('returns nothing for a plain thread message when the Message Content intent is off', async () => {
    const { fake } = testBot();
    const { threadId } = await startDiscussion(fake, createSnowflake());
    fake.dispatch(
      'MESSAGE_CREATE',
      createMessageCreateData(fake, { channelId: threadId, content: followUpQuestion }),
    );
    // An /ask after it is handled after it: by then the message would have had its reply.
    await createConversationSteps(fake).ask(followUpQuestion, {
      userId: createSnowflake(),
      channelId: threadId,
    });
    expect(sentTo(fake, threadId)).toEqual([]);
  });
});

describe('answerThreadMessage', () => {
  const testBot = useTestBot({}, { DISCORD_MESSAGE_CONTENT: 'true' });

  it('returns a reply without any mention when a member writes in a thread the bot started', async () => {
    const { fake, bot } = testBot();
    expect(bot.client.options.intents.has(GatewayIntentBits.MessageContent)).toBe(true);
    const { threadId } = await startDiscussion(fake, createSnowflake());
    const reply = await writeAndWaitForReply(fake, { channelId: threadId, content: followUpQuestion });
    expect(reply.path).toBe(`/channels/${threadId}/messages`);
    expect(readAnswerText(reply)).toMatch(/Istanbul[\s\S]*backed out/);
  });

  it('returns the answer to a thread message that @mentions the bot, and "please ask" for mentions only', async () => {
    const { fake } = testBot();
    const { threadId } = await startDiscussion(fake, createSnowflake());
    const answered = await writeAndWaitForReply(fake, {
      channelId: threadId,
      content: `<@${fake.applicationId}> ${followUpQuestion}`,
    });
    expect(readAnswerText(answered)).toMatch(/Istanbul[\s\S]*backed out/);
    const typed = await writeAndWaitForReply(fake, {
      channelId: threadId,
      content: '@newsdesk, where are the talks being held?',
    });
    expect(readAnswerText(typed)).toMatch(/Muscat/);
    const refused = await writeAndWaitForReply(fake, { channelId: threadId, content: '@newsdesk @here' });
    expect((refused.body as { content?: string }).content).toMatch(/^Please ask a question/);
  });

  it('returns nothing for messages from bots and in threads the bot did not start', async () => {
    const { fake } = testBot();
    const { threadId } = await startDiscussion(fake, createSnowflake());
    const foreignId = createSnowflake();
    const foreign = createThreadData(fake, { id: foreignId, ownerId: createSnowflake(), name: 'chatter' });
    fake.threads.set(foreignId, foreign);
    fake.dispatch('THREAD_CREATE', { ...foreign, newly_created: true });
    fake.dispatch(
      'MESSAGE_CREATE',
      createMessageCreateData(fake, { channelId: foreignId, content: followUpQuestion }),
    );
    fake.dispatch(
      'MESSAGE_CREATE',
      createMessageCreateData(fake, { channelId: threadId, content: followUpQuestion, bot: true }),
    );
    // Messages are handled in order: once this one has its reply, the two before would have had theirs.
    await writeAndWaitForReply(fake, { channelId: threadId, content: followUpQuestion });
    expect(sentTo(fake, foreignId)).toEqual([]);
    expect(sentTo(fake, threadId)).toHaveLength(1);
  });
});
