import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInConversation } from '../../src/conversation/askInConversation.js';
import { clearConversations, loadTurns } from '../../src/conversation/conversationStore.js';
import { openDatabase } from '../../src/storage/database.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture;
const alice = { key: 'channel:1:user:10', userId: '10', channelId: '1' };
const bob = { key: 'channel:1:user:20', userId: '20', channelId: '1' };

beforeAll(async () => {
  fixture = await createKnowledgeFixture({}, { CONVERSATION_MAX_TURNS: '3', CONVERSATION_IDLE_HOURS: '24' });
});
afterAll(() => fixture.cleanUp());

describe('askInConversation', () => {
  it('answers "why did that plan fall through?" about the plan of the previous answer', async () => {
    const first = await askInConversation(fixture.context, {
      question: 'Where were the talks first planned?',
      scope: alice,
    });
    expect(first.answer).toMatch(/Istanbul/);
    const followUp = await askInConversation(fixture.context, {
      question: 'Why did that plan fall through?',
      scope: alice,
      conversationId: first.conversationId,
    });
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.answer).toMatch(/backed out/);
    expect(followUp.standaloneQuery).toMatch(/context: .*istanbul/i);
    expect(followUp.citations[0]?.n).toBe(1);
  });

  it('answers "and why?" with the reason its main claim gives, not the line quoted after it', async () => {
    const first = await askInConversation(fixture.context, {
      question: 'did iran pull out of any plan before oman',
      scope: bob,
      today: '2026-02-07',
    });
    expect(first.answer).toMatch(/backed out of that plan[^»]*» \[1\] «Smaller talks/);
    const followUp = await askInConversation(fixture.context, {
      question: 'and why?',
      scope: bob,
      conversationId: first.conversationId,
      today: '2026-02-07',
    });
    expect(followUp.answer).toMatch(/^[^«]*«Iranian officials backed out of that plan, citing concerns/);
  });

  it('answers "who said that?" from the passage the previous answer quoted, naming the speaker', async () => {
    const first = await askInConversation(fixture.context, {
      question: 'What must the talks include, according to the US?',
      scope: alice,
      today: '2026-02-07',
    });
    expect(first.answer).toMatch(/ballistic missiles/);
    const followUp = await askInConversation(fixture.context, {
      question: 'who said that?',
      scope: alice,
      conversationId: first.conversationId,
      today: '2026-02-07',
    });
    expect(followUp.answer).toMatch(/Marco Rubio said/);
    expect(followUp.citations[0]?.passageId).toBe(first.citations[0]?.passageId);
  });

  it('still answers, unremembered, while another process holds the database for writing', async () => {
    const other = new Database(fixture.context.config.DATABASE_PATH);
    try {
      other.exec('BEGIN IMMEDIATE');
      const answer = await askInConversation(fixture.context, {
        question: 'Where are the talks being held?',
        scope: { key: 'channel:9:user:90', userId: '90', channelId: '9' },
      });
      expect(answer.answer).toMatch(/Muscat/);
      other.exec('ROLLBACK');
      expect(loadTurns(fixture.context.database, answer.conversationId ?? '', 6)).toEqual([]);
    } finally {
      other.close();
    }
  }, 30_000);

  it("never continues another user's conversation, even when given its id", async () => {
    const mine = await askInConversation(fixture.context, { question: 'Who is Farzan Sabet?', scope: alice });
    const theirs = await askInConversation(fixture.context, {
      question: 'How likely does he think a deal is?',
      scope: bob,
      conversationId: mine.conversationId,
    });
    expect(theirs.conversationId).not.toBe(mine.conversationId);
    expect(theirs.standaloneQuery).not.toMatch(/sabet/i);
  });

  it('starts afresh once the conversation has been idle longer than the limit', async () => {
    const scope = { key: 'channel:2:user:10', userId: '10' };
    const first = await askInConversation(fixture.context, {
      question: 'Who is Farzan Sabet?',
      scope,
      now: new Date('2026-02-06T10:00:00Z'),
    });
    const later = await askInConversation(fixture.context, {
      question: 'How likely does he think a deal is?',
      scope,
      now: new Date('2026-02-07T10:00:01Z'),
    });
    expect(later.conversationId).not.toBe(first.conversationId);
    expect(later.standaloneQuery).not.toMatch(/sabet/i);
  });

  it('keeps only the newest turns of a long conversation', async () => {
    const scope = { key: 'channel:3:user:10', userId: '10' };
    let conversationId: string | undefined;
    for (const question of [
      'Who is Farzan Sabet?',
      'Who is Marco Rubio?',
      'Where is Muscat?',
      'What is Oman doing?',
    ]) {
      conversationId = (
        await askInConversation(fixture.context, {
          question,
          scope,
          ...(conversationId ? { conversationId } : {}),
        })
      ).conversationId;
    }
    const turns = loadTurns(fixture.context.database, conversationId ?? '', 10);
    expect(turns.map((turn) => turn.question)).toEqual([
      'Who is Marco Rubio?',
      'Where is Muscat?',
      'What is Oman doing?',
    ]);
  });

  it('continues a conversation after the database is closed and opened again', async () => {
    const scope = { key: 'channel:4:user:10', userId: '10' };
    const first = await askInConversation(fixture.context, { question: 'Who is Farzan Sabet?', scope });
    fixture.context.database.close();
    fixture.context.database = openDatabase(fixture.context.config.DATABASE_PATH);
    const followUp = await askInConversation(fixture.context, {
      question: 'How likely does he think a deal is?',
      scope,
    });
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.answer).toMatch(/odds|narrow/);
  });

  it('forgets every conversation of a user who clears them', async () => {
    await askInConversation(fixture.context, { question: 'Who is Farzan Sabet?', scope: bob });
    expect(clearConversations(fixture.context.database, '20')).toBeGreaterThan(0);
    const fresh = await askInConversation(fixture.context, {
      question: 'How likely does he think a deal is?',
      scope: bob,
    });
    expect(fresh.standaloneQuery).not.toMatch(/sabet/i);
  });
});
