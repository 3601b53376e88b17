import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { buildAnswerPrompt } from '../../src/answer/buildAnswerPrompt.js';
import { composeAnswer } from '../../src/answer/composeAnswer.js';
import type { CoreContext } from '../../src/context.js';
import { retrievePassages } from '../../src/retrieval/retrievePassages.js';
import { chatReply, type FakeOpenAI } from '../support/fakeOpenAI.js';
import type { KnowledgeFixture } from '../support/knowledgeFixture.js';
import { createModelFixture, type ModelFixture } from '../support/modelFixture.js';

function article(source: string, published: string, title: string, body: string): string {
  return `---\ntitle: ${title}\nsource: ${source}\npublished: ${published}\n---\n\n${body}\n`;
}

const moved =
  'The Orvan water treaty talks will now be held in Marrow on Friday, after Kessel withdrew as host, the treaty secretariat said in a statement on Wednesday.';
// The venue changed between the first two reports; a third outlet ran the second one again.
const articles = {
  'orvanKessel.md': article(
    'Example Wire',
    '2026-02-01',
    'Orvan talks set for Kessel',
    'The Orvan water treaty talks will be held in Kessel on Friday, officials said.',
  ),
  'orvanMarrow.md': article('Gulf Daily', '2026-02-05', 'Orvan talks move to Marrow', moved),
  'orvanMarrowCopy.md': article('Coastal Post', '2026-02-06', 'Treaty talks head to Marrow', moved),
};
const question = 'Where will the Orvan water treaty talks be held now?';
const scope = { operator: 'latest' as const, phrase: 'now' };

let model: ModelFixture;
let fake: FakeOpenAI;
let fixture: KnowledgeFixture;
let offline: CoreContext;

/** The source numbers the prompt gives each outlet's report, by outlet. */
async function sourceNumbers(): Promise<Record<string, number>> {
  const { passages } = await retrievePassages(offline, question);
  const { sources } = buildAnswerPrompt(question, passages);
  return Object.fromEntries(
    sources
      .filter((source) => source.passage.text.includes('Orvan'))
      .map((source) => [source.passage.source, source.n]),
  );
}

/** A `<block>` of the last chat request's user message, parsed back from its JSON. */
function promptBlock(name: string): unknown {
  const body = fake.requestsTo('/chat/completions').at(-1)?.body as { messages: { content: string }[] };
  const user = body.messages[1]?.content ?? '';
  const match = new RegExp(`<${name}[^>]*>\\n([\\s\\S]*?)\\n</${name}>`).exec(user);
  return JSON.parse(match?.[1] ?? 'null');
}

beforeAll(async () => {
  model = await createModelFixture(articles);
  ({ fake, fixture, offline } = model);
});
afterAll(() => model.close());

describe('composeAnswer with a language model on a developing story', () => {
  it('gives the model the sources in date order with outlets, dates, republications, today and the time scope', async () => {
    const n = await sourceNumbers();
    fake.queueChat(chatReply(`The talks will now be held in Marrow [${n['Gulf Daily']}].`));
    const { plan, passages } = await retrievePassages(offline, question);
    const answer = await composeAnswer(fixture.context, question, plan, passages, {
      scope,
      today: '2026-02-10',
    });
    expect(answer).toMatchObject({ composer: 'openai', answer: 'The talks will now be held in Marrow [1].' });
    expect(promptBlock('timeline')).toEqual({
      today: '2026-02-10',
      newestArticle: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      questionTimeScope: scope,
    });
    const sources = promptBlock('sources') as {
      n: number;
      outlet: string;
      published: string;
      republishes?: number;
    }[];
    const days = sources.map((source) => source.published ?? '9999');
    expect(days).toEqual([...days].sort());
    expect(sources.find((source) => source.outlet === 'Coastal Post')).toMatchObject({
      published: '2026-02-06',
      republishes: n['Gulf Daily'],
    });
    expect(sources.find((source) => source.outlet === 'Example Wire')).toMatchObject({
      published: '2026-02-01',
    });
  });

  it('falls back with the reason when the model calls the superseded venue the latest', async () => {
    const n = await sourceNumbers();
    fake.queueChat(chatReply(`The latest plan is to hold the Orvan talks in Kessel [${n['Example Wire']}].`));
    const answer = await askQuestion(fixture.context, question);
    expect(answer.composer).toBe('extractive');
    expect(answer.fallbackReason).toBe(
      'ungrounded: says "latest" or "now" citing a source of 2026-02-01, not the newest on that point (2026-02-05)',
    );
  });
});
