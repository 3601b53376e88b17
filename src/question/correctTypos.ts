import { distance } from 'fastest-levenshtein';
import { isEnglishWord } from './isEnglishWord.js';

/** Words shorter than this are too easily one edit from another word to correct safely. */
const minimumLength = 4;
/** Longer strings are no typo of a word. */
const maximumLength = 40;

/** Edits allowed: 1 for 4–5 letters, 2 from 6 (as in Lucene's fuzzy auto-distance, which allows 0 below 3). */
function allowedEdits(length: number): number {
  return length >= 6 ? 2 : 1;
}

/** Whether two words differ only by two neighbouring letters swapped ("talsk"), a typist's one slip. */
export function isSwap(word: string, candidate: string): boolean {
  if (word.length !== candidate.length) return false;
  const first = word.split('').findIndex((letter, index) => letter !== candidate[index]);
  return (
    first >= 0 &&
    word[first] === candidate[first + 1] &&
    word[first + 1] === candidate[first] &&
    word.slice(first + 2) === candidate.slice(first + 2)
  );
}

function closest(
  word: string,
  candidates: Iterable<string>,
  limit: number,
): { word: string; edits: number } | null {
  let best: { word: string; edits: number } | null = null;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (Math.abs(lower.length - word.length) > limit) continue;
    if (lower === word) return { word: candidate, edits: 0 };
    const levenshtein = distance(word, lower);
    const edits = levenshtein === 2 && isSwap(word, lower) ? 1 : levenshtein;
    if (edits <= limit && (best === null || edits < best.edits)) best = { word: candidate, edits };
  }
  return best;
}

/**
 * Maps a misspelt word to the closest word of the articles' vocabulary ("enrichmnet" → "enrichment"),
 * by Levenshtein distance (fastest-levenshtein; a swap of neighbouring letters counts as one edit, as
 * in Damerau's distance): at most 1 edit for 4–5 letters, 2 from 6 letters.
 * Candidates sharing the first letter are tried first; only if none is close enough, those starting
 * with the word's second letter (a swapped or extra first letter). Among equally close candidates the
 * first yielded wins, so yield the commonest first. Never "corrects" an English word (Hunspell en-US,
 * see `isEnglishWord`), a word the vocabulary holds, a word under 4 letters, or one with digits.
 *
 * @param word one word as typed; compared in lower case.
 * @param vocabulary yields the vocabulary's words that start with `candidatePrefix` (one lower-case
 *   letter); called at most twice. Pure apart from that call and the speller's first build.
 * @returns the vocabulary word as yielded, or null when there is no close, safe correction.
 */
export function correctTypo(
  word: string,
  vocabulary: (candidatePrefix: string) => Iterable<string>,
): string | null {
  const lower = word.toLowerCase();
  if (lower.length < minimumLength || lower.length > maximumLength || !/^\p{L}+$/u.test(lower)) return null;
  if (isEnglishWord(lower)) return null;
  const limit = allowedEdits(lower.length);
  const prefixes = [...new Set([lower.charAt(0), lower.charAt(1)])];
  for (const prefix of prefixes) {
    const found = closest(lower, vocabulary(prefix), limit);
    if (found !== null) return found.edits === 0 ? null : found.word;
  }
  return null;
}
