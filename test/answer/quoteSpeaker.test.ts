import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// News style often quotes first and names the speaker in the next sentence with no speech verb.
const article = `---
title: Tram line closure hits traders
source: Example Wire
published: 2026-05-08
---

"A closed tram line is a tax on every shop along it, collected every single day." That was the verdict of Ines Moravec, a transport economist at the city university, who studied the closure.

"I have stopped sleeping properly." Those were the words of Paul Ekker, 61, a baker on the high street.

"We closed early on Tuesday. The street was empty, and the rain kept falling on the awnings."

That was how Lotte Brann, who runs a florist by the depot, described the first week.

Councillor Petra Lind urged the operator to reopen the line. "Every week shut costs the street a shop," she said.

Inspector Mara Holt, who is leading the investigation into the cause of the depot blaze, asked witnesses to come forward.

"Nobody asked the people who walk to work," one man said outside the depot on Mill Street. The complaint came from Arno Feld, a night-shift nurse.

"One closed stop is bad luck. Three closed stops are a plan, and a plan is something the council has to explain." The assessment came from Dora Vance, who chairs the traders' association.

"The depot is safe. The line will reopen on Monday," said Kai Brenner, the operator's spokesman.
`;

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({ 'tramClosure.md': article });
});
afterAll(() => fixture.cleanUp());

describe('who said a quote', () => {
  it.each([
    ['who called a closed tram line a tax on every shop along it?', /Ines Moravec/],
    ['who said he has stopped sleeping properly?', /Paul Ekker/],
    ['who said the rain kept falling on the awnings?', /Lotte Brann/],
    ['who said nobody asked the people who walk to work?', /Arno Feld/],
    ['who said every week shut costs the street a shop?', /Petra Lind/],
    ['who said one closed stop is bad luck?', /Dora Vance/],
    ['who said the depot is safe?', /Kai Brenner/],
  ])('answers %j with the speaker named after the quote', async (question, speaker) => {
    const answer = await askQuestion(fixture.context, question, { today: '2026-05-09' });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(speaker);
  });
});

describe('who does something, asked in other words', () => {
  it('names who is heading the probe into the fire when the article says leading the investigation of the blaze', async () => {
    const answer = await askQuestion(fixture.context, "who's heading the probe into the depot fire?", {
      today: '2026-05-09',
    });
    expect(answer.answer).toMatch(/Mara Holt/);
  });
});
