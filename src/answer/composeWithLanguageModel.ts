import { LanguageModelError } from '../errors.js';
import type { LanguageModel } from '../languageModel/languageModel.js';
import type { Logger } from '../logger.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { type AnswerPromptOptions, buildAnswerPrompt } from './buildAnswerPrompt.js';
import { checkGrounding } from './checkGrounding.js';
import { abstain, type ComposedAnswer } from './composeExtractiveAnswer.js';
import { readModelAnswer } from './readModelAnswer.js';

/**
 * Composes a fluent answer with the language model from the retrieved passages: the reply is read
 * tolerantly (`readModelAnswer`: plain text or any JSON shape, a cut-off last sentence dropped), then
 * checked with `checkGrounding`: only cited sentences survive, each citing a passage that was given.
 * When the model abstains, the answer is the standard abstention.
 *
 * @param passages the retrieved passages, best first; the prompt numbers them in date order.
 * @param options.scope the question's time scope and `options.today` today's date (YYYY-MM-DD), both
 *   given to the model with the story's timeline.
 * @throws LanguageModelError when the call fails (timeout, 429 or 5xx after the client's retries,
 *   refusal, a reply with no readable answer) or the answer is ungrounded; the caller falls back to quoting.
 */
export async function composeWithLanguageModel(
  languageModel: LanguageModel,
  logger: Logger,
  question: string,
  passages: readonly RetrievedPassage[],
  options: AnswerPromptOptions = {},
): Promise<ComposedAnswer> {
  const { messages, sources } = buildAnswerPrompt(question, passages, options);
  const reading = readModelAnswer(await languageModel.complete(messages));
  if (reading.kind === 'unreadable') throw new LanguageModelError(reading.reason, { retryable: false });
  if (reading.kind === 'abstained') return abstain();
  const checked = checkGrounding(
    reading.answer,
    reading.used,
    sources.map((source) => source.passage),
  );
  if (!checked.grounded) throw new LanguageModelError(checked.reason, { retryable: false });
  if (checked.removedSentences > 0 || reading.droppedCutSentence) {
    logger.info(
      {
        removedSentences: checked.removedSentences,
        untimely: checked.untimely,
        droppedCutSentence: reading.droppedCutSentence,
      },
      'removed uncited, untimely or cut-off sentences from a model answer',
    );
  }
  return checked.composed;
}
