import { groupStories, type StoryGroup } from '../digest/groupStories.js';
import { type KeyPoint, pickKeyPoints } from '../digest/pickKeyPoints.js';
import type { ArticleSummary } from '../knowledge/article.js';
import { searchStems } from '../retrieval/terms.js';
import { getKnowledgeStats } from '../storage/articles.js';
import type { NewsdeskDatabase } from '../storage/database.js';

/** One development of the story: one article, or one story several outlets republished. */
export interface TimelineEntry {
  /** Publish date (`YYYY-MM-DD`) of the earliest copy. */
  date: string;
  /** Every copy, the quoted (earliest) one first. */
  articleIds: string[];
  /** Distinct outlets that published it; empty when no copy names its outlet. */
  outlets: string[];
  title: string;
  url?: string;
  /** One sentence quoted verbatim from the earliest copy, with the passage to cite. */
  point: KeyPoint & { articleId: string };
}

/** A story's developments in publish order, before any rendering: the CLI and Discord both render this. */
export interface Timeline {
  /** The window asked for, `YYYY-MM-DD`, both ends inclusive. */
  since?: string;
  until?: string;
  /** The newest publish date (`YYYY-MM-DD`) in the whole archive, whatever the window; `null` when none is dated. */
  newest: string | null;
  /** Oldest first (newest last): a timeline reads forward. */
  entries: TimelineEntry[];
  /** Older entries left out to keep to the limit. */
  omitted: number;
}

/** Enough for a story's last couple of weeks at a glance; more is what `--since` is for. */
export const defaultTimelineLimit = 15;
/** A lead adding fewer stems than this to what earlier entries said only restates them. */
const minNewStems = 3;

function selectDatedArticles(
  database: NewsdeskDatabase,
  since: string | undefined,
  until: string | undefined,
): ArticleSummary[] {
  return database
    .prepare(
      `SELECT id, title, source, url, published, first_ingested_at AS firstIngestedAt FROM articles
       WHERE published IS NOT NULL AND substr(published, 1, 10) >= ? AND substr(published, 1, 10) <= ?
       ORDER BY published, id`,
    )
    .all(since ?? '', until ?? '9999-12-31') as ArticleSummary[];
}

/**
 * The story's lead, unless it only restates what earlier entries said (fewer than `minNewStems` new
 * stems): then the key point with the smallest share of already-said stems, earlier ones on ties.
 */
function choosePoint(points: KeyPoint[], said: ReadonlySet<string>): KeyPoint | undefined {
  const scored = points.map((point) => {
    const stems = new Set(searchStems(point.text));
    const shared = [...stems].filter((stem) => said.has(stem)).length;
    return { point, newStems: stems.size - shared, sharedShare: stems.size === 0 ? 1 : shared / stems.size };
  });
  const [lead] = scored;
  if (!lead || lead.newStems >= minNewStems) return lead?.point;
  return scored.reduce((best, candidate) => (candidate.sharedShare < best.sharedShare ? candidate : best))
    .point;
}

function toEntry(story: StoryGroup, point: KeyPoint): TimelineEntry {
  const [lead] = story.articles;
  return {
    date: (lead.published ?? '').slice(0, 10),
    articleIds: story.articles.map(({ id }) => id),
    outlets: story.outlets,
    title: lead.title,
    ...(story.url ? { url: story.url } : {}),
    // The points come from the lead's passages.
    point: { ...point, articleId: lead.id },
  };
}

/**
 * Builds the story's timeline: one entry per story published in the window (by publish date, both
 * ends inclusive), republications merged into one entry listing every outlet and quoting the earliest
 * copy (`groupStories`). Each entry quotes one sentence verbatim: the article's lead (`pickKeyPoints`),
 * or, when the lead only restates what earlier entries' sentences said, the one of its key points
 * that repeats least of them. Undated articles are left out: a timeline cannot place them; so is an
 * article with no quotable sentence (a captions-only file). Reads the database only.
 *
 * @param options.since, options.until `YYYY-MM-DD`, inclusive; either may be left out. Not checked here:
 *   callers validate user input.
 * @param options.limit most entries kept (default 15, `defaultTimelineLimit`); when more qualify the
 *   newest are kept and `omitted` counts the rest.
 * @returns entries oldest first (newest last).
 */
export function buildTimeline(
  database: NewsdeskDatabase,
  options: { since?: string; until?: string; limit?: number } = {},
): Timeline {
  const limit = options.limit ?? defaultTimelineLimit;
  const said = new Set<string>();
  // Chosen oldest first over the whole window, so cutting to the limit never changes a sentence.
  const entries = groupStories(database, selectDatedArticles(database, options.since, options.until)).flatMap(
    (story) => {
      const point = choosePoint(pickKeyPoints(story.passages), said);
      if (!point) return [];
      for (const stem of searchStems(point.text)) said.add(stem);
      return [toEntry(story, point)];
    },
  );
  const kept = entries.slice(Math.max(0, entries.length - limit));
  const newest = getKnowledgeStats(database).newestPublished?.slice(0, 10) ?? null;
  return {
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
    newest,
    entries: kept,
    omitted: entries.length - kept.length,
  };
}
