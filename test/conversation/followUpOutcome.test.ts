import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInConversation } from '../../src/conversation/askInConversation.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const storyDir = 'test/fixtures/story-dev/articles';
let fixture: KnowledgeFixture;
const scope = { key: 'channel:1:user:10', userId: '10', channelId: '1' };

beforeAll(async () => {
  fixture = await createKnowledgeFixture(
    Object.fromEntries(
      readdirSync(storyDir).map((name) => [name, readFileSync(join(storyDir, name), 'utf8')]),
    ),
  );
});
afterAll(() => fixture.cleanUp());

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
