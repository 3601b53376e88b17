import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { buildAnswerPrompt } from '../../src/answer/buildAnswerPrompt.js';
import type { CoreContext } from '../../src/context.js';
import { retrievePassages } from '../../src/retrieval/retrievePassages.js';
import { chatReply, errorReply, type FakeOpenAI, type FakeReply } from '../support/fakeOpenAI.js';
import { type FakeServer, lmStudioRejection } from '../support/fakeServers.js';
import type { KnowledgeFixture } from '../support/knowledgeFixture.js';
import { createModelFixture, type ModelFixture } from '../support/modelFixture.js';

const question = 'Where are the talks being held?';
let model: ModelFixture;
let fake: FakeOpenAI;
let fixture: KnowledgeFixture;
let offline: CoreContext;
/** The prompt's number for the passage saying the talks are in Muscat. */
let n: number;

beforeAll(async () => {
  model = await createModelFixture();
  ({ fake, fixture, offline } = model);
  const { passages } = await retrievePassages(offline, question);
  const { sources } = buildAnswerPrompt(question, passages);
  n = sources.findIndex((source) => source.passage.text.includes('Muscat, the capital of Oman')) + 1;
  expect(n).toBeGreaterThan(0);
});
beforeEach(() => fake.behaveLike('openai'));
afterAll(() => model.close());

const muscat = () => `The talks are being held in Muscat, the capital of Oman [${n}].`;

// Every server family, with what its model typically writes: the user gets the model's grounded answer.
const answered: [string, FakeServer, () => FakeReply][] = [
  ['OpenAI, answering in plain text as asked', 'openai', () => chatReply(muscat())],
  ['LM Studio, which rejects json_object with a 400', 'lmStudio', () => chatReply(muscat())],
  [
    'a model that answers in JSON with other field names',
    'openai',
    () => chatReply({ answer: muscat(), citations: [n], abstain: false }),
  ],
  [
    'a model that wraps fenced JSON in prose',
    'openai',
    () => chatReply(`Sure! Here is the answer:\n\`\`\`json\n{"response": "${muscat()}"}\n\`\`\``),
  ],
  [
    'a model that lists its sources after the answer',
    'openai',
    () => chatReply(`${muscat()}\n\n**Sources:**\n[${n}] The New York Times, 6 Feb 2026`),
  ],
  [
    'a reasoning model on Ollama or llama.cpp (think block first)',
    'thinksInContent',
    () => chatReply(muscat()),
  ],
  ['a reasoning model on vLLM (reasoning_content)', 'separatesReasoning', () => chatReply(muscat())],
  [
    'a server that stops at the token limit mid-sentence',
    { cutsOffAfter: muscat().length + 30 },
    () => chatReply(`${muscat()} Iranian officials had earlier backed out of the`),
  ],
  [
    'a server that stops at the token limit inside JSON',
    { cutsOffAfter: muscat().length + 40 },
    () => chatReply({ answer: `${muscat()} Iranian officials had earlier backed out of the plan.` }),
  ],
];

// What cannot be used falls back to the quoted answer, saying why; it never throws.
const fellBack: [string, FakeServer, FakeReply[], RegExp][] = [
  [
    'the reply is cut before one sentence is complete',
    { cutsOffAfter: 20 },
    [chatReply(muscat())],
    /cut off at the token limit/,
  ],
  [
    'the model only reasons until the token limit',
    { cutsOffAfter: 0 },
    [chatReply(muscat())],
    /before any answer/,
  ],
  [
    'the reply is prose without markers',
    'openai',
    [chatReply('The talks are in Muscat.')],
    /no sentence cites a source/,
  ],
  ['the JSON holds no answer', 'openai', [chatReply({ venue: 'Muscat' })], /JSON without an answer/],
  ['the server answers 429', 'openai', [errorReply(429, { 'retry-after-ms': '10' })], /rate limited \(429\)/],
  ['the server answers 500', 'openai', [errorReply(500)], /server error \(500\)/],
  ['the body is not JSON', 'openai', [{ raw: '{"choices": [' }], /malformed response/],
];

describe('composeAnswer on every OpenAI-compatible server', () => {
  it.each(answered)('returns the grounded model answer from %s', async (_case, server, reply) => {
    fake.behaveLike(server);
    fake.queueChat(reply());
    const answer = await askQuestion(fixture.context, question);
    expect(answer).toMatchObject({ composer: 'openai', abstained: false });
    expect(answer.answer).toBe('The talks are being held in Muscat, the capital of Oman [1].');
    expect(answer.citations[0]?.quote).toMatch(/Muscat, the capital of Oman/);
    expect(answer.fallbackReason).toBeUndefined();
  });

  it.each(fellBack)(
    'falls back to the quoted answer with a reason when %s',
    async (_case, server, replies, reason) => {
      fake.behaveLike(server);
      fake.queueChat(...replies);
      const answer = await askQuestion(fixture.context, question);
      expect(answer.composer).toBe('extractive');
      expect(answer.fallbackReason).toMatch(reason);
      expect(answer.answer).toBe((await askQuestion(offline, question)).answer);
    },
  );

  it('never sends the response_format LM Studio rejects', async () => {
    fake.behaveLike('lmStudio');
    fake.queueChat(chatReply(muscat()));
    await askQuestion(fixture.context, question);
    const body = fake.requestsTo('/chat/completions').at(-1)?.body;
    expect(body?.response_format).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(lmStudioRejection);
  });

  it('returns the standard abstention when the model replies NOT IN SOURCES after thinking', async () => {
    fake.behaveLike('thinksInContent');
    fake.queueChat(chatReply('NOT IN SOURCES'));
    const answer = await askQuestion(fixture.context, 'What did the mediators serve for lunch in Muscat?');
    expect(answer).toMatchObject({ composer: 'openai', abstained: true, citations: [] });
  });
});
