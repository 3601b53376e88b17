import type { ArticleSummary } from '../knowledge/article.js';
import { searchStems } from '../retrieval/terms.js';
import type { NewsdeskDatabase } from './database.js';
import { readMetadata } from './metadata.js';

/** What the knowledge base holds, for status lines and `/sources`. */
export interface KnowledgeStats {
  articles: number;
  passages: number;
  /** The latest `published` value among the articles (ISO date or date-time), `null` when none has one. */
  newestPublished: string | null;
  /** ISO date-time of the last ingest, `null` before the first one. */
  lastRefreshedAt: string | null;
}

const summaryColumns = `id, title, source, url, published, first_ingested_at AS firstIngestedAt`;
// Undated articles last; SQLite would otherwise sort NULL before every date in a descending order.
const newestFirst = 'ORDER BY published IS NULL, published DESC, title, id';

function quoteStem(stem: string): string {
  return `"${stem.replaceAll('"', '""')}"`;
}

/**
 * Lists stored articles, newest published first (undated last), then by title.
 *
 * @param query optional words: keeps the articles whose title or source, or any passage, shares a search
 *   stem with it. The query is reduced to our own stems, each double-quoted and OR-ed, so no user text
 *   is ever FTS5 syntax and no query can throw. A blank query lists everything; a query with no content
 *   words (only stopwords, punctuation or emoji) matches nothing.
 */
export function listArticles(database: NewsdeskDatabase, query?: string): ArticleSummary[] {
  const articles = database
    .prepare(`SELECT ${summaryColumns} FROM articles ${newestFirst}`)
    .all() as ArticleSummary[];
  if (query === undefined || query.trim() === '') return articles;
  const stems = searchStems(query);
  if (stems.length === 0) return [];
  const matching = new Set(
    database
      .prepare(
        `SELECT DISTINCT p.article_id FROM passage_index JOIN passages p ON p.rowid = passage_index.rowid
         WHERE passage_index MATCH ?`,
      )
      .pluck()
      .all(stems.map(quoteStem).join(' OR ')) as string[],
  );
  const wanted = new Set(stems);
  return articles.filter(
    (article) =>
      matching.has(article.id) ||
      searchStems(`${article.title} ${article.source ?? ''}`).some((stem) => wanted.has(stem)),
  );
}

/** One stored article's metadata by id; `undefined` when no such article is stored. */
export function getArticle(database: NewsdeskDatabase, id: string): ArticleSummary | undefined {
  return database.prepare(`SELECT ${summaryColumns} FROM articles WHERE id = ?`).get(id) as
    | ArticleSummary
    | undefined;
}

/** Counts and dates describing the stored knowledge; all zero or `null` on an empty database. */
export function getKnowledgeStats(database: NewsdeskDatabase): KnowledgeStats {
  const counts = database
    .prepare(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM passages) AS passages,
              (SELECT max(published) FROM articles) AS newestPublished`,
    )
    .get() as Omit<KnowledgeStats, 'lastRefreshedAt'>;
  return { ...counts, lastRefreshedAt: readMetadata(database, 'last_refreshed_at') };
}

/**
 * The newest publication date (as stored, ISO) among articles published on or before `day`
 * (YYYY-MM-DD); `null` when none is. An article of a later day is news only after that day.
 */
export function findNewestPublishedBy(database: NewsdeskDatabase, day: string): string | null {
  const row = database
    .prepare('SELECT max(published) AS newest FROM articles WHERE substr(published, 1, 10) <= ?')
    .get(day) as { newest: string | null };
  return row.newest;
}
