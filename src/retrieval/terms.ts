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
  // Phrasal verbs folded to one word, so they meet their one-word synonyms (see synonyms.ts).
  [/\b(take|takes|took|taken|taking)\s+place\b/gi, 'happen'],
  [/\b(give|gives|gave|given|giving)\s+up\b/gi, 'abandon'],
  [/\b(back|backs|backed|backing|pull|pulls|pulled|pulling)\s+out\b/gi, 'withdraw'],
  [/\b(fall|falls|fell|fallen|falling)\s+(through|apart)\b/gi, 'collapse'],
  [/\b(call|calls|called|calling)\s+for\b/gi, 'demand'],
  [/\b(was|were)\s+to\s+be\b/gi, '$1 supposed to be'],
  [/\b(give|gives|gave|given|giving)\s+ground\b/gi, 'concede'],
  [/\b(kick|kicks|kicked|kicking)\s+off\b/gi, 'begin'],
  [/\b(stick|sticks|stuck|sticking)\s+to\b/gi, 'focus on'],
  [/\bstand[\s-]off\b/gi, 'standoff'],
  [/\bgo-between\b/gi, 'mediator'],
  [/\bin the first place\b/gi, ''],
  [/\bwon['’]t\b/gi, 'will not'],
  [/\bcan['’]t\b/gi, 'cannot'],
];

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Irregular verb forms news uses constantly: Porter leaves "said" and "say" apart, and questions ask
// "what did X say" of articles that write "X said".
const irregularForms: Record<string, string> = Object.fromEntries(
  `said:say says:say told:tell met:meet meets:meet held:hold holds:hold won:win began:begin begun:begin
gave:give given:give made:make took:take taken:take went:go gone:go sent:send spoke:speak spoken:speak
brought:bring bought:buy fought:fight sought:seek thought:think left:leave led:lead struck:strike hit:hit
chose:choose chosen:choose drew:draw drawn:draw fell:fall fallen:fall grew:grow grown:grow knew:know
known:know rose:rise risen:rise saw:see seen:see shot:shoot stood:stand wrote:write written:write
paid:pay kept:keep lost:lose felt:feel ran:run withdrew:withdraw withdrawn:withdraw`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** British spellings folded to American ones, so "neighbours" finds "neighbors" and "programme" "program". */
function foldSpelling(word: string): string {
  if (word.length > 5 && word.endsWith('our')) return `${word.slice(0, -3)}or`;
  if (word.length > 5 && word.endsWith('ours')) return `${word.slice(0, -4)}ors`;
  if (word.endsWith('programme') || word.endsWith('programmes')) return word.replace('programme', 'program');
  if (word.endsWith('ence') && word.length > 6 && /(def|off|lic)ence$/.test(word))
    return `${word.slice(0, -4)}ense`;
  return word.replace(/(?<=\w{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1');
}

/**
 * Splits text into retrieval terms (changing its rules changes the index: bump `articleFormatVersion`): Unicode words, lower-cased, accents removed, possessives dropped,
 * British spellings folded, Porter-stemmed (the `stemmer` package). Acronyms written in capitals ("US")
 * are kept even when their lower-case form is a stopword ("us").
 *
 * @param text any string, including hostile input; never throws.
 * @returns every word with its stem, stopwords included but flagged by an empty stem.
 */
export function splitIntoTerms(text: string): Term[] {
  let folded = text.normalize('NFKC');
  for (const [pattern, replacement] of phraseFolds) folded = folded.replace(pattern, replacement);
  const terms: Term[] = [];
  let sentenceStart = true;
  let lastEnd = 0;
  for (const match of folded.matchAll(wordPattern)) {
    const raw = match[0];
    const between = folded.slice(lastEnd, match.index);
    if (/[.!?:]\s|^\s*$/.test(between) && (lastEnd === 0 || /[.!?:"“]\s*$/.test(between)))
      sentenceStart = true;
    lastEnd = match.index + raw.length;
    const acronym = raw.length >= 2 && raw.length <= 5 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw);
    const capitalised = /^\p{Lu}/u.test(raw);
    const proper = acronym || (capitalised && !sentenceStart);
    sentenceStart = false;
    // Possessives and contractions ("Iran's", "it'll", "he'd", "don't") keep only the word itself.
    const word = raw
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/n['’]t$/u, '')
      .replace(/['’](s|ll|d|re|ve|m)$/u, '')
      .replace(/['’]/gu, '');
    if (acronym) {
      terms.push({ stem: word, word, proper: true });
      continue;
    }
    const stem = stopwords.has(word) ? '' : stemmer(irregularForms[word] ?? foldSpelling(word));
    terms.push({ stem, word, proper: proper || countryWords.has(word) });
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

/**
 * The indexed form of a passage: its stems joined by spaces, for the FTS5 `terms` column. Stems are
 * plain `[\p{L}\p{N}]` runs, so FTS5's unicode61 tokenizer reads back exactly the same tokens.
 */
export function toIndexedTerms(text: string): string {
  return splitIntoTerms(text)
    .map((term) => term.stem)
    .filter((stem) => stem !== '')
    .join(' ');
}
