import type { QueryPlan } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';
import type { Citation } from './answer.js';
import { fitsAnswerKind, fitsPlanTense, readAnswerKind } from './answerKind.js';
import { CitationList } from './citations.js';
import { measureCoverage, type ScoredSentence, scoreSentences } from './scoreSentences.js';

/** The text and citations of a composed answer, or an abstention. */
export interface ComposedAnswer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
}

// Tuned on our own questions (test/fixtures): below this share of the question's weight, a sentence
// does not answer it, and saying so beats quoting something merely related.
const answerThreshold = 0.5;
const maxSentences = 3;
// A dropped plan quoted as the answer to a question about the present misleads: it costs more than a
// matching one gains.
const planTenseWeight = { '-1': -0.35, '0': 0, '1': 0.1 } as const;
const maxAnswerLength = 600;

/**
 * The abstention sentence: plain, and naming what the articles lack when a name is the reason.
 *
 * @param missingNames names from the question that no article mentions.
 */
export function abstain(missingNames: string[] = []): ComposedAnswer {
  const answer =
    missingNames.length > 0
      ? `The articles I have don't mention ${missingNames.join(' or ')}, so I can't answer that.`
      : "The articles I have don't say, so I can't answer that.";
  return { answer, abstained: true, citations: [] };
}

function rankSentences(
  question: string,
  plan: QueryPlan,
  passages: readonly RetrievedPassage[],
  splitSentences: (text: string) => string[],
): (ScoredSentence & { score: number })[] {
  const kind = readAnswerKind(question);
  const passageCoverage = passages.map(
    (passage) => measureCoverage(plan.concepts, new Set(searchStems(passage.text))).coverage,
  );
  return scoreSentences(plan.concepts, passages, splitSentences)
    .filter((sentence) => fitsAnswerKind(sentence.text, kind))
    .map((sentence) => ({
      ...sentence,
      score:
        0.75 * sentence.coverage +
        0.25 * (passageCoverage[sentence.passageRank] ?? 0) +
        planTenseWeight[fitsPlanTense(sentence.text, question)] -
        0.01 * sentence.passageRank,
    }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Composes a short extractive answer: the one to three retrieved sentences that best cover the
 * question, each followed by its `[n]` citation, or an abstention when no sentence covers at least half
 * of the question's weight, when the question names someone or something no article mentions, or when
 * it asks "when"/"how many" and no covering sentence holds a time or a number.
 *
 * Article text is only ever quoted, never interpreted, so instructions inside an article do nothing.
 *
 * @param splitSentences the sentence splitter passages were built with.
 */
export function composeExtractiveAnswer(
  question: string,
  plan: QueryPlan,
  passages: readonly RetrievedPassage[],
  splitSentences: (text: string) => string[],
): ComposedAnswer {
  const missingNames = plan.concepts
    .filter((concept) => concept.proper && concept.documentFrequency === 0 && concept.synonyms.length === 0)
    .map((concept) => concept.stem);
  if (missingNames.length > 0) return abstain(findSurfaceNames(question, missingNames));
  const ranked = rankSentences(question, plan, passages, splitSentences);
  const best = ranked[0];
  if (!best || best.coverage < answerThreshold) return abstain();

  const chosen = [best];
  const covered = new Set(best.covered);
  let length = best.text.length;
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= maxSentences) break;
    // A further sentence must answer nearly as well and add something the chosen ones lack.
    const addsConcept = [...candidate.covered].some((stem) => !covered.has(stem));
    if (candidate.coverage < answerThreshold || candidate.score < 0.75 * best.score) continue;
    if (fitsPlanTense(candidate.text, question) < 0) continue;
    if (!addsConcept && candidate.score < 0.9 * best.score) continue;
    if (chosen.some((sentence) => sentence.text === candidate.text)) continue;
    if (length + candidate.text.length > maxAnswerLength) continue;
    chosen.push(candidate);
    length += candidate.text.length;
    for (const stem of candidate.covered) covered.add(stem);
  }

  const citationList = new CitationList();
  const answer = chosen
    .map((sentence) => `${sentence.text} [${citationList.cite(sentence.passage, sentence.text)}]`)
    .join(' ');
  return { answer, abstained: false, citations: citationList.citations };
}

/**
 * The question's own spelling of the names no article mentions, adjacent words joined ("FIFA World
 * Cup" rather than "FIFA or World or Cup"), for the abstention sentence.
 */
function findSurfaceNames(question: string, stems: string[]): string[] {
  const missing = new Set(stems);
  const names: string[] = [];
  let current: string[] = [];
  for (const word of question.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (searchStems(word).some((stem) => missing.has(stem))) {
      current.push(word);
      continue;
    }
    if (current.length > 0) names.push(current.join(' '));
    current = [];
  }
  if (current.length > 0) names.push(current.join(' '));
  return names;
}
