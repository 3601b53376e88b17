import { findDisagreement } from '../evidence/findDisagreement.js';
import { readDisagreementQuestion } from '../evidence/readDisagreementQuestion.js';
import { selectDisagreementCandidates } from '../evidence/selectDisagreementCandidates.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';

/** A sentence of the retrieved evidence and the passage it belongs to. */
export interface EvidenceCandidate {
  text: string;
  passage: RetrievedPassage;
}

/** Candidate sentences compared for a disagreement: a dozen is enough to hold both accounts. */
const comparedSentences = 12;

/**
 * Finds two accounts that disagree among the sentences an answer would draw on (see
 * `findDisagreement`: different outlets and republication groups giving incompatible figures, places
 * or yes/no answers about the question's subject; updates, paraphrases and republications never
 * count). The passages are expected with republications already collapsed, so each article is its
 * own group.
 *
 * @returns the two sentences, in the order the detector found them, or null when the sources agree.
 */
export function findDisagreeingAccounts<Candidate extends EvidenceCandidate>(
  sentences: readonly Candidate[],
  question: string,
): [Candidate, Candidate] | null {
  // "What did she say?" asks for words, not a figure, a place or a yes/no that two accounts could differ on.
  if (readDisagreementQuestion(question).form === 'other') return null;
  const candidates = selectDisagreementCandidates(sentences, question, comparedSentences);
  const evidence = candidates.map((candidate) => ({
    text: candidate.text,
    articleId: candidate.passage.articleId,
    outlet: candidate.passage.source,
    published: candidate.passage.published,
    group: candidate.passage.articleId,
  }));
  const found = findDisagreement(evidence, question);
  if (!found) return null;
  const a = candidates[evidence.indexOf(found.a)];
  const b = candidates[evidence.indexOf(found.b)];
  return a && b ? [a, b] : null;
}
