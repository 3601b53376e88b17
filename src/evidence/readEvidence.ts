import { searchStems } from '../retrieval/terms.js';
import { classifyStatement } from './classifyStatement.js';
import { type Figure, readFigures } from './readFigures.js';
import { readNegatedStems } from './readNegatedStems.js';
import { type Place, readPlaces } from './readPlaces.js';

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

/** What disagreement detection reads of one evidence sentence. */
export interface EvidenceReading {
  sentence: EvidenceSentence;
  stems: Set<string>;
  figures: Figure[];
  places: Place[];
  negated: Set<string>;
  attribution: string | undefined;
  scheduled: boolean;
  /** Reports a change: "now", "rose to", "up from", "revised", "moved to", "called off". */
  changes: boolean;
  /** Days since 1970-01-01 of the publish date; `null` when unknown. */
  day: number | null;
}

// A report of change is an update, never a disagreement: "now 23, up from 14", "rose to", "fell 6.2%".
const changeWords =
  /\b(now|latest|no longer|up from|down from|peak|peaked|revised|updated|instead|rather than)\b|\b(rose|risen|rises|fell|fallen|falls|climbed|dropped|jumped|grew|increased|decreased|raised|lowered|cut|doubled)\s+(?:(?:to|by|from|its|their|about|almost|nearly)\b|\d)/i;
/** Reports this many days apart or fewer, by claimants named in both, can describe one moment. */
const sameMomentDays = 2;
const dayInMilliseconds = 86_400_000;

/**
 * Reads an evidence sentence for comparison: its stems, figures (`readFigures`), places (`readPlaces`),
 * negated stems, attribution and kind (`classifyStatement`), whether it reports a change, and its day.
 *
 * @param sentence any evidence sentence; an unparseable `published` gives `day: null`. Never throws.
 */
export function readEvidence(sentence: EvidenceSentence): EvidenceReading {
  const statement = classifyStatement(sentence.text);
  const time = sentence.published === null ? Number.NaN : Date.parse(sentence.published.slice(0, 10));
  return {
    sentence,
    stems: new Set(searchStems(sentence.text)),
    figures: readFigures(sentence.text),
    places: readPlaces(sentence.text),
    negated: readNegatedStems(sentence.text),
    attribution: statement.attribution,
    scheduled: statement.kind === 'scheduled',
    changes:
      changeWords.test(sentence.text) || statement.kind === 'changed' || statement.kind === 'cancelled',
    day: Number.isNaN(time) ? null : Math.round(time / dayInMilliseconds),
  };
}

function sameClaimant(a: string, b: string): boolean {
  const stems = new Set(searchStems(a));
  return searchStems(b).some((stem) => stems.has(stem));
}

/** Whether both sentences are attributed, to claimants whose names share no word. */
export function haveDifferentClaimants(a: EvidenceReading, b: EvidenceReading): boolean {
  return (
    a.attribution !== undefined && b.attribution !== undefined && !sameClaimant(a.attribution, b.attribution)
  );
}

/**
 * Whether two dated readings are independent reports: neither reports a change, and they come from
 * different sources (different outlets outside one republication group, or claimants named in both,
 * as when one article quotes both sides of a dispute). An unknown outlet is never independent.
 */
export function areIndependent(a: EvidenceReading, b: EvidenceReading): boolean {
  if (a.changes || b.changes || a.day === null || b.day === null) return false;
  const { outlet: outletA, group: groupA } = a.sentence;
  const { outlet: outletB, group: groupB } = b.sentence;
  if (outletA === null || outletB === null) return false;
  return haveDifferentClaimants(a, b) || (outletA !== outletB && groupA !== groupB);
}

/**
 * Whether two readings are independent reports (`areIndependent`) of one moment, so that different
 * values are a disagreement rather than an update: published the same day, or within two days by
 * claimants named in both ("according to the union" / "according to payroll figures").
 */
export function areRivalReports(a: EvidenceReading, b: EvidenceReading): boolean {
  if (!areIndependent(a, b) || a.day === null || b.day === null) return false;
  const days = Math.abs(a.day - b.day);
  return days === 0 || (haveDifferentClaimants(a, b) && days <= sameMomentDays);
}
