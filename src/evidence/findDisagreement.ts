import { searchStems } from '../retrieval/terms.js';
import { classifyStatement } from './classifyStatement.js';
import { type DatedQuantity, doesAlternate, doFiguresAgree, isTrend } from './compareQuantities.js';
import { readNegatedStems } from './readNegatedStems.js';
import { type Quantity, readQuantities } from './readQuantities.js';

/** A sentence of the evidence with where and when it was published. */
export interface EvidenceSentence {
  text: string;
  articleId: string;
  outlet: string | null;
  /** ISO date or date-time; `null` when unknown. */
  published: string | null;
  /** Republication group (`groupRepublications`): sentences of one group are one source. */
  group: string;
}

/** Two sentences that give incompatible values for the same thing, and the values as written. */
export interface Disagreement {
  a: EvidenceSentence;
  b: EvidenceSentence;
  valueA: string;
  valueB: string;
}

interface Reading {
  sentence: EvidenceSentence;
  stems: Set<string>;
  quantities: Quantity[];
  attribution: string | undefined;
  scheduled: boolean;
  changes: boolean;
  day: number | null;
}

// A report of change is an update, never a disagreement: "now 23, up from 14", "rose to", "latest".
const changeWords =
  /\b(now|latest|no longer|up from|down from|peak|peaked|revised|updated)\b|\b(rose|risen|rises|fell|fallen|falls|climbed|dropped|jumped|grew|increased|decreased|raised|lowered|cut|doubled)\s+(to|by|from|its|their)\b/i;
// Group nouns for people: "4,200 workers" and "2,900 of its staff" count the same thing.
const personNouns = new Set([
  'worker',
  'staff',
  'employee',
  'member',
  'people',
  'person',
  'striker',
  'personnel',
]);
// "14 extra ships", "six additional ships": an increment, not the total another source gives.
const increment = /\d[\s\S]*\b(extra|additional|more|other|further)\b|\b(another)\b/i;
/** Reports this many days apart or fewer describe the same moment. */
const sameMomentDays = 2;
const dayInMilliseconds = 86_400_000;

function kindOf({ unit }: Quantity): string {
  return personNouns.has(unit) ? 'person' : unit;
}

function read(sentence: EvidenceSentence): Reading {
  const statement = classifyStatement(sentence.text);
  const time = sentence.published === null ? Number.NaN : Date.parse(sentence.published.slice(0, 10));
  return {
    sentence,
    stems: new Set(searchStems(sentence.text)),
    quantities: readQuantities(sentence.text).filter((q) => q.unit !== '' && !increment.test(q.text)),
    attribution: statement.attribution,
    scheduled: statement.kind === 'scheduled',
    changes: changeWords.test(sentence.text),
    day: Number.isNaN(time) ? null : Math.round(time / dayInMilliseconds),
  };
}

function sameClaimant(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const stems = new Set(searchStems(a));
  return searchStems(b).some((stem) => stems.has(stem));
}

function conflictingFigures(
  a: Reading,
  b: Reading,
  readings: readonly Reading[],
): [Quantity, Quantity] | null {
  if (a.changes || b.changes || sameClaimant(a.attribution, b.attribution)) return null;
  for (const kind of new Set(a.quantities.map(kindOf))) {
    const left = a.quantities.filter((q) => kindOf(q) === kind);
    const right = b.quantities.filter((q) => kindOf(q) === kind);
    if (right.length === 0 || doFiguresAgree(left, right)) continue;
    const [x, y] = [left[0] as Quantity, right[0] as Quantity];
    const series: DatedQuantity[] = readings.flatMap(({ quantities, day }) =>
      day === null ? [] : quantities.filter((q) => kindOf(q) === kind).map((quantity) => ({ quantity, day })),
    );
    if (doesAlternate(series, x, y)) return [x, y];
    if (a.day === null || b.day === null) continue;
    if (isTrend(series, { quantity: x, day: a.day }, { quantity: y, day: b.day })) continue;
    if (a.attribution !== undefined && b.attribution !== undefined) return [x, y];
    if (Math.abs(a.day - b.day) <= sameMomentDays) return [x, y];
  }
  return null;
}

function conflictingAnswers(
  a: Reading,
  b: Reading,
  questionStems: ReadonlySet<string>,
): [string, string] | null {
  if (a.scheduled !== b.scheduled) return null;
  const shared = [...a.stems].filter((stem) => b.stems.has(stem));
  if (shared.length < 2) return null;
  const negatedA = readNegatedStems(a.sentence.text);
  const negatedB = readNegatedStems(b.sentence.text);
  const flipped = shared.find((stem) => questionStems.has(stem) && negatedA.has(stem) !== negatedB.has(stem));
  if (flipped === undefined) return null;
  return negatedA.has(flipped) ? ['no', 'yes'] : ['yes', 'no'];
}

/**
 * Finds two sentences about the same thing that give incompatible values, from different outlets and
 * different republication groups. Figures (`readQuantities`) of the same kind (one unit, or people
 * counted as workers, staff, members, employees) disagree when none is compatible with the other
 * (`areCompatible`, sums included: "4%+3%+3%" is "10 per cent"), neither sentence reports a change
 * ("now", "rose", "up from", "latest"), the same claimant does not give both, and either the values
 * alternate over time (A, B, A), or, unless the series moves one way over three or more days (an
 * update), both are attributed to claimants, or they were published within two days. A yes/no answer
 * disagrees when a question word is negated in one sentence and not in the other and the two share at
 * least two stems ("met face to face" / "did not meet directly"). Every rule is general news usage.
 *
 * @param sentences the evidence, in any order; a sentence with an unknown outlet is never compared.
 * @param questionStems the question's search stems (`searchStems`); a sentence sharing none is left out,
 *   unless the set is empty.
 * @returns the first disagreeing pair in input order, `null` when the sources agree or update.
 */
export function findDisagreement(
  sentences: readonly EvidenceSentence[],
  questionStems: ReadonlySet<string>,
): Disagreement | null {
  const asksPeople = [...personNouns].some((noun) =>
    searchStems(noun).some((stem) => questionStems.has(stem)),
  );
  const asksFor = (quantity: Quantity) =>
    kindOf(quantity) === 'person'
      ? asksPeople
      : searchStems(quantity.unit).some((stem) => questionStems.has(stem));
  const readings = sentences
    .map(read)
    .filter(
      ({ stems, quantities }) =>
        questionStems.size === 0 ||
        [...stems].some((stem) => questionStems.has(stem)) ||
        quantities.some(asksFor),
    );
  for (const [index, a] of readings.entries()) {
    for (const b of readings.slice(index + 1)) {
      const [outletA, outletB] = [a.sentence.outlet, b.sentence.outlet];
      if (outletA === null || outletB === null || outletA === outletB) continue;
      if (a.sentence.group === b.sentence.group) continue;
      const figures = conflictingFigures(a, b, readings);
      if (figures !== null)
        return { a: a.sentence, b: b.sentence, valueA: figures[0].text, valueB: figures[1].text };
      const answers = conflictingAnswers(a, b, questionStems);
      if (answers !== null) return { a: a.sentence, b: b.sentence, valueA: answers[0], valueB: answers[1] };
    }
  }
  return null;
}
