import { searchStems } from '../retrieval/terms.js';

// The verbs news reports statements with; the day beside one dates the statement, not its subject.
const speechVerbs =
  'said|says|told|tells|announced|added|reported|confirmed|claimed|insisted|argued|warned|stated|wrote|posted|tweeted';
const day =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last\\s+night)(?:\\s+(?:morning|afternoon|evening|night))?';
// "said on Wednesday", "told reporters on Monday", "said in a statement on Friday", "said Thursday".
const afterSpeech = new RegExp(
  `\\b(?:${speechVerbs})(?:\\s+(?:reporters|journalists|parliament|a\\s+news\\s+conference|in\\s+a\\s+statement|[\\p{Ll}]+))?\\s+(?:on\\s+)?${day}\\b`,
  'giu',
);
// "On Wednesday, US secretary of state Marco Rubio said …": a day opening the sentence, then a subject
// and its speech verb.
const beforeSpeech = new RegExp(
  `^\\W*(?:on\\s+|late\\s+on\\s+|early\\s+on\\s+)?${day}\\s*,(?=[^,;:]{1,90}\\b(?:${speechVerbs})\\b)`,
  'iu',
);
const sayingStems = new Set(
  searchStems(
    'say said tell told announce confirm claim insist argue warn state statement report write post tweet comment remark speak spoke outline lay spell',
  ),
);

/**
 * A sentence without the days that only date its statement ("said on Wednesday", "On Wednesday, X
 * said …"), for a "when" question about the thing reported: "when are the talks?" is not answered by
 * the day someone spoke about them. Other times in the sentence stay.
 *
 * @param sentence one sentence of a passage.
 * @returns the sentence with those days removed (whitespace kept loose).
 */
export function dropReportDates(sentence: string): string {
  return sentence.replace(beforeSpeech, ' ').replace(afterSpeech, ' ');
}

/**
 * Whether a question asks about a statement itself ("when did the minister say …?", "when was the
 * review announced?"), whose date is the day it was made.
 */
export function asksAboutSaying(question: string): boolean {
  return searchStems(question).some((stem) => sayingStems.has(stem));
}
