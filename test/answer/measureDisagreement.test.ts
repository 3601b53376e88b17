import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// Two outlets on one day give the depth of one shaft differently: a measure, not a count, in dispute.
const article = (outlet: string, body: string) =>
  `---\ntitle: Teskar quarry shaft\nsource: ${outlet}\npublished: 2025-09-04\n---\n\n${body}\n`;

let fixture: KnowledgeFixture;
beforeAll(async () => {
  fixture = await createKnowledgeFixture({
    'a.md': article(
      'Valley Post',
      'The new ventilation shaft at the Teskar quarry is 240 metres deep, the operator said.',
    ),
    'b.md': article(
      'Ridge Courier',
      'The ventilation shaft at the Teskar quarry is 180 metres deep, according to the mines inspectorate.',
    ),
  });
});
afterAll(() => fixture.cleanUp());

describe('disagreement over a measure', () => {
  it('names both outlets when they give different depths for one shaft', async () => {
    const answer = await askQuestion(fixture.context, 'how deep is the ventilation shaft at teskar?', {
      today: '2025-09-05',
    });
    expect(answer.disagreement).toBe(true);
    expect(answer.answer).toMatch(/^Accounts differ: /);
    expect(answer.answer).toMatch(/240 metres/);
    expect(answer.answer).toMatch(/180 metres/);
  });
});
