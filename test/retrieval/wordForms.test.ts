import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const article = `---
title: Town mains under review
source: Example Wire
published: 2026-04-02
---

The plastic mains laid in 2019 are in good order, the engineers said.

The cast-iron mains under the old market leak at nearly every joint, according to the survey.

About 300 crates of spare parts are stored at the depot.

Nine crates of valves were shipped to the works on Monday.

The council is paying for a new fence around the yard behind the works.

The council is paying for cleaning up the yard behind the works, which flooded twice in March after heavy rain.

The advice centre at Harwell library opens on Tuesday for residents of Harwell.

Harwell's two primary schools will reopen on Monday after the flood, the council said.

Engineers said the tunnel to the old drain under the works would be finished in May.

The breakthrough into the old drain under the works, which has been blocked by silt and rubble for years, is expected on Friday.

The fun run around the works starts from the library at 10am.

The fun run this Sunday was scrubbed because of the flooding.

Flight RX 310 left at 9pm on Sunday with 95 passengers.

Flight RX 220 to the coast, which left at 7pm on Sunday, carried 80 passengers and five crew.`;

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({ 'mains.md': article });
});
afterAll(() => fixture.cleanUp());

describe('a question word no article uses, derived from one they do', () => {
  it('reads a phrasal verb\'s noun as its verb: "cleanup" as "cleaning up"', async () => {
    const answer = await askQuestion(fixture.context, 'who is paying for the cleanup of the yard?', {
      today: '2026-04-02',
    });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^[^[]*cleaning up the yard/);
  });

  it('reads "leaky" as "leak", so the sentence about leaking answers', async () => {
    const answer = await askQuestion(fixture.context, 'which mains are leaky?', { today: '2026-04-02' });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^[^[]*cast-iron/);
  });

  it('reads "shipment" as "ship", so the count of crates shipped answers', async () => {
    const answer = await askQuestion(fixture.context, 'how many crates were in the shipment?', {
      today: '2026-04-02',
    });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^[^[]*Nine crates of valves were shipped/);
  });
});

describe('verbs of doing again (WordNet: reopen, restart, rebuild)', () => {
  it('answers "are the schools open again?" with the schools that reopen', async () => {
    const answer = await askQuestion(fixture.context, 'are the schools in harwell open again yet', {
      today: '2026-04-02',
    });
    expect(answer.answer).toMatch(/^[^[]*primary schools will reopen/);
  });
});

describe('a phrasal verb asked for its noun written as one word', () => {
  it('finds "the breakthrough" for "break through"', async () => {
    const answer = await askQuestion(
      fixture.context,
      'when do they break thru to the drain under the works?',
      {
        today: '2026-04-02',
      },
    );
    expect(answer.answer).toMatch(/^[^[]*breakthrough into the old drain/);
  });
});

describe('a phrasal verb asked for the one-word verb the article uses (WordNet)', () => {
  it('finds the fun run that was "scrubbed" for "called off"', async () => {
    const answer = await askQuestion(fixture.context, 'has the fun run around the works been called off?', {
      today: '2026-04-02',
    });
    expect(answer.answer).toMatch(/«The fun run this Sunday was scrubbed because of the flooding.»/);
  });
});

describe('a model or flight number typed without its space or hyphen', () => {
  it('reads "rx220" as flight RX 220', async () => {
    const answer = await askQuestion(fixture.context, 'how many passengers were on rx220?', {
      today: '2026-04-02',
    });
    expect(answer.answer).toMatch(
      /^[^[]*Flight RX 220 to the coast, which left at 7pm on Sunday, carried 80 passengers/,
    );
  });
});
