import { searchStems } from '../retrieval/terms.js';

// Words of one set name mutually exclusive things: "the east bank" is not "the west bank".
const contrastSets = [
  'north south east west northeast northwest southeast southwest',
  'northern southern eastern western',
  'first second third fourth fifth sixth',
  'left right',
  'upper lower',
  'inner outer',
  'morning afternoon evening',
  // Antonyms that qualify a noun: "short-range missiles" are not "long-range missiles".
  'short long',
  'high low',
  'early late',
  'small large',
  'minimum maximum',
  'public private',
].map((line) => line.split(' '));
const contrastSetOf = new Map(contrastSets.flatMap((set) => set.map((word) => [word, set])));

/** A word of a contrast set and the stem of the noun it qualifies. */
export interface Contrast {
  word: string;
  noun: string;
}

/**
 * The words of a contrast set in a text ("north", "second", "upper" …) with the noun each qualifies:
 * "the west bank" → { word: "west", noun: "bank" }. Any string; never throws.
 */
export function readContrasts(text: string): Contrast[] {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.flatMap((word, index) => {
    const noun = words[index + 1];
    const stem = noun === undefined ? undefined : searchStems(noun)[0];
    return contrastSetOf.has(word) && stem !== undefined ? [{ word, noun: stem }] : [];
  });
}

/**
 * Whether a sentence contradicts a contrast the question makes ("how many hectares burned on the west
 * bank?" against "… had burned on the east bank"): it qualifies the question's noun with another word
 * of the same set, and never with the question's own.
 */
export function contradictsContrast(text: string, asked: Contrast): boolean {
  const pairs = readContrasts(text).filter(({ noun }) => noun === asked.noun);
  const set = contrastSetOf.get(asked.word) ?? [];
  return (
    pairs.some(({ word }) => word !== asked.word && set.includes(word)) &&
    !pairs.some(({ word }) => word === asked.word)
  );
}
