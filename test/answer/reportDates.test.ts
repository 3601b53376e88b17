import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { asksAboutSaying, dropReportDates } from '../../src/answer/reportDates.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const article = `---
title: Ferry inquiry sets out its work
source: Example Wire
published: 2026-03-06
---

On Tuesday, the ministry's spokeswoman said the ferry inquiry would open its hearings to the public and examine how the crew were trained.

The ferry inquiry will open in Lorwick later in the spring, and it will sit for six weeks.`;

let fixture: KnowledgeFixture;
beforeAll(async () => {
  fixture = await createKnowledgeFixture({ 'ferryInquiry.md': article });
});
afterAll(() => fixture.cleanUp());

describe('the days that only date a statement', () => {
  it.each([
    ['On Wednesday, the secretary of state said the talks must include missiles.', false],
    ['The union said on Tuesday that the vote would go ahead.', false],
    ['The minister told reporters on Monday morning that nothing had changed.', false],
    ['The talks will open on Friday, the ministry said on Tuesday.', true],
    ['The committee meets on Wednesday.', true],
  ])('%s keeps a day of its own: %s', (sentence, keeps) => {
    expect(/\b(monday|tuesday|wednesday|friday)\b/i.test(dropReportDates(sentence))).toBe(keeps);
  });

  it('tells a question about a statement from one about the thing stated', () => {
    expect(asksAboutSaying('when did the mayor make her comments about the budget?')).toBe(true);
    expect(asksAboutSaying('when was the review announced?')).toBe(true);
    expect(asksAboutSaying('what date did the mayor lay out what the budget must cover?')).toBe(true);
    expect(asksAboutSaying('when is the budget vote?')).toBe(false);
  });

  it('answers "when" with the time of the event, not the day someone spoke of it', async () => {
    const answer = await askQuestion(fixture.context, 'when does the ferry inquiry open?', {
      today: '2026-03-06',
    });
    expect(answer.answer).toMatch(/later in the spring/);
    expect(answer.answer).not.toMatch(/On Tuesday/);
  });

  it('answers when something was said with the day it was said', async () => {
    const answer = await askQuestion(
      fixture.context,
      'when did the spokeswoman say the ferry inquiry would look at crew training?',
      { today: '2026-03-06' },
    );
    expect(answer.answer).toMatch(/On Tuesday/);
  });
});
