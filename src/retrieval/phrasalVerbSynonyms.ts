import { phrasalVerbEntries } from './phrasalVerbs.js';
import { searchStems } from './terms.js';

// Keyed by the verb's stem and the particle as written ("call off"), so "called off" and "calls off"
// find one entry.
const singleVerbsByPhrase = new Map<string, string[]>();
for (const entry of phrasalVerbEntries.split(/\s+/)) {
  const [phrase = '', words = ''] = entry.split('=');
  const [verb = '', particle = ''] = phrase.split('_');
  const head = searchStems(verb)[0];
  if (head === undefined) continue;
  const stems = words.split(',').flatMap((word) => searchStems(word).slice(0, 1));
  singleVerbsByPhrase.set(
    `${head} ${particle}`,
    [...new Set(stems)].filter((stem) => stem !== head),
  );
}

/**
 * "Was the launch called off?" asks what the article says "scrubbed": the one-word verbs of a phrasal
 * verb's commonest WordNet senses (`phrasalVerbs.ts`), as stems.
 *
 * @param verbStem the stem of a question's word (from `searchStems`), e.g. "call".
 * @param nextWord the word after it as written, lower case, e.g. "off"; `undefined` at the end.
 * @returns stems such as ["cancel", "scratch", "scrub"]; `[]` when the two words are no phrasal verb.
 */
export function findPhrasalVerbSynonyms(verbStem: string, nextWord: string | undefined): readonly string[] {
  return nextWord === undefined ? [] : (singleVerbsByPhrase.get(`${verbStem} ${nextWord}`) ?? []);
}
