import { resolveEventDates } from '../evidence/resolveEventDates.js';
import { daysBetween } from '../question/calendarDays.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { readAnswerKind } from './answerKind.js';

import { formatDay, toIsoDay } from './frameClaims.js';

/** Whether the question asks how long something has lasted so far ("how long has it been shut?"). */
export function asksDurationSoFar(question: string): boolean {
  return readAnswerKind(question) === 'elapsed';
}

/** The day a sentence dates what it reports: its earliest day on or before its article's, else the article's. */
function findStart(
  sentence: string,
  passage: Pick<RetrievedPassage, 'published'>,
): { date: string; phrase: string | null } | null {
  const published = toIsoDay(passage.published);
  if (published === null) return null;
  const started = resolveEventDates(sentence, published)
    .filter(({ date }) => date <= published)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  return started ? { date: started.date, phrase: started.phrase } : { date: published, phrase: null };
}

/**
 * The time elapsed since the day a quoted report dates, as a sentence of the answer: `Counted from
 * “on Sunday night” (26 April): 13 days to today, 9 May.`, or `Counted from the report of 27 April: 12 days
 * to today, 9 May.` when the sentence names no day before its article's. Whole calendar days (UTC).
 *
 * @param today the reference day, YYYY-MM-DD.
 * @returns "" when the passage is undated or dated after `today`.
 */
export function describeDurationSoFar(
  sentence: string,
  passage: Pick<RetrievedPassage, 'published'>,
  today: string,
): string {
  const start = findStart(sentence, passage);
  if (start === null || start.date > today) return '';
  const days = daysBetween(start.date, today);
  const from = start.phrase
    ? `“${start.phrase}” (${formatDay(start.date)})`
    : `the report of ${formatDay(start.date)}`;
  return `Counted from ${from}: ${days} ${days === 1 ? 'day' : 'days'} to today, ${formatDay(today)}.`;
}
