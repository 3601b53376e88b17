import { classifyStatement } from '../evidence/classifyStatement.js';
import { resolveEventDates } from '../evidence/resolveEventDates.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { toIsoDay } from './frameClaims.js';

/** A report of what happened answers an outcome question only when it answers about as well as the best sentence. */
const reportShare = 0.9;

const calendarDay =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;

/** A sentence that says the event asked about is still to come, with the day it is due when it says. */
export interface PendingEvent<Sentence> {
  sentence: Sentence;
  /** The event's day (YYYY-MM-DD) resolved against the article's date; null when it names none. */
  due: string | null;
}

/**
 * What a sentence reports, with its dates: a sentence dated after its own article ("the council votes
 * on Thursday", written on a Monday) reports something scheduled whatever its tense.
 */
function readKind(sentence: { text: string; passage: RetrievedPassage }, byWordsOnly: boolean): string {
  const { kind, attribution } = classifyStatement(sentence.text);
  const published = toIsoDay(sentence.passage.published);
  const ahead =
    published === null
      ? []
      : resolveEventDates(sentence.text, published).filter(({ date }) => date > published);
  // Someone's statement of a plan ("X said the timetable would start in June") is itself what was said;
  // a day and month ahead of the article ("a hearing on Thursday 26 March") is a plan in any words.
  if (byWordsOnly) {
    const datedAhead = ahead.some(({ phrase }) => calendarDay.test(phrase)) && kind !== 'cancelled';
    // "Quill said the report would be published by 3 April" is a plan, whoever states it.
    if (attribution !== undefined && !datedAhead) return 'claim';
    return datedAhead ? 'scheduled' : kind;
  }
  if (kind === 'cancelled') return kind;
  const future = ahead.length > 0;
  // "Put back to Monday": a plan moved to a day still ahead is as pending as one never moved.
  return future ? 'scheduled' : kind;
}

/**
 * For a question about an outcome ("what did the board decide?", "did they accept it?"): when the
 * sentences that answer it only report the event as scheduled ("the board will meet on Wednesday to
 * decide …", `classifyStatement`'s `scheduled`) and none reports it as having happened, the outcome is
 * not in the articles yet, and the scheduled sentence is the latest fact to cite. Of several, the one
 * from the newest article is taken.
 *
 * @param sentences the covering sentences, best first, with their answer scores (higher is better).
 * @param options.byWordsOnly a plan must say so in its own words ("will appear", "still under way") or
 *   by a day and month after its article ("a hearing on Thursday 26 March"): a weekday or month alone
 *   does not make it one ("said on Wednesday the timetable would start in June" reports what was said,
 *   which happened), and an attributed plan is a claim, not a plan, unless it gives that day and month.
 * @returns the pending event, or null when a sentence reports something that happened (answer it) or
 *   none says the event is scheduled (an ordinary abstention or answer follows).
 */
export function findNotYet<Sentence extends { text: string; passage: RetrievedPassage; score: number }>(
  sentences: readonly Sentence[],
  options: { byWordsOnly?: boolean } = {},
): PendingEvent<Sentence> | null {
  const byWordsOnly = options.byWordsOnly ?? false;
  const readings = sentences.map((sentence) => ({ sentence, kind: readKind(sentence, byWordsOnly) }));
  const best = sentences[0]?.score ?? 0;
  // A report that merely shares a word ("accept binding arbitration") is no report of the outcome.
  // Asked what someone did or said, an attributed statement ("officials said Tehran may offer …") is
  // itself a report of it.
  const reports = (kind: string) => kind === 'happened' || (byWordsOnly && kind === 'claim');
  if (readings.some(({ sentence, kind }) => reports(kind) && sentence.score >= reportShare * best))
    return null;
  const scheduled = readings
    .filter(({ kind }) => kind === 'scheduled')
    .sort((a, b) =>
      (toIsoDay(b.sentence.passage.published) ?? '').localeCompare(
        toIsoDay(a.sentence.passage.published) ?? '',
      ),
    )[0];
  if (!scheduled) return null;
  const published = toIsoDay(scheduled.sentence.passage.published);
  return {
    sentence: scheduled.sentence,
    due: published ? readDueDay(scheduled.sentence.text, published) : null,
  };
}

/**
 * The day a pending event is due: the earliest day ahead of the article, or for a moved plan ("planned
 * for Saturday, has been put back to Monday") the day it was moved to.
 */
function readDueDay(text: string, published: string): string | null {
  // "Will vote on Thursday, the federation said on Tuesday": the day the report was made is no due day
  // when a later one is named.
  const dated = resolveEventDates(text, published);
  const later = dated.filter(({ date }) => date > published);
  const ahead = later.length > 0 ? later : dated.filter(({ date }) => date === published);
  const lower = text.toLowerCase();
  const movedTo = ahead.find(({ phrase }) => {
    const at = lower.indexOf(phrase.toLowerCase());
    return at > 0 && /\b(?:to|until)\s+$/.test(lower.slice(0, at));
  });
  return movedTo?.date ?? ahead.map(({ date }) => date).sort()[0] ?? null;
}
