import { UserInputError } from '../errors.js';
import { isIsoDate } from '../knowledge/isIsoDate.js';
import { findSourceRemarks } from './findSourceRemarks.js';
import { isCalendarWord } from './findUnknownNames.js';
import { fixQuestionWord } from './fixQuestionWord.js';
import { stripInjections } from './stripInjections.js';
import { readTimeScope, type TimeScope } from './timeScope.js';

/** The question as the answer pipeline reads it: what is asked, what to search for, and when. */
export interface ReadQuestion {
  /** The question with injected instructions removed: what is answered. */
  text: string;
  /**
   * `text` without the time phrase ("as of oct 10,", "since the 14th") and any remark about the asker's
   * sources ("I've seen different numbers"), for retrieval and coverage.
   */
  searchText: string;
  /**
   * `text` without the time words no article would use for the same day ("ten days ago", "around the
   * 14th", "yesterday", "right now"), but keeping a month, weekday or year ("the war in June"): what a
   * question that dates its event searches for.
   */
  eventSearchText: string;
  /** True when something was removed as an injected instruction. */
  injectionRemoved: boolean;
  scope: TimeScope;
}

function cutSpans(text: string, spans: [number, number][]): string {
  let result = '';
  let position = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (end <= position) continue;
    result += `${text.slice(position, Math.max(position, start))} `;
    position = end;
  }
  const cut = `${result}${text.slice(position)}`
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!;:])/g, '$1')
    .replace(/([,;:])(?=[,.?!;:])/g, '')
    .replace(/^[\s,.;:!-]+/, '')
    .trim();
  return /[\p{L}\p{N}]/u.test(cut) ? cut : '';
}

/** Whether a time phrase names a month, weekday or year, as an article may write it too ("in June"). */
function namesCalendarDay(phrase: string): boolean {
  return /\b(?:19|20)\d\d\b/.test(phrase) || (phrase.match(/\p{L}+/gu) ?? []).some(isCalendarWord);
}

/**
 * Reads a user's question before any search: removes injected instructions (`stripInjections`), reads
 * the time scope against `today` (`readTimeScope`), and cuts the time words out of the search text:
 * "As of Oct 10, how many ships are waiting?" → searchText "how many ships are waiting?", scope
 * `{ operator: 'asOf', to: '2025-10-10', phrase: 'As of Oct 10' }` (with today 2025-10-21).
 *
 * @param question the user's message, any string (hostile input included); never throws on it.
 * @param today the reference day for relative dates, ISO `YYYY-MM-DD` (the caller's clock or `--today`).
 * @returns `text` is `''` when the message held nothing but instructions (say no question was found).
 * @throws UserInputError when `today` is not a calendar date in `YYYY-MM-DD` form.
 */
export function readQuestion(question: string, today: string): ReadQuestion {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isIsoDate(today))
    throw new UserInputError(`"today" must be a date in the form YYYY-MM-DD, not "${today.slice(0, 40)}".`);
  const stripped = stripInjections(question);
  const text = fixQuestionWord(stripped.text);
  const { scope, timeSpans } = readTimeScope(text, today);
  const remarks = findSourceRemarks(text);
  return {
    text,
    searchText: cutSpans(text, [...timeSpans, ...remarks]),
    eventSearchText: cutSpans(text, [
      ...timeSpans.filter(([start, end]) => !namesCalendarDay(text.slice(start, end))),
      ...remarks,
    ]),
    injectionRemoved: stripped.removed,
    scope,
  };
}
