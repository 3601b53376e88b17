import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// SQuAD 2.0-style near misses: each unanswerable question is an answerable one with one thing changed.
const article = `---
title: Rail operator delays timetable change
source: Example Wire
published: 2026-05-08
---

The rail operator Norvik Lines said on Wednesday that its new timetable would start in June, a month later than planned.

Transport minister Ada Pell said the delay was regrettable but necessary to train drivers.

Ticket sales at Norvik Lines rose 12 per cent in April, the company said.

The Harwell Cycling Club said it had added two group rides a week for commuters.

The passenger group Rail Voice applied to the High Court on Tuesday for an order halting the change.

Norvik Lines said three unions had agreed to the new rota for its trains.

The operator's chief executive will appear before the transport committee at a hearing next week.

The 30-day pass will cost 95 euros from June, Norvik Lines said.

The rail regulator on Thursday approved a fare freeze for season tickets until September.
`;

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({ 'railTimetable.md': article });
});
afterAll(() => fixture.cleanUp());

async function ask(question: string) {
  return askQuestion(fixture.context, question, { today: '2026-05-09' });
}

describe('questions that look answerable but change one thing', () => {
  it('answers the question as the article states it', async () => {
    const answer = await ask('What did Norvik Lines say on Wednesday about the timetable?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/start in June/);
  });

  it('refuses when the day asked is not the day the article reports', async () => {
    const answer = await ask('What did Norvik Lines say on Monday about the timetable?');
    expect(answer.abstained).toBe(true);
  });

  it('refuses a negated question that only an affirmative sentence matches', async () => {
    const answer = await ask('What did the transport minister say was not necessary?');
    expect(answer.abstained).toBe(true);
  });

  it('answers the same question without the negation', async () => {
    const answer = await ask('What did the transport minister say was necessary?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/train drivers/);
  });

  it('refuses when the name asked about comes from another sentence', async () => {
    const answer = await ask('How much did ticket sales at the Harwell Cycling Club rise in April?');
    expect(answer.abstained).toBe(true);
  });

  it('still answers when the name is where the sentence says it', async () => {
    const answer = await ask('How much did ticket sales at Norvik Lines rise in April?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/12 per cent/);
  });

  it('refuses an outcome question that only the application for it matches', async () => {
    const answer = await ask("What did the judge decide on Rail Voice's application?");
    expect(answer.abstained).toBe(true);
  });

  it('answers an outcome question with the decision reported', async () => {
    const answer = await ask('What did the rail regulator decide about season ticket fares?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/approved a fare freeze/);
  });

  it('refuses "how many" when the sentence counts something else', async () => {
    const answer = await ask('How many trains does Norvik Lines run?');
    expect(answer.abstained).toBe(true);
  });

  it('answers "how many" with the figure that counts what was asked', async () => {
    const answer = await ask('How many unions agreed to the Norvik Lines rota?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/three unions/);
  });

  it('says "not yet" when asked what was said at a hearing still to come', async () => {
    const answer = await ask('What did the chief executive tell the transport committee at the hearing?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(
      /^The articles don't say yet: .*will appear before the transport committee/,
    );
  });

  it('refuses when the figure asked about is not the one the article gives', async () => {
    const answer = await ask('How much will the 7-day pass cost from June?');
    expect(answer.abstained).toBe(true);
  });

  it('answers when the figure asked about is the one the article gives', async () => {
    const answer = await ask('How much will the 30-day pass cost from June?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/95 euros/);
  });

  it('refuses when the year asked is not the year the article reports', async () => {
    const answer = await ask('What did Norvik Lines say on Wednesday in 2019 about the timetable?');
    expect(answer.abstained).toBe(true);
  });
});
