import { findConflictingFigures } from './compareFigures.js';
import { type DisagreementQuestion, readDisagreementQuestion } from './readDisagreementQuestion.js';
import {
  areRivalReports,
  type EvidenceReading,
  type EvidenceSentence,
  readEvidence,
} from './readEvidence.js';
import { doPlacesAgree } from './readPlaces.js';

export type { EvidenceSentence } from './readEvidence.js';

/** Two sentences that give incompatible values for the same thing, and the values as written. */
export interface Disagreement {
  a: EvidenceSentence;
  b: EvidenceSentence;
  /** A figure ("some 4,200 dock workers"), a place ("in Geneva"), or "yes" / "no". */
  valueA: string;
  valueB: string;
}

const coversQuestion = (reading: EvidenceReading, question: DisagreementQuestion) =>
  [...question.stems].every((stem) => reading.stems.has(stem));

/** "Did they meet face to face?": both sentences state the whole question, one negating its predicate. */
function conflictingAnswers(
  a: EvidenceReading,
  b: EvidenceReading,
  question: DisagreementQuestion,
): [string, string] | null {
  if (question.form !== 'yesNo' || a.scheduled !== b.scheduled || !areRivalReports(a, b)) return null;
  if (question.stems.size === 0 || !coversQuestion(a, question) || !coversQuestion(b, question)) return null;
  const flipped = [...question.stems].find((stem) => a.negated.has(stem) !== b.negated.has(stem));
  if (flipped === undefined) return null;
  return a.negated.has(flipped) ? ['no', 'yes'] : ['yes', 'no'];
}

/** "Where are the talks?": both sentences name the question's subject and places that cannot both hold. */
function conflictingPlaces(
  a: EvidenceReading,
  b: EvidenceReading,
  question: DisagreementQuestion,
  readings: readonly EvidenceReading[],
): [string, string] | null {
  if (question.form !== 'place' || a.scheduled !== b.scheduled || !areRivalReports(a, b)) return null;
  if (a.places.length === 0 || b.places.length === 0 || doPlacesAgree(a.places, b.places)) return null;
  if (!coversQuestion(a, question) || !coversQuestion(b, question)) return null;
  // A change of plan reported anywhere in the evidence about half the question or more ("moved to",
  // "instead") makes the places an update: the outlet naming the new place may only have been first.
  const aboutSubject = (reading: EvidenceReading) =>
    [...question.stems].filter((stem) => reading.stems.has(stem)).length * 2 >= question.stems.size;
  if (readings.some((reading) => reading.changes && aboutSubject(reading))) return null;
  return [a.places.map(({ name }) => name).join('; '), b.places.map(({ name }) => name).join('; ')];
}

/**
 * Finds two reports of the same fact that give incompatible values: rival reports (`areRivalReports`:
 * different outlets outside one republication group, or two claimants one article quotes, published
 * the same day, or within two days when both name their claimant) that neither reports a change
 * ("now", "rose to", "up from", "revised", "moved to"). What is compared follows the question
 * (`readDisagreementQuestion`): for "did …?" a yes/no (both sentences carry every question stem and
 * one negates one of them); for "where …?" places (`readPlaces`), unless a change of plan is among the
 * evidence; otherwise figures (`findConflictingFigures`: the kind the question counts, about its subject,
 * never a party's offer or demand, a duration only for "how long", trends left out, alternations in).
 * Agreement, updates, paraphrases, republications and two different things are never a disagreement.
 * Every rule is general news English.
 *
 * @param sentences the evidence, in any order (e.g. `selectDisagreementCandidates`); a sentence with an
 *   unknown outlet or date is never compared.
 * @param question the user's question as asked; never throws on any string.
 * @returns the first disagreeing pair in input order, `null` when the sources agree or update.
 */
export function findDisagreement(
  sentences: readonly EvidenceSentence[],
  question: string,
): Disagreement | null {
  const reading = readDisagreementQuestion(question);
  const readings = sentences.map(readEvidence);
  for (const [index, a] of readings.entries()) {
    for (const b of readings.slice(index + 1)) {
      const figures = findConflictingFigures(a, b, reading, readings);
      const values =
        (figures && ([figures[0].text, figures[1].text] as const)) ??
        conflictingPlaces(a, b, reading, readings) ??
        conflictingAnswers(a, b, reading);
      if (values !== null) return { a: a.sentence, b: b.sentence, valueA: values[0], valueB: values[1] };
    }
  }
  return null;
}
