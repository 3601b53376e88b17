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

const shelter = (day: string, text: string): string => `---
title: Evacuees leave the shelter
source: Example Wire ${day}
published: 2026-07-${day}
---

${text}
`;

describe('the latest figure beside the earlier one', () => {
  it('gives the newest figure as latest and the first one as earlier', async () => {
    const answer = await askQuestion(fixture.context, 'how many foot passengers is the ferry carrying now?', {
      today: '2026-05-09',
    });
    expect(answer.answer).toMatch(/^Latest — [^«]+«[^»]*11,500[^»]*» \[1\] Earlier — [^«]+«[^»]*3,200/);
  });

  it('answers "still" from the newest report even when an older one repeats more of the question', async () => {
    const shelters = await createKnowledgeFixture({
      '001_old.md': shelter(
        '18',
        'About 500 people remain at the evacuation centre in the Harbour Sports Hall.',
      ),
      '002_new.md': shelter(
        '23',
        'The number of people staying at the evacuation centre fell to about 120 on Tuesday night.',
      ),
    });
    try {
      const answer = await askQuestion(
        shelters.context,
        'how many people are still staying at the sports hall evacuation centre?',
        { today: '2026-07-25' },
      );
      expect(answer.answer).toMatch(/^Latest — [^«]+, 23 July: «[^»]*about 120/);
    } finally {
      shelters.cleanUp();
    }
  });
});
