import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// A figure updated twice: the latest answer shows where it started, not only the step before.
const report = (day: string, count: string, weekday: string): string => `---
title: Ferry busy as bridge stays shut
source: Example Wire ${day}
published: 2026-05-${day}
---

Harbour Ferries said it had carried ${count} foot passengers on ${weekday}.
`;

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({
    '001_first.md': report('01', '3,200', 'Thursday'),
    '002_second.md': report('04', '7,800', 'Sunday'),
    '003_third.md': report('07', '11,500', 'Wednesday'),
  });
});
afterAll(() => fixture.cleanUp());

describe('the latest figure beside the earlier one', () => {
  it('gives the newest figure as latest and the first one as earlier', async () => {
    const answer = await askQuestion(fixture.context, 'how many foot passengers is the ferry carrying now?', {
      today: '2026-05-09',
    });
    expect(answer.answer).toMatch(/^Latest — [^«]+«[^»]*11,500[^»]*» \[1\] Earlier — [^«]+«[^»]*3,200/);
  });
});
