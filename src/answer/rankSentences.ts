import type { TimeScope } from '../question/timeScope.js';
import type { QueryPlan } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';
import {
  asksForOriginalPlan,
  datesElapsedTime,
  fitsAnswerKind,
  fitsDimension,
  fitsPlanTense,
  givesReason,
  namesPlace,
  namesSpecificTime,
  readAnswerKind,
  readDimension,
} from './answerKind.js';
import type { CollapsedPassage } from './collapseRepublications.js';
import { findSupersedingReport } from './findSupersedingReport.js';
import { toIsoDay } from './frameClaims.js';
import { asksAboutSaying, dropReportDates } from './reportDates.js';
import { type ScoredSentence, scoreSentences } from './scoreSentences.js';

/** How the question was read, beyond its words. */
export interface RankingOptions {
  /** The question's time scope (latest, as of, since, …); none by default. */
  scope?: TimeScope;
  /** A follow-up's previous answer's passages: the conversation's subject, preferred among equals. */
  citedPassageIds?: readonly string[];
  /** The reference day (YYYY-MM-DD) "how long has it been …?" counts up to; none by default. */
  today?: string;
}

/** A candidate sentence with its answer score (higher is better). */
export type RankedSentence = ScoredSentence & { passage: CollapsedPassage; score: number };

// A dropped plan quoted as the answer to a question about the present misleads: it costs more than a
// matching one gains.
const planTenseWeight = { '-1': -0.45, '0': 0, '1': 0.1 } as const;
// On a developing story the newest report of a thing is the one a reader wants: when the question asks
// about the present (or the state as of a date) the newest covering sentence wins over an older one
// that covers a little more; otherwise recency only breaks near-ties.
const recencyWeight = { current: 0.3, otherwise: 0.06 } as const;
const subjectBonus = { passage: 0.1, article: 0.05 } as const;
const asksForCurrentState = new Set<TimeScope['operator']>(['latest', 'asOf']);
/** Each passage's publication day as a share (0–1) of the span from the oldest retrieved to the newest. */
function measureRecency(passages: readonly RetrievedPassage[]): (passage: RetrievedPassage) => number {
  const days = passages.flatMap((passage) => {
    const day = toIsoDay(passage.published);
    return day ? [Date.parse(day)] : [];
  });
  const oldest = Math.min(...days);
  const span = Math.max(...days) - oldest;
  return (passage) => {
    const day = toIsoDay(passage.published);
    return day && span > 0 ? (Date.parse(day) - oldest) / span : 0;
  };
}

/**
 * The articles of the passages a follow-up's previous answer cited: the conversation's subject.
 *
 * @param citedPassageIds passage ids; none gives an empty set.
 */
export function findCitedArticles(
  passages: readonly RetrievedPassage[],
  citedPassageIds: readonly string[] = [],
): Set<string> {
  const cited = new Set(citedPassageIds);
  return new Set(
    passages.filter((passage) => cited.has(passage.passageId)).map((passage) => passage.articleId),
  );
}

function rankByScore(
  question: string,
  plan: QueryPlan,
  passages: readonly CollapsedPassage[],
  splitSentences: (text: string) => string[],
  options: RankingOptions,
): RankedSentence[] {
  const scope = options.scope ?? { operator: 'none' };
  const kind = readAnswerKind(question);
  const dimension = readDimension(question);
  const recency = measureRecency(passages);
  // "How long has it been shut?" asks how long so far: the newest report knows most.
  const recencyShare =
    asksForCurrentState.has(scope.operator) || kind === 'elapsed'
      ? recencyWeight.current
      : recencyWeight.otherwise;
  // Asked when something happens, the day someone spoke of it is no answer; asked when it was said, it is.
  const timed = (text: string): string =>
    (kind === 'time' || kind === 'clock') && !asksAboutSaying(question) ? dropReportDates(text) : text;
  // "Which hotel did the Holmbury passengers stay at?" is not answered by a sentence naming only Holmbury.
  const askedStems = new Set(searchStems(question));
  const cited = new Set(options.citedPassageIds ?? []);
  const citedArticles = findCitedArticles(passages, options.citedPassageIds);
  // "Who said that?", "and why?": the passage just discussed, then its article, over others alike.
  const stayOnSubject = (passage: RetrievedPassage): number =>
    cited.has(passage.passageId)
      ? subjectBonus.passage
      : citedArticles.has(passage.articleId)
        ? subjectBonus.article
        : 0;
  return (
    scoreSentences(plan.concepts, passages, splitSentences) as (ScoredSentence & {
      passage: CollapsedPassage;
    })[]
  )
    .filter(
      (sentence) =>
        fitsAnswerKind(timed(sentence.text), kind, askedStems) && fitsDimension(sentence.text, dimension),
    )
    .map((sentence) => ({
      ...sentence,
      score:
        stayOnSubject(sentence.passage) +
        recencyShare * recency(sentence.passage) +
        0.75 * sentence.coverageInContext +
        0.25 * sentence.coverage +
        planTenseWeight[fitsPlanTense(sentence.text, question)] +
        (givesReason(sentence.text, question) ? 0.15 : 0) +
        (namesSpecificTime(timed(sentence.text), kind) ||
        namesPlace(sentence.text, kind) ||
        datesElapsedTime(sentence.text, kind)
          ? 0.1
          : 0) -
        0.01 * sentence.passageRank,
    }))
    .sort((a, b) => b.score - a.score);
}

/** Sentences re-ranked for a question about the original plan: this many of the best are looked at. */
const reconsidered = 10;
const changedPlanBonus = 0.15;

/**
 * Asked what was "originally" planned, the plan a later report changed is the answer, though nothing
 * in its own words says it was dropped ("talks will open next Monday at the ministry", then "moved
 * to the port"): such a plan moves up among the best sentences.
 */
function preferChangedPlans(question: string, ranked: RankedSentence[]): RankedSentence[] {
  if (!asksForOriginalPlan(question)) return ranked;
  const top = ranked
    .slice(0, reconsidered)
    .map((sentence) =>
      findSupersedingReport(ranked, sentence)
        ? { ...sentence, score: sentence.score + changedPlanBonus }
        : sentence,
    );
  return [...top.sort((a, b) => b.score - a.score), ...ranked.slice(reconsidered)];
}

/**
 * Scores every sentence of the retrieved passages as an answer and sorts them, best first: coverage of
 * the question (in context and on its own), the answer kind it needs (a sentence without a time,
 * number or place for "when", "how many", "where", or without a length for "how deep", is left out),
 * the plan's tense, a reason for "why", a length or a start for "how long has it been", newer reports
 * (outright for "now"/"as of" questions, as a tie-break otherwise), and for a follow-up the passage
 * and article just discussed. Asked what was "originally" planned, a plan a
 * later report changed moves up.
 *
 * @param passages retrieved passages with republications collapsed, in retrieval order.
 */
export function rankSentences(
  question: string,
  plan: QueryPlan,
  passages: readonly CollapsedPassage[],
  splitSentences: (text: string) => string[],
  options: RankingOptions = {},
): RankedSentence[] {
  return preferChangedPlans(question, rankByScore(question, plan, passages, splitSentences, options));
}
