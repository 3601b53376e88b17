import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInConversation } from '../../src/conversation/askInConversation.js';
import {
  createKnowledgeFixture,
  type KnowledgeFixture,
  readStoryArticles,
} from '../support/knowledgeFixture.js';

const storyDir = 'test/fixtures/story-dev/articles';
const market = `---
title: Traders count the cost of the market closure
source: Example Wire
published: 2026-05-04
---

Mara Lind, who chairs the Harwell Traders' Association, said stallholders had not been consulted.

The association says the closure of the east market costs its members about 2,000 euros a day.

A residents' group in Harwell says the closure costs the town nothing at all.

About 300 stallholders attended a meeting about the closure at the Harwell Corn Exchange, which lasted almost three hours.`;
let fixture: KnowledgeFixture;
const scope = { key: 'channel:1:user:10', userId: '10', channelId: '1' };

beforeAll(async () => {
  fixture = await createKnowledgeFixture({ ...readStoryArticles(storyDir), 'market.md': market });
});
afterAll(() => fixture.cleanUp());

describe('a follow-up that points back with a possessive', () => {
  it('reads "her group" as the group just named, not any other group', async () => {
    const today = '2026-05-04';
    const first = await askInConversation(fixture.context, { question: 'who is mara lind?', scope, today });
    expect(first.answer).toMatch(/Harwell Traders' Association/);
    const followUp = await askInConversation(fixture.context, {
      question: 'what does her group reckon the closure costs?',
      scope,
      conversationId: first.conversationId,
      today,
    });
    // The group just named is quoted before any other group.
    const at = (words: string) => followUp.answer.indexOf(words);
    expect(at('2,000 euros a day')).toBeGreaterThan(-1);
    expect(at("residents' group") === -1 || at('2,000 euros a day') < at("residents' group")).toBe(true);
  });
});

describe('an outcome asked as a follow-up', () => {
  it('says "not yet" about the ballot just discussed, whatever else was accepted elsewhere', async () => {
    const today = '2025-10-21';
    const first = await askInConversation(fixture.context, {
      question: "will the dock workers get to vote on the mediator's proposal?",
      scope,
      today,
    });
    expect(first.answer).toMatch(/will vote on Thursday/);
    const followUp = await askInConversation(fixture.context, {
      question: 'and did they accept it?',
      scope,
      conversationId: first.conversationId,
      today,
    });
    expect(followUp.abstained).toBe(true);
    expect(followUp.answer).toMatch(/^The articles don't say yet: /);
    expect(followUp.answer).not.toMatch(/Port of Tarrow/);
  });
});

describe('a follow-up that asks only a degree', () => {
  it('answers "and how long was it?" about the meeting just discussed', async () => {
    const today = '2026-05-04';
    const first = await askInConversation(fixture.context, {
      question: 'how many stallholders went to the meeting at the corn exchange?',
      scope,
      today,
    });
    expect(first.answer).toMatch(/About 300 stallholders/);
    const followUp = await askInConversation(fixture.context, {
      question: 'and how long was it?',
      scope,
      conversationId: first.conversationId,
      today,
    });
    expect(followUp.answer).toMatch(/almost three hours/);
  });
});
