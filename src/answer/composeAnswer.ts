import type { CoreContext } from '../context.js';
import { LanguageModelError } from '../errors.js';
import { splitIntoSentences } from '../knowledge/splitIntoPassages.js';
import type { QueryPlan } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { takeLanguageModelCall } from '../storage/languageModelCalls.js';
import type { Answer } from './answer.js';
import type { AnswerPromptOptions } from './buildAnswerPrompt.js';
import { type ComposedAnswer, composeExtractiveAnswer } from './composeExtractiveAnswer.js';
import { composeWithLanguageModel } from './composeWithLanguageModel.js';
import { findMissingNames } from './findMissingNames.js';
import { markRepublications } from './markRepublications.js';

/** A composed answer and which composer made it. */
export type ComposerResult = ComposedAnswer & Pick<Answer, 'composer' | 'fallbackReason' | 'notice'>;

/** Shown with an answer quoted because the language model failed, so users know why it reads differently. */
export const unavailableNotice = 'Quoted summary: the language model was unavailable.';

/**
 * Composes the answer to `question` from the retrieved passages with the composer the context is
 * configured for. Offline (no `context.languageModel`) that is the extractive composer. With a
 * language model, the model composes unless nothing was retrieved or the question names something no
 * article mentions (then the extractive abstention is certain, and the model is not asked). Any model
 * failure — timeout, 429 or 5xx after the client's retries, refusal, malformed or ungrounded output —
 * falls back to the extractive answer with `fallbackReason` and `notice`; nothing is thrown.
 *
 * Calls for a Discord server count against `LLM_DAILY_LIMIT_PER_GUILD` (UTC days); past it answers are
 * extractive, and the first such answer of the day carries a notice saying so.
 *
 * @param question the question as retrieval saw it (for a follow-up, the standalone question).
 * @param options.guildId the asking Discord server; without one (the command line) no limit applies.
 * @param options.scope the question's time scope and `options.today` today's date (YYYY-MM-DD), for
 *   the model's prompt (see `buildAnswerPrompt`).
 */
export async function composeAnswer(
  context: CoreContext,
  question: string,
  plan: QueryPlan,
  passages: readonly RetrievedPassage[],
  options: { guildId?: string; citedPassageIds?: readonly string[] } & AnswerPromptOptions = {},
): Promise<ComposerResult> {
  const marked = markRepublications(context.database, passages);
  const quote = () =>
    composeExtractiveAnswer(question, plan, marked, splitIntoSentences, {
      ...(options.scope && { scope: options.scope }),
      ...(options.citedPassageIds && { citedPassageIds: options.citedPassageIds }),
      ...(options.today && { today: options.today }),
    });
  const { languageModel, logger, config } = context;
  if (!languageModel || passages.length === 0 || findMissingNames(question, plan).length > 0) {
    return { ...quote(), composer: 'extractive' };
  }
  if (options.guildId !== undefined) {
    const limit = config.LLM_DAILY_LIMIT_PER_GUILD;
    const decision = takeLanguageModelCall(context.database, options.guildId, limit);
    if (!decision.allowed) {
      const notice = `This server has used today's ${limit} language-model answers; until midnight UTC, answers are quoted summaries.`;
      return {
        ...quote(),
        composer: 'extractive',
        fallbackReason: 'daily limit reached',
        ...(decision.firstRefusalToday ? { notice } : {}),
      };
    }
  }
  try {
    return {
      ...(await composeWithLanguageModel(languageModel, logger, question, passages, {
        ...(options.scope ? { scope: options.scope } : {}),
        ...(options.today ? { today: options.today } : {}),
      })),
      composer: 'openai',
    };
  } catch (error) {
    // Anything at all falls back: a user always gets an answer or an honest abstention.
    const fallbackReason = error instanceof LanguageModelError ? error.message : 'unexpected error';
    logger.warn(
      { err: error, model: languageModel.model, fallbackReason },
      'language model answer fell back to quoting',
    );
    return { ...quote(), composer: 'extractive', fallbackReason, notice: unavailableNotice };
  }
}
