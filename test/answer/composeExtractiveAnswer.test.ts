import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({
    'summitVenue.md': readFileSync('test/fixtures/articles/summitVenue.md', 'utf8'),
  });
});
afterAll(() => fixture.cleanUp());

describe('composeExtractiveAnswer', () => {
  it('answers a question about the present with the current plan, not the dropped one', async () => {
    const answer = await askQuestion(fixture.context, 'Where will the water-sharing summit be held?');
    expect(answer.answer).toMatch(/Vienna/);
    expect(answer.answer).not.toMatch(/Geneva/);
  });

  it('answers a question about the original plan with the dropped one', async () => {
    const answer = await askQuestion(
      fixture.context,
      'Where was the water summit originally supposed to be?',
    );
    expect(answer.answer).toMatch(/Geneva/);
  });

  it('quotes the sentence a "that plan" answer refers to, each with its own citation', async () => {
    const answer = await askQuestion(fixture.context, 'Why did the organisers drop the Geneva summit?');
    expect(answer.answer).toMatch(/security concerns/);
    expect(answer.answer).toMatch(/initially planned for Geneva.*\[1\].*security concerns.*\[2\]/s);
    expect(answer.citations.map((citation) => citation.articleId)).toEqual(['summitVenue', 'summitVenue']);
  });

  it('abstains on a "when" question when no matching sentence states a time', async () => {
    const answer = await askQuestion(fixture.context, 'When did the organisers raise security concerns?');
    expect(answer.abstained).toBe(true);
  });

  it('answers a bare "where is it?" with the sentence that places it, not one that merely names countries', async () => {
    const answer = await askQuestion(fixture.context, 'Where is the summit?');
    expect(answer.answer).toMatch(/Vienna/);
  });

  it('answers who "was going to" attend from the original plan', async () => {
    const answer = await askQuestion(fixture.context, 'Who was going to attend the summit in Geneva?');
    expect(answer.answer).toMatch(/foreign ministers/);
  });

  it('reads a question typed in capitals like any other instead of taking every word for a name', async () => {
    const answer = await askQuestion(fixture.context, 'WHERE WILL THE WATER SUMMIT TAKE PLACE?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/Vienna/);
  });

  it('answers which outlet published an article from its attribution line', async () => {
    const answer = await askQuestion(fixture.context, 'Which newspaper published this?');
    expect(answer.answer).toMatch(/New York Times/);
    expect(answer.citations[0]?.articleId).toBe('000_5a94281ece3b6005');
  });

  it('tells how something started when asked, rather than what merely began later', async () => {
    const answer = await askQuestion(fixture.context, 'How did the water dispute start?');
    expect(answer.answer).toMatch(/upstream dam/);
  });
});
