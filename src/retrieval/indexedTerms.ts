import { foldPhrases, isShouting, readWord, splitIntoTerms } from './terms.js';

// Indexing reads every word of every passage, and looking each one up in a Map as a fresh substring was
// the largest cost of ingest (measured at 100k passages: a quarter of preparing a passage). This
// scanner finds the same words as `splitIntoTerms`'s pattern, `[\p{L}\p{N}]+(?:['’]\p{L}+)*`, hashes
// each in place, and looks its stem up in an open-addressing table that compares the stored
// word with the text in place, so a word already seen costs no new string.

const letterPattern = /^\p{L}$/u;
const numberPattern = /^\p{N}$/u;

// What each ASCII character is to the word pattern (see `kindAt`): most text is ASCII, and a table
// lookup keeps the scanning loop free of calls.
const asciiKinds = new Uint8Array(128).map((_, code) => {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 3;
  return code >= 48 && code <= 57 ? 2 : 0;
});

function wideKind(text: string, index: number): number {
  const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
  if (letterPattern.test(character)) return character.length * 2 + 1;
  return numberPattern.test(character) ? character.length * 2 : 0;
}

/**
 * What the character at `index` is to the word pattern, with its length in UTF-16 code units:
 * 0 for neither a letter nor a number, else `length * 2 + 1` for a letter and `length * 2` for a number.
 */
function kindAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (asciiKinds[code] as number) : wideKind(text, index);
}

/** Where the run of word characters (only letters with `lettersOnly`) starting at `index` ends. */
function endOfRun(text: string, index: number, lettersOnly: boolean): number {
  let end = index;
  while (end < text.length) {
    const kind = kindAt(text, end);
    if (kind === 0 || (lettersOnly && !isLetter(kind))) break;
    end += lengthOf(kind);
  }
  return end;
}

const isLetter = (kind: number): boolean => kind % 2 === 1;
const lengthOf = (kind: number): number => kind >> 1;

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

// Room for `maxWords` at under 40% load, so a probe rarely looks past its first slot. 50,000 distinct
// words cover a large news archive's vocabulary; past that the table starts afresh rather than grow.
const maxWords = 50_000;
const slotCount = 1 << 17;
const slotMask = slotCount - 1;
const slotHashes = new Int32Array(slotCount);
const slotWords: string[] = new Array(slotCount);
const slotStems: string[] = new Array(slotCount);
let wordCount = 0;

// FNV-1a over UTF-16 code units; 0 marks an empty slot, so a word hashing to 0 is stored as 1.
const fnvOffset = 0x811c9dc5 | 0;
const fnvPrime = 16777619;

/** FNV-1a of `text`'s UTF-16 code units from `from` to `to`, continuing from `hash`. */
function mix(hash: number, text: string, from: number, to: number): number {
  let mixed = hash;
  for (let index = from; index < to; index += 1) mixed = Math.imul(mixed ^ text.charCodeAt(index), fnvPrime);
  return mixed;
}

function stemAt(text: string, start: number, end: number): string {
  const hash = mix(fnvOffset, text, start, end);
  const key = hash === 0 ? 1 : hash;
  let slot = key & slotMask;
  for (let stored = slotHashes[slot]; stored !== 0; stored = slotHashes[slot]) {
    const word = slotWords[slot] as string;
    if (stored === key && word.length === end - start && text.startsWith(word, start)) {
      return slotStems[slot] as string;
    }
    slot = (slot + 1) & slotMask;
  }
  if (wordCount >= maxWords) {
    slotHashes.fill(0);
    wordCount = 0;
    slot = key & slotMask;
  }
  const word = text.slice(start, end);
  const { stem } = readWord(word);
  slotHashes[slot] = key;
  slotWords[slot] = word;
  slotStems[slot] = stem;
  wordCount += 1;
  return stem;
}

/**
 * The indexed form of a passage: its stems joined by spaces, for the FTS5 `terms` column. The same
 * words and stems as `splitIntoTerms` (phrase folds, then each word read by `readWord`), stopwords
 * left out; changing either changes the index, so bump `articleFormatVersion`. Stems are plain
 * `[\p{L}\p{N}]` runs, so FTS5's unicode61 tokenizer reads back exactly the same tokens.
 *
 * @param text any string; never throws. Returns `''` for text with no content words.
 */
export function toIndexedTerms(text: string): string {
  // A passage in capitals reads its words in lower case (see `isShouting`); rare enough to take the
  // query tokenizer's own path, which is the rule by definition.
  if (isShouting(text)) {
    return splitIntoTerms(text)
      .map((term) => term.stem)
      .filter((stem) => stem !== '')
      .join(' ');
  }
  const folded = foldPhrases(text);
  const stems: string[] = [];
  let index = 0;
  while (index < folded.length) {
    const start = index;
    index = endOfRun(folded, index, false);
    if (index === start) {
      index += 1;
      continue;
    }
    // Each apostrophe followed by letters continues the word ("Iran's", "rock'n'roll"); a number
    // after those letters starts a new word, as the pattern's suffix takes letters only.
    while (isApostrophe(folded.charCodeAt(index)) && isLetter(kindAt(folded, index + 1))) {
      index = endOfRun(folded, index + 1, true);
    }
    const stem = stemAt(folded, start, index);
    if (stem !== '') stems.push(stem);
  }
  return stems.join(' ');
}
