import { personNouns } from '../evidence/personNouns.js';
import { countryWords } from '../retrieval/countries.js';
import type { QueryConcept } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';

/** The sentence just before a candidate, with the passage it belongs to (for citing it). */
export interface PrecedingSentence {
  text: string;
  passage: RetrievedPassage;
}

/** A candidate answer sentence and how well it covers the query. */
export interface ScoredSentence {
  text: string;
  passage: RetrievedPassage;
  /** 0-based rank of its passage in the retrieval. */
  passageRank: number;
  /** Share (0–1) of the query's weight that this sentence covers on its own. */
  coverage: number;
  /**
   * Coverage counting, at half credit, what the article's title and (for a sentence that refers back)
   * the preceding sentence add: "The summit will now take place in Vienna" under "Water-sharing summit
   * moves to Vienna"; "Iranian officials backed out of that plan" after the plan.
   */
  coverageInContext: number;
  /** The query stems this sentence covers on its own. */
  covered: Set<string>;
  /** The sentence before, when this one refers back to it and it covers words this one lacks. */
  antecedent: PrecedingSentence | null;
}

// A synonym is weaker evidence than the question's own word; the sentence before weaker still.
const synonymCredit = 0.7;
const contextCredit = 0.5;
const carriedBonus = 0.25;
// The sentence before counts only for a sentence that refers back to it ("that plan", "they").
const demonstrative = /\b(that|this|those|these|such)\b/i;
const pronoun = /\b(it|its|they|them|their|he|his|she|her)\b/i;
// "In return, they said, it would expect …": a sentence opening on a link to the one before is half of
// a statement, quoted with it whatever words the question shares with each.
const linkBack =
  /^\W*(?:in\s+(?:return|exchange|response|turn)|as\s+a\s+result|instead|even\s+so|by\s+contrast|in\s+contrast)\b/i;
// A name before the pronoun is what it most likely stands for ("The Harwell Club said it had added …").
const nameWithin = /\s\p{Lu}\p{Ll}/u;

// "Who sent senior people?": a word for anyone is met by any noun for a person ("senior officials").
const genericPersonStems = new Set(
  searchStems('people person persons folk folks guys individuals someone somebody anyone anybody'),
);
let personStems: Set<string> | undefined;
// "Which countries were to send officials?": a sentence naming Turkey and Egypt speaks of countries.
const genericCountryStems = new Set(searchStems('country countries nation nations'));
const countryStems = new Set([...countryWords].flatMap((word) => searchStems(word)));

/** Whether the stems hold one of `kind` other than the question's own words. */
function namesAnyOther(
  stems: ReadonlySet<string>,
  kind: ReadonlySet<string>,
  asked: ReadonlySet<string>,
): boolean {
  for (const stem of stems) if (kind.has(stem) && !asked.has(stem)) return true;
  return false;
}

/**
 * The stems of nouns whose commonest sense is a person (WordNet noun.person): "senior" of "senior
 * people" is one too, so the question's own words never count. Built on first use (about 6,000
 * stems, some 40 ms once).
 */
function readPersonStems(): ReadonlySet<string> {
  personStems ??= new Set([...personNouns].flatMap((noun) => searchStems(noun)));
  return personStems;
}

/** Whether a sentence refers back to the one before: a demonstrative, or a pronoun no name precedes. */
function refersBack(sentence: string): boolean {
  if (demonstrative.test(sentence) || linkBack.test(sentence)) return true;
  const at = sentence.search(pronoun);
  return at !== -1 && !nameWithin.test(sentence.slice(0, at));
}

/**
 * Measures how much of a query a set of stems covers: the IDF-weighted share of the query's concepts
 * found, each counting fully when its own stem is present and 0.7 for a thesaurus synonym (or, for a
 * word for anyone such as "people", any other noun for a person; for "country", any country's name
 * or adjective the question does not use); concepts
 * found only in `contextStems` count half as much again. Concepts carried from earlier turns add at
 * most a quarter on top of the question's own coverage.
 *
 * @param askedStems the query's stems, which never count as the person a word for anyone means.
 * @returns coverage in 0–1 (0 for a query without concepts) and the concepts `stems` covers.
 */
function measureCoverage(
  concepts: readonly QueryConcept[],
  stems: ReadonlySet<string>,
  askedStems: ReadonlySet<string>,
  contextStems: ReadonlySet<string> = new Set(),
): { coverage: number; covered: Set<string> } {
  const credit = (concept: QueryConcept, present: ReadonlySet<string>): number => {
    if (present.has(concept.stem)) return 1;
    if (concept.synonyms.some((synonym) => present.has(synonym))) return synonymCredit;
    // A country's name or adjective (`countryWords`) for "country", a person noun for "people".
    if (genericCountryStems.has(concept.stem))
      return namesAnyOther(present, countryStems, askedStems) ? synonymCredit : 0;
    return genericPersonStems.has(concept.stem) && namesAnyOther(present, readPersonStems(), askedStems)
      ? synonymCredit
      : 0;
  };
  const totals = { asked: 0, askedKnown: 0, askedFound: 0, carried: 0, carriedFound: 0 };
  const covered = new Set<string>();
  for (const concept of concepts) {
    const own = credit(concept, stems);
    if (own > 0) covered.add(concept.stem);
    const found = concept.weight * Math.max(own, contextCredit * credit(concept, contextStems));
    if (concept.carried) {
      totals.carried += concept.weight;
      totals.carriedFound += found;
    } else {
      totals.asked += concept.weight;
      totals.askedFound += found;
      // "And how long did it go on for?": the degree asked ("long") gives a follow-up no subject of its own.
      if ((concept.documentFrequency > 0 || concept.synonyms.length > 0) && !concept.degree)
        totals.askedKnown += concept.weight;
    }
  }
  const carriedShare = totals.carried === 0 ? 0 : totals.carriedFound / totals.carried;
  // A follow-up is answered by its own words; carried context only breaks ties between candidates,
  // unless none of its own words occur in the articles ("and why?", "what's his job again?").
  if (totals.askedKnown === 0) return { coverage: carriedShare, covered };
  const coverage = Math.min(1, totals.askedFound / totals.asked + carriedBonus * carriedShare);
  return { coverage, covered };
}

/**
 * The stems of the outlet that published a passage when the question names it ("what did the Harbour
 * Gazette say about the first round?"): then each of its sentences holds them. Named means two of its words, or all of a shorter name ("NBR"); one common word of it
 * ("business" of "Lorvane Business Journal") names nothing.
 */
export function namedOutlet(source: string | null, asked: ReadonlySet<string>): string[] {
  const stems = searchStems(source ?? '');
  const named = stems.filter((stem) => asked.has(stem)).length;
  return named > 0 && named >= Math.min(2, stems.length) ? stems : [];
}

function findPreceding(
  passage: RetrievedPassage,
  sentences: string[],
  position: number,
  splitSentences: (text: string) => string[],
): PrecedingSentence | null {
  const previous = sentences[position - 1];
  if (previous !== undefined) return { text: previous, passage };
  if (passage.preceding === null) return null;
  const text = splitSentences(passage.preceding.text).at(-1);
  if (text === undefined) return null;
  const { passageId, text: passageText } = passage.preceding;
  return {
    text,
    passage: {
      ...passage,
      passageId,
      text: passageText,
      ordinal: passage.ordinal - 1,
      preceding: null,
      following: { passageId: passage.passageId, text: passage.text },
    },
  };
}

/**
 * Splits retrieved passages into sentences and scores each against the query's concepts, on its own
 * and together with the sentence before it (from the preceding passage for a passage's first sentence).
 *
 * @param splitSentences the sentence splitter passages were built with, so sentences match passages.
 * @returns every sentence of every passage, in retrieval order.
 */
export function scoreSentences(
  concepts: readonly QueryConcept[],
  passages: readonly RetrievedPassage[],
  splitSentences: (text: string) => string[],
): ScoredSentence[] {
  const askedStems = new Set(concepts.filter((concept) => !concept.carried).map((concept) => concept.stem));
  const conceptStems = new Set(concepts.map((concept) => concept.stem));
  return passages.flatMap((passage, passageRank) => {
    const sentences = splitSentences(passage.text);
    // "What did the Harbour Gazette say about the first round?": every sentence the Gazette published
    // is what it said, as fully as the line saying the article appeared in it.
    const outletStems = namedOutlet(passage.source, askedStems);
    const titleStems = searchStems(passage.title);
    return sentences.map((text, position) => {
      const preceding = refersBack(text) ? findPreceding(passage, sentences, position, splitSentences) : null;
      const stems = new Set([...searchStems(text), ...outletStems]);
      const own = measureCoverage(concepts, stems, conceptStems);
      const precedingStems = preceding ? searchStems(preceding.text) : [];
      const inContext = measureCoverage(
        concepts,
        stems,
        conceptStems,
        new Set([...titleStems, ...precedingStems]),
      );
      const antecedentAdds =
        preceding !== null &&
        (linkBack.test(text) ||
          measureCoverage(concepts, new Set([...stems, ...precedingStems]), conceptStems).covered.size >
            own.covered.size);
      return {
        text,
        passage,
        passageRank,
        coverage: own.coverage,
        coverageInContext: inContext.coverage,
        covered: own.covered,
        antecedent: antecedentAdds ? preceding : null,
      };
    });
  });
}
