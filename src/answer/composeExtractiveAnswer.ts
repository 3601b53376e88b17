import type { QueryPlan } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import type { Citation } from './answer.js';
import {
  fitsAnswerKind,
  fitsPlanTense,
  givesReason,
  namesPlace,
  namesSpecificTime,
  readAnswerKind,
} from './answerKind.js';
import { CitationList } from './citations.js';
import { findMissingNames } from './findMissingNames.js';
import { type ScoredSentence, scoreSentences } from './scoreSentences.js';

/** The text and citations of a composed answer, or an abstention. */
export interface ComposedAnswer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
}

type RankedSentence = ScoredSentence & { score: number };

// Measured on our question files (test/fixtures): below this share of the question's weight a sentence
// does not answer it, and saying so beats quoting something merely related.
const answerThreshold = 0.5;
// Context (title, antecedent) may lift a sentence over the threshold, but the sentence must carry a
// good part of the question itself: an on-topic article title alone answers nothing.
const ownThreshold = 0.35;
const maxSentences = 3;
const maxAnswerLength = 600;
// A dropped plan quoted as the answer to a question about the present misleads: it costs more than a
// matching one gains.
const planTenseWeight = { '-1': -0.45, '0': 0, '1': 0.1 } as const;

/**
 * Whether most of the question's own words occur in no article ("how did oil prices react to the
 * news?": at least three, and twice as many as those that do): then its subject is something the articles do not cover, whatever else it shares with them.
 */
function isMostlyUnknown(plan: QueryPlan): boolean {
  const asked = plan.concepts.filter((concept) => !concept.carried);
  const unknown = asked.filter((concept) => concept.documentFrequency === 0 && concept.synonyms.length === 0);
  // Paraphrase leaves a word or two unknown; a subject the articles lack leaves most of them unknown.
  return unknown.length >= 3 && unknown.length >= 2 * (asked.length - unknown.length);
}

/**
 * The abstention: a plain sentence, naming what the articles lack when a name is the reason.
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
): RankedSentence[] {
  const kind = readAnswerKind(question);
  return scoreSentences(plan.concepts, passages, splitSentences)
    .filter((sentence) => fitsAnswerKind(sentence.text, kind))
    .map((sentence) => ({
      ...sentence,
      score:
        0.75 * sentence.coverageInContext +
        0.25 * sentence.coverage +
        planTenseWeight[fitsPlanTense(sentence.text, question)] +
        (givesReason(sentence.text, question) ? 0.15 : 0) +
        (namesSpecificTime(sentence.text, kind) || namesPlace(sentence.text, kind) ? 0.1 : 0) -
        0.01 * sentence.passageRank,
    }))
    .sort((a, b) => b.score - a.score);
}

/** Further sentences must answer nearly as well as the best and add something it lacks. */
function chooseSentences(question: string, ranked: RankedSentence[], best: RankedSentence): RankedSentence[] {
  const chosen = [best];
  const covered = new Set(best.covered);
  let length = best.text.length;
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= maxSentences) break;
    if (candidate.coverageInContext < answerThreshold || candidate.score < 0.75 * best.score) continue;
    if (fitsPlanTense(candidate.text, question) < 0) continue;
    const addsConcept = [...candidate.covered].some((stem) => !covered.has(stem));
    if (!addsConcept && candidate.score < 0.9 * best.score) continue;
    if (chosen.some((sentence) => sentence.text === candidate.text)) continue;
    if (length + candidate.text.length > maxAnswerLength) continue;
    chosen.push(candidate);
    length += candidate.text.length;
    for (const stem of candidate.covered) covered.add(stem);
  }
  return chosen;
}

/**
 * Composes a short extractive answer: the one to three retrieved sentences that best cover the
 * question, each followed by its `[n]` citation, with the sentence before when the answer refers back
 * to it for words of the question ("Iranian officials backed out of that plan" needs the plan). Abstains
 * when most of the question's words occur in no article, when no sentence covers at least half of the
 * question's weight (a third of it on its own), when the question names someone or something no article
 * mentions, or when it asks when/how many/where and no covering sentence holds a time, number or place.
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
  const missingNames = findMissingNames(question, plan);
  if (missingNames.length > 0) return abstain(missingNames);
  if (isMostlyUnknown(plan)) return abstain();
  const ranked = rankSentences(question, plan, passages, splitSentences);
  const best = ranked[0];
  if (!best || best.coverageInContext < answerThreshold || best.coverage < ownThreshold) return abstain();

  const citationList = new CitationList();
  const parts: string[] = [];
  const quoted = new Set<string>();
  const quote = ({ text, passage }: { text: string; passage: RetrievedPassage }): void => {
    if (quoted.has(text)) return;
    quoted.add(text);
    parts.push(`${text} [${citationList.cite(passage, text)}]`);
  };
  for (const sentence of chooseSentences(question, ranked, best)) {
    // An antecedent counts towards the three sentences: a short answer stays short.
    if (parts.length + (sentence.antecedent ? 2 : 1) > maxSentences && parts.length > 0) break;
    if (sentence.antecedent) quote(sentence.antecedent);
    quote(sentence);
  }
  return { answer: parts.join(' '), abstained: false, citations: citationList.citations };
}
