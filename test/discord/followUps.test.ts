import { describe, expect, it } from 'vitest';
import { startBot } from '../../src/discord/startBot.js';
import { openDatabase } from '../../src/storage/database.js';
import {
  createConversationSteps,
  readAnswerText,
  readSentMessage,
} from '../support/createConversationSteps.js';
import { readMessageBody } from '../support/fakeDiscord.js';
import { createButtonData } from '../support/fakeDiscordInteractions.js';
import { createSnowflake } from '../support/fakeDiscordPayloads.js';
import { useTestBot } from '../support/useTestBot.js';

const firstQuestion = 'Where were the talks first planned?';
const followUpQuestion = 'why did that plan fall through?';

describe('followUpModal', () => {
  const testBot = useTestBot();

  function waitForChannelReply(replyTo: string) {
    return testBot().fake.waitForRequest(
      (request) =>
        request.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(request.path) &&
        (request.body as { message_reference?: { message_id: string } }).message_reference?.message_id ===
          replyTo,
    );
  }

  it('returns the follow-up as a reply to the answer, in the same conversation, when the modal is submitted', async () => {
    const { fake } = testBot();
    const steps = createConversationSteps(fake);
    const reader = createSnowflake();
    const answer = readSentMessage(await steps.ask(firstQuestion, { userId: reader }));
    expect(answer.components?.[0]?.components.map((button) => button.label)).toEqual([
      'Follow-up',
      'Discuss in thread',
    ]);
    const { response: modal } = await steps.click(answer, 'Follow-up', reader);
    expect(modal.body).toMatchObject({
      type: 9,
      data: {
        custom_id: expect.stringMatching(/^followup-question:/),
        components: [{ type: 18, component: { type: 4, custom_id: 'question' } }],
      },
    });
    const submission = await steps.followUp(answer, followUpQuestion, reader);
    const reply = await waitForChannelReply(answer.id);
    expect(fake.requestsFor(submission)[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    // "that plan" is the Istanbul plan of the first answer: the reply says who backed out of it.
    expect(readAnswerText(reply)).toMatch(/Istanbul[\s\S]*backed out/);
    expect(readMessageBody(reply)?.embeds?.[0]?.title).toBe('why did that plan fall through?');
    await fake.waitForRequest(
      (request) =>
        request.method === 'DELETE' && request.path.endsWith(`${submission.token}/messages/@original`),
    );
  });

  it("returns the clicker's own conversation when someone else's Follow-up button is used", async () => {
    const { fake } = testBot();
    const steps = createConversationSteps(fake);
    const answer = readSentMessage(await steps.ask(firstQuestion, { userId: createSnowflake() }));
    await steps.followUp(answer, followUpQuestion, createSnowflake());
    const reply = await waitForChannelReply(answer.id);
    expect(readAnswerText(reply)).toMatch(/backed out/);
    expect(readAnswerText(reply)).not.toMatch(/Istanbul/);
  });

  it('returns the follow-up privately, in place of the deferral, when the answer was private', async () => {
    const { fake } = testBot();
    const steps = createConversationSteps(fake);
    const reader = createSnowflake();
    const answer = readSentMessage(await steps.ask(firstQuestion, { userId: reader, private: true }));
    expect(answer.components?.[0]?.components.map((button) => button.label)).toEqual(['Follow-up']);
    const submission = await steps.followUp(answer, followUpQuestion, reader);
    const edit = await fake.waitForRequest(
      (request) => request.method === 'PATCH' && request.path.includes(submission.token),
    );
    expect(readAnswerText(edit)).toMatch(/Istanbul[\s\S]*backed out/);
    expect(fake.requestsFor(submission)[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
  });

  it('returns the follow-up in the same conversation when the bot restarted in between', async () => {
    const { fake, bot, context } = testBot();
    const steps = createConversationSteps(fake);
    const reader = createSnowflake();
    const answer = readSentMessage(await steps.ask(firstQuestion, { userId: reader }));
    await bot.stop(1000);
    context.database.close();
    const database = openDatabase(context.config.DATABASE_PATH);
    const restarted = await startBot({ ...context, database });
    try {
      await steps.followUp(answer, followUpQuestion, reader);
      expect(readAnswerText(await waitForChannelReply(answer.id))).toMatch(/Istanbul[\s\S]*backed out/);
    } finally {
      await restarted.stop(1000);
      database.close();
    }
  });
});

describe('createInteractionRouter', () => {
  const testBot = useTestBot();

  it('returns a private apology when a button is unknown', async () => {
    const { fake } = testBot();
    const click = fake.dispatchInteraction(
      createButtonData(fake, { customId: 'retired:123', message: { id: createSnowflake() } }),
    );
    const reply = await fake.waitForRequest((request) => request.path.includes(click.token));
    expect(reply.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringMatching(/no longer works/) },
    });
  });
});
