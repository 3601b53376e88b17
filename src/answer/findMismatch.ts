import { isNegated } from '../evidence/readNegatedStems.js';
import { resolveEventDates } from '../evidence/resolveEventDates.js';
import { findNameCandidates, isCalendarWord } from '../question/findUnknownNames.js';
import type { TimeScope } from '../question/timeScope.js';
import type { QueryConcept, QueryPlan } from '../retrieval/planQuery.js';
import { searchStems } from '../retrieval/terms.js';
import { limitsPublication } from './filterByScope.js';
import { findAttribution } from './findAttribution.js';
import type { RankedSentence } from './rankSentences.js';

/** Why a sentence that shares the question's words still does not answer it. */
export type Mismatch = 'date' | 'negation' | 'name';

/** What a question pins down that an answering sentence must not contradict or leave out. */
export interface QuestionFacts {
  /** The question's time scope, when it dates the event asked about ("on Monday", "in March"). */
  eventWindow: { from: string; to: string } | null;
  negated: boolean;
  /** The names the question asks about that the articles use: each must be in the answer's context. */
  names: QueryConcept[];
}

const asksWh = /^\W*(?:(?:so|and|but|ok|okay|then)\b\W*)?(?:who|whom|whose|what|which|where|when|how)\b/i;

/**
 * Reads what a wh-question ("who", "what", "which", "where", "when", "how"; not "why", whose answer
 * often words a negation as a reason) pins down — SQuAD 2.0's adversarial unanswerables are built by
 * changing exactly these: a date, a negation, an entity taken from another sentence. A yes/no question
 * pins nothing down.
 *
 * @param question the question as the composer sees it.
 * @param plan its query plan; only the question's own (not carried) concepts count.
 */
export function readQuestionFacts(question: string, plan: QueryPlan, scope: TimeScope): QuestionFacts {
  // Asked "is it still in Geneva?" or "did they meet on Monday?", a sentence saying otherwise is the
  // answer; only a question with a gap to fill pins down what its answer must hold.
  if (!asksWh.test(question)) return { eventWindow: null, negated: false, names: [] };
  const datesEvent = !limitsPublication(scope) && scope.from !== undefined && scope.to !== undefined;
  const candidateStems = new Set(findNameCandidates(question).flatMap((name) => searchStems(name)));
  // "Gulf/regional countries": one of alternatives offered is no name the answer must hold.
  const alternatives = new Set(
    [...question.matchAll(/[\p{L}\p{N}]+(?:\s*\/\s*[\p{L}\p{N}]+)+/gu)].flatMap((match) =>
      searchStems(match[0]),
    ),
  );
  return {
    eventWindow: datesEvent && scope.from && scope.to ? { from: scope.from, to: scope.to } : null,
    negated: isNegated(question),
    names: plan.concepts.filter(
      (concept) =>
        !concept.carried &&
        concept.documentFrequency > 0 &&
        (concept.proper || candidateStems.has(concept.stem)) &&
        !isCalendarWord(concept.word) &&
        !alternatives.has(concept.stem),
    ),
  };
}

function mentions(stems: ReadonlySet<string>, concept: QueryConcept): boolean {
  return stems.has(concept.stem) || concept.synonyms.some((synonym) => stems.has(synonym));
}

/**
 * Whether a candidate sentence contradicts what the question pins down, and how:
 * - `date`: the question dates the event ("what did she say on Monday?") and every date the sentence
 *   names, resolved against its article's publish day, falls outside that window ("on Wednesday");
 * - `negation`: the question is negated ("which towns are not covered?") and neither the sentence nor
 *   the one it refers back to is;
 * - `name`: a name of the question that the articles use is neither in the sentence, nor in the
 *   sentence it refers back to, nor in the one naming its speaker, nor in its article's title.
 *
 * @param splitSentences the sentence splitter passages were built with (to find a quote's speaker).
 * @returns null when nothing contradicts.
 */
export function findMismatch(
  facts: QuestionFacts,
  sentence: RankedSentence,
  splitSentences: (text: string) => string[],
): Mismatch | null {
  const { eventWindow } = facts;
  if (eventWindow) {
    const dates = resolveEventDates(sentence.text, sentence.passage.published ?? '');
    if (dates.length > 0 && dates.every(({ date }) => date < eventWindow.from || date > eventWindow.to))
      return 'date';
  }
  const antecedent = sentence.antecedent?.text ?? '';
  if (facts.negated && !isNegated(sentence.text) && !isNegated(antecedent)) return 'negation';
  if (facts.names.length > 0) {
    const speaker = findAttribution(sentence.text, sentence.passage, splitSentences)?.text ?? '';
    const context = new Set(
      searchStems([sentence.text, antecedent, speaker, sentence.passage.title].join(' ')),
    );
    if (facts.names.some((name) => !mentions(context, name))) return 'name';
  }
  return null;
}
