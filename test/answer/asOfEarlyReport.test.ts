import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// One early report, then more later coverage than a search returns, every piece of it matching the
// question's words better than the early report does.
const early = `---
title: Planning appeal lodged
source: Example Wire
published: 2026-05-02
---

The council said the planning hearing would be at Corran Town Hall.
`;

function later(day: number): string {
  return `---
title: Planning hearing, day ${day}
source: Other Wire
published: 2026-05-${String(day).padStart(2, '0')}
---

The planning hearing was held for another day, and the planning hearing will be held again, the clerk said.
`;
}

let fixture: KnowledgeFixture;
beforeAll(async () => {
  const articles: Record<string, string> = { 'early.md': early };
  for (let day = 3; day <= 28; day += 1) {
    for (const copy of ['a', 'b']) articles[`later-${day}${copy}.md`] = later(day);
  }
  fixture = await createKnowledgeFixture(articles);
});
afterAll(() => fixture.cleanUp());

describe('a question asked "as of" an early day', () => {
  it('finds the early report however much later coverage outranks it', async () => {
    const answer = await askQuestion(
      fixture.context,
      'as of 2 may, where was the planning hearing to be held?',
      {
        today: '2026-05-28',
      },
    );
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/Corran Town Hall/);
  });
});
