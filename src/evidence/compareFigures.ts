import { findSynonyms } from '../retrieval/synonyms.js';
import { searchStems } from '../retrieval/terms.js';
import { type DatedQuantity, doesAlternate, doFiguresAgree, isTrend } from './compareQuantities.js';
import type { DisagreementQuestion } from './readDisagreementQuestion.js';
import { areIndependent, areRivalReports, type EvidenceReading } from './readEvidence.js';
import type { Figure } from './readFigures.js';
import type { Quantity } from './readQuantities.js';
import { kindOf } from './unitKinds.js';

const timeUnits = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second']);

/** Which figures can answer the question, and the question words a figure's clause should be about. */
interface FigureFilter {
  answers: (figure: Figure) => boolean;
  subject: ReadonlySet<string>;
}

function filterFor(question: DisagreementQuestion): FigureFilter {
  const counted = question.counted === undefined ? undefined : kindOf(question.counted);
  const asked = new Set([
    ...searchStems(question.counted ?? ''),
    ...searchStems(`per ${question.rate ?? ''}`),
  ]);
  return {
    answers: (figure) =>
      !figure.position &&
      (counted === undefined || figure.kind === counted) &&
      (!question.amount || figure.kind === 'money' || figure.kind === '%') &&
      (question.rate === undefined || figure.rate === question.rate) &&
      (!timeUnits.has(figure.kind) || question.duration || counted !== undefined),
    subject: new Set([...question.stems].filter((stem) => !asked.has(stem))),
  };
}

// "The no-go area" is the article's "exclusion zone": a clause names the subject in the thesaurus's
// words too.
const covers = (figure: Figure, subject: ReadonlySet<string>) =>
  subject.size === 0 ||
  [...subject].some(
    (stem) => figure.clause.has(stem) || findSynonyms(stem).some((other) => figure.clause.has(other)),
  );

/**
 * Whether two figures are about the question's subject: both clauses name it, or one does and they share
 * a word, or one does and the other is its sentence's only figure of its kind in a sentence naming it (an
 * apposition cut its clause off: "a single trawler, the Gannet Rose, … inside the zone").
 */
function areAboutSubject(
  left: Figure,
  right: Figure,
  subject: ReadonlySet<string>,
  sentences: readonly [EvidenceReading, EvidenceReading],
): boolean {
  if (!covers(left, subject) && !covers(right, subject)) return false;
  if (covers(left, subject) && covers(right, subject)) return true;
  const [other, reading] = covers(left, subject) ? [right, sentences[1]] : [left, sentences[0]];
  const alone = reading.figures.filter((figure) => figure.kind === other.kind).length === 1;
  if (alone && covers({ ...other, clause: reading.stems }, subject)) return true;
  const unitStems = new Set([...searchStems(left.quantity.unit), ...searchStems(right.quantity.unit)]);
  return [...left.clause].some((stem) => right.clause.has(stem) && !unitStems.has(stem));
}

/**
 * Finds two incompatible figures for the question in two readings: figures that can answer it (the kind
 * it counts, the rate it asks, not a party's position, a duration only for "how long"), about its
 * subject (the clause around each figure names the question's words, or one does and the two clauses
 * share a word), of one kind and rate, that cannot both be true (`doFiguresAgree`), and from rival
 * reports of one moment (`areRivalReports`) that are not points of a one-way trend (`isTrend`), or from
 * independent sources whose figures alternate over time (`doesAlternate`: each side repeating its own).
 *
 * @param readings every reading of the evidence: the series that trends and alternations are read from.
 * @returns the two figures as written, `null` when they agree, update or are about different things.
 */
export function findConflictingFigures(
  a: EvidenceReading,
  b: EvidenceReading,
  question: DisagreementQuestion,
  readings: readonly EvidenceReading[],
): [Quantity, Quantity] | null {
  if (question.form === 'yesNo' || question.form === 'place' || !areIndependent(a, b)) return null;
  const { answers, subject } = filterFor(question);
  const sameKind = (figure: Figure, like: Figure) => figure.kind === like.kind && figure.rate === like.rate;
  for (const left of a.figures.filter(answers)) {
    const lefts = a.figures.filter((figure) => answers(figure) && sameKind(figure, left));
    const rights = b.figures.filter((figure) => answers(figure) && sameKind(figure, left));
    const right = rights.find((figure) => areAboutSubject(left, figure, subject, [a, b]));
    if (right === undefined) continue;
    if (
      doFiguresAgree(
        lefts.map(({ quantity }) => quantity),
        rights.map(({ quantity }) => quantity),
      )
    )
      continue;
    const series: DatedQuantity[] = readings.flatMap(({ figures, day }) =>
      day === null
        ? []
        : figures
            .filter((figure) => answers(figure) && sameKind(figure, left))
            .map(({ quantity }) => ({ quantity, day })),
    );
    const [x, y] = [left.quantity, right.quantity];
    if (doesAlternate(series, x, y)) return [x, y];
    if (a.day === null || b.day === null || !areRivalReports(a, b)) continue;
    if (!isTrend(series, { quantity: x, day: a.day }, { quantity: y, day: b.day })) return [x, y];
  }
  return null;
}
