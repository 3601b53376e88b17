import { isConversationalWord } from '../question/conversationalWords.js';
import type { NewsdeskDatabase } from '../storage/database.js';
import { findAlternatives } from './findAlternatives.js';
import { findPhrasalVerbSynonyms } from './phrasalVerbSynonyms.js';
import { readIndexStatistics } from './readIndexStatistics.js';
import { findSynonyms } from './synonyms.js';
import { searchStems, splitIntoTerms } from './terms.js';

/** One content word of a query, with what it may match and how much it weighs. */
export interface QueryConcept {
  stem: string;
  /** The word as the question first wrote it, lower-cased. */
  word: string;
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
  /** The degree a question asks ("long" of "how long"): the kind of answer, not its subject. */
  degree?: true;
}

/** How a query will be searched: its concepts and the few stems actually sent to the index. */
export interface QueryPlan {
  concepts: QueryConcept[];
  /**
   * Stems sent to FTS5 (OR-ed); common words are left out when rarer ones exist, and on a large index
   * only as many as FTS5 can rank quickly (see `maxRankedPassages`).
   */
  searchStems: string[];
  /** The same for the question together with its carried context (empty without context). */
  contextSearchStems: string[];
  passageCount: number;
}

/** A stem in more than this share of passages says little about any one of them. */
const commonShare = 0.25;
/** Below this many passages a word is never too common to search: ranking that many is cheap. */
const minimumCommonFrequency = 500;
/** At most this many stems reach FTS5, so a long question stays as fast as a short one. */
const maxSearchStems = 12;

// "Which country", "what day of the week": words that name the kind of answer, which the answering
// sentence rarely repeats ("Oman is mediating", "on Friday"), so they count for less.
const answerTypeWords = new Set(
  'day days date time week month year country countries city place newspaper outlet level percentage number amount figure total name'.split(
    ' ',
  ),
);

// "How long", "how full", "how badly": a content word right after "how" is the degree asked about
// (English puts an adjective or adverb there), so it is the question, not its subject.
function isDegreeWord(previousWord: string | undefined): boolean {
  return previousWord === 'how';
}

/** The stems of the degree words a question asks with ("long" in "how long has it been shut?"). */
function findDegreeStems(text: string): Set<string> {
  const terms = splitIntoTerms(text);
  return new Set(
    terms.filter((_term, index) => isDegreeWord(terms[index - 1]?.word)).map((term) => term.stem),
  );
}

const possessive = new Set(['his', 'her', 'their', 'its']);

/**
 * "How much does his group reckon …?" after "who's Oskar Vendt?": in a follow-up, the noun a possessive
 * pronoun owns stands for something of the last turn, which the carried words name; the asker's word
 * for it ("group" for "the chamber of commerce") is no subject of its own, so it weighs nothing and
 * cannot pull in another "group".
 */
function ignorePossessedWords(concepts: QueryConcept[], text: string): void {
  const terms = splitIntoTerms(text);
  const possessed = new Set(
    terms.filter((_term, index) => possessive.has(terms[index - 1]?.word ?? '')).map((term) => term.stem),
  );
  for (const concept of concepts) if (possessed.has(concept.stem)) concept.weight = 0;
}

/** Words of a condition the question sets ("… if the US hits it") weigh this share. */
const conditionShare = 0.5;

/**
 * "What has Iran threatened to do if the US hits it?", "if Iran agreed to a freeze, what would it want
 * back?": the condition says when, not what is asked, and the answer often words it its own way ("if
 * attacked", "in return"), so its words count for less.
 */
function weighConditionWords(concepts: QueryConcept[], text: string): void {
  const at = text.search(/(?:^|\s)(?:if|unless|in case)\s/i);
  if (at < 0) return;
  // The condition runs to the end of its clause, or, opening the question, to the question word.
  const clause =
    (text.slice(at).split(/[,;?!.]/)[0] ?? '').split(/\s(?=(?:what|how|when|where|who|why|which)\b)/i)[0] ??
    '';
  const own = new Set(searchStems(text.slice(0, at) + text.slice(at + clause.length)));
  const condition = new Set(searchStems(clause));
  for (const concept of concepts)
    if (condition.has(concept.stem) && !own.has(concept.stem)) concept.weight *= conditionShare;
}

/** The share of its weight the degree a question asks keeps ("long" of "how long"). */
const degreeShare = 0.1;

function answerTypeShare(word: string, previousWord: string | undefined): number {
  if (isDegreeWord(previousWord)) return degreeShare;
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
    if (!isUnknown(concept) || concept.proper) continue;
    // "please answer quickly": the commonest spoken words are the asker's way of asking, which no
    // sentence repeats, so they weigh half as much again.
    concept.weight = isConversationalWord(concept.word) ? median / 4 : median / 2;
  }
}

/**
 * Okapi BM25's inverse document frequency, ln(1 + (N − n + 0.5) / (n + 0.5)) (Robertson & Zaragoza,
 * "The Probabilistic Relevance Framework: BM25 and Beyond", 2009), always positive.
 */
function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

type FrequencyLookUp = (stem: string) => number;

// The particles of English phrasal verbs, as news writes their nouns run together ("breakthrough",
// "walkout", "shutdown"); "thru" as chat spells "through".
const particles: ReadonlyMap<string, string> = new Map([
  ...['up', 'down', 'out', 'off', 'over', 'back', 'away', 'through', 'in'].map(
    (particle): [string, string] => [particle, particle],
  ),
  ['thru', 'through'],
]);

/**
 * "Break through" in a question, "breakthrough" in the articles: a verb followed by its particle may
 * stand for the noun written as one word, whose stem is then an alternative of the verb's.
 */
function joinParticle(word: string, next: string | undefined): string[] {
  const particle = particles.get(next ?? '');
  return particle === undefined ? [] : searchStems(`${word}${particle}`).slice(0, 1);
}

function buildConcepts(
  text: string,
  carried: boolean,
  passageCount: number,
  lookUp: FrequencyLookUp,
  database: NewsdeskDatabase,
): QueryConcept[] {
  const seen = new Set<string>();
  const concepts: QueryConcept[] = [];
  const shares: number[] = [];
  const terms = splitIntoTerms(text);
  for (const [index, term] of terms.entries()) {
    if (term.stem === '' || seen.has(term.stem)) continue;
    seen.add(term.stem);
    const thesaurusOf = (stem: string) =>
      [
        ...findSynonyms(stem),
        ...joinParticle(term.word, terms[index + 1]?.word),
        ...findPhrasalVerbSynonyms(stem, terms[index + 1]?.word),
      ]
        .map((synonym) => ({ synonym, frequency: lookUp(synonym) }))
        .filter((entry) => entry.frequency > 0);
    const typed = { stem: term.stem, frequency: lookUp(term.stem), thesaurus: thesaurusOf(term.stem) };
    const unknown = typed.frequency === 0 && typed.thesaurus.length === 0 && !term.proper && !carried;
    const alternatives = unknown ? findAlternatives(term, database, lookUp) : [];
    // A misspelling corrected ("tallks" → "talk") is the word meant, at its full credit and with its
    // synonyms; a compound's parts ("counteroffer") stay synonyms.
    const typo = alternatives.length === 1 && alternatives[0]?.typo ? alternatives[0].synonym : null;
    const {
      stem,
      frequency: documentFrequency,
      thesaurus,
    } = typo === null ? typed : { stem: typo, frequency: lookUp(typo), thesaurus: thesaurusOf(typo) };
    const synonymFrequencies = typo === null && unknown ? alternatives : thesaurus;
    // A word the articles only use through its synonyms weighs as much as its commonest synonym.
    const conceptFrequency = Math.max(
      documentFrequency,
      ...synonymFrequencies.map((entry) => entry.frequency),
    );
    concepts.push({
      stem,
      word: term.word,
      synonyms: synonymFrequencies.map((entry) => entry.synonym),
      documentFrequency,
      weight: inverseDocumentFrequency(conceptFrequency, passageCount),
      proper: term.proper && !carried,
      carried,
    });
    shares.push(answerTypeShare(term.word, terms[index - 1]?.word));
  }
  weighUnknownWords(concepts);
  // After the unknown words are weighed, so "which newspaper" counts for little even when no article
  // says "newspaper".
  for (const [index, concept] of concepts.entries()) {
    const share = shares[index] ?? 1;
    concept.weight *= share;
    if (share === degreeShare) concept.degree = true;
  }
  return concepts;
}

function chooseSearchStems(
  concepts: QueryConcept[],
  passageCount: number,
  lookUp: FrequencyLookUp,
): string[] {
  const byRarity = (stems: string[]) =>
    stems
      .map((stem) => ({ stem, frequency: lookUp(stem) }))
      .filter((entry) => entry.frequency > 0)
      .sort((a, b) => a.frequency - b.frequency);
  // Common only where ranking them costs: in a small index a story's own words are in many passages.
  const commonFrequency = Math.max(passageCount * commonShare, minimumCommonFrequency);
  const isRare = (entry: { frequency: number }) => entry.frequency <= commonFrequency;
  const own = byRarity(concepts.map((concept) => concept.stem));
  const synonyms = byRarity(concepts.flatMap((concept) => concept.synonyms));
  // The question's own words are always searched (the rarest three when all are common); synonyms only
  // widen the search, so they never replace the words actually asked.
  const ownChosen = own.some(isRare) ? own.filter(isRare) : own.slice(0, 3);
  const synonymsChosen = own.length > 0 ? synonyms.filter(isRare) : synonyms.slice(0, 3);
  const chosen = [...ownChosen, ...synonymsChosen].slice(0, maxSearchStems);
  const searchable = [...own, ...synonyms].sort((a, b) => a.frequency - b.frequency);
  return keepWithinRankingBudget(
    [...new Set(chosen.map((entry) => entry.stem))],
    searchable.map((entry) => entry.stem),
    new Set(concepts.map((concept) => concept.stem)),
    lookUp,
  );
}

/**
 * FTS5 ranks every passage a query matches, about half a microsecond each (bm25() reads each one's
 * length and positions; measured with `npm run bench` at 100,000 passages on 2 cores), so the stems
 * searched together may match at most this many passages: ranking stays near 1 ms at any index size.
 */
export const maxRankedPassages = 2_000;

/**
 * The stems, rarest first and the question's own words before their synonyms, whose passages add up
 * to at most `maxRankedPassages`. When every one is commoner than that, only the rarest of the question's
 * own words is searched (`searchable` is rarest first): intersecting two common words' passage lists
 * costs more than ranking one (measured). Small indexes never reach the limit.
 */
function keepWithinRankingBudget(
  chosen: string[],
  searchable: string[],
  ownStems: ReadonlySet<string>,
  lookUp: FrequencyLookUp,
): string[] {
  const isOwn = (stem: string): boolean => ownStems.has(stem);
  const preferred = [...chosen.filter(isOwn), ...chosen.filter((stem) => !isOwn(stem))];
  let matched = 0;
  const kept: string[] = [];
  for (const stem of preferred) {
    if (matched + lookUp(stem) > maxRankedPassages) continue;
    matched += lookUp(stem);
    kept.push(stem);
  }
  if (kept.length > 0) return kept;
  const rarestOwn = searchable.filter(isOwn).slice(0, 1);
  return rarestOwn.length > 0 ? rarestOwn : preferred.slice(0, 1);
}

/**
 * Plans the retrieval of `text`: splits it into concepts, looks up how many passages use each (a word
 * no article uses gets the closest stem they do use when it looks like a typo), and
 * picks the stems worth searching. Words in most passages are dropped from the search (but still
 * count for sentence choice) unless nothing rarer is left: this keeps queries of common words fast.
 * The degree a question asks with ("long" in "how long has it been shut?") is not searched either.
 * The words of a condition ("… if the US hits it") weigh half, and in a follow-up the noun a
 * possessive owns ("his group") weighs nothing: the carried words name it.
 *
 * @param database an open newsdesk database.
 * @param text the question, any string; never throws on hostile input.
 * @param carriedText words carried from earlier turns of a conversation: they become `carried`
 *   concepts (never names that trigger abstention) and a second, wider search.
 */
export function planQuery(database: NewsdeskDatabase, text: string, carriedText = ''): QueryPlan {
  const { passageCount, lookUp } = readIndexStatistics(database);
  const asked = buildConcepts(text, false, passageCount, lookUp, database);
  if (carriedText !== '') ignorePossessedWords(asked, text);
  weighConditionWords(asked, text);
  const askedStems = new Set(asked.map((concept) => concept.stem));
  const carried = buildConcepts(carriedText, true, passageCount, lookUp, database).filter(
    (concept) => !askedStems.has(concept.stem),
  );
  const concepts = [...asked, ...carried];
  // The degree asked about names no subject: searched, "long" finds every passage that says "long".
  const degreeStems = findDegreeStems(text);
  const subject = (list: QueryConcept[]): QueryConcept[] => {
    const kept = list.filter((concept) => !degreeStems.has(concept.stem));
    return kept.length > 0 ? kept : list;
  };
  return {
    concepts,
    searchStems: chooseSearchStems(subject(asked), passageCount, lookUp),
    contextSearchStems: carried.length > 0 ? chooseSearchStems(subject(concepts), passageCount, lookUp) : [],
    passageCount,
  };
}
