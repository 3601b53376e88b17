import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { rewriteFollowUp } from '../../src/conversation/rewriteFollowUp.js';
import { LanguageModelError } from '../../src/errors.js';
import { createLanguageModel } from '../../src/languageModel/createLanguageModel.js';
import type { LanguageModel } from '../../src/languageModel/languageModel.js';
import { createLogger } from '../../src/logger.js';
import { chatReply, type FakeOpenAI, startFakeOpenAI } from '../support/fakeOpenAI.js';

const turns = [
  {
    question: 'Where were the talks first planned?',
    answer: 'Initially, the talks were to be held in Istanbul [1].',
  },
];

let fake: FakeOpenAI;
let languageModel: LanguageModel;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  const config = loadConfig({ OPENAI_BASE_URL: fake.baseURL, OPENAI_MAX_RETRIES: '0' });
  languageModel = createLanguageModel(config, createLogger('silent')) as LanguageModel;
});
beforeEach(() => fake.behaveLike('openai'));
afterAll(() => fake.close());

describe('rewriteFollowUp', () => {
  it('returns the standalone question the model writes from the earlier turns', async () => {
    fake.queueChat(chatReply({ question: '  Why were the talks moved from Istanbul? ' }));
    const standalone = await rewriteFollowUp(languageModel, turns, 'why did they move it?');
    expect(standalone).toBe('Why were the talks moved from Istanbul?');
    const prompt = JSON.stringify(fake.requestsTo('/chat/completions').at(-1)?.body);
    expect(prompt).toContain('Istanbul');
    expect(prompt).toContain('why did they move it?');
  });

  it.each([
    [
      'in plain text after a think block',
      'thinksInContent' as const,
      'Question: "Why were the talks moved from Istanbul?"',
    ],
    [
      'in JSON with another field name',
      'openai' as const,
      '{"standalone_question": "Why were the talks moved from Istanbul?"}',
    ],
  ])('returns the standalone question when the model writes it %s', async (_case, server, reply) => {
    fake.behaveLike(server);
    fake.queueChat(chatReply(reply));
    const standalone = await rewriteFollowUp(languageModel, turns, 'why did they move it?');
    expect(standalone).toBe('Why were the talks moved from Istanbul?');
  });

  it('throws a LanguageModelError when the rewrite is cut off at the token limit', async () => {
    fake.behaveLike({ cutsOffAfter: 10 });
    fake.queueChat(chatReply('Why were the talks moved from Istanbul?'));
    const rewrite = rewriteFollowUp(languageModel, turns, 'why did they move it?');
    await expect(rewrite).rejects.toBeInstanceOf(LanguageModelError);
  });

  it('throws a LanguageModelError when the model returns no usable question', async () => {
    fake.queueChat(chatReply({ question: '' }));
    await expect(rewriteFollowUp(languageModel, turns, 'and then?')).rejects.toBeInstanceOf(
      LanguageModelError,
    );
  });
});
