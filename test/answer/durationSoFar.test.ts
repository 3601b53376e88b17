import { afterEach, describe, expect, it } from 'vitest';
import { statesDuration } from '../../src/answer/answerKind.js';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { describeDurationSoFar } from '../../src/answer/describeDurationSoFar.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const closure = `---
title: Bridge shut after crack found
source: Example Wire
published: 2026-04-27
---

The Tarle Bridge was closed to traffic on Sunday night after engineers found a crack in a girder.
`;
const update = `---
title: Bridge stays shut
source: Valley Post
published: 2026-05-04
---

The Tarle Bridge remains closed to traffic while engineers test the girders.
`;

let fixture: KnowledgeFixture | undefined;
afterEach(async () => fixture?.cleanUp());

describe('how long something has lasted so far', () => {
  it('counts the days from the day the earliest report dates, when no quote says how long', async () => {
    fixture = await createKnowledgeFixture({ 'closure.md': closure, 'update.md': update });
    const answer = await askQuestion(fixture.context, 'how long has the tarle bridge been closed?', {
      today: '2026-05-09',
    });
    expect(answer.answer).toMatch(/Example Wire, 27 April: «The Tarle Bridge was closed[^»]*» \[\d\]/);
    expect(answer.answer).toMatch(/Counted from “on Sunday night” \(26 April\): 13 days to today, 9 May\./);
  });

  it('answers from the report of when it began, not from passages that merely say "long"', async () => {
    const article = (name: string, published: string, body: string) => ({
      [name]: `---\ntitle: Ferry strike\nsource: Example Wire\npublished: ${published}\n---\n\n${body}\n`,
    });
    // More passages say "long" than an answer is chosen from, and a newer one says nothing of the start.
    const queues = Array.from(
      { length: 14 },
      (_, n) => `Passengers at pier ${n + 1} queued for a long time as the strike went on.`,
    ).join('\n\n');
    fixture = await createKnowledgeFixture({
      ...article('a.md', '2026-03-04', queues),
      ...article('d.md', '2026-03-16', 'The strike, which began a fortnight ago, now covers 12 routes.'),
      ...article('e.md', '2026-03-17', 'The strike has left islanders short of supplies.'),
    });
    const answer = await askQuestion(fixture.context, 'how long has this strike been going on now', {
      today: '2026-03-17',
    });
    expect(answer.answer).toMatch(/«The strike, which began a fortnight ago, now covers 12 routes\.» \[1\]/);
  });

  it('counts from the report itself when the sentence names no earlier day', () => {
    expect(
      describeDurationSoFar('The bridge remains closed.', { published: '2026-05-04' }, '2026-05-09'),
    ).toBe('Counted from the report of 4 May: 5 days to today, 9 May.');
    expect(describeDurationSoFar('The bridge remains closed.', { published: null }, '2026-05-09')).toBe('');
  });

  it('recognises a length of time stated outright, and not a bare "last week"', () => {
    expect(statesDuration('the first sign of an end to a 16-day strike')).toBe(true);
    expect(statesDuration('it has been burning for 11 days')).toBe(true);
    expect(statesDuration('up from 3,800 hectares last week')).toBe(false);
  });
});
