import type { CoreContext } from '../context.js';
import { askInConversation } from '../conversation/askInConversation.js';
import type { ConversationScope } from '../conversation/conversationStore.js';
import { NewsdeskError } from '../errors.js';
import type { ReplyPage } from './packEmbeds.js';
import { renderAnswer } from './renderAnswer.js';
import { addAnswerButtons } from './renderAnswerButtons.js';

/** One question for `composeConversationReply`. */
export interface ConversationQuestion {
  question: string;
  scope: ConversationScope;
  /** The conversation to continue (a button's, a thread's); the scope's latest one without it. */
  conversationId?: string;
  guildId?: string | null;
  /** Whether to offer "Discuss in thread" (see `addAnswerButtons`). */
  discuss: boolean;
}

/**
 * Answers a question as a turn of its conversation (`askInConversation`) and renders it for Discord
 * (`renderAnswer`) with the Follow-up button, which carries the conversation id, under the last page.
 *
 * @returns at least one page.
 * @throws UserInputError for an empty or over-long question; the core's errors otherwise.
 */
export async function composeConversationReply(
  context: CoreContext,
  request: ConversationQuestion,
): Promise<ReplyPage[]> {
  const answer = await askInConversation(context, {
    question: request.question,
    scope: request.scope,
    ...(request.conversationId && { conversationId: request.conversationId }),
    ...(request.guildId && { guildId: request.guildId }),
  });
  if (!answer.conversationId) throw new NewsdeskError('no_conversation', 'the answer names no conversation');
  return addAnswerButtons(renderAnswer(answer), answer.conversationId, { discuss: request.discuss });
}
