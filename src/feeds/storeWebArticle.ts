import { hash } from 'node:crypto';
import { z } from 'zod';
import { type PreparedArticle, prepareArticleWriter } from '../knowledge/ingest.js';
import { splitIntoPassages } from '../knowledge/splitIntoPassages.js';
import { toIndexedTerms } from '../retrieval/indexedTerms.js';
import type { NewsdeskDatabase } from '../storage/database.js';

/** What a web article is made of before splitting: kept as `web_articles.body` to rebuild it later. */
export const webArticleSchema = z.object({
  /** The canonical URL (tracking parameters removed), else `guid:<the item's id>`. */
  identity: z.string().min(1),
  url: z.string().nullable(),
  title: z.string().min(1),
  source: z.string().nullable(),
  published: z.string().nullable(),
  author: z.string().nullable(),
  paragraphs: z.array(z.string()).min(1),
});

export type WebArticle = z.infer<typeof webArticleSchema>;

/** Where an item was seen: the feed, the item's key in it, and its fingerprint (see pollFeed). */
export interface FeedItemSighting {
  feedUrl: string;
  itemKey: string;
  fingerprint: string;
}

/**
 * The stored id of a web article: `web_` and 16 hex characters of SHA-256 of its identity, so the
 * same URL gives the same article from any feed, on any run.
 */
export function webArticleId(identity: string): string {
  return `web_${hash('sha256', identity, 'hex').slice(0, 16)}`;
}

/**
 * Turns a web article into stored columns and indexed passages, as a knowledge file becomes them
 * (splitIntoPassages, toIndexedTerms). `path` is the identity: no file holds the article.
 * `contentHash` is SHA-256 of everything stored, so a changed text or headline is an update.
 */
export function prepareWebArticle(web: WebArticle): PreparedArticle {
  const id = webArticleId(web.identity);
  const { identity, paragraphs, ...columns } = web;
  const article = {
    id,
    path: identity,
    contentHash: hash('sha256', JSON.stringify(web), 'hex'),
    caption: null,
    ...columns,
  };
  const passages = splitIntoPassages({ ...article, paragraphs }).map((passage) => ({
    ...passage,
    terms: toIndexedTerms(passage.text),
  }));
  return { article, passages };
}

/** What storing did: a new article, a changed one, or the same text again. */
export type StoreOutcome = 'added' | 'updated' | 'unchanged';

/**
 * Stores one web article and records the item it came from, in one IMMEDIATE transaction: a crash
 * keeps the article with its passages, index rows and item record, or none of them. An article
 * stored before (same identity) keeps its `first_ingested_at` and its first feed; one whose feed
 * was removed passes to this one.
 *
 * @returns `added`, `updated` (same identity, different content) or `unchanged`.
 * @throws SQLite's error when the write fails; nothing of this article is then stored.
 */
export function storeWebArticle(
  database: NewsdeskDatabase,
  web: WebArticle,
  sighting: FeedItemSighting,
  now: string,
): StoreOutcome {
  const writer = prepareArticleWriter(database);
  const prepared = prepareWebArticle(web);
  const { id, contentHash } = prepared.article;
  return database
    .transaction((): StoreOutcome => {
      const stored = database.prepare('SELECT content_hash FROM articles WHERE id = ?').pluck().get(id) as
        | string
        | undefined;
      const outcome: StoreOutcome =
        stored === undefined ? 'added' : stored === contentHash ? 'unchanged' : 'updated';
      if (outcome !== 'unchanged') writer.storeIndexed(prepared, now);
      database
        .prepare(
          `INSERT INTO web_articles (article_id, feed_url, body) VALUES (?, ?, ?)
           ON CONFLICT (article_id) DO UPDATE SET body = excluded.body,
             feed_url = coalesce(web_articles.feed_url, excluded.feed_url)`,
        )
        .run(id, sighting.feedUrl, JSON.stringify(web));
      recordFeedItem(database, sighting, { state: 'stored', articleId: id, problem: null }, now);
      return outcome;
    })
    .immediate();
}

/** Records what became of an item; the next poll skips it while its fingerprint stays the same. */
export function recordFeedItem(
  database: NewsdeskDatabase,
  sighting: FeedItemSighting,
  result: { state: 'stored' | 'skipped' | 'failed'; articleId: string | null; problem: string | null },
  now: string,
): void {
  database
    .prepare(
      `INSERT INTO feed_items (feed_url, item_key, fingerprint, state, article_id, problem, seen_at)
       VALUES (@feedUrl, @itemKey, @fingerprint, @state, @articleId, @problem, @now)
       ON CONFLICT (feed_url, item_key) DO UPDATE SET fingerprint = excluded.fingerprint,
         state = excluded.state, article_id = excluded.article_id, problem = excluded.problem,
         seen_at = excluded.seen_at`,
    )
    .run({ ...sighting, ...result, now });
}

/**
 * Re-splits and re-indexes every web article whose stored hash was cleared because the article
 * format changed (see `articleFormatVersion`), from its stored body. Each in its own transaction.
 *
 * @returns how many were rebuilt; a body that no longer reads is skipped and left as it was.
 */
export function rebuildWebArticles(database: NewsdeskDatabase, now: string): number {
  const rows = database
    .prepare(
      `SELECT w.body FROM web_articles w JOIN articles a ON a.id = w.article_id WHERE a.content_hash = ''`,
    )
    .pluck()
    .all() as string[];
  const writer = prepareArticleWriter(database);
  let rebuilt = 0;
  for (const body of rows) {
    let web: ReturnType<typeof webArticleSchema.safeParse>;
    try {
      web = webArticleSchema.safeParse(JSON.parse(body));
    } catch {
      continue;
    }
    if (!web.success) continue;
    writer.storeIndexed.immediate(prepareWebArticle(web.data), now);
    rebuilt += 1;
  }
  return rebuilt;
}
