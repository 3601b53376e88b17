import { stemmer } from 'stemmer';
import { countryWords } from './countries.js';
import { stopwords } from './stopwords.js';

/** A word of a text as retrieval sees it: its stem, and whether it is kept as a search term. */
export interface Term {
  stem: string;
  /** The surface form, lower-cased; e.g. for matching a question's words in a sentence. */
  word: string;
  /** Proper noun or acronym in the source text (capitalised, not at a sentence start). */
  proper: boolean;
}

// Phrases that news writes several ways; folding them makes "3%", "3 percent" and "3 per cent" one term.
const phraseFolds: [RegExp, string][] = [
  [/\bper\s+cent\b/gi, 'percent'],
  [/%/g, ' percent'],
  [/\bUnited States\b/g, 'US'],
  [/\bU\.S\.(?=\W|$)/g, 'US'],
  [/\bU\.K\.(?=\W|$)/g, 'UK'],
  [/\bUnited Kingdom\b/g, 'UK'],
  [/\bUnited Nations\b/g, 'UN'],
  // "America" alone is the United States; "South America" and "Latin America" are continents.
  [/(?<!\b(?:south|north|latin|central)\s)\bamerica\b/gi, 'US'],
  [/\bMiddle East\b/gi, 'Mideast'],
  // Phrasal verbs folded to one word, so they meet their one-word synonyms (see synonyms.ts).
  [/\b(take|takes|took|taken|taking)\s+place\b/gi, 'happen'],
  [/\b(give|gives|gave|given|giving)\s+up\b/gi, 'abandon'],
  [/\b(back|backs|backed|backing|pull|pulls|pulled|pulling)\s+(?:out|away)\b/gi, 'withdraw'],
  [/\b(bail|bails|bailed|bailing)\s+(on|out)\b/gi, 'withdraw'],
  [/\b(fall|falls|fell|fallen|falling)\s+(through|apart)\b/gi, 'collapse'],
  [/\b(call|calls|called|calling)\s+for\b/gi, 'demand'],
  // "What date were they working towards?": what they aimed for.
  [/\b(work|works|worked|working)\s+towards?\b/gi, 'aim'],
  [/\b(was|were)\s+to\s+be\b/gi, '$1 supposed to be'],
  [/\b(give|gives|gave|given|giving)\s+ground\b/gi, 'concede'],
  [/\b(kick|kicks|kicked|kicking)\s+off\b/gi, 'begin'],
  [/\b(stick|sticks|stuck|sticking)\s+to\b/gi, 'focus on'],
  [/\bstand[\s-]off\b/gi, 'standoff'],
  [/\bgo-between\b/gi, 'mediator'],
  [/\b(show|shows|showed|shown|showing|turn|turns|turned|turning)\s+up\b/gi, 'attend'],
  [
    /\b(go|goes|went|gone|going|come|comes|came|coming|get|gets|got|getting)\s+back\b(?!\s+with\b)/gi,
    'return',
  ],
  [/\b(sit|sits|sat|sitting)\s+down\s+with\b/gi, 'meet'],
  // What one side wants "back" for what it gives is what it wants "in return" ("in exchange").
  [/\b(want|wants|wanted|wanting|ask|asks|asked|asking|expect|expects|expected)\s+back\b/gi, '$1 return'],
  [/\bin\s+exchange\b/gi, 'in return'],
  // "Lead to something meaningful" is to result in it, not to lead anyone.
  [/\b(lead|leads|led|leading)\s+to\b/gi, 'cause'],
  [/\bin the first place\b/gi, ''],
  // "38cm" is "38 centimetres": a figure's unit abbreviated or spelt out, British or American.
  [/\b(\d+(?:[.,]\d+)?)\s?cm\b/gi, '$1 centimetre'],
  [/\b(\d+(?:[.,]\d+)?)\s?mm\b/gi, '$1 millimetre'],
  [/\b(\d+(?:[.,]\d+)?)\s?km\b/gi, '$1 kilometre'],
  [/\b(\d+(?:[.,]\d+)?)\s?kg\b/gi, '$1 kilogram'],
  [/\b(\d+(?:[.,]\d+)?)\s?(?:mins?)\b/gi, '$1 minute'],
  [/\b(\d+(?:[.,]\d+)?)\s?(?:hrs?)\b/gi, '$1 hour'],
  [/\b(\d+(?:[.,]\d+)?)\s?(?:secs?)\b/gi, '$1 second'],
  [/\b(centi|milli|kilo)met(?:er|re)(s?)\b/gi, '$1metre$2'],
  [/\bwon['’]t\b/gi, 'will not'],
  [/\bcan['’]t\b/gi, 'cannot'],
];

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Irregular verb forms news uses constantly (and British "-t" pasts: "burnt", "learnt"): Porter leaves "said" and "say" apart, and questions ask
// "what did X say" of articles that write "X said". Maps, not object literals, for every table keyed by
// a word: an object would find "constructor" or "__proto__" on its prototype.
const irregularForms: ReadonlyMap<string, string> = new Map(
  `said:say says:say told:tell met:meet meets:meet held:hold holds:hold won:win began:begin begun:begin
gave:give given:give made:make took:take taken:take went:go gone:go sent:send spoke:speak spoken:speak
brought:bring bought:buy fought:fight sought:seek thought:think left:leave led:lead struck:strike hit:hit
chose:choose chosen:choose drew:draw drawn:draw fell:fall fallen:fall grew:grow grown:grow knew:know
known:know rose:rise risen:rise saw:see seen:see shot:shoot stood:stand wrote:write written:write
paid:pay kept:keep lost:lose felt:feel ran:run withdrew:withdraw withdrawn:withdraw found:find
came:come became:become built:build broke:break broken:break caught:catch heard:hear
meant:mean sold:sell sat:sit slept:sleep spent:spend taught:teach threw:throw thrown:throw
understood:understand wore:wear worn:wear drove:drive driven:drive flew:fly flown:fly got:get
gotten:get dealt:deal fled:flee fed:feed shook:shake shaken:shake swept:sweep tore:tear torn:tear
upheld:uphold withheld:withhold forgave:forgive forgot:forget forgotten:forget
hid:hide hidden:hide stole:steal stolen:steal froze:freeze frozen:freeze sank:sink sunk:sink
lent:lend woke:wake woken:wake blew:blow blown:blow dug:dig hung:hang
burnt:burn learnt:learn spelt:spell dreamt:dream leapt:leap spoilt:spoil knelt:kneel`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

const notPastEdWords = new Set(
  'indeed hundred speed breed proceed exceed succeed scheduled expected planned'.split(' '),
);

/**
 * Whether a lower-case word is a verb's simple past or past participle ("slept", "met", "announced"):
 * an irregular form from the table above (not a present "-s" form), or a regular "-ed" form of five
 * letters or more other than words that only end like one ("indeed", "hundred") and the words of
 * a plan ("scheduled", "expected").
 */
export function isPastVerbForm(word: string): boolean {
  const base = irregularForms.get(word);
  if (base !== undefined) return base !== word && !word.endsWith('s');
  return word.length >= 5 && word.endsWith('ed') && !notPastEdWords.has(word);
}

/** British spellings folded to American ones, so "neighbours" finds "neighbors" and "programme" "program". */
function foldSpelling(word: string): string {
  if (word.length > 5 && word.endsWith('our')) return `${word.slice(0, -3)}or`;
  if (word.length > 5 && word.endsWith('ours')) return `${word.slice(0, -4)}ors`;
  if (word.endsWith('programme') || word.endsWith('programmes')) return word.replace('programme', 'program');
  if (word.endsWith('ence') && word.length > 6 && /(def|off|lic)ence$/.test(word))
    return `${word.slice(0, -4)}ense`;
  return word.replace(/(?<=\w{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1');
}

// Chat shorthand for common words, as people type questions in Discord; read only when typed in lower
// case, so an acronym ("BC", "GOV") stays a name.
const chatShorthand: ReadonlyMap<string, string> = new Map(
  `ppl:people gov:government govt:government evac:evacuation info:information approx:approximately
dept:department tmrw:tomorrow tmr:tomorrow bc:because cuz:because coz:because shld:should wld:would
cld:could abt:about whats:what whos:who wheres:where whens:when hows:how whys:why theyre:they thru:through
didnt:did dont:do doesnt:does isnt:is arent:are wasnt:was werent:were hasnt:has havent:have hadnt:had
cant:can couldnt:could wouldnt:would shouldnt:should hq:headquarters`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

// Words Porter would merge with an unrelated one: "news" is not "new".
const unmergedStems: ReadonlyMap<string, string> = new Map([['news', 'news']]);

// Capitals usually mark an acronym, but a stopword in capitals ("AND", "NOT", "NOW", "LOL", "THX") is
// emphasis or chat, not a name; only these stopwords are also acronyms news writes in capitals.
const stopwordAcronyms: ReadonlySet<string> = new Set(['us', 'who']);

/** What a word of a text says on its own, before its neighbours decide whether it is a name. */
export interface WordReading {
  /** Lower-cased, accents, possessives and contractions removed. */
  word: string;
  /** Search stem; `''` for a stopword. */
  stem: string;
  acronym: boolean;
  /** Starts with a capital letter. */
  capitalised: boolean;
}

/**
 * Reads one word as matched by the tokenizer: lower-cases it, drops accents, possessives and
 * contractions ("Iran's", "it'll", "he'd", "don't" keep only the word itself), folds British spellings
 * and irregular verbs, and Porter-stems it (the `stemmer` package). Acronyms written in capitals
 * ("US", "WHO") are kept whole even when their lower-case form is a stopword ("us"); other stopwords
 * in capitals ("NOT", "LOL") are read as the stopword.
 *
 * @param raw one run of letters and digits with optional apostrophe suffixes, as in the source text.
 */
export function readWord(raw: string): WordReading {
  const word = raw
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/n['’]t$/u, '')
    .replace(/['’](s|ll|d|re|ve|m)$/u, '')
    .replace(/['’]/gu, '')
    // SQLite's unicode61 tokenizer case-folds final sigma to σ: a stem keeping ς would never be found
    // in the index's vocabulary, and the planner would drop every Greek word ending in it.
    .replaceAll('ς', 'σ');
  const acronym =
    raw.length >= 2 &&
    raw.length <= 5 &&
    raw === raw.toUpperCase() &&
    /\p{Lu}/u.test(raw) &&
    (!stopwords.has(word) || stopwordAcronyms.has(word));
  if (acronym) return { word, stem: word, acronym, capitalised: true };
  const spelt = raw === word ? (chatShorthand.get(word) ?? word) : word;
  const stem = stopwords.has(spelt)
    ? ''
    : (unmergedStems.get(spelt) ?? stemmer(irregularForms.get(spelt) ?? foldSpelling(spelt)));
  return { word, stem, acronym, capitalised: /^\p{Lu}/u.test(raw) };
}

// Stemming dominates indexing, and news reuses a small vocabulary: reading each distinct word once
// makes ingest several times faster. 50,000 distinct words cover a large news archive's common
// vocabulary in a few megabytes; past that the cache starts afresh rather than growing without bound.
const maxCachedWords = 50_000;
const readings = new Map<string, WordReading>();

function readWordCached(raw: string): WordReading {
  let reading = readings.get(raw);
  if (reading === undefined) {
    if (readings.size >= maxCachedWords) readings.clear();
    reading = readWord(raw);
    readings.set(raw, reading);
  }
  return reading;
}

// One case-insensitive pass that finds any phrase a fold could change (a superset of their matches):
// most passages have none, and 22 separate passes were a third of indexing time (measured at 100k passages).
const anyPhraseFold = new RegExp(phraseFolds.map(([pattern]) => pattern.source).join('|'), 'i');

/**
 * Normalises `text` (NFKC) and applies the phrase folds ("per cent" → "percent", "United States" → "US",
 * phrasal verbs → one word): the text every tokenizer here reads.
 */
export function foldPhrases(text: string): string {
  let folded = text.normalize('NFKC');
  if (!anyPhraseFold.test(folded)) return folded;
  for (const [pattern, replacement] of phraseFolds) folded = folded.replace(pattern, replacement);
  return folded;
}

/**
 * Whether `text` is written in capitals throughout (three or more words, no lower-case letter), as in
 * "WHERE ARE THE TALKS?" or an all-caps wire headline: its words are then read in lower case, since
 * there are no acronyms or names to tell apart.
 */
export function isShouting(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(wordPattern)?.length ?? 0) >= 3;
}

/**
 * Splits text into retrieval terms (changing its rules changes the index: bump `articleFormatVersion`):
 * phrase folds ("per cent", "United States", phrasal verbs), then each Unicode word read by `readWord`.
 * A capitalised word is a proper noun unless it starts a sentence; acronyms and country words always are.
 *
 * @param text any string, including hostile input; never throws.
 * @returns every word with its stem, stopwords included but flagged by an empty stem.
 */
export function splitIntoTerms(text: string): Term[] {
  const folded = foldPhrases(text);
  const shouting = isShouting(text);
  const terms: Term[] = [];
  let sentenceStart = true;
  let lastEnd = 0;
  for (const match of folded.matchAll(wordPattern)) {
    const raw = match[0];
    // A single space between words, by far the commonest gap, never starts a sentence.
    if (lastEnd === 0 || match.index - lastEnd !== 1 || folded.charCodeAt(lastEnd) !== 32) {
      const between = folded.slice(lastEnd, match.index);
      if (/[.!?:]\s|^\s*$/.test(between) && (lastEnd === 0 || /[.!?:"“]\s*$/.test(between)))
        sentenceStart = true;
    }
    lastEnd = match.index + raw.length;
    const reading = readWordCached(shouting ? raw.toLowerCase() : raw);
    const { word, stem, acronym, capitalised } = reading;
    terms.push({ stem, word, proper: acronym || (capitalised && !sentenceStart) || countryWords.has(word) });
    sentenceStart = false;
  }
  return terms;
}

/**
 * The distinct search stems of a text, in order of first appearance: what a query searches for.
 *
 * @param text any string; never throws. Returns `[]` for text with no content words.
 */
export function searchStems(text: string): string[] {
  return [...new Set(splitIntoTerms(text).map((term) => term.stem))].filter((stem) => stem !== '');
}
