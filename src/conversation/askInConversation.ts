import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/answer.js';
import { askQuestion, validateQuestion } from '../answer/askQuestion.js';
import type { CoreContext } from '../context.js';
import { isDatabaseBusy } from '../storage/database.js';
import { takeLanguageModelCall } from '../storage/languageModelCalls.js';
import { buildStandaloneQuery, isFollowUp, type StandaloneQuery } from './buildStandaloneQuery.js';
import {
  appendTurn,
  type ConversationScope,
  type ConversationTurn,
  createConversation,
  findConversation,
  findLatestConversation,
  loadTurns,
} from './conversationStore.js';
import { rewriteFollowUp } from './rewriteFollowUp.js';

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
  /**
   * The Discord server asking: a follow-up's model rewrite and the answer each count as one call
   * against its `LLM_DAILY_LIMIT_PER_GUILD`. Absent on the command line, where nothing is capped.
   */
  guildId?: string;
  /** The current time (a parameter so tests can move the clock). */
  now?: Date;
  /** The reference date (YYYY-MM-DD) for "now", "since Tuesday", "last week"; default: `now`'s UTC date. */
  today?: string;
}

const hour = 60 * 60 * 1000;

/**
 * Runs a write that only remembers the conversation. When another process holds the database past
 * the busy timeout (an ingest run beside the bot), the answer matters more than the memory: the write
 * is skipped with a warning and `fallback` stands in for its result, so reading never waits on a lock
 * for more than the timeout and never fails for one.
 */
function remember<T>(context: CoreContext, write: () => T, fallback: T, forgotten: { turn: boolean }): T {
  try {
    return write();
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    context.logger.warn(
      { err: error },
      'the database is busy: this turn of the conversation is not remembered',
    );
    forgotten.turn = true;
    return fallback;
  }
}

/** Told with an answer whose turn could not be stored, so a follow-up that loses the thread is explained. */
const forgottenNotice =
  'The database was busy (another process held it), so this answer is not remembered for follow-ups.';

/**
 * The standalone form of a follow-up: rewritten by the language model when one is configured (it
 * resolves "that plan" better than word overlap), else built lexically; a failed rewrite falls back to
 * the lexical form, so a model outage never costs an answer. For a Discord server the rewrite is one
 * call against its daily limit; past the limit the lexical form is used, and the day's notice is left
 * for the answer to give.
 */
async function resolveFollowUp(
  context: CoreContext,
  question: string,
  turns: readonly ConversationTurn[],
  guildId: string | undefined,
): Promise<StandaloneQuery> {
  const lexical = buildStandaloneQuery(question, turns);
  if (!context.languageModel || turns.length === 0 || !isFollowUp(question)) return lexical;
  if (guildId !== undefined) {
    const limit = context.config.LLM_DAILY_LIMIT_PER_GUILD;
    const decision = takeLanguageModelCall(context.database, guildId, limit, { claimsNotice: false });
    if (!decision.allowed) {
      context.logger.info({ guildId, limit }, 'daily limit reached; using the lexical standalone query');
      return lexical;
    }
  }
  try {
    const rewritten = await rewriteFollowUp(context.languageModel, turns, question);
    return { question: rewritten, carriedText: '', text: rewritten };
  } catch (error) {
    context.logger.warn({ err: error }, 'follow-up rewrite failed; using the lexical standalone query');
    return lexical;
  }
}

/**
 * Answers a question as a turn of a conversation: earlier turns give a follow-up its context ("why did
 * that plan fall through?"), the turn is stored (bounded to CONVERSATION_MAX_TURNS; conversations
 * expire after CONVERSATION_IDLE_HOURS idle), and the answer reports `conversationId` and
 * `standaloneQuery` (the language model's rewrite of a follow-up when one is configured, else the
 * question with its carried context). Citations are numbered afresh for every answer.
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
  const forgotten = { turn: false };
  const conversationId =
    existing ??
    remember(
      context,
      () => createConversation(database, request.scope, newId, now),
      newId ?? randomUUID(),
      forgotten,
    );
  const turns = loadTurns(database, conversationId, config.CONVERSATION_MAX_TURNS);
  const standalone = await resolveFollowUp(context, question, turns, request.guildId);
  const asked = await askQuestion(context, standalone.question, {
    carriedText: standalone.carriedText,
    ...(standalone.citedPassageIds && { citedPassageIds: standalone.citedPassageIds }),
    today: request.today ?? now.toISOString().slice(0, 10),
    ...(request.guildId ? { guildId: request.guildId } : {}),
  });
  const answer = { ...asked, question };
  const turn = {
    question,
    standaloneQuery: standalone.text,
    answer: answer.answer,
    citations: answer.citations,
  };
  remember(
    context,
    () => appendTurn(database, conversationId, turn, config.CONVERSATION_MAX_TURNS, now),
    undefined,
    forgotten,
  );
  const notice = forgotten.turn ? [answer.notice, forgottenNotice].filter(Boolean).join(' ') : answer.notice;
  return { ...answer, ...(notice && { notice }), conversationId, standaloneQuery: standalone.text };
}
