import type { CoreContext } from '../context.js';
import { splitIntoSentences } from '../knowledge/splitIntoPassages.js';
import type { QueryPlan } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import type { Answer } from './answer.js';
import { type ComposedAnswer, composeExtractiveAnswer } from './composeExtractiveAnswer.js';

/** A composed answer and which composer made it. */
export type ComposerResult = ComposedAnswer & Pick<Answer, 'composer' | 'fallbackReason'>;

/**
 * Composes the answer to `question` from the retrieved passages with the composer the context is
 * configured for. Offline (the default) that is the extractive composer.
 *
 * @param question the question as retrieval saw it (for a follow-up, the standalone question).
 */
export async function composeAnswer(
  _context: CoreContext,
  question: string,
  plan: QueryPlan,
  passages: readonly RetrievedPassage[],
): Promise<ComposerResult> {
  return { ...composeExtractiveAnswer(question, plan, passages, splitIntoSentences), composer: 'extractive' };
}
