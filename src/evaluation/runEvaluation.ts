import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/answer.js';
import type { CoreContext } from '../context.js';
import { askInConversation } from '../conversation/askInConversation.js';
import { NewsdeskError } from '../errors.js';
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

// One item the answer path refuses (an over-long question) or trips on fails alone; a database that
// cannot be read fails every item alike, so it stops the run.
async function runItemAlone(context: CoreContext, item: EvaluationItem, today?: string): Promise<ItemResult> {
  try {
    return await runItem(context, item, today);
  } catch (error) {
    if (error instanceof NewsdeskError && error.code.startsWith('database')) throw error;
    const reason = `could not be asked: ${error instanceof Error ? error.message : String(error)}`;
    return { id: item.id, status: 'failed', answers: [], reasons: [reason], sourceInTopFive: null };
  }
}

/**
 * Runs every item through the same code path as the `ask` command (each in a conversation of its own)
 * and scores it. An item that cannot be asked (the answer path throws) is reported as failed, with
 * the error as its reason, and the run goes on.
 *
 * @param today the reference date (YYYY-MM-DD) for items without a `today` of their own; default: the current date.
 * @throws NewsdeskError with a `database…` code when the database is busy, damaged or unreadable.
 */
export async function runEvaluation(
  context: CoreContext,
  items: EvaluationItem[],
  today?: string,
): Promise<EvaluationReport> {
  const results: ItemResult[] = [];
  for (const item of items) results.push(await runItemAlone(context, item, today));
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
