import type { Answer } from '../answer/answer.js';
import type { EvaluationTurn } from './evaluationItem.js';

/** A scored answer: `passed`, and when not, why. */
export interface Verdict {
  passed: boolean;
  reasons: string[];
}

/**
 * Scores one answer against its expectations, as the question files define it: an answerable question
 * passes when the answer does not abstain, contains one alternative of every `must_include` group and
 * none of `must_not_include` (case-insensitive), and cites the `source` article (or one of `sources`); an unanswerable one
 * passes when the bot abstains.
 */
export function scoreAnswer(answer: Answer, expected: EvaluationTurn): Verdict {
  if (expected.answerable === false) {
    return answer.abstained ? pass() : fail('answered a question the articles cannot answer');
  }
  if (answer.abstained) return fail('abstained');
  const text = answer.answer.toLowerCase();
  const reasons: string[] = [];
  for (const group of expected.must_include ?? []) {
    if (!group.some((alternative) => text.includes(alternative.toLowerCase()))) {
      reasons.push(`missing one of ${JSON.stringify(group)}`);
    }
  }
  for (const forbidden of expected.must_not_include ?? []) {
    if (text.includes(forbidden.toLowerCase())) reasons.push(`contains ${JSON.stringify(forbidden)}`);
  }
  if (expected.source) {
    const accepted = new Set([expected.source, ...(expected.sources ?? [])]);
    if (!answer.citations.some((citation) => accepted.has(citation.articleId))) {
      reasons.push(`does not cite ${[...accepted].join(' or ')}`);
    }
  }
  return { passed: reasons.length === 0, reasons };
}

/** Whether one of the first five retrieved passages belongs to the expected article (recall@5). */
export function hasSourceInTopFive(answer: Answer, source: string): boolean {
  return answer.retrieval.slice(0, 5).some((passage) => passage.articleId === source);
}

function pass(): Verdict {
  return { passed: true, reasons: [] };
}

function fail(reason: string): Verdict {
  return { passed: false, reasons: [reason] };
}
