import { searchStems } from '../retrieval/terms.js';
import { readQuantities } from './readQuantities.js';

/** What a question asks for, as disagreement detection needs it. */
export interface DisagreementQuestion {
  /** The question's search stems (`searchStems`). */
  stems: ReadonlySet<string>;
  /** A yes/no answer, a figure, a place, or anything else (figures are compared for `other`). */
  form: 'yesNo' | 'figure' | 'place' | 'other';
  /** The noun a "how many …" question counts, singular ("worker"), or `%` for "what percentage …". */
  counted?: string;
  /** Asks "how much …": an amount of money or a percentage, never a count of things. */
  amount: boolean;
  /** The time a rate is per ("per day", "a week", "daily" → "day"); `undefined` when it asks no rate. */
  rate?: string;
  /** Asks how long something lasted: only then are durations ("11 days") compared. */
  duration: boolean;
}

const yesNo = /^\s*(did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall)\b/i;
const place = /^\s*where\b|\b(what|which) (city|country|place|town|venue|location)\b/i;
// "How far down", "how fast", "how big": a measure, which two accounts can give differently too.
const figure =
  /\bhow (many|much|long|far|fast|big|large|deep|high|tall|wide|heavy|old|often)\b|\b(what|which) (percentage|share|proportion|number|figure|price)\b/i;
const countedAfter = /\bhow many\s+(.+)$|\b(?:number|count|total) of\s+(.+)$/i;
const percentage = /\b(what|which) (percentage|share|proportion|part)\b|\bper ?cent\b|%/i;
// "About an hour before", "within a week", "a year ago": a span of time, not the time a rate is per.
const ratePattern =
  /(?<!\b(?:about|around|nearly|almost|within|than|for|over)\s+)\b(?:per|a|an|each|every)\s+(day|week|month|year|hour)\b(?!\s+(?:before|after|ago|earlier|later|since|into|or)\b)|\b(dai|week|month|year|hour)l[yi]\b|\bannual(?:ly)?\b/i;

/**
 * The time unit a rate is per: "a day", "per week", "each year", "daily", "annually" → day, week, year.
 * A span of time around an event ("about an hour before", "a week after", "within a month") is none.
 *
 * @param text a question or a clause; `undefined` when it names no rate.
 */
export function readRate(text: string): string | undefined {
  const match = ratePattern.exec(text);
  if (match === null) return undefined;
  const unit = (match[1] ?? match[2] ?? 'year').toLowerCase();
  return unit === 'dai' ? 'day' : unit;
}

/**
 * Reads a question for what a disagreement about it would be: "did they meet …?" asks yes/no;
 * "how many dock workers …?" asks a figure counting workers; "how much … per day?" a figure per day;
 * "where …?" a place. The counted noun is read as `readQuantities` reads the noun after a figure
 * ("2 dock workers are" → worker). The cue words are general English question forms.
 *
 * @param question the user's question, any string; never throws.
 */
export function readDisagreementQuestion(question: string): DisagreementQuestion {
  const form = yesNo.test(question)
    ? 'yesNo'
    : place.test(question)
      ? 'place'
      : figure.test(question)
        ? 'figure'
        : 'other';
  const reading: DisagreementQuestion = {
    stems: new Set(searchStems(question)),
    form,
    duration: /\bhow long\b/i.test(question),
    amount: /\bhow much\b/i.test(question),
  };
  const phrase = countedAfter.exec(question);
  const noun = readQuantities(`2 ${phrase?.[1] ?? phrase?.[2] ?? ''}`.toLowerCase())[0]?.unit;
  const counted = percentage.test(question) ? '%' : noun;
  if (counted) reading.counted = counted;
  const rate = readRate(question);
  if (rate !== undefined) reading.rate = rate;
  return reading;
}
