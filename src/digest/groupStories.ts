import { groupNearDuplicates } from '../evidence/groupNearDuplicates.js';
import type { ArticleSummary, Passage } from '../knowledge/article.js';
import type { NewsdeskDatabase } from '../storage/database.js';

/** One story: an article, or several outlets' copies of the same text, the earliest-published first. */
export interface StoryGroup {
  /** Every article of the group, in input order; the first is the one to quote. */
  articles: [ArticleSummary, ...ArticleSummary[]];
  /** The first article's passages in reading order. */
  passages: Passage[];
  /** Distinct outlets that published it, in group order; empty when no file names its outlet. */
  outlets: string[];
  /** The first link any copy gives. */
  url?: string;
}

/** An article's passages in reading order; `[]` when it is not stored. */
export function readPassages(database: NewsdeskDatabase, articleId: string): Passage[] {
  return database
    .prepare(
      'SELECT id, article_id AS articleId, ordinal, text FROM passages WHERE article_id = ? ORDER BY ordinal',
    )
    .all(articleId) as Passage[];
}

/**
 * Reads the articles' passages and merges republications (`groupNearDuplicates` on each article's
 * passages joined) into one story each. Reads the database only. Compares every pair of articles,
 * so the cost grows with the square of `articles.length`: meant for a day's or a story's articles
 * (tens to a few hundred), not a whole large archive.
 *
 * @param articles oldest publication first, so each group's first article is its earliest copy.
 * @returns groups in the order of their first article.
 */
export function groupStories(database: NewsdeskDatabase, articles: readonly ArticleSummary[]): StoryGroup[] {
  const withPassages = articles.map((article) => ({ article, passages: readPassages(database, article.id) }));
  const groups = groupNearDuplicates(withPassages, ({ passages }) =>
    passages.map(({ text }) => text).join('\n'),
  );
  return groups.flatMap((group): StoryGroup[] => {
    const [lead, ...copies] = group;
    if (!lead) return [];
    const url = group.find(({ article }) => article.url)?.article.url;
    return [
      {
        articles: [lead.article, ...copies.map(({ article }) => article)],
        passages: lead.passages,
        outlets: [...new Set(group.flatMap(({ article }) => (article.source ? [article.source] : [])))],
        ...(url ? { url } : {}),
      },
    ];
  });
}
