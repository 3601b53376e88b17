import { LanguageModelError } from '../errors.js';
import type { LanguageModel } from '../languageModel/languageModel.js';
import type { Logger } from '../logger.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { buildAnswerPrompt } from './buildAnswerPrompt.js';
import { checkGrounding } from './checkGrounding.js';
import { abstain, type ComposedAnswer } from './composeExtractiveAnswer.js';
import { readModelAnswer } from './readModelAnswer.js';

/**
 * Composes a fluent answer with the language model from the retrieved passages: the reply is read
 * tolerantly (`readModelAnswer`: plain text or any JSON shape, a cut-off last sentence dropped), then
 * checked with `checkGrounding`: only cited sentences survive, each citing a passage that was given.
 * When the model abstains, the answer is the standard abstention.
 *
 * @param passages the retrieved passages, best first; they become sources 1…n in the prompt.
 * @throws LanguageModelError when the call fails (timeout, 429 or 5xx after the client's retries,
 *   refusal, a reply with no readable answer) or the answer is ungrounded; the caller falls back to quoting.
 */
export async function composeWithLanguageModel(
  languageModel: LanguageModel,
  logger: Logger,
  question: string,
  passages: readonly RetrievedPassage[],
): Promise<ComposedAnswer> {
  const { messages, sources } = buildAnswerPrompt(question, passages);
  const reading = readModelAnswer(await languageModel.complete(messages));
  if (reading.kind === 'unreadable') throw new LanguageModelError(reading.reason, { retryable: false });
  if (reading.kind === 'abstained') return abstain();
  const checked = checkGrounding(reading.answer, reading.used, sources);
  if (!checked.grounded) throw new LanguageModelError(checked.reason, { retryable: false });
  if (checked.removedSentences > 0 || reading.droppedCutSentence) {
    logger.info(
      { removedSentences: checked.removedSentences, droppedCutSentence: reading.droppedCutSentence },
      'removed uncited or cut-off sentences from a model answer',
    );
  }
  return checked.composed;
}
