import { afterEach, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const council = `---
title: Boil-water notice for Keswald
source: Outlet One
published: 2026-04-02
---

A boil-water notice was issued for the town of Keswald on Tuesday after tests found bacteria in the supply.

The notice affects about 4,000 households in Keswald and nearby farms, council officials said.

Bottled water is being handed out at the leisure centre.
`;

// The company's side shares few of the question's words: it says "water notice", not "boil-water".
const company = (households: string) => `---
title: Water company defends testing
source: Outlet Two
published: 2026-04-02
---

The water company said its engineers were flushing the mains in Keswald on Wednesday.

By its own count the water notice covers ${households} households, a spokeswoman said.

The company apologised for the disruption.
`;

const question = 'how many households does the keswald boil-water notice affect?';
let fixture: KnowledgeFixture | undefined;
afterEach(async () => fixture?.cleanUp());

describe('rival accounts worded differently', () => {
  it('names both outlets when the second gives another figure in its own words', async () => {
    fixture = await createKnowledgeFixture({ 'council.md': council, 'company.md': company('6,500') });
    const answer = await askQuestion(fixture.context, question, { today: '2026-04-03' });
    expect(answer.disagreement).toBe(true);
    expect(answer.answer).toMatch(/^Accounts differ: Outlet One, 2 April: «[^»]*4,000[^»]*» \[1\]/);
    expect(answer.answer).toMatch(/Outlet Two, 2 April: .*6,500 households/);
  });

  it('says nothing differs when the second outlet gives the same figure', async () => {
    fixture = await createKnowledgeFixture({ 'council.md': council, 'company.md': company('4,000') });
    const answer = await askQuestion(fixture.context, question, { today: '2026-04-03' });
    expect(answer.disagreement).toBe(false);
    expect(answer.answer).not.toMatch(/differ/);
  });
});
