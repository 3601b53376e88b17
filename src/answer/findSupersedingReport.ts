import { classifyStatement } from '../evidence/classifyStatement.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';
import { toIsoDay } from './frameClaims.js';

/** Stems a change of plan must share with the plan it changes ("talks", "ministry", "labour"): one is chance. */
const minSharedStems = 3;

/**
 * A later report that changes or cancels the plan a sentence states: the answer to "where will the
 * talks be held?" quotes "talks are due to open on Monday at the ministry" (7 Oct) until "talks … will
 * be held in Port Halvard instead" (9 Oct) replaces it. The plan must be a scheduled event
 * (`classifyStatement`), the report a change or cancellation published after it that shares at least
 * three of its stems. Of several, the newest wins.
 *
 * @param sentences every candidate sentence of the retrieved passages.
 * @returns the superseding sentence, or null when the plan stands (or `plan` states none).
 */
export function findSupersedingReport<Sentence extends { text: string; passage: RetrievedPassage }>(
  sentences: readonly Sentence[],
  plan: Sentence,
): Sentence | null {
  const planDay = toIsoDay(plan.passage.published);
  if (planDay === null || classifyStatement(plan.text).kind !== 'scheduled') return null;
  const planStems = new Set(searchStems(plan.text));
  let newest: { sentence: Sentence; day: string } | null = null;
  for (const sentence of sentences) {
    const day = toIsoDay(sentence.passage.published);
    if (day === null || day <= planDay || (newest !== null && day <= newest.day)) continue;
    const { kind } = classifyStatement(sentence.text);
    if (kind !== 'changed' && kind !== 'cancelled') continue;
    const shared = searchStems(sentence.text).filter((stem) => planStems.has(stem)).length;
    if (shared >= minSharedStems) newest = { sentence, day };
  }
  return newest?.sentence ?? null;
}
