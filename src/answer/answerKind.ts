import { classifyStatement } from '../evidence/classifyStatement.js';
import { readQuantities } from '../evidence/readQuantities.js';
import { isMeasureUnit, kindOf, measureOf } from '../evidence/unitKinds.js';
import { isCalendarWord } from '../question/findUnknownNames.js';
import { isEnglishWord } from '../question/isEnglishWord.js';
import { nationalities } from '../retrieval/countries.js';
import { stopwords } from '../retrieval/stopwords.js';
import { searchStems, splitIntoTerms, type Term } from '../retrieval/terms.js';

/** What sort of answer a question asks for, read from its question words. */
export type AnswerKind =
  | 'time'
  | 'clock'
  | 'number'
  | 'measure'
  | 'elapsed'
  | 'place'
  | 'personName'
  | 'name'
  | 'other';

// "When …", "what date …", "which day …", "what's the actual date of …", also after a clause ("if
// they agree, when …").
const timeQuestion =
  /(^|[,;:]\s*)\s*when\b|\bwhat(['’]?s|\s+is|\s+was)?\s+(the\s+)?(\w+\s+)?(time|day|date|month|year)\b|\bwhich\s+(day|date|month|year)\b|\b(on|by|since|until) (what|which) (day|date)/i;
const placeQuestion =
  /^\s*where\b|^\s*(in |to |at |from )?(what|which) (city|country|place|town|capital|venue|location)\b/i;
// "How long has the bridge been shut?", "how many days have they been on strike?": how long a state has
// lasted so far, which a stated length answers, or the day it began.
const elapsedQuestion =
  /^\W*(?:(?:so|and|but|ok|okay)\s+)?how\s+(?:long|many\s+(?:days|weeks|months))\s+(?:has|have)\b/i;
const numberQuestion = /\bhow (many|much)\b|\bwhat (percentage|share|proportion|number)\b/i;
// "What's the name of the train driver?", "what is the new chief called?": a name is the answer.
const nameQuestion =
  /\bnames?\s+of\s+(?:the\s+|this\s+|that\s+|their\s+|its\s+|his\s+|her\s+)?((?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)|\bwhat\s+(?:is|was|are|were)\s+((?:[\p{L}'’-]+\s+){1,4}?)(?:called|named)\b/iu;
// "Which company made the faulty sensors?", "what firm …", "which hotel …": an organisation or a
// building, which only its name answers.
const organisationQuestion =
  /^\W*(?:(?:so|and|but|ok)\s+)?(?:which|what)\s+(?:[a-z]+\s+)?(?:company|companies|firm|firms|organi[sz]ations?|agency|supplier|suppliers|manufacturer|maker|contractor|subcontractor|airline|carrier|operator|bank|insurer|charity|club|newspaper|hotel|hotels|hospital|hospitals|school|schools|airport|airports|station|prison|stadium)\b/i;
// "Which judge is handling the case?", "what officials have resigned?": a noun for a person asked of
// its name; "which analyst said …?" is a quote's speaker, whom another sentence may name.
const personQuestion =
  /^\W*(?:(?:so|and|but|ok)\s+)?(?:which|what)\s+(?:[a-z]+\s+)?([a-z]+)\s+(?:is|are|was|were|has|have|had|will|would|did|does|do)\b/i;
const genericPeople = new Set([
  'people',
  'person',
  'persons',
  'one',
  'ones',
  'group',
  'groups',
  'side',
  'sides',
]);
// A person's name as news writes it: two capitalised words in a row ("Hester Quayle", "Marco Rubio"),
// one of them no English word in lower case, which tells it from an organisation ("Safety Board").
const personName = /(\p{Lu}[\p{Ll}'’-]+)\s+(?:\p{Lu}\.\s+)?(\p{Lu}[\p{Ll}'’-]+)/gu;
// "What time does it start?" asks for the hour, which a day alone does not give.
const clockQuestion = /\b(?:at\s+)?what\s+time\b(?!\s+(?:of|frame|period|scale|line))/i;
// "How long is the crack?", "how far is the detour?": a measure, given as a figure or a duration.
const measureQuestion = /\bhow (long|far|big|large|old|tall|high|deep|wide|heavy|fast|often)\b/i;

const timeExpression =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|week|weeks|month|months|year|years|day|days|decade|morning|afternoon|evening|night|weekend|ago|since|until|later|earlier|soon|recently|once|before|after|(1[89]|20)\d\d)\b/i;
const clockExpression =
  /\d\s*(am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[:.]\d\d\b|\b(noon|midday|midnight|o['’]clock|morning|afternoon|evening|night|dawn|dusk)\b/i;
const durationExpression =
  /\b(days?|weeks?|fortnight|months?|years?|hours?|minutes?|decades?|daily|weekly)\b/i;
const numberExpression =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|several|half|quarter|double|triple|zero|minimal)\b/i;

const questionWord = /\b(who|whom|whose|which|what|when|where|why|how)\b/i;

/**
 * Whether `pattern` is the question's own question phrase, its first question word: in "which
 * resident said she wonders how long it would take?" the "how long" belongs to what was said.
 */
function asksFirst(question: string, pattern: RegExp): boolean {
  const match = pattern.exec(question);
  if (match === null) return false;
  const first = questionWord.exec(question);
  return first === null || match.index <= first.index;
}

/**
 * Reads the kind of answer a question wants: a time for "when …", an hour for "what time …", a
 * quantity for "how many/much …", a measure for "how long/far/big …", the time elapsed for "how long
 * has it been …?" (a length, or the day it began), a person's name for "what's the name of the
 * driver?" or "which judge is …?" (a noun whose commonest sense is a person, `kindOf`), any name for
 * "the name of the ship" or "which company …?".
 *
 * @param question the user's question, any string.
 */
export function readAnswerKind(question: string): AnswerKind {
  if (clockQuestion.test(question)) return 'clock';
  if (elapsedQuestion.test(question)) return 'elapsed';
  if (timeQuestion.test(question)) return 'time';
  if (asksFirst(question, numberQuestion)) return 'number';
  if (placeQuestion.test(question)) return 'place';
  if (asksFirst(question, measureQuestion)) return 'measure';
  if (organisationQuestion.test(question)) return 'name';
  // "Which judge is handling the case?": a person, named, as "what's the name of the judge?" asks.
  const asked = personQuestion.exec(question)?.[1]?.toLowerCase();
  if (asked !== undefined && !genericPeople.has(asked) && kindOf(asked) === 'person') return 'personName';
  const named = nameQuestion.exec(question);
  if (named) {
    const words = (named[1] ?? named[2] ?? '').toLowerCase().split(/\s+/);
    return words.some((word) => kindOf(word) === 'person') ? 'personName' : 'name';
  }
  return 'other';
}

// "Roughly 6km north of the village", "just south of the dam": a place given by where it lies from another.
const relativePlace = /\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of|side\s+of)\b/i;

/** The runs of proper nouns in a text, each a name ("Ruta Kalnin", "Holmbury", "ECAA"). */
function readNames(text: string): Term[][] {
  const names: Term[][] = [];
  let run: Term[] = [];
  for (const term of [...splitIntoTerms(text), null]) {
    if (term?.proper) run.push(term);
    else if (run.length > 0) {
      names.push(run);
      run = [];
    }
  }
  return names;
}

// "Which country keeps pushing Washington …?": there a nationality ("Israeli officials") names the country.
const countryStems = searchStems('country countries nation');

/** Whether a sentence names a person in full ("Hester Quayle"), not only a title ("the driver"). */
function namesPerson(sentence: string, asked: ReadonlySet<string>): boolean {
  return [...sentence.matchAll(personName)].some((match) => {
    const words = [match[1] ?? '', match[2] ?? ''].map((word) => word.toLowerCase());
    return (
      !stopwords.has(words[0] ?? '') &&
      words.some((word) => !isEnglishWord(word)) &&
      !searchStems(words.join(' ')).some((stem) => asked.has(stem))
    );
  });
}

// "How deep is the mine?": the degree asks for a length (a weight, a speed), which a count or a duration
// does not give. "How long/high/big/far" may be answered by a time, a share or a count ("how far apart
// are the two sides?"), "how quickly" by a time.
// "What speed was it doing?", "what depth": the measure's own noun asks the same.
const dimensionQuestion =
  /\bhow\s+(deep|tall|wide|thick|heavy|fast)\b|\bwhat(?:['’]?s|\s+is|\s+was)?\s+(?:the\s+)?(?:(?:max|maximum|minimum|top|full|total)\s+)?(?:[a-z]+\s+)?(speed|depth|height|width|thickness|weight|range|distance|percentage|proportion|level)\b/i;
const dimensionOfDegree: ReadonlyMap<string, string> = new Map([
  ['deep', 'length'],
  ['tall', 'length'],
  ['wide', 'length'],
  ['thick', 'length'],
  ['heavy', 'mass'],
  ['fast', 'speed'],
  ['speed', 'speed'],
  ['depth', 'length'],
  ['height', 'length'],
  ['width', 'length'],
  ['thickness', 'length'],
  ['weight', 'mass'],
  ['range', 'length'],
  ['distance', 'length'],
  // "What percentage …?" wants a share; "what level …?" a share or a measure ("90 per cent", "1.9 metres").
  ['percentage', 'share'],
  ['proportion', 'share'],
  ['level', 'level'],
]);
// A length per hour or second as news writes it ("72 km/h", "40 miles an hour"), which the figure
// reader takes for a length; units of speed proper ("knots", "mph") are convert-units'.
const speedExpression =
  /\d\s*(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m)\s*(?:\/\s*h|\/\s*s|per\s+(?:hour|second)|an\s+hour|a\s+second)\b|\d\s*(?:mph|kph|kmh)\b/i;

/**
 * The measure a "how deep/tall/heavy/fast …?" or "what speed/depth …?" question asks for (convert-units'
 * names), `share` for "what percentage/proportion …?", `level` for "what level …?" (a share or any
 * measure); null for others.
 */
export function readDimension(question: string): string | null {
  if (!asksFirst(question, dimensionQuestion)) return null;
  const match = dimensionQuestion.exec(question);
  return dimensionOfDegree.get((match?.[1] ?? match?.[2] ?? '').toLowerCase()) ?? null;
}

/**
 * Whether a sentence gives a figure of the measure asked for ("410 metres" for a depth, "72 km/h" for
 * a speed, "3 per cent" for a share or a level, "1.9 metres" for a level: "three demands" is none);
 * true for none asked.
 */
export function fitsDimension(sentence: string, dimension: string | null): boolean {
  if (dimension === null) return true;
  if (dimension === 'speed' && speedExpression.test(sentence)) return true;
  return readQuantities(sentence).some(
    ({ unit }) =>
      measureOf(unit) === dimension ||
      (dimension === 'share' && unit === '%') ||
      (dimension === 'level' && (unit === '%' || isMeasureUnit(unit))),
  );
}

/**
 * Whether a sentence contains the kind of thing the question asks for: a time expression, an hour or
 * part of the day ("7pm", "on Friday morning") for "what time", a number, a number or a duration for
 * "how long/far/big …", a condition ("once the water is low enough") as a time, for a place or a
 * name a run of capitalised words inside the sentence (no day or month: "on Monday" is no place), or
 * for a place where it lies from another ("6km north of the village"), for a person's name two
 * capitalised words of which one is no English word ("Hester Quayle", not "Safety Board"). The name
 * must be one the question does not hold, in none of its words ("Ruta Kalnin" when it names Kalnin):
 * "which hotel did the Holmbury passengers use?" is not answered by "At Holmbury, …", nor "what's the
 * first officer's name?" by "Captain Erik Halloran" when the question names Halloran.
 * Every sentence fits `other`.
 *
 * @param sentence one sentence of a passage.
 * @param asked the question's stems (`searchStems`); none by default.
 */
export function fitsAnswerKind(
  sentence: string,
  kind: AnswerKind,
  asked: ReadonlySet<string> = new Set(),
): boolean {
  if (kind === 'time') return timeExpression.test(sentence);
  if (kind === 'clock') return clockExpression.test(sentence);
  if (kind === 'number') return numberExpression.test(sentence);
  if (kind === 'measure') return numberExpression.test(sentence) || durationExpression.test(sentence);
  if (kind === 'elapsed') return fitsAnswerKind(sentence, 'measure') || timeExpression.test(sentence);
  // A nationality ("Iranian officials") names no place, and a name the question holds is no answer to it.
  if (kind === 'place' && relativePlace.test(sentence)) return true;
  if (kind === 'place' || kind === 'name')
    return readNames(sentence).some(
      (name) =>
        !name.some((term) => asked.has(term.stem) || isCalendarWord(term.word)) &&
        (!name.every((term) => nationalities.has(term.word)) || countryStems.some((stem) => asked.has(stem))),
    );
  if (kind === 'personName') return namesPerson(sentence, asked);
  return true;
}

// A developing story reports plans that were later dropped ("initially, the talks were to be held in
// Istanbul"). Such sentences answer questions about the original plan, and mislead on the current one.
const supersededPlan =
  /\b(initially|originally(?! (appeared|published|ran|reported))|at first|previously|were to be|was to be|were supposed|was supposed|had planned|had been planned|had been scheduled)\b/i;
const asksAboutOriginalPlan =
  /\b(initially|originally|at first|previously|supposed|first planned|before|(was|were) (going|meant|due|set) to)\b/i;

/** Whether the question asks what was originally planned ("where were the talks first planned?"). */
export function asksForOriginalPlan(question: string): boolean {
  return asksAboutOriginalPlan.test(question);
}

/**
 * How a sentence's tense fits the question: +1 when it states a superseded plan and the question asks
 * about the original plan, −1 when it states one, and not the change that replaced it, and the
 * question asks about the present; else 0.
 */
export function fitsPlanTense(sentence: string, question: string): -1 | 0 | 1 {
  if (!supersededPlan.test(sentence)) return 0;
  if (asksAboutOriginalPlan.test(question)) return 1;
  // "Originally planned for Thursday, the meeting will now take place on Friday" also states the change.
  const { kind } = classifyStatement(sentence);
  return kind === 'changed' || kind === 'cancelled' ? 0 : -1;
}

// "And why?", "so why did they leave?": a follow-up asks why after the word joining it to the last turn.
const whyQuestion =
  /^\W*(?:(?:and|so|but|ok|okay)\s+)?(why\b|what (made|caused|led|prompted|is the reason)|how come\b)/i;
const reasonExpression =
  /\b(because|since|citing|seeing|fearing|given|due to|so that|in order|as a result|reason|concerns?|to avoid|in an attempt|amid)\b/i;
// "How did it start?", "what kicked it off?": asked of a developing story, the answer tells its origin.
const originQuestion = /\bhow did\b.*\b(start|begin)\b|^\s*what (started|began|triggered|sparked|kicked)\b/i;
const originExpression = /\b(began|begun|started) (when|after|with|in)\b|\b(triggered|sparked|set off) by\b/i;

/**
 * Whether the question asks why and the sentence gives a reason ("citing concerns that …"), or it asks
 * how something started and the sentence tells ("the confrontation began when …").
 */
export function givesReason(sentence: string, question: string): boolean {
  if (originQuestion.test(question)) return originExpression.test(sentence);
  return whyQuestion.test(question) && reasonExpression.test(sentence);
}

// "A 16-day strike", "burning for 11 days", "two weeks": a length of time stated outright.
const statedDuration =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+(?:days?|weeks?|months?|years?)\b|\bfortnight\b/i;

/** Whether a text states a length of time ("a 16-day strike", "for two weeks"). */
export function statesDuration(text: string): boolean {
  return statedDuration.test(text);
}

// "The recall, which began on 2 March", "since the attack": when the state asked about started.
const startExpression = /\b(began|begun|started|since|broke out|first)\b/i;

/**
 * Whether a "how long has it been …?" question meets a sentence that answers it: one stating a length
 * of time ("two weeks after the attack") or telling when the state began ("the strike began on 6 October").
 */
export function datesElapsedTime(sentence: string, kind: AnswerKind): boolean {
  return kind === 'elapsed' && (statesDuration(sentence) || startExpression.test(sentence));
}

const specificTime =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|(1[89]|20)\d\d|\d{1,2}(st|nd|rd|th)?)\b/i;

/**
 * Whether a "when" question meets a sentence naming a day, month, date or year, a more useful answer
 * than "later in the month" or "in recent weeks".
 */
export function namesSpecificTime(sentence: string, kind: AnswerKind): boolean {
  return (kind === 'time' || kind === 'clock') && specificTime.test(sentence);
}

const locativeName = /\b(in|at|near|outside|inside|to|from)\s+(the\s+)?\p{Lu}/u;

/**
 * Whether a "where" question meets a sentence that places something "in Muscat" or "at the United
 * Nations", a better answer than one that merely names a country ("the United States and Iran").
 */
export function namesPlace(sentence: string, kind: AnswerKind): boolean {
  return kind === 'place' && locativeName.test(sentence);
}

// The words news reports an outcome with: a decision, a ruling, an agreement, and their results; a vote
// only as "voted" ("41 votes", "the ballots" are no outcome).
const outcomeStems = new Set(
  searchStems(
    `decide decided decision agree agreed agreement deal concluded conclusion settle settled settlement sign
signed rule ruled ruling verdict result outcome accept accepted reject rejected approve
approved approval grant granted refuse refused deny denied dismiss dismissed uphold upheld pass passed
adopt adopted endorse endorsed overturn overturned win won lose lost`,
  ),
);

// A word before an outcome that makes it one asked for or still to come.
const unrealised = new Set([
  'to',
  'will',
  'would',
  'could',
  'may',
  'might',
  'should',
  'must',
  'can',
  'shall',
  'still',
]);

/**
 * Whether a sentence reports an outcome — a decision, vote, ruling or agreement ("the court granted the
 * injunction", "members voted to accept"), as an answer to "what did the judge decide?" must; a
 * sentence about the application or the hearing is no outcome, nor is an outcome word after "to" or a
 * modal ("asking the court to rule", "could still decide"). The word list is general news English.
 */
export function reportsOutcome(sentence: string): boolean {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  // "Asking the court to rule", "expects to decide by Wednesday", "could still decide": what is asked
  // for or to come, not an outcome.
  return words.some(
    (word, index) =>
      !unrealised.has(words[index - 1] ?? '') &&
      (word === 'voted' || searchStems(word).some((stem) => outcomeStems.has(stem))),
  );
}
