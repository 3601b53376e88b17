import { readPassages } from '../digest/groupStories.js';
import { pickKeyPoints } from '../digest/pickKeyPoints.js';
import { addDays } from '../question/calendarDays.js';
import type { TimeScope } from '../question/timeScope.js';
import { findNewestPublishedBy, getKnowledgeStats } from '../storage/articles.js';
import type { NewsdeskDatabase } from '../storage/database.js';
import { buildTimeline } from '../story/buildTimeline.js';
import { CitationList } from './citations.js';
import type { ComposedAnswer } from './composeExtractiveAnswer.js';
import { describeAsOf, formatDay, stripDateline } from './frameClaims.js';

/** Up to this many stories, "what's new" quotes two key points of each instead of one. */
const fewStories = 3;
const maxPointsWhenFew = 2;
/** "What's new?" with no date covers the newest article's day and the two before it. */
export const recentDays = 2;

/**
 * The window in words: " on 6 February 2026" for one day ("what happened yesterday?"), " from … to …"
 * when it ends before today, " since …" otherwise, nothing without a start.
 */
function describeWindow(
  since: string | undefined,
  until: string | undefined,
  today: string | undefined,
): string {
  if (since === undefined) return '';
  if (until === since) return ` on ${formatDay(since, true)}`;
  if (until !== undefined && today !== undefined && until < today)
    return ` from ${formatDay(since, true)} to ${formatDay(until, true)}`;
  return ` since ${formatDay(since, true)}`;
}

/**
 * Answers "what's new since the 14th?", "what changed?" and "give me a timeline" as a short dated
 * list, oldest first (newest last, as the first line says), one cited line per development: one story
 * republished by several outlets is one line naming them all (see `buildTimeline`). Each line quotes
 * the article's key sentence verbatim with its `[n]` (two of them when "what's new" finds three stories
 * or fewer: the news is not always the lead). Only stories among `articleIds` count when given
 * (the question named a subject: "a timeline of the strike"). Without a date, "what's new" covers the
 * newest article's day (of those published by `today`) and the two days before it; a timeline covers
 * everything.
 *
 * @param today the reference day (YYYY-MM-DD): a window ending before it is named with its end.
 * @returns an abstention naming the window when no dated article falls in it.
 */
export function composeTimelineAnswer(
  database: NewsdeskDatabase,
  scope: TimeScope,
  articleIds?: ReadonlySet<string>,
  today?: string,
): ComposedAnswer {
  // Asked as of a day before the newest article ("--today 2025-10-21"), the news is that day's.
  const newestPublished =
    today === undefined
      ? getKnowledgeStats(database).newestPublished
      : findNewestPublishedBy(database, today);
  const newestDay = newestPublished?.slice(0, 10) ?? null;
  const since =
    scope.from ?? (scope.operator === 'whatsNew' && newestDay ? addDays(newestDay, -recentDays) : undefined);
  const whole = buildTimeline(database, {
    ...(since !== undefined && { since }),
    ...(scope.to !== undefined && { until: scope.to }),
  });
  const inWindow = whole.entries.filter(
    (entry) => articleIds === undefined || entry.articleIds.some((id) => articleIds.has(id)),
  );
  const window = describeWindow(since, scope.to, today);
  if (inWindow.length === 0) {
    const newest = whole.newest ? ` (newest article: ${formatDay(whole.newest, true)})` : '';
    return {
      answer: `The articles I have report nothing new${window}${newest}.`,
      abstained: true,
      citations: [],
      asOf: whole.newest,
    };
  }
  const citationList = new CitationList();
  // A few stories of news are told more fully: the news is not always in an article's lead.
  const pointsPerStory =
    scope.operator === 'whatsNew' && inWindow.length <= fewStories ? maxPointsWhenFew : 1;
  const lines = inWindow.map((entry) => {
    const extra = pointsPerStory > 1 ? pickKeyPoints(readPassages(database, entry.point.articleId)) : [];
    const points = [entry.point, ...extra.filter((point) => point.text !== entry.point.text)].slice(
      0,
      pointsPerStory,
    );
    const quotes = points.map((point) => {
      const n = citationList.cite(
        {
          passageId: point.passageId,
          articleId: entry.point.articleId,
          title: entry.title,
          source: entry.outlets[0] ?? null,
          published: entry.date,
          url: entry.url ?? null,
        },
        point.text,
      );
      return `«${stripDateline(point.text)}» [${n}]`;
    });
    const outlets = entry.outlets.length > 0 ? ` · ${entry.outlets.join(', ')}` : '';
    return `- ${formatDay(entry.date)}${outlets}: ${quotes.join(' ')}`;
  });
  const asOf = inWindow.at(-1)?.date ?? null;
  const heading =
    scope.operator === 'timeline'
      ? `Timeline${window}, oldest first:`
      : `New${window || ' lately'}, oldest first:`;
  return {
    answer: [heading, ...lines, describeAsOf(asOf)].join('\n'),
    abstained: false,
    citations: citationList.citations,
    asOf,
  };
}
