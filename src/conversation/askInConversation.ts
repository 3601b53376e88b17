import type { Answer } from '../answer/answer.js';
import { askQuestion, validateQuestion } from '../answer/askQuestion.js';
import type { CoreContext } from '../context.js';
import { buildStandaloneQuery } from './buildStandaloneQuery.js';
import {
  appendTurn,
  type ConversationScope,
  createConversation,
  findConversation,
  findLatestConversation,
  loadTurns,
} from './conversationStore.js';

/** A question asked within a conversation. */
export interface ConversationRequest {
  question: string;
  scope: ConversationScope;
  /**
   * Continue this conversation (or start one with this id when it does not exist or has expired; a
   * conversation of another scope is never continued: a new one starts). Without it, the scope's
   * latest unexpired conversation continues, or a new one starts.
   */
  conversationId?: string;
  guildId?: string;
  /** The current time (a parameter so tests can move the clock). */
  now?: Date;
}

const hour = 60 * 60 * 1000;

/**
 * Answers a question as a turn of a conversation: earlier turns give a follow-up its context ("why did
 * that plan fall through?"), the turn is stored (bounded to CONVERSATION_MAX_TURNS; conversations
 * expire after CONVERSATION_IDLE_HOURS idle), and the answer reports `conversationId` and
 * `standaloneQuery`. Citations are numbered afresh for every answer.
 *
 * @throws UserInputError for an empty or over-long question (nothing is stored then).
 */
export async function askInConversation(context: CoreContext, request: ConversationRequest): Promise<Answer> {
  const { database, config } = context;
  const question = validateQuestion(request.question);
  const now = request.now ?? new Date();
  const idle = config.CONVERSATION_IDLE_HOURS * hour;
  const named = request.conversationId
    ? findConversation(database, request.conversationId, idle, now)
    : undefined;
  // Someone else's conversation (another user's button, another thread) is never continued or shared.
  const foreign = named !== undefined && named.scope !== request.scope.key;
  const existing = request.conversationId
    ? foreign
      ? undefined
      : named?.id
    : findLatestConversation(database, request.scope.key, idle, now);
  const newId = foreign ? undefined : request.conversationId;
  const conversationId = existing ?? createConversation(database, request.scope, newId, now);
  const turns = loadTurns(database, conversationId, config.CONVERSATION_MAX_TURNS);
  const standalone = buildStandaloneQuery(question, turns);
  const answer = await askQuestion(context, question, {
    carriedText: standalone.carriedText,
    ...(request.guildId ? { guildId: request.guildId } : {}),
  });
  appendTurn(
    database,
    conversationId,
    { question, standaloneQuery: standalone.text, answer: answer.answer, citations: answer.citations },
    config.CONVERSATION_MAX_TURNS,
    now,
  );
  return { ...answer, conversationId, standaloneQuery: standalone.text };
}
