import { correctTypo } from '../question/correctTypos.js';
import { isEnglishWord } from '../question/isEnglishWord.js';
import type { NewsdeskDatabase } from '../storage/database.js';
import { prepareCached } from '../storage/prepareCached.js';
import { searchStems } from './terms.js';

/** A stem a question's word may be matched by, with the passages that use it. */
export interface Alternative {
  synonym: string;
  frequency: number;
  /** A misspelling's correction ("sanction" for "sancions"), not a part of a compound. */
  typo?: true;
}

type FrequencyLookUp = (stem: string) => number;
/** Yields the index's stems a typo may be corrected to, for the one-letter prefix `correctTypo` asks. */
type VocabularyByPrefix = (prefix: string) => Iterable<string>;

/** How many stems of one two-letter prefix a typo is compared with: a millisecond's work at most. */
const maxTypoCandidates = 1_000;
// In term order, not by frequency: fts5vocab counts a term's passages by reading its whole list, so
// ordering by count would read every list in the range at 100k passages.
const vocabularySql = `SELECT term FROM passage_vocabulary WHERE term >= ? AND term < ? LIMIT ${maxTypoCandidates}`;

/**
 * The index's stems a typo of `word` may be corrected to, by the prefix `correctTypo` asks for: for
 * the word's own first letter, those sharing its first two letters ("sa…" for "sancions"); for its
 * second letter (an extra first letter typed), those starting with its second and third. Two letters
 * keep the candidates few and close at any index size (at most 1,000 a call).
 */
export function readVocabularyFor(database: NewsdeskDatabase, word: string): VocabularyByPrefix {
  const statement = prepareCached(database, vocabularySql).pluck();
  return (prefix) => {
    const start = prefix === word[0] ? word.slice(0, 2) : word.slice(1, 3);
    if (start.length < 2) return [];
    const end = `${start.slice(0, -1)}${String.fromCodePoint((start.codePointAt(1) ?? 0) + 1)}`;
    return statement.all(start, end) as string[];
  };
}

/**
 * A word no article uses, may be a misspelling of one they use ("sancions" for "sanctions"): its stem
 * corrected against the index's stems (see `correctTypo`).
 */
function findTypoCorrection(
  stem: string,
  vocabulary: VocabularyByPrefix,
  lookUp: FrequencyLookUp,
): Alternative[] {
  const corrected = correctTypo(stem, vocabulary);
  if (corrected === null || corrected === stem) return [];
  const frequency = lookUp(corrected);
  return frequency > 0 ? [{ synonym: corrected, frequency, typo: true }] : [];
}

// A noun made of a phrasal verb ("cleanup", "shutdown", "walkout", "takeover"): the particle is a
// stopword the index never holds, so the verb alone stands for it ("clean-up", "cleaning up").
const phrasalParticle = /(?<=^[a-z]{3,})(?:up|down|out|off|over|back|away)$/;

/** Shortest part of a split compound: shorter halves ("co", "re") are affixes, not words. */
const minCompoundPart = 3;

/**
 * A word no article uses may be two words they use written as one ("counteroffer" for
 * "counter-offer", "ceasefire" for "cease-fire"): both parts, when each is indexed, become synonyms;
 * a phrasal verb's noun ("cleanup" for "clean-up") becomes its verb, and a flight or model typed as
 * one word ("cv417" for "CV 417") its number.
 */
function splitCompound(word: string, lookUp: FrequencyLookUp): Alternative[] {
  // "cv417" for "CV 417", "hr60s" for "HR-60s": a flight or model typed without its space or hyphen,
  // whose number tells it from the others of its letters ("CV 417" from "CV 512").
  const model = /^\p{Ll}{1,4}-?(\d{1,4})s?$/u.exec(word);
  if (model) {
    const number = model[1] ?? '';
    const frequency = lookUp(number);
    return frequency > 0 ? [{ synonym: number, frequency }] : [];
  }
  if (!/^\p{Ll}+$/u.test(word)) return [];
  const particle = phrasalParticle.exec(word);
  if (particle) {
    const verb = searchStems(word.slice(0, particle.index))[0] ?? '';
    const frequency = verb === '' ? 0 : lookUp(verb);
    if (frequency > 0) return [{ synonym: verb, frequency }];
  }
  for (let cut = minCompoundPart; cut <= word.length - minCompoundPart; cut += 1) {
    const parts = [word.slice(0, cut), word.slice(cut)].map((part) => searchStems(part)[0] ?? '');
    const frequencies = parts.map((part) => (part === '' ? 0 : lookUp(part)));
    if (frequencies.every((frequency) => frequency > 0)) {
      return parts.map((synonym, index) => ({ synonym, frequency: frequencies[index] ?? 0 }));
    }
  }
  return [];
}

// English derivational suffixes that make an adjective, adverb or abstract noun of a word without
// changing what it is about ("leaky" pipes leak, a "shipment" was shipped), which the Porter
// stemmer keeps apart when the base is short ("leaki" / "leak", "shipment" / "ship"). Longest first.
const derivationalSuffixes = ['ment', 'ness', 'ful', 'ly', 'y'] as const;

/**
 * A word no article uses may be a derivation of one they use ("leaky" for "leak", "muddy" for "mud",
 * "shipment" for "ship"): the English base word, after one suffix and a doubled final consonant or an
 * "i" for "y" ("happily" → "happy") are undone, when the articles use its stem.
 */
function findDerivationBase(word: string, lookUp: FrequencyLookUp): Alternative[] {
  const lower = word.toLowerCase();
  for (const suffix of derivationalSuffixes) {
    if (!lower.endsWith(suffix) || lower.length - suffix.length < minCompoundPart) continue;
    const base = lower.slice(0, -suffix.length);
    const undoubled = /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base;
    const bases = [base, undoubled, base.replace(/i$/, 'y'), `${base}e`];
    for (const candidate of new Set(bases)) {
      if (!isEnglishWord(candidate)) continue;
      const stem = searchStems(candidate)[0] ?? '';
      const frequency = stem === '' ? 0 : lookUp(stem);
      if (frequency > 0) return [{ synonym: stem, frequency }];
    }
  }
  return [];
}

/**
 * What a question word no article uses may stand for, among the stems the articles do use: the
 * closest stem when it looks like a typo ("sancions"), else its base word when it is a derivation
 * ("leaky" for "leak"), else both parts when it is two indexed words run together ("counteroffer").
 *
 * @returns the alternatives with their passage counts; `[]` when there is none.
 */
export function findAlternatives(
  term: { stem: string; word: string },
  database: NewsdeskDatabase,
  lookUp: FrequencyLookUp,
): Alternative[] {
  const corrected = isEnglishWord(term.word.toLowerCase())
    ? []
    : findTypoCorrection(term.stem, readVocabularyFor(database, term.stem), lookUp);
  if (corrected.length > 0) return corrected;
  const base = findDerivationBase(term.word, lookUp);
  return base.length > 0 ? base : splitCompound(term.word, lookUp);
}
