import type { NewsdeskDatabase } from '../storage/database.js';
import { findSynonyms } from './synonyms.js';
import { splitIntoTerms } from './terms.js';

/** One content word of a query, with what it may match and how much it weighs. */
export interface QueryConcept {
  stem: string;
  /** Thesaurus alternatives that occur in the index (see synonyms.ts). */
  synonyms: string[];
  /** Passages containing the stem itself (0 when the articles never use the word). */
  documentFrequency: number;
  /** BM25's inverse document frequency of the stem: rare words weigh more. */
  weight: number;
  /** Written as a proper noun or acronym in the query: a name the answer must be about. */
  proper: boolean;
  /** Carried from earlier turns of a conversation rather than asked now: context, not the question. */
  carried: boolean;
}

/** How a query will be searched: its concepts and the few stems actually sent to the index. */
export interface QueryPlan {
  concepts: QueryConcept[];
  /** Stems sent to FTS5, rarest first; common words are left out when rarer ones exist. */
  searchStems: string[];
  /** The same for the question together with its carried context (empty without context). */
  contextSearchStems: string[];
  passageCount: number;
}

/** A stem in more than this share of passages says little about any one of them. */
const commonShare = 0.25;
/** At most this many stems reach FTS5, so a long question stays as fast as a short one. */
const maxSearchStems = 12;

// "Which country", "what day of the week": words that name the kind of answer, which the answering
// sentence rarely repeats ("Oman is mediating", "on Friday"), so they count for less.
const answerTypeWords = new Set(
  'day days date time week month year country countries city place newspaper outlet level percentage number amount name'.split(
    ' ',
  ),
);

function answerTypeShare(word: string, previousWord: string | undefined): number {
  if (answerTypeWords.has(word)) return 0.25;
  return previousWord === 'which' || previousWord === 'what' || previousWord === 'whose' ? 0.5 : 1;
}

function isUnknown(concept: QueryConcept): boolean {
  return concept.documentFrequency === 0 && concept.synonyms.length === 0;
}

/**
 * A common word no article uses ("kicked off", "exactly") is more often the asker's own phrasing than a
 * topic the articles lack, so it weighs half the median known word instead of the maximum IDF. Names
 * no article uses keep their full weight: they mean the question is about something else.
 */
function weighUnknownWords(concepts: QueryConcept[]): void {
  const known = concepts
    .filter((concept) => !isUnknown(concept))
    .map((concept) => concept.weight)
    .sort((a, b) => a - b);
  const median = known[Math.floor(known.length / 2)] ?? 2;
  for (const concept of concepts) {
    if (isUnknown(concept) && !concept.proper) concept.weight = median / 2;
  }
}

/**
 * Okapi BM25's inverse document frequency, ln(1 + (N − n + 0.5) / (n + 0.5)) (Robertson & Zaragoza,
 * "The Probabilistic Relevance Framework: BM25 and Beyond", 2009), always positive.
 */
export function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

type FrequencyLookUp = (stem: string) => number;

function buildConcepts(
  text: string,
  carried: boolean,
  passageCount: number,
  lookUp: FrequencyLookUp,
): QueryConcept[] {
  const seen = new Set<string>();
  const concepts: QueryConcept[] = [];
  const terms = splitIntoTerms(text);
  for (const [index, term] of terms.entries()) {
    if (term.stem === '' || seen.has(term.stem)) continue;
    seen.add(term.stem);
    const documentFrequency = lookUp(term.stem);
    const synonymFrequencies = findSynonyms(term.stem)
      .map((synonym) => ({ synonym, frequency: lookUp(synonym) }))
      .filter((entry) => entry.frequency > 0);
    // A word the articles only use through its synonyms weighs as much as its commonest synonym.
    const conceptFrequency = Math.max(
      documentFrequency,
      ...synonymFrequencies.map((entry) => entry.frequency),
    );
    concepts.push({
      stem: term.stem,
      synonyms: synonymFrequencies.map((entry) => entry.synonym),
      documentFrequency,
      weight:
        inverseDocumentFrequency(conceptFrequency, passageCount) *
        answerTypeShare(term.word, terms[index - 1]?.word),
      proper: term.proper && !carried,
      carried,
    });
  }
  weighUnknownWords(concepts);
  return concepts;
}

function chooseSearchStems(
  concepts: QueryConcept[],
  passageCount: number,
  lookUp: FrequencyLookUp,
): string[] {
  const searchable = concepts
    .flatMap((concept) => [concept.stem, ...concept.synonyms])
    .map((stem) => ({ stem, frequency: lookUp(stem) }))
    .filter((entry) => entry.frequency > 0)
    .sort((a, b) => a.frequency - b.frequency);
  const rare = searchable.filter((entry) => entry.frequency <= passageCount * commonShare);
  const chosen = (rare.length > 0 ? rare : searchable.slice(0, 3)).slice(0, maxSearchStems);
  return [...new Set(chosen.map((entry) => entry.stem))];
}

/**
 * Plans the retrieval of `text`: splits it into concepts, looks up how many passages use each, and
 * picks the stems worth searching. Words in most passages are dropped from the search (but still
 * count for sentence choice) unless nothing rarer is left: this keeps queries of common words fast.
 *
 * @param database an open newsdesk database.
 * @param text the question, any string; never throws on hostile input.
 * @param carriedText words carried from earlier turns of a conversation: they become `carried`
 *   concepts (never names that trigger abstention) and a second, wider search.
 */
export function planQuery(database: NewsdeskDatabase, text: string, carriedText = ''): QueryPlan {
  const passageCount = (database.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  const frequency = database.prepare('SELECT doc FROM passage_vocabulary WHERE term = ?').pluck();
  const lookUp = (stem: string): number => (frequency.get(stem) as number | undefined) ?? 0;
  const asked = buildConcepts(text, false, passageCount, lookUp);
  const askedStems = new Set(asked.map((concept) => concept.stem));
  const carried = buildConcepts(carriedText, true, passageCount, lookUp).filter(
    (concept) => !askedStems.has(concept.stem),
  );
  const concepts = [...asked, ...carried];
  return {
    concepts,
    searchStems: chooseSearchStems(asked, passageCount, lookUp),
    contextSearchStems: carried.length > 0 ? chooseSearchStems(concepts, passageCount, lookUp) : [],
    passageCount,
  };
}
