import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// A plan reported once, then put back by a newer report: "not yet" must cite the newer day.
const planned = `---
title: Pier to be tested before reopening
source: Example Wire
published: 2026-05-06
---

Before any boats return, the pier will undergo a load test, in which trucks loaded with sand will be driven on to the deck.
`;
const putBack = `---
title: Pier test put back
source: Coast Radio
published: 2026-05-08
---

The load test on the pier, planned for Saturday, has been put back to Monday because of a storm warning, the harbour board said.
`;

// A past-tense sentence whose event is dated ahead: the hearing is to come, though "has called" is past.
const hearing = `---
title: Pier board called to hearing
source: Harbour News
published: 2026-05-07
---

The council has called the harbour master to give evidence about the pier at a public hearing on Thursday 21 May.

The harbour master warned on Tuesday that she would close the pier for a month from Monday 25 May if the load test fails.
`;

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({
    '001_planned.md': planned,
    '002_put-back.md': putBack,
    '003_hearing.md': hearing,
  });
});
afterAll(() => fixture.cleanUp());

describe('"has it happened yet?" on a plan that moved', () => {
  it('says not yet and cites the newest report, with the day the plan now falls on', async () => {
    const answer = await askQuestion(fixture.context, 'has the load test on the pier taken place yet?', {
      today: '2026-05-09',
    });
    expect(answer.answer).toMatch(
      /^Not yet, as far as the articles say: Coast Radio, 8 May: «[^»]*put back to Monday/,
    );
    expect(answer.answer).toMatch(/due 11 May 2026/);
  });
});

describe('"what did she say at it?" of an event dated ahead', () => {
  it('says the articles do not say yet, citing the day and month the hearing is set for', async () => {
    const answer = await askQuestion(fixture.context, 'what did the harbour master tell the hearing?', {
      today: '2026-05-09',
    });
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles don't say yet: Harbour News, 7 May: «[^»]*Thursday 21 May/);
  });
});

describe('"what did she say she would do?"', () => {
  it('answers with the warning already made, not "not yet" for the plan it speaks of', async () => {
    const answer = await askQuestion(
      fixture.context,
      'what did the harbour master warn she would do if the pier test fails?',
      { today: '2026-05-09' },
    );
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/close the pier for a month/);
  });
});
