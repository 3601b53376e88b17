import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { LanguageModelError } from '../../src/errors.js';
import { createLanguageModel } from '../../src/languageModel/createLanguageModel.js';
import type { LanguageModel } from '../../src/languageModel/languageModel.js';
import { createLogger } from '../../src/logger.js';
import { chatReply, errorReply, type FakeOpenAI, startFakeOpenAI } from '../support/fakeOpenAI.js';
import { fakeReasoning } from '../support/fakeServers.js';

const messages = [{ role: 'user' as const, content: 'Where are the talks?' }];
const apiKey = 'sk-test-secret-value';

let fake: FakeOpenAI;
let logLines: string[];

function openModel(settings: Record<string, string> = {}): LanguageModel {
  const config = loadConfig({ OPENAI_BASE_URL: fake.baseURL, OPENAI_MAX_RETRIES: '1', ...settings });
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  const model = createLanguageModel(config, logger);
  if (!model) throw new Error('expected a language model');
  return model;
}

async function failureOf(promise: Promise<unknown>): Promise<LanguageModelError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LanguageModelError);
  return error as LanguageModelError;
}

beforeEach(async () => {
  fake = await startFakeOpenAI();
  logLines = [];
});
afterEach(() => fake.close());

describe('createLanguageModel', () => {
  it('returns no model when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set', () => {
    expect(createLanguageModel(loadConfig({}), createLogger('silent'))).toBeUndefined();
  });

  it('returns the reply text and logs model and token usage, never the key, when the server answers', async () => {
    fake.queueChat(chatReply('  In Muscat [1]. '));
    const result = await openModel({ OPENAI_API_KEY: apiKey }).complete(messages);
    expect(result).toEqual({ text: 'In Muscat [1].', truncated: false });
    const [request] = fake.requestsTo('/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request?.body).toMatchObject({ model: 'gpt-4o-mini' });
    // Nothing a compatible server may reject or ignore: no response_format, no streaming.
    expect(request?.body).not.toHaveProperty('response_format');
    expect(request?.body).not.toHaveProperty('stream');
    const usage = logLines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === 'language model usage');
    expect(usage).toMatchObject({ model: 'fake-model', promptTokens: 321, completionTokens: 45 });
    expect(logLines.join('\n')).not.toContain(apiKey);
  });

  it('sends a placeholder key when a compatible server is configured without one', async () => {
    fake.queueChat(chatReply('ok'));
    await openModel().complete(messages);
    expect(fake.requestsTo('/chat/completions')[0]?.headers.authorization).toMatch(/^Bearer \S+/);
  });

  it('returns the answer when a 429 is followed by success, retried by the client itself', async () => {
    fake.queueChat(errorReply(429, { 'retry-after-ms': '10' }), chatReply('second try'));
    expect((await openModel().complete(messages)).text).toBe('second try');
    expect(fake.requestsTo('/chat/completions')).toHaveLength(2);
  });

  it('throws a retryable error naming the rate limit when 429s outlast the retries', async () => {
    fake.queueChat(errorReply(429, { 'retry-after-ms': '10' }), errorReply(429, { 'retry-after-ms': '10' }));
    const error = await failureOf(openModel().complete(messages));
    expect(error).toMatchObject({ retryable: true, message: 'rate limited (429)' });
  });

  it('throws a retryable timeout error when the server hangs past OPENAI_TIMEOUT_MS', async () => {
    fake.queueChat({ hang: true });
    const model = openModel({ OPENAI_TIMEOUT_MS: '150', OPENAI_MAX_RETRIES: '0' });
    const error = await failureOf(model.complete(messages));
    expect(error).toMatchObject({ retryable: true, message: 'timed out after 150 ms' });
  });

  it('throws a retryable server error when 500s outlast the retries', async () => {
    fake.queueChat(
      { ...errorReply(500), headers: { 'retry-after-ms': '10' } },
      { ...errorReply(500), headers: { 'retry-after-ms': '10' } },
    );
    const error = await failureOf(openModel().complete(messages));
    expect(error).toMatchObject({ retryable: true, message: 'server error (500)' });
    expect(fake.requestsTo('/chat/completions')).toHaveLength(2);
  });

  it.each([
    ['a body that is not JSON', { raw: '{"id": "chatcmpl-1", "choices": [' }, /malformed response/],
    ['empty content', chatReply(''), /malformed output: empty/],
    ['a refusal', chatReply('', { refusal: 'I cannot help with that.' }), /refused/],
    [
      'a reply cut off while still reasoning',
      chatReply(`<think>${fakeReasoning} Then`, { finishReason: 'length' }),
      /cut off at the token limit before any answer/,
    ],
  ])('throws a non-retryable error for %s', async (_case, reply, message) => {
    fake.queueChat(reply);
    const error = await failureOf(openModel().complete(messages));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a think block first', 'thinksInContent' as const],
    ['reasoning_content beside the content', 'separatesReasoning' as const],
  ])('returns only the answer when the server sends %s', async (_case, server) => {
    fake.behaveLike(server);
    fake.queueChat(chatReply('The talks are in Muscat [1].'));
    expect(await openModel().complete(messages)).toEqual({
      text: 'The talks are in Muscat [1].',
      truncated: false,
    });
  });

  it('returns the text marked truncated when the server stops at the token limit', async () => {
    fake.behaveLike({ cutsOffAfter: 12 });
    fake.queueChat(chatReply('The talks are in Muscat [1].'));
    expect(await openModel().complete(messages)).toEqual({ text: 'The talks ar', truncated: true });
  });

  it('returns unit-length vectors in input order when embedding', async () => {
    fake.embedWith((text) => (text === 'a' ? [3, 4] : [0, 2]));
    const model = openModel({ OPENAI_EMBEDDING_MODEL: 'fake-embedding' });
    const vectors = await model.embedder?.embed(['a', 'b']);
    expect(vectors?.map((vector) => [...vector])).toEqual([
      [expect.closeTo(0.6, 5), expect.closeTo(0.8, 5)],
      [0, 1],
    ]);
    expect(fake.requestsTo('/embeddings')[0]?.body).toMatchObject({
      model: 'fake-embedding',
      encoding_format: 'float',
    });
  });
});
