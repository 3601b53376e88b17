import { z } from 'zod';
import { LanguageModelError } from '../errors.js';
import type { LanguageModel } from '../languageModel/languageModel.js';
import type { Logger } from '../logger.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { buildAnswerPrompt } from './buildAnswerPrompt.js';
import { checkGrounding } from './checkGrounding.js';
import { abstain, type ComposedAnswer } from './composeExtractiveAnswer.js';

/** What the model must return; anything else is malformed output and falls back. */
const modelAnswerSchema = z.object({
  answer: z.string().max(4000),
  used: z.array(z.number().int()).max(50),
  abstained: z.boolean(),
});

/**
 * Composes a fluent answer with the language model from the retrieved passages, then checks it with
 * `checkGrounding`: only cited sentences survive, each citing a passage that was given. When the model
 * abstains, the answer is the standard abstention.
 *
 * @param passages the retrieved passages, best first; they become sources 1…n in the prompt.
 * @throws LanguageModelError when the call fails (timeout, 429 or 5xx after the client's retries,
 *   refusal, malformed output) or the answer is ungrounded; the caller falls back to quoting.
 */
export async function composeWithLanguageModel(
  languageModel: LanguageModel,
  logger: Logger,
  question: string,
  passages: readonly RetrievedPassage[],
): Promise<ComposedAnswer> {
  const output = await languageModel.completeJson(buildAnswerPrompt(question, passages), modelAnswerSchema);
  if (output.abstained || output.answer.trim() === '') return abstain();
  const checked = checkGrounding(output.answer, output.used, passages);
  if (!checked.grounded) throw new LanguageModelError(checked.reason, { retryable: false });
  if (checked.removedSentences > 0) {
    logger.info(
      { removedSentences: checked.removedSentences },
      'removed uncited sentences from a model answer',
    );
  }
  return checked.composed;
}
