import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// The second sentence answers only through the first, which dates what was said: Wednesday 6 May.
const article = `---
title: Island timetable
source: Example Wire
published: 2026-05-08
---

On Wednesday, the harbour master Iva Brandt said the island timetable would change in June.

Fearing that the ferry change could strand commuters, the island council said it had asked for a delay.
`;

let fixture: KnowledgeFixture;
beforeAll(async () => {
  fixture = await createKnowledgeFixture({ 'islandTimetable.md': article });
});
afterAll(() => fixture.cleanUp());

const ask = (question: string) => askQuestion(fixture.context, question, { today: '2026-05-09' });

describe('a sentence answering through the one before it', () => {
  it('is dated by that sentence: asked about another day, the articles do not say', async () => {
    const answer = await ask('what did brandt say on thursday about the ferry?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).not.toMatch(/Brandt/);
  });

  it('does not call a weekday the articles never name something they fail to mention', async () => {
    const answer = await ask('What did Iva Brandt say on Thursday about the ferry?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).not.toMatch(/don't mention/);
  });

  it('answers when the day asked is the day of the sentence before it', async () => {
    const answer = await ask('What did Iva Brandt say on Wednesday about the ferry?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/would change in June/);
  });
});
