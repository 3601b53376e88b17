import { randomUUID } from 'node:crypto';
import type { Citation } from '../answer/answer.js';
import type { NewsdeskDatabase } from '../storage/database.js';

/** Where a conversation lives: a Discord thread, one user in a channel, or the command line. */
export interface ConversationScope {
  /** Stable key: `thread:<id>`, `channel:<id>:user:<id>`, or `cli`. */
  key: string;
  userId?: string;
  channelId?: string;
  threadId?: string;
}

/** One question and its answer, as kept for follow-ups. */
export interface ConversationTurn {
  question: string;
  /** The query retrieval actually ran: the question plus the context carried from earlier turns. */
  standaloneQuery: string;
  answer: string;
  citations: Citation[];
}

interface TurnRow {
  question: string;
  standaloneQuery: string;
  answer: string;
  citations: string;
}

/**
 * Finds a conversation by id, or `undefined` when it does not exist or has been idle longer than
 * `idleMilliseconds` (an expired conversation is deleted, so its turns cannot leak into a new one).
 *
 * @param now the current time (a parameter so tests can move the clock).
 */
export function findConversation(
  database: NewsdeskDatabase,
  id: string,
  idleMilliseconds: number,
  now: Date = new Date(),
): { id: string; scope: string } | undefined {
  const row = database
    .prepare('SELECT id, scope, updated_at AS updatedAt FROM conversations WHERE id = ?')
    .get(id) as { id: string; scope: string; updatedAt: string } | undefined;
  if (row === undefined) return undefined;
  if (now.getTime() - Date.parse(row.updatedAt) > idleMilliseconds) {
    database.prepare('DELETE FROM conversations WHERE id = ?').run(id);
    return undefined;
  }
  return { id: row.id, scope: row.scope };
}

/** The id of the newest unexpired conversation in a scope, if any (see `findConversation`). */
export function findLatestConversation(
  database: NewsdeskDatabase,
  scopeKey: string,
  idleMilliseconds: number,
  now: Date = new Date(),
): string | undefined {
  const id = database
    .prepare('SELECT id FROM conversations WHERE scope = ? ORDER BY updated_at DESC LIMIT 1')
    .pluck()
    .get(scopeKey) as string | undefined;
  return id === undefined ? undefined : findConversation(database, id, idleMilliseconds, now)?.id;
}

/**
 * Creates a conversation in `scope`.
 *
 * @param id the id to use (the CLI lets a user name one); a random UUID by default.
 * @returns the new conversation's id.
 */
export function createConversation(
  database: NewsdeskDatabase,
  scope: ConversationScope,
  id: string = randomUUID(),
  now: Date = new Date(),
): string {
  const timestamp = now.toISOString();
  database
    .prepare(
      `INSERT INTO conversations (id, scope, user_id, channel_id, thread_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      scope.key,
      scope.userId ?? null,
      scope.channelId ?? null,
      scope.threadId ?? null,
      timestamp,
      timestamp,
    );
  return id;
}

/** The last `limit` turns of a conversation, oldest first. */
export function loadTurns(
  database: NewsdeskDatabase,
  conversationId: string,
  limit: number,
): ConversationTurn[] {
  const rows = database
    .prepare(
      `SELECT question, standalone_query AS standaloneQuery, answer, citations FROM conversation_turns
       WHERE conversation_id = ? ORDER BY turn DESC LIMIT ?`,
    )
    .all(conversationId, limit) as TurnRow[];
  return rows.reverse().map((row) => ({ ...row, citations: JSON.parse(row.citations) as Citation[] }));
}

/**
 * Appends a turn and keeps only the newest `maxTurns`, so a long conversation stays bounded.
 */
export function appendTurn(
  database: NewsdeskDatabase,
  conversationId: string,
  turn: ConversationTurn,
  maxTurns: number,
  now: Date = new Date(),
): void {
  const timestamp = now.toISOString();
  database.transaction(() => {
    const next = database
      .prepare('SELECT coalesce(max(turn), 0) + 1 FROM conversation_turns WHERE conversation_id = ?')
      .pluck()
      .get(conversationId) as number;
    database
      .prepare(
        `INSERT INTO conversation_turns (conversation_id, turn, question, standalone_query, answer, citations, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        conversationId,
        next,
        turn.question,
        turn.standaloneQuery,
        turn.answer,
        JSON.stringify(turn.citations),
        timestamp,
      );
    database
      .prepare('DELETE FROM conversation_turns WHERE conversation_id = ? AND turn <= ?')
      .run(conversationId, next - maxTurns);
    database.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(timestamp, conversationId);
  })();
}

/**
 * Deletes every conversation a user started (their "clear my history").
 *
 * @returns how many conversations were deleted.
 */
export function clearConversations(database: NewsdeskDatabase, userId: string): number {
  return database.prepare('DELETE FROM conversations WHERE user_id = ?').run(userId).changes;
}

/**
 * Starts a conversation in `scope` holding a copy of another's turns (a thread started from an answer
 * carries that answer's conversation on, while the original can still continue where it was).
 *
 * @returns the new conversation's id.
 */
export function copyConversation(
  database: NewsdeskDatabase,
  sourceId: string,
  scope: ConversationScope,
  now: Date = new Date(),
): string {
  return database.transaction(() => {
    const id = createConversation(database, scope, randomUUID(), now);
    database
      .prepare(
        `INSERT INTO conversation_turns (conversation_id, turn, question, standalone_query, answer, citations, created_at)
         SELECT ?, turn, question, standalone_query, answer, citations, created_at
         FROM conversation_turns WHERE conversation_id = ?`,
      )
      .run(id, sourceId);
    return id;
  })();
}
