import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInConversation } from '../../src/conversation/askInConversation.js';
import { chatReply, errorReply, type FakeOpenAI, startFakeOpenAI } from '../support/fakeOpenAI.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fake: FakeOpenAI;
let fixture: KnowledgeFixture;
const scope = { key: 'channel:9:user:1', userId: '1' };

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fixture = await createKnowledgeFixture({}, { OPENAI_BASE_URL: fake.baseURL, OPENAI_MAX_RETRIES: '0' });
});
afterAll(async () => {
  fixture.cleanUp();
  await fake.close();
});

/** Asks the first question with the model failing, so its answer is the extractive one. */
async function askFirst(): Promise<string> {
  fake.queueChat(errorReply(500));
  const first = await askInConversation(fixture.context, {
    question: 'Where were the talks first planned?',
    scope,
  });
  return first.conversationId ?? '';
}

describe('askInConversation with a language model', () => {
  it("searches with the model's standalone rewrite of a follow-up and echoes the user's own words", async () => {
    const conversationId = await askFirst();
    fake.queueChat(
      chatReply({ question: 'Why did Iranian officials back out of holding the talks in Istanbul?' }),
      errorReply(500),
    );
    const answer = await askInConversation(fixture.context, {
      question: 'Why did that plan fall through?',
      scope,
      conversationId,
    });
    expect(answer.question).toBe('Why did that plan fall through?');
    expect(answer.standaloneQuery).toBe(
      'Why did Iranian officials back out of holding the talks in Istanbul?',
    );
    expect(answer.answer).toMatch(/backed out/);
    const rewriteRequest = JSON.stringify(fake.requestsTo('/chat/completions').at(-2)?.body);
    expect(rewriteRequest).toContain('Where were the talks first planned?');
  });

  it('falls back to the lexical standalone query when the rewrite fails', async () => {
    const conversationId = await askFirst();
    fake.queueChat(errorReply(500), errorReply(500));
    const answer = await askInConversation(fixture.context, {
      question: 'Why did that plan fall through?',
      scope,
      conversationId,
    });
    expect(answer.standaloneQuery).toMatch(/^Why did that plan fall through\? \(context: /);
    expect(answer.answer).toMatch(/backed out/);
  });
});

describe('askInConversation with a daily limit per server', () => {
  const guildId = '323456789012345678';
  const rewrite = 'Why did Iranian officials back out of holding the talks in Istanbul?';

  it('counts the rewrite as a call, then rewrites lexically past the limit and tells the server once', async () => {
    const capped = {
      ...fixture.context,
      config: { ...fixture.context.config, LLM_DAILY_LIMIT_PER_GUILD: 2 },
    };
    const chats = () => fake.requestsTo('/chat/completions').length;
    const ask = (question: string, conversationId?: string) =>
      askInConversation(capped, { question, scope, guildId, ...(conversationId && { conversationId }) });
    fake.queueChat(errorReply(500));
    const first = await ask('Where were the talks first planned?');
    const before = chats();

    fake.queueChat(chatReply({ question: rewrite }));
    const second = await ask('Why did that plan fall through?', first.conversationId);
    // The rewrite took the day's second call, so the answer itself is quoted, with the notice.
    expect(chats()).toBe(before + 1);
    expect(second.standaloneQuery).toBe(rewrite);
    expect(second).toMatchObject({ composer: 'extractive', fallbackReason: 'daily limit reached' });
    expect(second.notice).toMatch(/used today's 2 language-model answers/);

    const third = await ask('And why did that plan fall through?', first.conversationId);
    expect(chats()).toBe(before + 1);
    expect(third.standaloneQuery).toMatch(/\(context: /);
    expect(third.notice).toBeUndefined();
  });

  it('rewrites with the model on the command line, where nothing is capped', async () => {
    const conversationId = await askFirst();
    fake.queueChat(chatReply({ question: rewrite }), errorReply(500));
    const answer = await askInConversation(
      { ...fixture.context, config: { ...fixture.context.config, LLM_DAILY_LIMIT_PER_GUILD: 1 } },
      { question: 'Why did that plan fall through?', scope, conversationId },
    );
    expect(answer.standaloneQuery).toBe(rewrite);
  });
});
