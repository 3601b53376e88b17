import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/answer.js';
import type { CoreContext } from '../context.js';
import { askInConversation } from '../conversation/askInConversation.js';
import type { EvaluationItem, EvaluationTurn } from './evaluationItem.js';
import { hasSourceInTopFive, scoreAnswer, type Verdict } from './scoreAnswer.js';

/** One item's outcome. */
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

function hasExpectation(turn: EvaluationTurn): boolean {
  return turn.answerable !== undefined || turn.must_include !== undefined || turn.source !== undefined;
}

/**
 * Runs one item: a single question, or each turn of a conversation in one new conversation. The item
 * passes when every turn that states an expectation passes; recall@5 is read on the last such turn.
 */
async function runItem(context: CoreContext, item: EvaluationItem, today?: string): Promise<ItemResult> {
  const turns: EvaluationTurn[] = 'turns' in item ? item.turns : [item];
  const conversationId = randomUUID();
  const answers: Answer[] = [];
  const reasons: string[] = [];
  let sourceInTopFive: boolean | null = null;
  for (const [index, turn] of turns.entries()) {
    const answer = await askInConversation(context, {
      question: turn.question,
      scope: { key: 'eval' },
      conversationId,
      ...((item.today ?? today) !== undefined && { today: item.today ?? today }),
    });
    answers.push(answer);
    if (!hasExpectation(turn)) continue;
    const verdict: Verdict = scoreAnswer(answer, turn);
    const prefix = turns.length > 1 ? `turn ${index + 1}: ` : '';
    reasons.push(...verdict.reasons.map((reason) => `${prefix}${reason}`));
    if (turn.answerable !== false && turn.source) sourceInTopFive = hasSourceInTopFive(answer, turn.source);
  }
  return {
    id: item.id,
    status: reasons.length === 0 ? 'passed' : 'failed',
    answers,
    reasons,
    sourceInTopFive,
  };
}

/**
 * Runs every item through the same code path as the `ask` command (each in a conversation of its own)
 * and scores it.
 *
 * @param today the reference date (YYYY-MM-DD) for items without a `today` of their own; default: the current date.
 */
export async function runEvaluation(
  context: CoreContext,
  items: EvaluationItem[],
  today?: string,
): Promise<EvaluationReport> {
  const results: ItemResult[] = [];
  for (const item of items) results.push(await runItem(context, item, today));
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
