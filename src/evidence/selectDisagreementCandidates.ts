import { searchStems } from '../retrieval/terms.js';
import { readDisagreementQuestion } from './readDisagreementQuestion.js';
import { readFigures } from './readFigures.js';
import { kindOf } from './unitKinds.js';

/** How many sentences an answerer weighs for one question: the evidence `findDisagreement` compares. */
export const disagreementCandidateLimit = 10;

/**
 * Chooses the sentences a disagreement about the question would be found among, as an answerer
 * chooses what to quote: those covering the largest share of the question's search stems
 * (`searchStems`), at least one stem, best first; ties keep input order. A sentence with a figure of
 * the kind a "how many …" question counts covers its noun ("150 roles" answers "how many jobs").
 *
 * @param sentences any objects with a `text`; not modified.
 * @param question the user's question; with no content words nothing is chosen.
 * @param limit at most this many sentences (10 by default: the answerer's evidence window).
 * @returns the chosen sentences, best first.
 */
export function selectDisagreementCandidates<Sentence extends { text: string }>(
  sentences: readonly Sentence[],
  question: string,
  limit = disagreementCandidateLimit,
): Sentence[] {
  const { stems: wanted, counted } = readDisagreementQuestion(question);
  if (wanted.size === 0) return [];
  const countedStems = searchStems(counted ?? '');
  return sentences
    .map((sentence, index) => {
      const stems = new Set(searchStems(sentence.text));
      if (counted !== undefined && readFigures(sentence.text).some(({ kind }) => kind === kindOf(counted)))
        for (const stem of countedStems) stems.add(stem);
      const covered = [...wanted].filter((stem) => stems.has(stem)).length;
      return { sentence, index, share: covered / wanted.size };
    })
    .filter(({ share }) => share > 0)
    .sort((a, b) => b.share - a.share || a.index - b.index)
    .slice(0, limit)
    .map(({ sentence }) => sentence);
}
