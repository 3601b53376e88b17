import type { ConversationScope } from '../conversation/conversationStore.js';
import { findBotThread } from '../storage/botThreads.js';
import type { NewsdeskDatabase } from '../storage/database.js';

/** The conversation a question belongs to, as `askInConversation` takes it. */
export interface ConversationPlace {
  scope: ConversationScope;
  /** Set inside a thread the bot started: the thread's conversation. */
  conversationId?: string;
  /** Whether the question was asked inside a thread the bot started. */
  inBotThread: boolean;
}

/**
 * Places a question: inside a thread the bot started, the thread's shared conversation
 * (`thread:<threadId>`); anywhere else, the asker's own conversation in that channel
 * (`channel:<channelId>:user:<userId>`), so two people in one channel never share one.
 */
export function resolveConversationScope(
  database: NewsdeskDatabase,
  { userId, channelId }: { userId: string; channelId: string },
): ConversationPlace {
  const thread = findBotThread(database, channelId);
  if (thread) {
    return {
      scope: { key: `thread:${channelId}`, userId, channelId: thread.parentChannelId, threadId: channelId },
      conversationId: thread.conversationId,
      inBotThread: true,
    };
  }
  return { scope: { key: `channel:${channelId}:user:${userId}`, userId, channelId }, inBotThread: false };
}
