import type { Answer } from '../answer/answer.js';
import { askQuestion } from '../answer/askQuestion.js';
import type { CoreContext } from '../context.js';
import type { EvaluationItem } from './evaluationItem.js';
import { hasSourceInTopFive, scoreAnswer, type Verdict } from './scoreAnswer.js';

/** One item's outcome. Conversation items are `skipped` until follow-up questions are supported. */
export interface ItemResult {
  id: string;
  status: 'passed' | 'failed' | 'skipped';
  answers: Answer[];
  reasons: string[];
  /** For answerable items with a source: whether a passage of it was in the top 5; else null. */
  sourceInTopFive: boolean | null;
}

/** Totals over a question file; recall@5 counts answerable items that name a source. */
export interface EvaluationReport {
  results: ItemResult[];
  passed: number;
  failed: number;
  skipped: number;
  recallAtFive: { hits: number; total: number };
}

/**
 * Runs every item through `askQuestion`, the same code path as the `ask` command, and scores it.
 */
export async function runEvaluation(
  context: CoreContext,
  items: EvaluationItem[],
): Promise<EvaluationReport> {
  const results: ItemResult[] = [];
  for (const item of items) {
    if ('turns' in item) {
      results.push({
        id: item.id,
        status: 'skipped',
        answers: [],
        reasons: ['conversation'],
        sourceInTopFive: null,
      });
      continue;
    }
    const answer = await askQuestion(context, item.question);
    const verdict: Verdict = scoreAnswer(answer, item);
    results.push({
      id: item.id,
      status: verdict.passed ? 'passed' : 'failed',
      answers: [answer],
      reasons: verdict.reasons,
      sourceInTopFive:
        item.answerable !== false && item.source ? hasSourceInTopFive(answer, item.source) : null,
    });
  }
  const count = (status: ItemResult['status']) => results.filter((result) => result.status === status).length;
  const recalled = results.filter((result) => result.sourceInTopFive !== null);
  return {
    results,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    recallAtFive: {
      hits: recalled.filter((result) => result.sourceInTopFive).length,
      total: recalled.length,
    },
  };
}
