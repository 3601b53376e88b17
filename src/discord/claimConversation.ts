import type { ConversationScope } from '../conversation/conversationStore.js';
import { UserInputError } from '../errors.js';

/** What a user is told when they ask again before their previous answer is sent. */
export const stillAnsweringMessage = "I'm still answering your previous question — one moment.";

/**
 * Marks a user's conversation as being answered, so a second question in the same scope waits its
 * turn instead of racing the first one into the conversation. `questionsInFlight` belongs to one bot
 * instance (built in `startBot`), never to the module.
 *
 * @returns the release function; call it in `finally`, so a failed or abandoned answer never leaves
 *   the user blocked.
 * @throws UserInputError (`stillAnsweringMessage`) when that user's previous question in this scope is
 *   still being answered.
 */
export function claimConversation(
  questionsInFlight: Set<string>,
  scope: ConversationScope,
  userId: string,
): () => void {
  // Per user even in a shared thread: two people there may ask at once, one person may not.
  const key = `${scope.key}#${userId}`;
  if (questionsInFlight.has(key)) throw new UserInputError(stillAnsweringMessage);
  questionsInFlight.add(key);
  return () => questionsInFlight.delete(key);
}
