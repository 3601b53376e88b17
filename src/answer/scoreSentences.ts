import type { QueryConcept } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';

/** A candidate answer sentence and how well it covers the query. */
export interface ScoredSentence {
  text: string;
  passage: RetrievedPassage;
  /** 0-based rank of its passage in the retrieval. */
  passageRank: number;
  /** Position of the sentence in its passage. */
  position: number;
  /** Share (0–1) of the query's weight that this sentence covers. */
  coverage: number;
  /** The query stems this sentence covers. */
  covered: Set<string>;
}

// A synonym is weaker evidence than the question's own word.
const synonymCredit = 0.7;

/**
 * Measures how much of a query a set of stems covers: the IDF-weighted share of the query's concepts
 * found, each concept counting fully when its own stem is present and 0.7 for a thesaurus synonym.
 *
 * @returns coverage in 0–1 (0 for a query without concepts) and the concepts covered.
 */
export function measureCoverage(
  concepts: readonly QueryConcept[],
  stems: ReadonlySet<string>,
): { coverage: number; covered: Set<string> } {
  let total = 0;
  let found = 0;
  const covered = new Set<string>();
  for (const concept of concepts) {
    total += concept.weight;
    if (stems.has(concept.stem)) {
      found += concept.weight;
      covered.add(concept.stem);
    } else if (concept.synonyms.some((synonym) => stems.has(synonym))) {
      found += concept.weight * synonymCredit;
      covered.add(concept.stem);
    }
  }
  return { coverage: total === 0 ? 0 : found / total, covered };
}

/**
 * Splits retrieved passages into sentences and scores each against the query's concepts.
 *
 * @param splitSentences the sentence splitter passages were built with, so sentences match passages.
 * @returns every sentence of every passage, in retrieval order.
 */
export function scoreSentences(
  concepts: readonly QueryConcept[],
  passages: readonly RetrievedPassage[],
  splitSentences: (text: string) => string[],
): ScoredSentence[] {
  return passages.flatMap((passage, passageRank) =>
    splitSentences(passage.text).map((text, position) => ({
      text,
      passage,
      passageRank,
      position,
      ...measureCoverage(concepts, new Set(searchStems(text))),
    })),
  );
}
