import type { NewsdeskDatabase } from './database.js';

/** A thread the bot started from an answer, and the conversation it continues. */
export interface BotThread {
  threadId: string;
  conversationId: string;
  /** The channel whose answer message the thread was started from. */
  parentChannelId: string;
}

/**
 * Records a thread the bot started, so its messages are answered and continue `conversationId`, also
 * after a restart (Discord alone cannot tell us which threads were started for a conversation).
 */
export function rememberBotThread(
  database: NewsdeskDatabase,
  thread: BotThread,
  now: Date = new Date(),
): void {
  database
    .prepare(
      `INSERT INTO bot_threads (thread_id, conversation_id, parent_channel_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (thread_id) DO UPDATE SET conversation_id = excluded.conversation_id`,
    )
    .run(thread.threadId, thread.conversationId, thread.parentChannelId, now.toISOString());
}

/** The bot thread with this channel id, or `undefined` when the bot did not start it (or it is no thread). */
export function findBotThread(database: NewsdeskDatabase, channelId: string): BotThread | undefined {
  return database
    .prepare(
      `SELECT thread_id AS threadId, conversation_id AS conversationId, parent_channel_id AS parentChannelId
       FROM bot_threads WHERE thread_id = ?`,
    )
    .get(channelId) as BotThread | undefined;
}
