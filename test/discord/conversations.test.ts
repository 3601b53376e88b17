import { describe, expect, it } from 'vitest';
import { createConversationSteps, readAnswerText } from '../support/createConversationSteps.js';
import { readMessageBody } from '../support/fakeDiscord.js';
import { createSnowflake } from '../support/fakeDiscordPayloads.js';
import { useTestBot } from '../support/useTestBot.js';

const firstQuestion = 'Where were the talks first planned?';
const followUpQuestion = 'why did that plan fall through?';

describe('resolveConversationScope', () => {
  const testBot = useTestBot();

  it('returns separate conversations when two people ask in one channel', async () => {
    const steps = createConversationSteps(testBot().fake);
    const first = createSnowflake();
    const second = createSnowflake();
    await steps.ask(firstQuestion, { userId: first });
    const theirs = await steps.ask(followUpQuestion, { userId: second });
    const mine = await steps.ask(followUpQuestion, { userId: first });
    expect(readAnswerText(mine)).toMatch(/Istanbul[\s\S]*backed out/);
    expect(readAnswerText(theirs)).toMatch(/backed out/);
    expect(readAnswerText(theirs)).not.toMatch(/Istanbul/);
  });
});

describe('claimConversation', () => {
  const testBot = useTestBot();

  it('returns a polite private note when the asker asks again before the first answer is sent', async () => {
    const { fake } = testBot();
    const reader = createSnowflake();
    // Holding the first deferral back half a second keeps the first question in flight.
    fake.rateLimitNext((request) => request.path.endsWith('/callback'), 0.5);
    const first = fake.dispatchCommand({ name: 'ask', options: { question: firstQuestion }, userId: reader });
    const second = fake.dispatchCommand({
      name: 'ask',
      options: { question: followUpQuestion },
      userId: reader,
    });
    const note = await fake.waitForRequest((request) => request.path.includes(second.token));
    expect(note.body).toEqual({
      type: 4,
      data: expect.objectContaining({
        flags: 64,
        content: "I'm still answering your previous question — one moment.",
      }),
    });
    await fake.waitForRequest((request) => request.method === 'PATCH' && request.path.includes(first.token));
    const again = await createConversationSteps(fake).ask(followUpQuestion, { userId: reader });
    expect(readAnswerText(again)).toMatch(/Istanbul[\s\S]*backed out/);
  });
});

describe('forget', () => {
  const testBot = useTestBot();

  it('returns a private confirmation and starts the next question afresh when /forget is used', async () => {
    const { fake } = testBot();
    const steps = createConversationSteps(fake);
    const reader = createSnowflake();
    await steps.ask(firstQuestion, { userId: reader });
    const forget = fake.dispatchCommand({ name: 'forget', userId: reader });
    const confirmation = await fake.waitForRequest((request) => request.path.includes(forget.token));
    expect(readMessageBody(confirmation)).toMatchObject({
      flags: 64,
      content: 'Done: I forgot 1 conversation. Your next question starts afresh.',
    });
    expect(readAnswerText(await steps.ask(followUpQuestion, { userId: reader }))).not.toMatch(/Istanbul/);
  });
});
