import * as chrono from 'chrono-node';
import { isIsoDate } from '../knowledge/isIsoDate.js';
import { addDays } from '../question/calendarDays.js';
import { readTenseAt } from './readTense.js';

/** A date a sentence refers to: the words that name it, and the calendar day they resolve to. */
export interface EventDate {
  /** The words as written, e.g. "next Monday", "on Friday", "a week ago". */
  phrase: string;
  /** YYYY-MM-DD. A week ("next week") resolves to its Monday. */
  date: string;
}

// Sentences without a digit or one of these words name no date: skip the parser (most sentences).
const mayNameDate =
  /\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(today|tonight|tomorrow|yesterday|week|weekend|month|year|ago)\b/i;
/** Chrono's cost grows with length; a "sentence" longer than this is a scraped dump, read in part. */
const maxSentenceLength = 2000;
const dayInMilliseconds = 86_400_000;
// "now" is when the article speaks, not an event; a duration ahead ("in 23 years", "within 48 hours")
// is a date only when the sentence looks ahead ("in the first stoppage in 23 years" looks back).
const notAnEvent = /^(now|right now|currently)$/i;
const durationAhead = /^(in|within)\s/i;
const weekdayName = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const weekdayModifier = /\b(next|last|this|past|coming|following|previous)\b/i;
const wholeWeek = /\b(next|last|this|past|coming)\s+week$/i;
const clockTime = /\d\s*(am|pm|a\.m\.|p\.m\.)|\d:\d\d|\b(noon|midnight|o['’]clock)\b/i;

function toIsoDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/** A past-tense sentence's month and day this many days after its article is still this year's. */
const pastSlackDays = 31;

function shiftYears(iso: string, years: number): string {
  const [year = '', rest = ''] = [iso.slice(0, 4), iso.slice(4)];
  const shifted = `${String(Number(year) + years).padStart(4, '0')}${rest}`;
  return isIsoDate(shifted) ? shifted : iso;
}

/**
 * Dates a sentence refers to, resolved against its article's publish date with chrono-node (casual
 * English). Chrono alone puts a bare weekday at the nearest such day, so "said on Wednesday" could land
 * after publication; here a bare weekday follows the tense around it (`readTenseAt`): a past report
 * ("fell on Friday") is the last such day on or before the publish date, a plan ("will meet on Monday",
 * "due to begin on Monday", "agreed to return on Monday") the next one after it. A month and day
 * without a year moves a year back or ahead when chrono puts it on the wrong side of a clear tense.
 * Explicit modifiers ("last Monday", "next Monday", "a week ago") are chrono's. A week resolves to its
 * Monday. Times of day alone ("at 6am"), "now" and chrono's bare clock readings ("7 to 9") are dropped.
 *
 * @param sentence any string; never throws. Only its first 2,000 characters are read.
 * @param published the article's publish date, `YYYY-MM-DD` (a date-time's date part is used).
 * @returns the dates in order of appearance; `[]` when there are none or `published` is not a date.
 */
export function resolveEventDates(sentence: string, published: string): EventDate[] {
  const publishedDate = published.slice(0, 10);
  if (!isIsoDate(publishedDate) || !mayNameDate.test(sentence)) return [];
  const text = sentence.slice(0, maxSentenceLength);
  const reference = Date.parse(`${publishedDate}T12:00:00Z`);
  const results = chrono.parse(text, { instant: new Date(reference), timezone: 0 });
  const dates: EventDate[] = [];
  for (const result of results) {
    const phrase = result.text.replace(/[\s,.;:]+$/, '');
    const { start } = result;
    if (notAnEvent.test(phrase)) continue;
    const namesDay = start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month');
    if (!namesDay) continue;
    if (start.isCertain('hour') && !clockTime.test(phrase)) continue;
    // News puts what is scheduled in the present ("the council votes on Thursday"), and what happened
    // in the past with its marker ("said", "began"): a bare weekday with neither is the coming one.
    const tense =
      readTenseAt(text, result.index, result.index + result.text.length) ??
      (weekdayName.test(phrase) ? 'future' : null);
    if (durationAhead.test(phrase) && tense !== 'future') continue;
    let date = toIsoDate(start.date().getTime());
    if (weekdayName.test(phrase) && !weekdayModifier.test(phrase) && !start.isCertain('day')) {
      const weekday = start.get('weekday') ?? 0;
      const publishedWeekday = new Date(reference).getUTCDay();
      if (tense === 'past')
        date = toIsoDate(reference - ((publishedWeekday - weekday + 7) % 7) * dayInMilliseconds);
      if (tense === 'future')
        date = toIsoDate(
          reference + ((weekday - publishedWeekday + 6) % 7) * dayInMilliseconds + dayInMilliseconds,
        );
    } else if (wholeWeek.test(phrase)) {
      const day = Date.parse(`${date}T12:00:00Z`);
      date = toIsoDate(day - ((new Date(day).getUTCDay() + 6) % 7) * dayInMilliseconds);
    } else if (start.isCertain('month') && !start.isCertain('year')) {
      // Only far ahead: "has called her to give evidence on 26 March", written on the 17th, is a plan
      // in a past-tense sentence, not last year's hearing.
      if (tense === 'past' && date > addDays(publishedDate, pastSlackDays)) date = shiftYears(date, -1);
      if (tense === 'future' && date < publishedDate) date = shiftYears(date, 1);
    }
    dates.push({ phrase, date });
  }
  return dates;
}
