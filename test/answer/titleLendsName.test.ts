import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const bridge = `---
title: Carrow Bridge stays shut after crack found
source: Example Wire
published: 2026-03-12
---

The Provincial Roads Authority shut the bridge on Sunday night after finding a crack in a girder.

Lorries are being sent on a 40-mile detour until Carrow reopens.`;

const hospitals = `---
title: Amberly hospital staff turn to fax machines
source: Example Wire
published: 2026-03-12
---

At Lowmoor Infirmary, staff have been sending test requests by borrowed fax machine since Monday because the computers are down.

Ambulances are going to Amberly instead.`;

let fixture: KnowledgeFixture;
beforeAll(async () => {
  fixture = await createKnowledgeFixture({ 'bridge.md': bridge, 'hospitals.md': hospitals });
});
afterAll(() => fixture.cleanUp());

const ask = (question: string) => askQuestion(fixture.context, question, { today: '2026-03-12' });

describe('a name only the headline gives', () => {
  it('is lent to a sentence that calls it by its noun', async () => {
    const answer = await ask('when was the carrow bridge shut?');
    expect(answer.answer).toMatch(/shut the bridge on Sunday night/);
  });

  it('is not lent to a sentence about someone else the sentence names', async () => {
    const answer = await ask(
      'why did nurses at amberly general hospital begin sending tests by fax machine?',
    );
    expect(answer.abstained).toBe(true);
  });
});
