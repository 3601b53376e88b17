import * as chrono from 'chrono-node';
import { isIsoDate } from '../knowledge/isIsoDate.js';
import { addDays, addMonths, daysInMonth, toIsoDay } from './calendarDays.js';

/** A date expression in a question, with the days it covers (ISO `YYYY-MM-DD`, inclusive). */
export interface DateExpression {
  /** Offsets of the expression in the text (end exclusive). */
  start: number;
  end: number;
  from: string;
  to: string;
  /** A stretch reaching up to today ("last week", "in the past 3 days"): on its own it means "since". */
  reachesToday: boolean;
}

const monthNames =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const weekdayNames = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues?|thu(?:rs?)?|fri';
const count = '\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|couple\\s+of';
// Alternatives are tried in this order at each position; every quantifier is bounded or followed by a
// literal, so a long hostile string is scanned in linear time.
const dateExpression = new RegExp(
  [
    '(?<iso>\\b\\d{4}-\\d{2}-\\d{2}\\b)',
    // "oct 10", "october 10th, 2025" — but not "may 2.4 per cent".
    `(?<monthDay>\\b(?:${monthNames})\\.?\\s+(?<monthDayDay>\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,]\\d|\\s*(?:%|per\\s*cent|percent))(?:,?\\s+\\d{4}\\b)?)`,
    // "10 october", "the 10th of oct" — but not "2.4 may".
    `(?<dayMonth>(?<![\\d.,])\\b\\d{1,2}(?<dayMonthSuffix>st|nd|rd|th)?\\s+(?:of\\s+)?(?<dayMonthMonth>${monthNames})\\b\\.?(?<dayMonthYear>,?\\s+\\d{4}\\b)?)`,
    `(?<relative>\\b(?:in\\s+)?(?:the\\s+)?(?<relativeWhich>last|past|previous|this|next)\\s+(?:(?<relativeCount>${count})\\s+)?(?<relativeUnit>days?|weeks?|fortnight|months?)\\b)`,
    `(?<ago>\\b(?<agoCount>${count})\\s+(?<agoUnit>days?|weeks?|months?)\\s+ago\\b)`,
    '(?<ordinal>\\bthe\\s+(?<ordinalDay>\\d{1,2})(?:st|nd|rd|th)\\b)',
    `(?<weekday>\\b(?:(?<weekdayWhich>last|this|past|next)\\s+)?(?<weekdayName>${weekdayNames})\\b)`,
    '(?<dayWord>\\b(?:yesterday|today|tonight)\\b)',
    `(?<month>\\b(?<monthName>${monthNames})\\b\\.?(?:\\s+(?<monthYear>\\d{4})\\b)?)`,
    // "in 1990", "since 2019": a year only after a preposition of time, not "the 2019 deal".
    '(?<=\\b(?:in|since|by|before|after|during|until|till|throughout)\\s)(?<year>(?:19|20)\\d{2})\\b(?![.,]\\d)',
  ].join('|'),
  'giu',
);

// "may" and "march" are verbs and nouns first; "jan" and "mar" are a name and a verb.
const ambiguousMonths = new Set(['may', 'march', 'mar', 'jan']);
// "Around the 14th", "about 10 may": a date given roughly is a date too.
const datePreposition =
  /\b(?:of|on|in|since|by|before|after|until|till|from|during|early|late|mid|through|between|and|to|around|about|roughly|circa|approximately)\s*-?\s*$/i;
// After "the 8th" a word may follow only if it starts a clause ("since the 14th what …"), not a noun
// it counts ("the 2nd round").
const clauseWord =
  /^\s*(?:[,.?!;:)]|$|(?:what|how|where|who|whom|why|when|which|is|are|was|were|did|does|do|has|have|had|and|or|but|to|in|at|on|about|regarding|for|with|from|the|any|anything)\b)/i;
// "Thursday night the 16th", "friday, 1 may": the day number names the day; the weekday only confirms it.
const dayPart = '(?:\\s+(?:morning|afternoon|evening|night))?,?\\s+';
const weekdayBeforeDate = new RegExp(`\\b(?:${weekdayNames})${dayPart}$`, 'i');
const dateAfterWeekday = new RegExp(
  `^${dayPart}(?:the\\s+\\d{1,2}(?:st|nd|rd|th)\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${monthNames})\\b)`,
  'i',
);
const weekdayIndex = new Map<string, number>([
  ['sunday', 0],
  ['monday', 1],
  ['tue', 2],
  ['tues', 2],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['thursday', 4],
  ['friday', 5],
  ['fri', 5],
  ['saturday', 6],
]);
const countWords = new Map<string, number>(
  ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].map((word, index) => [
    word,
    Math.max(1, index),
  ]),
);

function readCount(word: string | undefined): number {
  if (word === undefined) return 1;
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower === 'an') return 1;
  if (lower === 'few') return 3;
  if (lower.startsWith('couple')) return 2;
  return countWords.get(lower) ?? 1;
}

function monthNumber(name: string): number {
  return (
    ['ja', 'fe', 'mar', 'ap', 'may', 'jun', 'jul', 'au', 'se', 'oc', 'no', 'de'].findIndex((prefix) =>
      name.toLowerCase().startsWith(prefix),
    ) + 1
  );
}

/** Which way a year-less date or a weekday is read from today: past, unless the question asks ahead. */
export type DateDirection = 'past' | 'future';

/**
 * The year of a year-less month/day: the most recent in which it is not after today, or asked about
 * the future ("will fares rise in July?") the next in which it is not before today.
 */
function yearOf(month: number, day: number, today: string, direction: DateDirection): number {
  const year = Number(today.slice(0, 4));
  const iso = toIsoDay(year, month, day);
  if (direction === 'future') return iso < today ? year + 1 : year;
  return iso > today ? year - 1 : year;
}

function byUnit(today: string, unit: string, amount: number): string {
  if (unit.startsWith('month')) return addMonths(today, amount);
  return addDays(today, amount * (unit.startsWith('week') ? 7 : unit === 'fortnight' ? 14 : 1));
}

type Groups = Record<string, string | undefined>;
type Days = Pick<DateExpression, 'from' | 'to' | 'reachesToday'>;

function day(iso: string): Days {
  return { from: iso, to: iso, reachesToday: false };
}

function resolveMonthDay(text: string, today: string, direction: DateDirection): Days | null {
  const parsed = chrono.parse(text, { instant: new Date(`${today}T12:00:00Z`), timezone: 0 })[0]?.start;
  const month = parsed?.get('month');
  const dayOfMonth = parsed?.get('day');
  if (parsed === undefined || month == null || dayOfMonth == null) return null;
  const year = parsed.isCertain('year')
    ? (parsed.get('year') ?? 0)
    : yearOf(month, dayOfMonth, today, direction);
  const iso = toIsoDay(year, month, dayOfMonth);
  return isIsoDate(iso) ? day(iso) : null;
}

function resolveRelative(groups: Groups, today: string): Days | null {
  const which = (groups.relativeWhich ?? '').toLowerCase();
  const unit = (groups.relativeUnit ?? '').toLowerCase();
  const amount = readCount(groups.relativeCount);
  if (which === 'next') {
    if (unit.startsWith('week') && groups.relativeCount === undefined) {
      const monday = addDays(today, 8 - (new Date(`${today}T12:00:00Z`).getUTCDay() || 7));
      return { from: monday, to: addDays(monday, 6), reachesToday: false };
    }
    return { from: addDays(today, 1), to: byUnit(today, unit, amount), reachesToday: false };
  }
  if (which === 'this') {
    if (unit.startsWith('week'))
      return {
        from: addDays(today, 1 - (new Date(`${today}T12:00:00Z`).getUTCDay() || 7)),
        to: today,
        reachesToday: true,
      };
    if (unit.startsWith('month')) return { from: `${today.slice(0, 8)}01`, to: today, reachesToday: true };
    return null;
  }
  return { from: byUnit(today, unit, -amount), to: today, reachesToday: true };
}

function resolveOrdinal(dayOfMonth: number, today: string): Days | null {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  // "The 15th" is this month's, or last month's when this month's is still to come.
  for (let step = 0; step < 3; step += 1) {
    const iso = toIsoDay(year, month, dayOfMonth);
    if (dayOfMonth <= daysInMonth(year, month) && iso <= today) return day(iso);
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return null;
}

function resolveWeekday(groups: Groups, today: string, direction: DateDirection): Days | null {
  const target = weekdayIndex.get((groups.weekdayName ?? '').toLowerCase());
  if (target === undefined) return null;
  const current = new Date(`${today}T12:00:00Z`).getUTCDay();
  const which = (groups.weekdayWhich ?? '').toLowerCase();
  // Asked about, a weekday is the most recent one before today, unless it is "next Friday" or the
  // question asks ahead ("will they vote on Thursday?"), and "last Friday" always the one before.
  if (which === 'next' || (direction === 'future' && which !== 'last' && which !== 'past'))
    return day(addDays(today, (target - current + 7) % 7 || 7));
  return day(addDays(today, -((current - target + 7) % 7 || 7)));
}

function resolveMonth(groups: Groups, today: string, direction: DateDirection): Days | null {
  const month = monthNumber(groups.monthName ?? '');
  // A month is past once it has begun, and still ahead until it is nearly over.
  const probeDay = direction === 'future' ? 28 : 1;
  const year =
    groups.monthYear === undefined ? yearOf(month, probeDay, today, direction) : Number(groups.monthYear);
  return {
    from: toIsoDay(year, month, 1),
    to: toIsoDay(year, month, daysInMonth(year, month)),
    reachesToday: false,
  };
}

function isAmbiguousMonth(name: string | undefined): boolean {
  return ambiguousMonths.has((name ?? '').toLowerCase().replace('.', ''));
}

// "As of", "since", "by" a date bound what was known then: such a date is never ahead.
const boundBefore = /\b(?:as\s+of|as\s+at|since|from|by|until|till|before|after)\s*$/i;

function resolve(match: RegExpExecArray, text: string, today: string, asked: DateDirection): Days | null {
  const groups: Groups = match.groups ?? {};
  const before = text.slice(Math.max(0, match.index - 12), match.index);
  const direction = boundBefore.test(before) ? 'past' : asked;
  const after = text.slice(match.index + match[0].length);
  if (groups.iso !== undefined) return isIsoDate(groups.iso) ? day(groups.iso) : null;
  if (groups.monthDay !== undefined) return resolveMonthDay(groups.monthDay, today, direction);
  if (groups.dayMonth !== undefined) {
    // "Round 2 may be delayed": a bare number before "may" is a date only when nothing else reads on.
    const dateLike =
      groups.dayMonthSuffix !== undefined ||
      groups.dayMonthYear !== undefined ||
      datePreposition.test(before) ||
      /^\s*(?:[,.?!;:)]|$)/.test(after);
    if (isAmbiguousMonth(groups.dayMonthMonth) && !dateLike) return null;
    return resolveMonthDay(groups.dayMonth, today, direction);
  }
  if (groups.relative !== undefined) return resolveRelative(groups, today);
  if (groups.ago !== undefined)
    return day(byUnit(today, (groups.agoUnit ?? '').toLowerCase(), -readCount(groups.agoCount)));
  if (groups.ordinal !== undefined) {
    const afterWeekday = weekdayBeforeDate.test(text.slice(Math.max(0, match.index - 24), match.index));
    if (!(datePreposition.test(before) || afterWeekday) || !clauseWord.test(after)) return null;
    return resolveOrdinal(Number(groups.ordinalDay), today);
  }
  if (groups.weekday !== undefined)
    return dateAfterWeekday.test(after) ? null : resolveWeekday(groups, today, direction);
  if (groups.dayWord !== undefined)
    return day(/^yesterday$/i.test(groups.dayWord) ? addDays(today, -1) : today);
  if (groups.year !== undefined)
    return { from: `${groups.year}-01-01`, to: `${groups.year}-12-31`, reachesToday: false };
  if (isAmbiguousMonth(groups.monthName) && groups.monthYear === undefined && !datePreposition.test(before))
    return null;
  return resolveMonth(groups, today, direction);
}

/**
 * Finds the date expressions of a question and resolves them against `today`: "oct 10", "10 october",
 * "2025-10-10", "feb" (the whole month), "the 15th" (this month's, or last month's if that is still to
 * come), weekdays (the most recent one before today; "next friday" the coming one), "yesterday",
 * "last week" / "in the past 3 days" (today − 7 or − 3 up to today), "this week" (Monday up to today),
 * "next week", "3 days ago", a year after "in", "since", "by" … ("in 1990": the whole year). A date
 * without a year is never after today: it means last year's; asked about the future (`direction`
 * `future`: "will fares rise in July?"), a year-less date or a weekday is the next one instead.
 * Not dates: bare numbers ("round 2", "2.4 per cent", "the 3 demands"), "the 2nd round", "second",
 * "may"/"march" as verb or noun (a date only with a day number, a year, or after "in", "on", "since" …).
 * Month-and-day expressions are read with chrono-node (reference: noon UTC of `today`).
 *
 * @param text any string; never throws.
 * @param today the reference day, ISO `YYYY-MM-DD` (assumed valid: `readQuestion` checks it).
 * @param direction which way year-less dates and weekdays are read from today.
 * @returns the expressions in text order, each with its offsets and inclusive ISO days.
 */
export function findDateExpressions(
  text: string,
  today: string,
  direction: DateDirection = 'past',
): DateExpression[] {
  const found: DateExpression[] = [];
  let weekdayStart: number | undefined;
  for (const match of text.matchAll(dateExpression)) {
    const days = resolve(match, text, today, direction);
    const confirmingWeekday = match.groups?.weekday !== undefined && days === null;
    // The weekday before a dated day is part of its phrase: "on thursday night the 16th".
    if (days !== null)
      found.push({ start: weekdayStart ?? match.index, end: match.index + match[0].length, ...days });
    weekdayStart = confirmingWeekday ? match.index : undefined;
  }
  return found;
}
