/**
 * How a figure is hedged: "about 2,900", "more than 20", "fewer than 150" (a limit), "up to 600" (a
 * possibility the source claims can be reached), or as stated.
 */
export type QuantityBound = 'exact' | 'about' | 'atLeast' | 'atMost' | 'upTo';

/** A figure in a sentence and what it counts. */
export interface Quantity {
  value: number;
  /** What is counted: `%`, a currency sign, or the head noun in the singular ("ship", "crown"); `''` when unsaid. */
  unit: string;
  bound: QuantityBound;
  /** The words as written, hedge included: "about 2,900", "85m crowns". */
  text: string;
}

const wordValues = new Map(
  `two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11 twelve:12 thirteen:13
  fourteen:14 fifteen:15 sixteen:16 seventeen:17 eighteen:18 nineteen:19 twenty:20 thirty:30 forty:40
  fifty:50 sixty:60 seventy:70 eighty:80 ninety:90 hundred:100 dozen:12 single:1`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string])
    .map(([word, value]) => [word, Number(value)]),
);
const scales = new Map([
  ['k', 1e3],
  ['thousand', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['million', 1e6],
  ['bn', 1e9],
  ['billion', 1e9],
]);
const bounds: [RegExp, QuantityBound][] = [
  [/(about|around|roughly|some|approximately|nearly|almost|an estimated|close to)\s+$/i, 'about'],
  [/(more than|over|at least|upwards of)\s+$/i, 'atLeast'],
  [/(up to|as many as)\s+$/i, 'upTo'],
  [/(fewer than|less than|under|at most|no more than)\s+$/i, 'atMost'],
];
const currencySigns = new Map([
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
]);

// A figure: an optional currency sign, digits (with thousands commas or a decimal point) or a number
// word ("ten", "a dozen"), an optional scale ("85m", "1.2 billion"), then what follows.
const figurePattern =
  /([$€£¥])?(?<![\p{L}\p{N}.,:-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:a\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b|a\s+single\b)(?:\s?(k|m|mn|bn)\b|\s+(thousand|million|billion)\b)?(?![\p{N}]|[:.,]\d)/giu;
const percent = /^\s*(%|per\s?cent\b|percent\b|percentage points?\b)/i;
// A number that labels rather than counts: "round 2", "berths 7 to 9", "No. 3", "Article 5".
const labelBefore =
  /\b(round|rounds|berth|berths|gate|gates|article|section|chapter|page|no\.|number|phase|stage|level|platform|pier|room|floor|route|flight|item|clause|paragraph|game|match|category|grade|line|terminal|version|season|episode|week|day)\s+$/i;
const rangeAfterLabel =
  /\b(round|berth|gate|article|section|chapter|page|platform|pier|room|floor)s?\s+\d+\s*(to|and|-|–)\s*$/i;
const monthNames =
  /(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*$/i;
const followsAsDate =
  /^(st|nd|rd|th)?\s*(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/i;
const followsAsTime = /^\s*(am|pm|a\.m\.|p\.m\.|o['’]clock)(?!\p{L})|^(st|nd|rd|th)\b/iu;
// Words that end a noun phrase after a figure; the head noun is the last word before them.
const phraseEnd = new Set(
  `of a an the in on at to for from by with over per and or but than were was are is be been have has had
  will would can could may might said says that which who each as into across up down off out this these
  its their his her our after before since until more less earlier later sooner ago far apart each alone
  now today yesterday again plus left next`.split(/\s+/),
);
const ownerAfterOf = /^\s*of\s+(?:its|their|the|his|her|our)(?=\s)/i;
const countedThing =
  /\b(number|total|count|tally) of\s+((?:[a-z]+\s+){0,2}?[a-z]+?)s?\s+(?=[a-z]+ing\b|[a-z]+ed\b|fell|rose|was|is|stood|reached)/i;

/** A plural noun's singular by the regular rules: "ships" → "ship", "companies" → "company"; "crisis" stays. */
export function singular(word: string): string {
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const irregularPlurals = new Set(['people', 'staff', 'police', 'personnel', 'children', 'men', 'women']);
const timeUnits = new Set(['year', 'month', 'week', 'day', 'hour', 'minute']);
const vagueMultiplier = /\b(few|several|many)\s+$/i;

/** The noun a figure counts and where it ends in `after`: "-crown" in "2,000-crown", else up to the first plural. */
function readHeadNoun(text: string): { head: string; end: number } {
  // "Three Iranian officials", "two Middle Eastern diplomats": capitals do not end the noun phrase.
  const after = text.toLowerCase();
  const hyphenated = /^-([a-z]+)/.exec(after);
  if (hyphenated?.[1] !== undefined) return { head: hyphenated[1], end: hyphenated[0].length };
  const owner = ownerAfterOf.exec(after)?.[0].length ?? 0;
  let head = { head: '', end: 0 };
  for (const match of after.slice(owner).matchAll(/\s+([a-z]+)|[^\s]/gy)) {
    const word = match[1];
    if (word === undefined || phraseEnd.has(word)) break;
    const end = owner + match.index + match[0].length;
    // "refrigerated containers", "waiting ships": an -ed or -ing word is a head only at the end.
    if (!/(ed|ing)$/.test(word)) head = { head: word, end };
    if ((word.endsWith('s') && !/(ss|us)$/.test(word)) || irregularPlurals.has(word)) break;
    if (match.index > 40) break;
  }
  return { head: singular(head.head), end: head.end };
}

function parseValue(digits: string, scale: string | undefined): number {
  const words = digits.toLowerCase().replace(/^a\s+/, '');
  const base = wordValues.get(words) ?? Number(words.replaceAll(',', ''));
  return base * (scales.get(scale?.toLowerCase() ?? '') ?? 1);
}

/**
 * Reads the figures of a sentence with what each counts: "4,200 dock workers" (4200, worker),
 * "2.5 per cent" and "10%" (%), "85m crowns" (85,000,000, crown), "$3bn" (3e9, USD), "about 2,900"
 * (bound `about`), "ten days" (10, day), "a dozen" (12), "a single trawler" (1, trawler). "The number
 * of ships … fell to 48" counts ships. Left out: years (four digits from 1800 to 2099 without a % or
 * currency sign), dates ("Oct. 6", "6 October", "the 15th"), times of day ("6am", "10:30"), labels
 * ("round 2", "berths 7 to 9"), and number words with nothing after them (too often pronouns: "every
 * one of them" is not read at all).
 *
 * @param sentence any string; never throws.
 * @returns the figures in order of appearance.
 */
export function readQuantities(sentence: string): Quantity[] {
  const quantities: Quantity[] = [];
  const counted = countedThing.exec(sentence)?.[2]?.split(/\s+/).at(-1) ?? '';
  for (const match of sentence.matchAll(figurePattern)) {
    const [whole, sign, digits = '', shortScale, longScale] = match;
    const before = sentence.slice(0, match.index);
    const after = sentence.slice(match.index + whole.length);
    const isWord = /^[a-z]/i.test(digits);
    if (labelBefore.test(before) || rangeAfterLabel.test(before) || monthNames.test(before)) continue;
    if (followsAsDate.test(after) || followsAsTime.test(after)) continue;
    const value = parseValue(digits, shortScale ?? longScale);
    if (isWord && vagueMultiplier.test(before)) continue;
    const percentMatch = percent.exec(after);
    const noun = readHeadNoun(after);
    const unit = sign
      ? (currencySigns.get(sign) ?? sign)
      : percentMatch
        ? '%'
        : noun.head || (isWord ? '' : singular(counted));
    const isYear = /^\d{4}$/.test(digits) && value >= 1800 && value < 2100 && !sign && !percentMatch;
    if (isYear || (unit === '' && isWord)) continue;
    const hedged = bounds.map(([pattern, bound]) => ({ bound, hedge: pattern.exec(before)?.[1] }));
    let { bound, hedge } = hedged.find(({ hedge }) => hedge !== undefined) ?? { bound: 'exact', hedge: '' };
    // "over two years" is a span of time, not "more than two".
    if (hedge === 'over' && timeUnits.has(unit)) [bound, hedge] = ['exact', ''];
    const unitText = percentMatch?.[0] ?? after.slice(0, noun.end);
    quantities.push({ value, unit, bound, text: `${hedge ? `${hedge} ` : ''}${whole}${unitText}`.trim() });
  }
  return quantities;
}
