import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const article = `---
title: Flood clean-up in Harwell
source: Example Wire
published: 2026-04-02
---

The advice centre at Harwell library opens on Tuesday for residents of Harwell.

Harwell's two primary schools will reopen on Monday after the flood, the council said.`;

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({ 'harwell.md': article });
});
afterAll(() => fixture.cleanUp());

describe('verbs of doing again (WordNet: reopen, restart, rebuild)', () => {
  it('answers "are the schools open again?" with the schools that reopen', async () => {
    const answer = await askQuestion(fixture.context, 'are the schools in harwell open again yet', {
      today: '2026-04-02',
    });
    expect(answer.answer).toMatch(/^[^[]*primary schools will reopen/);
  });
});
