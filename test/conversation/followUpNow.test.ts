import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInConversation } from '../../src/conversation/askInConversation.js';
import {
  createKnowledgeFixture,
  type KnowledgeFixture,
  readStoryArticles,
} from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture;
const scope = { key: 'channel:1:user:10', userId: '10', channelId: '1' };

beforeAll(async () => {
  fixture = await createKnowledgeFixture(readStoryArticles('test/fixtures/story-takeover/articles'));
});
afterAll(() => fixture.cleanUp());

describe('a follow-up asking only how things stand now', () => {
  it('answers "and when is it now?" about the vote just discussed, not with the news', async () => {
    const today = '2026-03-17';
    const first = await askInConversation(fixture.context, {
      question: 'when were corvane shareholders originally due to vote on the bid?',
      scope,
      today,
    });
    expect(first.answer).toMatch(/14 April/);
    const followUp = await askInConversation(fixture.context, {
      question: 'and when is it now?',
      scope,
      conversationId: first.conversationId,
      today,
    });
    expect(followUp.answer).not.toMatch(/^New since/);
    expect(followUp.answer).toMatch(/vote[^»]*28 April/);
  });
});
