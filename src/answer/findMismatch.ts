import { isNegated } from '../evidence/readNegatedStems.js';
import { readQuantities, singular } from '../evidence/readQuantities.js';
import { resolveEventDates } from '../evidence/resolveEventDates.js';
import { convertValue, isMeasureUnit, type KindBreadth, kindOf } from '../evidence/unitKinds.js';
import { addDays } from '../question/calendarDays.js';
import { findNameCandidates, isCalendarWord } from '../question/findUnknownNames.js';
import { isEnglishWord } from '../question/isEnglishWord.js';
import { readAskedSpeaker } from '../question/readAskedSpeaker.js';
import type { TimeScope } from '../question/timeScope.js';
import type { QueryConcept, QueryPlan } from '../retrieval/planQuery.js';
import { isPastVerbForm, searchStems, splitIntoTerms } from '../retrieval/terms.js';
import { fitsAnswerKind } from './answerKind.js';
import { limitsPublication } from './filterByScope.js';
import { findAttribution } from './findAttribution.js';
import { toIsoDay } from './frameClaims.js';
import type { RankedSentence } from './rankSentences.js';
import { type ActorAndAct, namesActorOnlyAfterAct, readActor } from './readActor.js';
import { type Contrast, contradictsContrast, readContrasts } from './readContrasts.js';
import { type Opposite, readOpposites, saysOpposite } from './readOpposites.js';
import { namedOutlet } from './scoreSentences.js';

/** Why a sentence that shares the question's words still does not answer it. */
export type Mismatch = 'date' | 'negation' | 'name' | 'count' | 'figure' | 'contrast' | 'actor';

/** What a question pins down that an answering sentence must not contradict or leave out. */
export interface QuestionFacts {
  /** The question's time scope, when it dates the event asked about ("on Monday", "in March"). */
  eventWindow: { from: string; to: string } | null;
  negated: boolean;
  /** The names the question asks about that the articles use: each must be in the answer's context. */
  names: QueryConcept[];
  /** For "how many …?" / "how much …?": every stem the question and its synonyms use; else null. */
  countedStems: Set<string> | null;
  /** Figures the question states ("the 40mg tablet"): a sentence giving another of their kind is about something else. */
  figures: StatedFigure[];
  /** "How much …?" may be answered by a measure, a share, money or a time; "how many …?" by a count. */
  asksAmount: boolean;
  /** "How much will it cost?", "how much did they pay?": only a sum of money answers. */
  asksMoney: boolean;
  /** For "how much compensation …?", the stems (and kind) of the thing asked for; else null. */
  countedNoun: Set<string> | null;
  /** For "what did the mayor of X say?", the speaker's words the articles use: the answer must name them. */
  speaker: QueryConcept[];
  /** "The west bank", "the second round": a word of a set whose members exclude each other, and its noun. */
  contrasts: Contrast[];
  /** Words asked with an antonym ("exclude" of "kept out"): a sentence with only the antonym says otherwise. */
  opposites: Opposite[];
  /** For "what has Iran threatened?", who acts and the act (`readActor`); else null. */
  actor: ActorAndAct | null;
  /** How widely a counted thing is read (`kindOf`): "how many miners?" by "13 men" only when broad. */
  breadth: KindBreadth;
  /** For "who is leading …?", the act asked about with its synonyms; else null. */
  whoAct: Set<string> | null;
  /** For "how many protesters were arrested?", the act done to what is counted, with its synonyms; else null. */
  countAct: Set<string> | null;
  /** For "how much … each business?", the stems of what each share is for; else null. */
  perUnit: Set<string> | null;
  /** "Who has X picked …?": the doer is someone the question does not name. */
  asksDoer: boolean;
  /** The question's own stems. */
  asked: Set<string>;
  /** For a name, the noun right after it in the question ("bridge" of "halbeck bridge"). */
  nameHeads: Map<string, string>;
}

const asksCount = /\bhow\s+(?:many|much)\b/i;
const answerCount = /\b(which|what)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?=\p{L})/giu;
// "What's the cleanup going to cost?", "what will it cost?", "what's the final bill?": a sum of money
// asked without "how much".
const asksWhatItCosts =
  /\bwhat\b[^?.!]{0,40}?\b(?:going\s+to|will|would|did|does|do|to)\s+cost\b|\bwhat(?:['’]?s|\s+is|\s+was|\s+will\s+be)\s+the\s+(?:\w+\s+){0,2}?(?:cost|price|bill)\b/i;
// The words English asks a price with: "how much will it cost / did they pay / is it worth".
const moneyStems: ReadonlySet<string> = new Set(
  searchStems(
    'cost costs costing price prices pay paid paying spend spent worth charge charged fee fees budget money',
  ),
);
// A share, a currency sign, an abbreviation (km, mg, bn) or a time: what "how much" may ask for in any
// words, an amount more than a count.
const amountUnit = /^(?:%|\p{Sc}|[a-z]{1,3}|time)$/u;
// "By how much …?", "in which town …?", "to whom …?": a preposition may lead the question word.
const asksWh =
  /^\W*(?:(?:so|and|but|ok|okay|then)\b\W*)?(?:(?:by|in|on|at|for|to|from|of|with|since|until|during|after|before|under)\s+)?(?:who|whom|whose|what|which|where|when|how|why)\b/i;
const asksWhy = /^\W*(?:(?:so|and|but|ok|okay|then)\b\W*)?why\b/i;
// A sentence that names no date reports its article's day or the day before ("the helpline has taken
// 64,000 calls"); only for a question dated within this many days is that a date to hold it to.
const undatedWindowDays = 7;

/**
 * Reads what a wh-question ("who", "what", "which", "where", "when", "how"; not "why", whose answer
 * often words a negation as a reason) pins down — SQuAD 2.0's adversarial unanswerables are built by
 * changing exactly these: a date, a negation, an entity taken from another sentence. A yes/no question
 * pins nothing down.
 *
 * @param question the question as the composer sees it.
 * @param plan its query plan; only the question's own (not carried) concepts count.
 * @param breadth how widely "how many X?" reads X (`kindOf`): `exact` takes "staff" for "workers",
 *   `broad` also "13 men" for "miners".
 */
export function readQuestionFacts(
  question: string,
  plan: QueryPlan,
  scope: TimeScope,
  breadth: KindBreadth = 'broad',
): QuestionFacts {
  // Asked "is it still in Geneva?" or "did they meet on Monday?", a sentence saying otherwise is the
  // answer; only a question with a gap to fill pins down what its answer must hold.
  if (!asksWh.test(question))
    return {
      eventWindow: null,
      negated: false,
      names: [],
      countedStems: null,
      asksAmount: false,
      asksMoney: false,
      figures: [],
      countedNoun: null,
      speaker: [],
      contrasts: [],
      opposites: [],
      actor: null,
      breadth,
      perUnit: null,
      whoAct: null,
      countAct: null,
      asksDoer: false,
      asked: new Set(),
      nameHeads: new Map(),
    };
  const datesEvent = !limitsPublication(scope) && scope.from !== undefined && scope.to !== undefined;
  const candidateStems = new Set(findNameCandidates(question).flatMap((name) => searchStems(name)));
  // "Gulf/regional countries": one of alternatives offered is no name the answer must hold.
  const alternatives = new Set(
    [...question.matchAll(/[\p{L}\p{N}]+(?:\s*\/\s*[\p{L}\p{N}]+)+/gu)].flatMap((match) =>
      searchStems(match[0]),
    ),
  );
  const countedStems = asksCount.test(question)
    ? new Set(
        plan.concepts.flatMap((concept) => [
          concept.stem,
          ...concept.synonyms,
          kindOf(singular(concept.word), breadth),
        ]),
      )
    : null;
  return {
    // "Which 4 countries …?" counts the answer's names, a figure no sentence needs to state.
    figures: readStatedFigures(question.replace(answerCount, '$1')),
    countedStems,
    countedNoun: countedStems && readCountedNoun(question, plan, breadth),
    breadth,
    perUnit: readPerUnits(question)[0] ?? null,
    whoAct: readWhoAct(question, plan),
    countAct: readCountAct(question, plan),
    asksDoer: asksDoer.test(question),
    asked: new Set(searchStems(question)),
    nameHeads: readNameHeads(question),
    speaker: readSpeakerConcepts(question, plan),
    contrasts: readContrasts(question),
    opposites: readOpposites(question, plan.concepts),
    actor: readActor(question, plan),
    asksAmount: /\bhow\s+much\b/i.test(question),
    asksMoney:
      asksWhatItCosts.test(question) ||
      (/\bhow\s+much\b/i.test(question) && searchStems(question).some((stem) => moneyStems.has(stem))),
    eventWindow: datesEvent && scope.from && scope.to ? { from: scope.from, to: scope.to } : null,
    // "Why did it not …?" is often answered by a reason worded without a negation.
    negated: !asksWhy.test(question) && isNegated(question),
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

/** Each word's next content word in the question: the noun a name stands before ("halbeck" → "bridg"). */
function readNameHeads(question: string): Map<string, string> {
  const stems = splitIntoTerms(question)
    .map((term) => term.stem)
    .filter((stem) => stem !== '');
  return new Map(stems.slice(0, -1).map((stem, index) => [stem, stems[index + 1] ?? '']));
}

/** The question's own concepts among the words of the speaker it asks about, chat words aside. */
function readSpeakerConcepts(question: string, plan: QueryPlan): QueryConcept[] {
  const speaker = readAskedSpeaker(question);
  if (speaker === null) return [];
  const stems = new Set(searchStems(speaker));
  return plan.concepts.filter(
    (concept) => !concept.carried && concept.documentFrequency > 0 && stems.has(concept.stem),
  );
}

/**
 * Whether a text calls something by the noun `head` ("the bridge"), not as the last word of another
 * name ("Kell Lane Primary" is no answer about "wendrick primary").
 */
function callsByNoun(text: string, head: string): boolean {
  const words = text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  return words.some(
    (word, index) =>
      searchStems(word)[0] === head && !(/^\p{Lu}/u.test(word) && /^\p{Lu}/u.test(words[index - 1] ?? '')),
  );
}

function mentions(stems: ReadonlySet<string>, concept: QueryConcept): boolean {
  return stems.has(concept.stem) || concept.synonyms.some((synonym) => stems.has(synonym));
}

/**
 * Whether a candidate sentence contradicts what the question pins down, and how:
 * - `date`: the question dates the event ("what did she say on Monday?") and every date the sentence
 *   names (or, naming none, the sentence it refers back to), resolved against its article's publish
 *   day, falls outside that window ("on Wednesday");
 * - `negation`: the question is negated ("which towns are not covered?") and neither the sentence nor
 *   the one it refers back to is;
 * - `name`: a name of the question (or a word of the speaker "what did X say?" asks about) that the
 *   articles use is neither in the sentence, nor in the sentence it refers back to, nor in the one
 *   naming its speaker, nor lent by its article's title (which lends it only to a sentence naming no
 *   one else, or calling it by the noun the question puts after it: "the bridge" for "halbeck bridge",
 *   but not "Kell Lane Primary" for "wendrick primary");
 * - `figure`: a figure the question states ("the 40mg tablet", "the 30-day pass") is not in the
 *   sentence or the one it refers back to, in digits, in words or in another unit of the same measure
 *   ("the first 2 days" is "the first 48 hours"; dates are left to `date`);
 * - `contrast`: the sentence qualifies a noun of the question with another word of the same closed
 *   set ("the east bank" for "the west bank", "the first round" for "the second": `readContrasts`),
 *   or it, with the one it refers back to, holds an antonym of a word asked and not the word or its
 *   synonyms ("needed to include" for "what should be kept out?": `readOpposites`);
 * - `actor`: "what has X done?" and the sentence has another name do it to X ("Trump has threatened
 *   to strike Iran" for "what has Iran threatened?": `readActor`); or "who has X picked …?" and
 *   neither the sentence, the one it refers back to nor its quote's speaker names anyone the
 *   question does not;
 * - `count`: "how much will it cost?" and the sentence states no sum of money; or "how many X?" and
 *   every figure of the sentence counts something else (`countsSomethingElse`),
 *   or counts another thing the question names and never X ("how much compensation per patient?"
 *   against "compensation for about 2,300 patients": `countsOtherAsked`), or "how many X were V-ed?"
 *   and neither the sentence nor the one it refers back to states V or its agent in any of their words
 *   ("how many protesters were arrested?" against "the crackdown killed thousands").
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
    const published = sentence.passage.published ?? '';
    const outside = (dates: { date: string }[]) =>
      dates.length > 0 && dates.every(({ date }) => date < eventWindow.from || date > eventWindow.to);
    const dates = resolveEventDates(sentence.text, published);
    if (outside(dates)) return 'date';
    // A sentence that answers through the one before it ("Fearing that talks …" after "On Wednesday,
    // Rubio said …") is dated by it.
    const before =
      dates.length === 0 && sentence.antecedent ? resolveEventDates(sentence.antecedent.text, published) : [];
    if (outside(before)) return 'date';
    if (dates.length === 0 && before.length === 0 && reportsOutsideWindow(published || null, eventWindow))
      return 'date';
  }
  const antecedent = sentence.antecedent?.text ?? '';
  if (facts.negated && !isNegated(sentence.text) && !isNegated(antecedent)) return 'negation';
  // The sentence naming a quote's speaker, read at most once: the name and doer checks both need it.
  let speakerText: string | undefined;
  const speaker = (): string => {
    speakerText ??= findAttribution(sentence.text, sentence.passage, splitSentences)?.text ?? '';
    return speakerText;
  };
  if (facts.names.length > 0 || facts.speaker.length > 0) {
    // "What did the Harbour Gazette say?": an outlet is named by the articles it published.
    const context = new Set([
      ...searchStems([sentence.text, antecedent, speaker()].join(' ')),
      ...namedOutlet(sentence.passage.source, facts.asked),
    ]);
    const title = new Set(searchStems(sentence.passage.title));
    const namesOther = fitsAnswerKind(sentence.text, 'name', facts.asked);
    // The headline lends its name to a sentence that names no one else, or that calls it by its noun
    // ("the bridge" under "Halbeck Bridge closed"); "Quorna General had opened 12 extra beds" is about
    // Quorna General, whatever the headline says about Brackwell.
    const lent = (name: QueryConcept): boolean =>
      mentions(title, name) &&
      (!namesOther ||
        callsByNoun([sentence.text, antecedent, speaker()].join(' '), facts.nameHeads.get(name.stem) ?? ''));
    if ([...facts.names, ...facts.speaker].some((name) => !mentions(context, name) && !lent(name)))
      return 'name';
  }
  // "Who has Kalnin picked …?": the sentence, its antecedent or its quote's speaker names someone else.
  if (facts.asksDoer && !fitsAnswerKind(`${sentence.text} ${antecedent} ${speaker()}`, 'name', facts.asked))
    return 'actor';
  if (facts.contrasts.some((contrast) => contradictsContrast(sentence.text, contrast))) return 'contrast';
  // "If it does not accept the deal" is "if it refused": a negated antonym says the word asked.
  if (facts.opposites.length > 0 && !isNegated(sentence.text)) {
    const stems = new Set(searchStems(`${sentence.text} ${antecedent}`));
    if (facts.opposites.some((opposite) => saysOpposite(stems, opposite))) return 'contrast';
  }
  if (facts.actor && namesActorOnlyAfterAct(sentence.text, facts.actor)) return 'actor';
  // "What did Qatar propose?" is not answered by a sentence where Qatar proposes nothing.
  if (
    facts.actor &&
    !searchStems(`${sentence.text} ${antecedent}`).some((stem) => facts.actor?.act.has(stem))
  )
    return 'actor';
  // "Who is leading the delegation?" is not answered by a sentence where nobody leads anything.
  if (facts.whoAct && !statesAct(`${sentence.text} ${antecedent}`, facts.whoAct)) return 'actor';
  if (facts.figures.some((figure) => !statesFigure(`${sentence.text} ${antecedent}`, figure)))
    return 'figure';
  if (facts.asksMoney && !givesMoney(sentence.text)) return 'count';
  if (facts.countedStems && facts.perUnit && sharesForOther(sentence.text, facts.perUnit)) return 'count';
  // "How many protesters were arrested?" is not answered by how many the crackdown killed.
  if (facts.countAct && !statesAct(`${sentence.text} ${antecedent}`, facts.countAct)) return 'count';
  if (facts.countedStems && countsSomethingElse(sentence.text, facts)) return 'count';
  if (facts.countedStems && facts.countedNoun && countsOtherAsked(sentence.text, facts)) return 'count';
  return null;
}

// "Who has the minister picked to lead the review?", "who said …?", "who are the two astronauts picked
// for …?": someone the question does not name did it, or was chosen. "Who is Kalnin?", "who's leading
// …?" ask who someone is, which a sentence about them answers.
const asksDoer =
  /^\W*(?:(?:so|and|but|ok)\s+)?who(?:\s+(?!is\b|was\b|are\b|were\b|['’]s\b)|(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:the|a|an|those|these)\s+(?:\S+\s+){0,3}?(?:picked|chosen|named|appointed|selected|hired|nominated)\b)/i;

// "Who's leading …", "who is mediating …": a role someone has now, which only a sentence naming the act
// gives; a past act ("who called it a tax?", "who started the war?") is often reported in other words.
const whoVerb =
  /^\W*(?:(?:so|and|but)\s+)?who(?:(?:['’]?s|\s+is|\s+are|\s+was|\s+were)\s+([a-z]{2,}ing)|\s+(heads|leads|runs|chairs|directs|commands|manages))\b/i;
// "Who's playing middleman?", "who is acting as host?": the role is the noun, the verb says little.
const lightVerb = /^(?:play|act|serv|do|be|hav|get|go|tak|mak|becom)ing$/i;

const leadingStems = searchStems('lead head run chair direct command manage');
const titleStems = searchStems(
  'leader head chief chair chairman chairwoman president director commander secretary executive boss manager',
);

/**
 * Whether a text states the act asked about, or a leader's title; a title counts in lower case only, as
 * news writes it ("the union's general secretary"): capitalised, it is more often an organisation's
 * name ("the Kestrani Space Directorate", whose stem is "director").
 */
function statesAct(text: string, act: ReadonlySet<string>): boolean {
  return splitIntoTerms(text).some(
    (term) => act.has(term.stem) && !(term.proper && titleStems.includes(term.stem)),
  );
}

/** A verb's stem with the synonyms its query concept carries; null for no content word. */
function readAct(verb: string, plan: QueryPlan): Set<string> | null {
  const stem = searchStems(verb)[0];
  if (stem === undefined) return null;
  const concept = plan.concepts.find((candidate) => candidate.stem === stem);
  return new Set([stem, ...(concept?.synonyms ?? [])]);
}

// "How many people were killed", "how many flights have been cancelled so far": a count of what an act
// was done to, in the passive, whose participle (or its agent: "covered by the recall" is "recalled")
// the counting sentence must state in some word.
const countPassive =
  /\bhow\s+many\s+(?:[\p{L}'’-]+\s+){1,3}?(?:were|was|have\s+been|has\s+been|had\s+been|got|get|been)\s+(?:(?:already|actually|reportedly|now)\s+)?(\p{L}+(?:ed|en))\b(?:\s+by\s+(?:the\s+|a\s+|an\s+)?(\p{L}+))?/iu;

function readCountAct(question: string, plan: QueryPlan): Set<string> | null {
  const match = countPassive.exec(question);
  const act = match?.[1] === undefined ? null : readAct(match[1], plan);
  const agent = match?.[2] === undefined ? null : readAct(match[2], plan);
  return act && new Set([...act, ...(agent ?? [])]);
}

/** The act a "who is <verb>ing …?" question asks the doer of, with its synonyms, as stems; else null. */
function readWhoAct(question: string, plan: QueryPlan): Set<string> | null {
  const match = whoVerb.exec(question);
  const verb = match?.[1] ?? match?.[2];
  if (verb === undefined || lightVerb.test(verb)) return null;
  const act = readAct(verb, plan);
  if (act === null) return null;
  // Who leads is named by the title as often as by the verb: "Dana Rusk, the union's general secretary".
  if (leadingStems.some((leading) => act.has(leading))) for (const title of titleStems) act.add(title);
  return act;
}

// "Each business affected", "every evacuated household", "per tonne": a share and what it is for.
const perUnitPhrase = /\b(?:each|every|per)\s+([\p{L}'’-]+)(?:\s+([\p{L}'’-]+))?/giu;

/** The stems of the one or two words after each "each/every/per" of a text, one set per phrase. */
function readPerUnits(text: string): Set<string>[] {
  return [...text.matchAll(perUnitPhrase)]
    .map((match) => new Set(searchStems(`${match[1] ?? ''} ${match[2] ?? ''}`)))
    .filter((stems) => stems.size > 0);
}

/**
 * Whether a sentence gives a share for something else than the question asks: "how much is each
 * business paid?" against "1,500 marks to every evacuated household".
 */
function sharesForOther(sentence: string, perUnit: ReadonlySet<string>): boolean {
  const units = readPerUnits(sentence);
  return units.length > 0 && !units.some((stems) => [...stems].some((stem) => perUnit.has(stem)));
}

// The words after "how many/much" name the thing counted, up to the first verb or preposition.
const countedPhrase = /\bhow\s+(?:many|much)\s+((?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)/iu;
const endsPhrase =
  /^(?:is|are|was|were|be|been|did|do|does|has|have|had|will|would|can|could|should|may|might|of|in|on|at|for|to|from|with|by|about|than|more|longer|further|less|fewer|still|now|exactly|roughly|so|there|they|it|he|she|we|you|i|this|that|these|those)$/i;

/** The stems, synonyms and kind of the noun phrase "how many/much" asks about; null when none follows. */
function readCountedNoun(question: string, plan: QueryPlan, breadth: KindBreadth): Set<string> | null {
  const words = (countedPhrase.exec(question)?.[1] ?? '').toLowerCase().split(/\s+/);
  const phrase: string[] = [];
  for (const word of words) {
    if (word === '' || endsPhrase.test(word) || isPastVerbForm(word)) break;
    phrase.push(word);
  }
  const stems = new Set(phrase.flatMap((word) => searchStems(word)));
  const concepts = plan.concepts.filter((concept) => stems.has(concept.stem));
  const head = phrase.at(-1);
  if (head === undefined || concepts.length === 0) return null;
  return new Set([
    ...concepts.flatMap((concept) => [concept.stem, ...concept.synonyms]),
    kindOf(head, breadth),
  ]);
}

/**
 * "How much compensation is it seeking for each patient?" against "It seeks compensation for about
 * 2,300 patients": every figure of the sentence counts another thing the question names, never the
 * thing it asks the amount of.
 */
function countsOtherAsked(text: string, facts: QuestionFacts): boolean {
  const { countedNoun, countedStems } = facts;
  const quantities = readQuantities(text).filter(({ unit }) => unit !== '');
  if (quantities.length === 0 || countedNoun === null || countedStems === null) return false;
  return quantities.every(({ unit }) => {
    const stems = searchStems(unit);
    if (countedNoun.has(kindOf(unit, facts.breadth)) || stems.some((stem) => countedNoun.has(stem)))
      return false;
    return stems.some((stem) => countedStems.has(stem));
  });
}

/**
 * Whether an undated sentence's article appeared neither inside a narrow event window nor on the day
 * after it: "how many calls on 7 March?" is not answered by a 12 March count "since the recall began".
 */
function reportsOutsideWindow(published: string | null, window: { from: string; to: string }): boolean {
  const day = toIsoDay(published);
  if (day === null || addDays(window.from, undatedWindowDays) < window.to) return false;
  return day < window.from || day > addDays(window.to, 1);
}

/** A figure with what follows it: "40mg tablet" → 40, "mg tablet"; "31 batches" → 31, "batch". */
interface StatedFigure {
  value: number;
  what: string;
  /** The word after the figure, lower case ("days" of "the first 2 days"). */
  unit: string;
}

const statedFigure = /(\d+(?:[.,]\d+)*)\s?(%|[a-z]{1,3}\b)?[\s-]+(\p{L}+)/gu;

function readStatedFigures(text: string): StatedFigure[] {
  // "7 March" is a date, which the event window checks.
  const figures = [...text.toLowerCase().matchAll(statedFigure)].filter(
    (match) => !isCalendarWord(match[3] ?? ''),
  );
  return figures.map((match) => ({
    value: Number((match[1] ?? '').replaceAll(',', '')),
    what: `${match[2] ?? ''} ${searchStems(match[3] ?? '').join(' ')}`.trim(),
    unit: match[3] ?? '',
  }));
}

/**
 * "The risk for the 40mg tablet?" against "among people taking the 160mg tablet": the sentence states
 * a figure of the same thing as the question's, and never the question's own value, in digits or words.
 */
function statesFigure(text: string, asked: StatedFigure): boolean {
  // "Its 3 demands" against "three demands": a figure may be spelt out; "the first 2 days" against
  // "the first 48 hours": a measure may be given in another unit.
  return (
    readStatedFigures(text).some(({ value }) => value === asked.value) ||
    readQuantities(text).some(
      ({ value, unit }) => value === asked.value || convertValue(value, unit, asked.unit) === asked.value,
    )
  );
}

/**
 * Whether a sentence states a sum of money: a currency's name or sign ("85m crowns", "$3bn"), or a
 * unit no dictionary knows, which in a price is a currency ("1.20 dalers a share").
 */
function givesMoney(text: string): boolean {
  return readQuantities(text).some(
    ({ unit }) =>
      unit !== '' && (kindOf(unit) === 'money' || /^[A-Z]{3}$/.test(unit) || !isEnglishWord(unit)),
  );
}

/**
 * "How many ballistic missiles does it have?" against "The three officials also said …": every figure
 * of the sentence counts a thing the question never names (nor one of its kind: "staff" for "workers",
 * see `kindOf`). Measures, shares, money and time may answer "how much" in any words, never "how
 * many": "12 per cent" is no count of trains.
 */
function countsSomethingElse(text: string, facts: QuestionFacts): boolean {
  const asked = facts.countedStems ?? new Set<string>();
  const amount = facts.asksAmount;
  const quantities = readQuantities(text);
  if (quantities.length === 0) return false;
  return quantities.every(({ unit }) => {
    const kind = kindOf(unit, facts.breadth);
    if (unit === '' || asked.has(kind)) return false;
    // "How much was the dividend?": "1.20 dalers a share" in a currency no dictionary knows is an amount too.
    if (amount && (amountUnit.test(unit) || isMeasureUnit(unit) || kind === 'money' || !isEnglishWord(unit)))
      return false;
    return !searchStems(unit).some((stem) => asked.has(stem));
  });
}
