import { isConversationalWord, isMisspeltConversationalWord } from '../question/conversationalWords.js';
import { findNameCandidates, isCalendarWord } from '../question/findUnknownNames.js';
import { readAskedSpeaker } from '../question/readAskedSpeaker.js';
import type { QueryPlan } from '../retrieval/planQuery.js';
import { searchStems } from '../retrieval/terms.js';

/**
 * The speaker a "what did X say?" question asks about, when a word of it is one no article uses and
 * no chat word ("foreign minister" in articles that never mention one): then no quote can be theirs.
 */
function findUnknownSpeaker(question: string, unknown: QueryPlan['concepts']): string | null {
  const speaker = readAskedSpeaker(question);
  if (speaker === null) return null;
  const stems = new Set(searchStems(speaker));
  const missing = unknown.some((concept) => stems.has(concept.stem) && !isConversationalWord(concept.word));
  return missing ? speaker : null;
}

// "Kestrel Security's role", "the harbour board's plan": the one or two words before a possessive name
// who owns something, an entity; "what's", "it's", "there's" are contractions, no possessives.
const possessor = /((?:[\p{L}\p{N}-]+\s+)?[\p{L}\p{N}-]+)['’]s\b/gu;
const contractedSubject = /^(?:what|that|it|he|she|there|here|who|where|how|when|why|let)$/i;
// "Last summer's war", "yesterday's vote", "Monday's hearing": a time owns nothing.
const timeNoun =
  /^(?:summer|winter|spring|autumn|fall|year|week|month|day|today|yesterday|tomorrow|tonight|night|weekend|decade|century)$/i;

/** The words of a question that own something ("kestrel security's role"), as stems. */
function readPossessorStems(question: string): string[] {
  return [...question.matchAll(possessor)].flatMap((match) => {
    const words = (match[1] ?? '').split(/\s+/);
    const owner = words.at(-1) ?? '';
    if (contractedSubject.test(owner) || timeNoun.test(owner) || isCalendarWord(owner)) return [];
    return searchStems(words.join(' '));
  });
}

/**
 * The names in a question that no article mentions (proper nouns, acronyms and countries the index
 * has never seen, words typed in lower case that are no English word, "khamenei" like "Khamenei",
 * and words no article uses that own something, "kestrel security's role"), in the question's own
 * spelling with adjacent words joined ("FIFA World Cup" rather than "FIFA or World or Cup"). A
 * question about such a name is about something the articles do not cover.
 *
 * @returns `[]` when every name in the question occurs in some passage.
 */
export function findMissingNames(question: string, plan: QueryPlan): string[] {
  const unknown = plan.concepts.filter(
    (concept) => !concept.carried && concept.documentFrequency === 0 && concept.synonyms.length === 0,
  );
  if (unknown.length === 0) return [];
  const candidateStems = new Set([
    ...findNameCandidates(question)
      .filter((name) => !isMisspeltConversationalWord(name))
      .flatMap((name) => searchStems(name)),
    ...readPossessorStems(question),
  ]);
  const missing = new Set(
    unknown
      // "On Tuesday" says when: a day no article names is no one the articles fail to mention.
      .filter(
        (concept) => (concept.proper || candidateStems.has(concept.stem)) && !isCalendarWord(concept.word),
      )
      .map((concept) => concept.stem),
  );
  const speaker = findUnknownSpeaker(question, unknown);
  if (speaker !== null) return [speaker];
  if (missing.size === 0) return [];
  const names: string[] = [];
  let current: string[] = [];
  for (const word of question.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (searchStems(word).some((stem) => missing.has(stem))) {
      current.push(word);
      continue;
    }
    if (current.length > 0) names.push(current.join(' '));
    current = [];
  }
  if (current.length > 0) names.push(current.join(' '));
  return names;
}
