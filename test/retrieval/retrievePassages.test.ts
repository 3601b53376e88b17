import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { retrievePassages } from '../../src/retrieval/retrievePassages.js';
import { searchPassages } from '../../src/retrieval/searchPassages.js';
import { errorReply, type FakeOpenAI, startFakeOpenAI } from '../support/fakeOpenAI.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const airship = `---
title: Delegations reach the coast
source: Example Wire
published: 2026-02-06
---

A dirigible ferried both parties' staff across the gulf before dawn.`;

const question = 'Which zeppelin carried them?';
// The fake's embedding space: texts about airships point one way, every other text the other way.
const aboutAirships = /airship|dirigible|zeppelin|blimp/i;

let fake: FakeOpenAI;
let fixture: KnowledgeFixture;
/** The embedding requests the first ingest made. */
let firstIngestRequests: number;

/** The texts sent to /embeddings since request `from`, one entry per text. */
function textsEmbeddedSince(from: number): string[] {
  return fake
    .requestsTo('/embeddings')
    .slice(from)
    .flatMap((request) => request.body.input as string[]);
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.embedWith((text) => (aboutAirships.test(text) ? [1, 0.05, 0] : [0.05, 1, 0]));
  fixture = await createKnowledgeFixture(
    { 'airship.md': airship },
    { OPENAI_BASE_URL: fake.baseURL, OPENAI_EMBEDDING_MODEL: 'fake-embedding', OPENAI_MAX_RETRIES: '0' },
  );
  firstIngestRequests = fake.requestsTo('/embeddings').length;
});
afterAll(async () => {
  await fixture.cleanUp();
  await fake.close();
});

describe('retrievePassages', () => {
  it('ranks first a passage only the embeddings find when BM25 misses it', async () => {
    const lexical = searchPassages(fixture.context.database, question);
    expect(lexical.passages.some((passage) => passage.text.includes('dirigible'))).toBe(false);
    const { passages } = await retrievePassages(fixture.context, question);
    expect(passages[0]?.text).toContain('dirigible');
    expect(passages[0]).toMatchObject({ title: 'Delegations reach the coast', source: 'Example Wire' });
  });

  it('returns the passage in the answer retrieval of askQuestion', async () => {
    const answer = await askQuestion(fixture.context, question);
    expect(answer.retrieval[0]?.articleId).toBe('airship');
  });

  it('returns the BM25 ranking when embedding the question fails', async () => {
    fake.queueEmbeddings(errorReply(500));
    const { passages } = await retrievePassages(fixture.context, 'Where are the talks being held?');
    const lexical = searchPassages(fixture.context.database, 'Where are the talks being held?');
    expect(passages.map((passage) => passage.passageId)).toEqual(
      lexical.passages.map((passage) => passage.passageId),
    );
  });
});

describe('embedPassages', () => {
  it('embeds every passage once in batches and nothing again when re-ingesting unchanged text', async () => {
    const passageCount = fixture.context.database.prepare('SELECT count(*) FROM passages').pluck().get();
    const firstIngest = fake.requestsTo('/embeddings').slice(0, firstIngestRequests);
    const texts = firstIngest.flatMap((request) => request.body.input as string[]);
    expect(texts).toHaveLength(passageCount as number);
    expect(new Set(texts).size).toBe(passageCount);
    const before = fake.requestsTo('/embeddings').length;
    await ingestKnowledge(fixture.context);
    expect(fake.requestsTo('/embeddings')).toHaveLength(before);
    fixture.writeArticle('airship.md', `${airship}\n\nThe craft landed at noon.`);
    await ingestKnowledge(fixture.context);
    expect(textsEmbeddedSince(before)).toEqual(['The craft landed at noon.']);
  });

  it('keeps ingest and BM25 working when the embedding model fails, and catches up on the next ingest', async () => {
    fixture.writeArticle('late.md', 'Officials said a second round of talks could follow in March.');
    fake.queueEmbeddings(errorReply(500));
    const summary = await ingestKnowledge(fixture.context);
    expect(summary.failed).toEqual([]);
    expect((await askQuestion(fixture.context, 'Could a second round of talks follow?')).abstained).toBe(
      false,
    );
    const before = fake.requestsTo('/embeddings').length;
    fixture.writeArticle('later.md', 'Analysts expected the statement on Sunday.');
    await ingestKnowledge(fixture.context);
    expect(textsEmbeddedSince(before).sort()).toEqual([
      'Analysts expected the statement on Sunday.',
      'Officials said a second round of talks could follow in March.',
    ]);
  });
});
