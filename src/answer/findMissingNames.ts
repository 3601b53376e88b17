import { isConversationalWord, isMisspeltConversationalWord } from '../question/conversationalWords.js';
import { findNameCandidates } from '../question/findUnknownNames.js';
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

/**
 * The names in a question that no article mentions (proper nouns, acronyms and countries the index
 * has never seen, and words typed in lower case that are no English word, "khamenei" like
 * "Khamenei"), in the question's own spelling with adjacent words joined ("FIFA World Cup" rather
 * than "FIFA or World or Cup"). A question about such a name is about something the articles do not
 * cover.
 *
 * @returns `[]` when every name in the question occurs in some passage.
 */
export function findMissingNames(question: string, plan: QueryPlan): string[] {
  const unknown = plan.concepts.filter(
    (concept) => !concept.carried && concept.documentFrequency === 0 && concept.synonyms.length === 0,
  );
  if (unknown.length === 0) return [];
  const candidateStems = new Set(
    findNameCandidates(question)
      .filter((name) => !isMisspeltConversationalWord(name))
      .flatMap((name) => searchStems(name)),
  );
  const missing = new Set(
    unknown
      .filter((concept) => concept.proper || candidateStems.has(concept.stem))
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
