import { findPhrasalVerbSynonyms } from '../retrieval/phrasalVerbSynonyms.js';
import type { QueryConcept } from '../retrieval/planQuery.js';
import { searchStems, splitIntoTerms } from '../retrieval/terms.js';
import { antonymEntries } from './antonymEntries.js';

// Keyed by stem, both ways: "includ" → "exclud" and "exclud" → "includ".
const oppositesByStem = new Map<string, Set<string>>();
for (const entry of antonymEntries.split(/\s+/)) {
  const [first, second] = entry.split(':').map((word) => searchStems(word)[0]);
  if (first === undefined || second === undefined || first === second) continue;
  for (const [stem, opposite] of [
    [first, second],
    [second, first],
  ] as const) {
    const known = oppositesByStem.get(stem) ?? new Set<string>();
    known.add(opposite);
    oppositesByStem.set(stem, known);
  }
}

/** A word the question asks with and the stems of its opposites ("kept out" → "includ"). */
export interface Opposite {
  concept: QueryConcept;
  opposites: Set<string>;
}

// "How many crossed each day before it closed?": a clause of time sets the scene; a sentence about
// the bridge that "opened in 1979" still answers what is asked.
const timeClause = /\b(?:before|after|since|until|till|when|while|once)\b[^,;?]*/gi;

/**
 * The question's own words (with their thesaurus synonyms, and a phrasal verb's one-word verbs even
 * when no article uses them: "kept out" is "exclude") that have a WordNet antonym among their
 * commonest senses (`antonymEntries.ts`), with those antonyms' stems; an antonym the question uses
 * too ("did prices rise or fall?") is left out, since then either answers, and so are the words of a
 * clause of time ("before it closed").
 *
 * @param concepts the query plan's concepts; carried ones are skipped.
 */
export function readOpposites(question: string, concepts: readonly QueryConcept[]): Opposite[] {
  const asked = new Set(concepts.map((concept) => concept.stem));
  const scene = new Set([...question.matchAll(timeClause)].flatMap((match) => searchStems(match[0])));
  const terms = splitIntoTerms(question);
  const phrasal = (stem: string) =>
    terms.flatMap((term, index) =>
      term.stem === stem ? findPhrasalVerbSynonyms(stem, terms[index + 1]?.word) : [],
    );
  return concepts.flatMap((concept) => {
    if (concept.carried || scene.has(concept.stem)) return [];
    const opposites = new Set(
      [concept.stem, ...concept.synonyms, ...phrasal(concept.stem)]
        .flatMap((stem) => [...(oppositesByStem.get(stem) ?? [])])
        .filter((stem) => !asked.has(stem)),
    );
    return opposites.size > 0 ? [{ concept, opposites }] : [];
  });
}

/**
 * Whether a sentence says the opposite of a word asked: it holds an antonym and neither the word nor
 * a synonym of it ("the talks needed to include missiles" for "what should be kept out of the talks?").
 *
 * @param stems the sentence's stems (with those of the sentence it refers back to).
 */
export function saysOpposite(stems: ReadonlySet<string>, { concept, opposites }: Opposite): boolean {
  if (stems.has(concept.stem) || concept.synonyms.some((synonym) => stems.has(synonym))) return false;
  return [...opposites].some((stem) => stems.has(stem));
}
