import type { NewsdeskDatabase } from './database.js';
import { prepareCached } from './prepareCached.js';

/** A stored article that may be another's copy, with what a byline needs of it. */
export interface FingerprintMatch {
  articleId: string;
  source: string | null;
  published: string | null;
}

/** Hashes shared by more articles than this are boilerplate ("This article originally appeared in"). */
const maxArticlesPerHash = 50;
/** Shared hashes that make two articles candidates (see `fingerprintArticle`). */
const minSharedHashes = 2;

const hashesSql = 'SELECT hash FROM article_fingerprints WHERE article_id = ?';
const sharingSql = `SELECT article_id FROM article_fingerprints WHERE hash = ? AND article_id != ? LIMIT ${maxArticlesPerHash + 1}`;
const articleSql = 'SELECT id AS articleId, source, published FROM articles WHERE id = ?';

/**
 * The stored articles whose fingerprints (`fingerprintArticle`, written at ingest) share at least two
 * hashes with the given article's: candidates for one story republished. A hash that more than 50
 * articles share is skipped as boilerplate. Reads only the index on `hash`: microseconds per article.
 *
 * @returns the candidates, in no particular order; none for an article without a fingerprint.
 */
export function findFingerprintMatches(database: NewsdeskDatabase, articleId: string): FingerprintMatch[] {
  const hashes = prepareCached(database, hashesSql).pluck().all(articleId) as number[];
  const shared = new Map<string, number>();
  for (const hash of hashes) {
    const sharing = prepareCached(database, sharingSql).pluck().all(hash, articleId) as string[];
    if (sharing.length > maxArticlesPerHash) continue;
    for (const other of sharing) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  const article = prepareCached(database, articleSql);
  return [...shared].flatMap(([other, count]) => {
    const match = count >= minSharedHashes ? (article.get(other) as FingerprintMatch | undefined) : undefined;
    return match ? [match] : [];
  });
}
