import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { CitationList } from './citations.js';
import type { ComposedAnswer } from './composeExtractiveAnswer.js';
import type { PendingEvent } from './findNotYet.js';
import { findNewestDay, formatDay, frameClaim } from './frameClaims.js';

/**
 * The abstention people want on a live story: the outcome asked about is not in the articles yet, so
 * the answer says so and cites the latest fact they do give — "The articles don't say yet: Coastal
 * Wire, 21 October: «The board … will meet on Wednesday …» [1] (due 22 October 2025; newest
 * article: 21 October 2025)." It is an abstention (`abstained: true`) that still carries its one citation. Asked whether
 * something has happened "yet" ("is the strike over yet?"), the same facts answer the question:
 * "Not yet, as far as the articles say: … [1] (…)" is an answer, not an abstention.
 *
 * @param passages every passage the question retrieved, for the newest article's date.
 * @param options.answersWhetherYet the question asked "… yet?": say "not yet" as its answer.
 */
export function answerNotYet<Sentence extends { text: string; passage: RetrievedPassage }>(
  pending: PendingEvent<Sentence>,
  passages: readonly RetrievedPassage[],
  options: { answersWhetherYet?: boolean } = {},
): ComposedAnswer {
  const citationList = new CitationList();
  const { text, passage } = pending.sentence;
  const claim = frameClaim(text, passage, citationList.cite(passage, text));
  const newest = findNewestDay(passages);
  const dates = [
    ...(pending.due ? [`due ${formatDay(pending.due, true)}`] : []),
    ...(newest ? [`newest article: ${formatDay(newest, true)}`] : []),
  ];
  const lead = options.answersWhetherYet
    ? 'Not yet, as far as the articles say'
    : "The articles don't say yet";
  return {
    answer: `${lead}: ${claim}${dates.length > 0 ? ` (${dates.join('; ')})` : ''}.`,
    abstained: !options.answersWhetherYet,
    citations: citationList.citations,
    asOf: newest,
  };
}
