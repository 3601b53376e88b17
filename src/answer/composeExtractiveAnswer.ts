import { isConversationalWord } from '../question/conversationalWords.js';
import type { QueryPlan } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import type { Citation } from './answer.js';
import {
  asksForOriginalPlan,
  fitsPlanTense,
  readAnswerKind,
  reportsOutcome,
  statesDuration,
} from './answerKind.js';
import { answerNotYet } from './answerNotYet.js';
import { CitationList } from './citations.js';
import { collapseRepublications } from './collapseRepublications.js';
import { asksDurationSoFar, describeDurationSoFar } from './describeDurationSoFar.js';
import { findAttribution } from './findAttribution.js';
import { findDisagreeingAccounts } from './findDisagreeingAccounts.js';
import { findMismatch, type QuestionFacts, readQuestionFacts } from './findMismatch.js';
import { findMissingNames } from './findMissingNames.js';
import { findNotYet } from './findNotYet.js';
import { findSupersedingReport } from './findSupersedingReport.js';
import {
  describeAsOf,
  explainRelativeDates,
  findNewestDay,
  frameClaim,
  stripDateline,
  toIsoDay,
} from './frameClaims.js';
import {
  findCitedArticles,
  type RankedSentence,
  type RankingOptions,
  rankSentences,
} from './rankSentences.js';

/** The text and citations of a composed answer, or an abstention. */
export interface ComposedAnswer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
  /** The newest publication day (YYYY-MM-DD) among the cited articles; null when none is dated. */
  asOf?: string | null;
  /** True when the answer names two outlets that give incompatible accounts. */
  disagreement?: boolean;
}

/** How the question was read, beyond its words (see `rankSentences`). */
export type ExtractiveOptions = RankingOptions;

// Fitted on the six development sets of test/fixtures (221 judged items; grid 0.4–0.6 × 0.25–0.45, see
// docs/design.md): below this share of the question's weight a sentence does not answer it, and saying
// so beats quoting something merely related.
const answerThreshold = 0.5;
// Context (title, antecedent) may lift a sentence over the threshold, but the sentence must carry a
// good part of the question itself: an on-topic article title alone answers nothing.
const ownThreshold = 0.35;
const rivalThreshold = 0.3;
const maxSentences = 3;
// "Is the strike over yet?", "has the vote happened yet?": a yes/no question about whether something
// has happened, which "not yet" answers.
const yesNoQuestion = /^\s*(is|are|has|have|did|does|do|was|were)\b/i;
const maxAnswerLength = 600;
// "What did the board decide?", "what was agreed?": the outcome itself is asked for, not a date or a
// yes/no about it ("what date did it lose its licence?", "did they accept?").
const asksWhatOutcome =
  /^\W*(?:so\s+|and\s+)?(?:what(?:['’]?s|\s+did|\s+was|\s+were|\s+has|\s+had|\s+is)|who\s+won|how\s+did)\b/i;
// "What did Trump say he would hit Iran with?": a saying about what is to come, made already.
const promisingVerb = '(?:say|tell|warn|threaten|vow|promise|pledge|claim)';
const asksWhatWasPromised = new RegExp(
  `\\b${promisingVerb}\\s+(?:\\S+\\s+){0,3}?(?:would|will|was\\s+going\\s+to|were\\s+going\\s+to|\\S+['’]d)\\b`,
  'i',
);
// Asked "… yet?", a report answering within this share of the best one is as much an answer to it.
const yetShare = 0.9;
// Asked about the present, the newest report scoring within this share of the best is the latest
// (measured on the twelve development sets: 0.5–0.7 alike, +2; 0.9 +1; no verdict lost at any).
const latestShare = 0.7;
// An earlier version is worth showing beside the latest only when it answers about as well.
const earlierShare = 0.6;

/**
 * Whether most of the question's own words occur in no article ("how did oil prices react to the
 * news?": at least three, and twice as many as those that do): then its subject is something the articles do not cover, whatever else it shares with them.
 */
function isMostlyUnknown(plan: QueryPlan): boolean {
  const asked = plan.concepts.filter((concept) => !concept.carried);
  // "Actually", "seen", "numbers": words people say all the time are the asker's phrasing, not a subject.
  const unknown = asked.filter(
    (concept) =>
      concept.documentFrequency === 0 && concept.synonyms.length === 0 && !isConversationalWord(concept.word),
  );
  // Paraphrase leaves a word or two unknown; a subject the articles lack leaves most of them unknown.
  return unknown.length >= 3 && unknown.length >= 2 * (asked.length - unknown.length);
}

/** Whether a sentence covers enough of the question, in context and on its own, to answer it. */
function answersAlone(sentence: RankedSentence): boolean {
  return sentence.coverageInContext >= answerThreshold && sentence.coverage >= ownThreshold;
}

// Names and words shown in an abstention: a message of unknown words is not echoed back whole.
const maxNamesShown = 3;
const maxWordsShown = 4;

function listNames(names: string[]): string {
  const shown = names.map((name) => {
    const words = name.split(/\s+/);
    return words.length > maxWordsShown ? `${words.slice(0, maxWordsShown).join(' ')} …` : name;
  });
  if (shown.length <= maxNamesShown) return shown.join(' or ');
  return `${shown.slice(0, maxNamesShown).join(', ')} or ${shown.length - maxNamesShown} other names`;
}

/**
 * The abstention: a plain sentence, naming what the articles lack when a name is the reason.
 *
 * @param missingNames names from the question that no article mentions: three are named at most, of
 *   four words each, so a message of unknown words is not echoed back whole.
 */
export function abstain(missingNames: string[] = []): ComposedAnswer {
  const answer =
    missingNames.length > 0
      ? `The articles I have don't mention ${listNames(missingNames)}, so I can't answer that.`
      : "The articles I have don't say, so I can't answer that.";
  return { answer, abstained: true, citations: [] };
}

/**
 * A follow-up's outcome ("so did they accept it?") is about what the last answer cited: the sentences
 * from those articles decide, when any answer, so a mere "accept" elsewhere is no report of it.
 */
function stayOnSubject(
  sentences: RankedSentence[],
  passages: readonly RetrievedPassage[],
  citedPassageIds: readonly string[] = [],
): RankedSentence[] {
  const articles = findCitedArticles(passages, citedPassageIds);
  const onSubject = sentences.filter((sentence) => articles.has(sentence.passage.articleId));
  return onSubject.length > 0 ? onSubject : sentences;
}

/**
 * The sentence from the newest (or oldest) article, the best-ranked of those on its day; undefined
 * when there are none.
 */
function pickByDay(sentences: RankedSentence[], which: 'newest' | 'oldest'): RankedSentence | undefined {
  const day = (sentence: RankedSentence): string => toIsoDay(sentence.passage.published) ?? '';
  const better = (a: string, b: string): boolean => (which === 'newest' ? a > b : a < b);
  return sentences.reduce<RankedSentence | undefined>(
    (kept, sentence) => (kept === undefined || better(day(sentence), day(kept)) ? sentence : kept),
    undefined,
  );
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
 * The oldest sentence that answers about as well as the latest one but says something else: shown as
 * "Earlier", it tells where an updated figure or plan started, not only its last step.
 */
function findEarlierVersion(ranked: RankedSentence[], latest: RankedSentence): RankedSentence | undefined {
  const latestDay = toIsoDay(latest.passage.published);
  if (latestDay === null) return undefined;
  const versions = ranked.filter((candidate) => {
    const day = toIsoDay(candidate.passage.published);
    if (day === null || day >= latestDay) return false;
    if (candidate.coverageInContext < answerThreshold || candidate.score < earlierShare * latest.score)
      return false;
    const shared = [...candidate.covered].filter((stem) => latest.covered.has(stem)).length;
    return shared > 0 && candidate.text !== latest.text;
  });
  return pickByDay(versions, 'oldest');
}

/**
 * Composes a short extractive answer: the one to three retrieved sentences that best cover the
 * question, each quoted verbatim with its outlet and date and followed by its `[n]` citation
 * (`Coastal Wire, 9 October: «…» [1]`), with the sentence before when the answer refers back to it for
 * words of the question ("Iranian officials backed out of that plan" needs the plan), and the sentence
 * after when it names the speaker of a quote the answer leaves unattributed. A story republished by
 * several outlets counts once (its first copy). Newer reports win ties; for a question about the
 * present, "as of" a date or how something changed they win outright, and an older report that
 * answered differently is shown after it as "Earlier" (asked about the present, the newest report
 * answering within 70% of the best is the latest). The answer ends with the date it is "as of" (the newest article cited).
 *
 * Abstains when most of the question's words occur in no article, when no sentence covers at least
 * half of the question's weight (a third of it on its own), when the question names someone or
 * something no article mentions, or when it asks when/how many/where and no covering sentence holds a
 * time, number or place. A sentence that contradicts what a wh-question pins down (its event date,
 * its negation, a name it asks about: `findMismatch`) is never the answer, so when only such sentences
 * cover the question the answer is an abstention.
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
  options: ExtractiveOptions = {},
): ComposedAnswer {
  const scope = options.scope ?? { operator: 'none' };
  const missingNames = findMissingNames(question, plan);
  if (missingNames.length > 0) return abstain(missingNames);
  if (isMostlyUnknown(plan)) return abstain();
  const ranked = rankSentences(question, plan, collapseRepublications(passages), splitSentences, options);
  const top = ranked[0];
  if (!top || !answersAlone(top)) return abstain();
  // The best-covering sentence decides whether the articles answer at all; among the sentences that do,
  // one that contradicts the question's date, negation or names is no answer to it. A count of the
  // very thing asked ("4,200 dock workers") beats one of people in other words ("1,100 adults"), which
  // answers only when no exact count does ("how many miners are alive?": "13 trapped men").
  const fitWith = (facts: QuestionFacts) =>
    ranked.filter((sentence) => findMismatch(facts, sentence, splitSentences) === null);
  const exactFacts = readQuestionFacts(question, plan, scope, 'exact');
  const exact = fitWith(exactFacts);
  // Only a count reads its noun more broadly; for any other question both readings are the same.
  const fitting =
    exactFacts.countedStems === null || (exact[0] && answersAlone(exact[0]))
      ? exact
      : fitWith(readQuestionFacts(question, plan, scope, 'broad'));
  const best = fitting[0];
  if (!best || !answersAlone(best)) return abstain();

  const answering = fitting.filter((sentence) => sentence.coverageInContext >= answerThreshold);
  // The question's "yet" was read as its time scope, so it is no longer among its words.
  const answersWhetherYet = yesNoQuestion.test(question) && /\byet\b/i.test(scope.phrase ?? '');
  // "Did the council pass it on Thursday?": a question whether something happened is an outcome too.
  // "What did she admit at the hearing?": a past event, which a plan has not made yet. "What did Trump
  // say he would do?" asks what was said, which a plan reported in it answers.
  const asksWhetherHappened = /^\W*(?:(?:so|and|but)\s+)?did\b/i.test(question);
  const asksWhatHappened =
    /^\W*(?:(?:so|and|but)\s+)?(?:what|who)\s+did\b/i.test(question) && !asksWhatWasPromised.test(question);
  if (scope.operator === 'outcome' || answersWhetherYet || asksWhetherHappened || asksWhatHappened) {
    // The sentences an answer would quote decide: a report of the outcome among them is the answer.
    // Asked "… yet?", the newest of the reports answering about as well as the best decides ("put back
    // to Monday" over an older "will undergo a load test"). Asked "what did she admit at
    // the hearing?", only a sentence that says the hearing is to come does.
    const byWordsOnly = asksWhatHappened && !asksWhetherHappened && scope.operator !== 'outcome';
    const newest = pickByDay(
      answering.filter((sentence) => sentence.score >= yetShare * best.score),
      'newest',
    );
    const deciding = answersWhetherYet
      ? newest
        ? [newest]
        : []
      : stayOnSubject(answering, passages, options.citedPassageIds).slice(0, maxSentences);
    const pending = findNotYet(deciding, { byWordsOnly });
    if (pending) return answerNotYet(pending, passages, { answersWhetherYet });
    // "What did the judge decide?" is not answered by the application for a ruling.
    if (scope.operator === 'outcome' && asksWhatOutcome.test(question) && !reportsOutcome(best.text))
      return abstain();
  }
  const asksWhen = ['time', 'clock'].includes(readAnswerKind(question));
  const citationList = new CitationList();
  const parts: string[] = [];
  const quoted = new Set<string>();
  const cited: RetrievedPassage[] = [];
  const quote = ({ text, passage }: { text: string; passage: RetrievedPassage }, label?: string): void => {
    if (quoted.has(text)) return;
    quoted.add(text);
    // A second sentence of the article just quoted needs no second byline.
    const sameArticle = cited.at(-1)?.articleId === passage.articleId && label === undefined;
    cited.push(passage);
    const n = citationList.cite(passage, text);
    const claim = sameArticle ? `«${stripDateline(text)}» [${n}]` : frameClaim(text, passage, n, label);
    // Asked "when", a reader needs the day "on Monday" stands for, which only the article's date tells.
    parts.push(asksWhen ? `${claim}${explainRelativeDates(text, passage)}` : claim);
  };
  const quoteWithContext = (sentence: RankedSentence, label?: string): void => {
    const speaker = findAttribution(sentence.text, sentence.passage, splitSentences);
    const before = sentence.antecedent ?? (speaker?.side === 'before' ? speaker : null);
    if (before) quote(before, label);
    quote(sentence, before ? undefined : label);
    if (speaker?.side === 'after') quote(speaker);
  };
  // One side of a disagreement must answer the question; the other may word it its own way ("our
  // measured leakage is 23 per cent" against "40 per cent of the water is lost through leaking pipes").
  let accounts = findDisagreeingAccounts(
    fitting.filter((sentence) => sentence.coverageInContext >= rivalThreshold),
    question,
  );
  if (accounts && !accounts.some((sentence) => sentence.coverageInContext >= answerThreshold))
    accounts = null;
  // A plan that a later report changed is never the answer about the present, only its "earlier".
  // Asked what changed, both are the answer: the change, and the plan it changed as "Earlier".
  const superseding =
    asksForOriginalPlan(question) && scope.operator !== 'evolution'
      ? null
      : findSupersedingReport(fitting, best);
  if (accounts) {
    parts.push('Accounts differ:');
    quoteWithContext(accounts[0]);
    quoteWithContext(accounts[1]);
  } else if (superseding) {
    quoteWithContext(superseding, 'Latest');
    quoteWithContext(best, 'Earlier');
  } else if (scope.operator === 'latest' || scope.operator === 'evolution') {
    // "How has her lead changed?": where the figure stands now, and where it started.
    const latest =
      pickByDay(
        answering.filter((sentence) => sentence.score >= latestShare * best.score),
        'newest',
      ) ?? best;
    quoteWithContext(latest, 'Latest');
    const earlier = findEarlierVersion(fitting, latest);
    if (earlier) quoteWithContext(earlier, 'Earlier');
  } else {
    for (const sentence of chooseSentences(question, fitting, best)) {
      // An antecedent counts towards the three sentences: a short answer stays short.
      if (parts.length + (sentence.antecedent ? 2 : 1) > maxSentences && parts.length > 0) break;
      quoteWithContext(sentence);
    }
  }
  // "How long has it been shut?" when no quote says how long: the earliest report that answers dates
  // the start, and the answer counts the days from it.
  if (options.today && asksDurationSoFar(question) && !parts.some(statesDuration)) {
    const first = pickByDay(answering, 'oldest') ?? best;
    quoteWithContext(first, 'Earliest');
    const counted = describeDurationSoFar(first.text, first.passage, options.today);
    if (counted) parts.push(counted);
  }
  const asOf = findNewestDay(cited);
  const asOfLine = describeAsOf(asOf);
  return {
    answer: asOfLine ? `${parts.join(' ')}\n${asOfLine}` : parts.join(' '),
    abstained: false,
    citations: citationList.citations,
    asOf,
    disagreement: accounts !== null,
  };
}
