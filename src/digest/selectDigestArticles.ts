import type { ArticleSummary } from '../knowledge/article.js';
import type { NewsdeskDatabase } from '../storage/database.js';
import type { DigestWindow } from './buildDigest.js';

const dayMs = 86_400_000;

/**
 * The articles a digest covers: those first ingested inside `window` (after `from`, up to and
 * including `to`), leaving out back-fill, i.e. an article published more than `backfillDays` days
 * before `window.from` (an old piece added to the folder late is not news). An article whose
 * publication date is missing or unreadable is kept: nothing says it is old. Dates without a time
 * count as midnight UTC.
 *
 * @param window ISO date-times, as written by `ingestKnowledge` in `first_ingested_at`.
 * @returns oldest publication first (undated last), then by id.
 */
export function selectDigestArticles(
  database: NewsdeskDatabase,
  window: DigestWindow,
  backfillDays: number,
): ArticleSummary[] {
  const articles = database
    .prepare(
      `SELECT id, title, source, url, published, first_ingested_at AS firstIngestedAt FROM articles
       WHERE first_ingested_at > ? AND first_ingested_at <= ?
       ORDER BY published IS NULL, published, id`,
    )
    .all(window.from, window.to) as ArticleSummary[];
  const cutoff = Date.parse(window.from) - backfillDays * dayMs;
  return articles.filter((article) => {
    const published = article.published === null ? Number.NaN : Date.parse(article.published);
    return Number.isNaN(published) || published >= cutoff;
  });
}
