import type { NewsdeskDatabase } from '../storage/database.js';
import { prepareCached } from '../storage/prepareCached.js';
import { fuseRankings, interleaveRankings } from './fuseRankings.js';
import { planQuery, type QueryPlan } from './planQuery.js';

/** A passage found for a query, with its article's metadata for citing it. */
export interface RetrievedPassage {
  passageId: string;
  articleId: string;
  ordinal: number;
  text: string;
  /** BM25 relevance from FTS5 (higher is better; comparable only within one query). */
  score: number;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  /** The passage just before this one in its article, which often holds what "that plan" refers to. */
  preceding: { passageId: string; text: string } | null;
  /** The passage just after, which may name the speaker of a quote ("The remark came from …"). */
  following: { passageId: string; text: string } | null;
  /** Set when its article republishes an earlier one by another outlet (see `markRepublications`). */
  republishes?: { source: string | null; published: string | null };
}

/** A passage row as `passageSelect` reads it. */
export interface PassageRow {
  passageId: string;
  articleId: string;
  ordinal: number;
  text: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  precedingId: string | null;
  precedingText: string | null;
  followingId: string | null;
  followingText: string | null;
}

/** Selects a passage with its article's metadata and its neighbours; append a WHERE clause on `p`. */
export const passageSelect = `
  SELECT p.id AS passageId, p.article_id AS articleId, p.ordinal, p.text,
         a.title, a.source, a.url, a.published, before.id AS precedingId, before.text AS precedingText,
         after.id AS followingId, after.text AS followingText
  FROM passages p
  JOIN articles a ON a.id = p.article_id
  LEFT JOIN passages before ON before.article_id = p.article_id AND before.ordinal = p.ordinal - 1
  LEFT JOIN passages after ON after.article_id = p.article_id AND after.ordinal = p.ordinal + 1`;

/** Turns a `passageSelect` row into a retrieved passage with `score`. */
export function toRetrievedPassage(row: PassageRow, score: number): RetrievedPassage {
  const { precedingId, precedingText, followingId, followingText, ...passage } = row;
  const neighbour = (passageId: string | null, text: string | null) =>
    passageId !== null && text !== null ? { passageId, text } : null;
  return {
    ...passage,
    score,
    preceding: neighbour(precedingId, precedingText),
    following: neighbour(followingId, followingText),
  };
}

/** A passage's place in one ranking: its rowid and score (higher is better). */
interface RankedRow {
  rowid: number;
  score: number;
}

/**
 * The publication days a search may return, inclusive (YYYY-MM-DD); an article without a date is out
 * of any window. "As of 3 June" asks what had been published by then: searching only those articles,
 * rather than filtering the best of all, keeps the early reports a later story outranks.
 */
export interface PublicationWindow {
  from?: string;
  to?: string;
}

// bm25() once per row: ordering by the alias, not by a second call.
const rankSql = `SELECT rowid, bm25(passage_index) AS rank FROM passage_index
  WHERE passage_index MATCH ? ORDER BY rank LIMIT ?`;

const rankInWindowSql = `SELECT passage_index.rowid AS rowid, bm25(passage_index) AS rank FROM passage_index
  JOIN passages p ON p.rowid = passage_index.rowid JOIN articles a ON a.id = p.article_id
  WHERE passage_index MATCH ? AND substr(a.published, 1, 10) BETWEEN ? AND ? ORDER BY rank LIMIT ?`;

const passageSql = `${passageSelect} WHERE p.rowid = ?`;

const passageByIdSql = `${passageSelect} WHERE p.id = ?`;

/**
 * Reads passages by id with their articles' metadata and neighbours (score 0), skipping ids that are
 * no longer stored (an article removed since).
 *
 * @returns the passages found, in the order of `passageIds`.
 */
export function loadPassagesById(
  database: NewsdeskDatabase,
  passageIds: readonly string[],
): RetrievedPassage[] {
  const statement = prepareCached(database, passageByIdSql);
  return passageIds.flatMap((passageId) => {
    const row = statement.get(passageId) as PassageRow | undefined;
    return row ? [toRetrievedPassage(row, 0)] : [];
  });
}

/** How many passages each ranking contributes to a merge. */
const mergeDepth = 32;

// Rankings carry rowids only; the text and metadata are read for the few passages finally kept.
function rankPassages(
  database: NewsdeskDatabase,
  stems: string[],
  depth: number,
  window: PublicationWindow | undefined,
): RankedRow[] {
  if (stems.length === 0) return [];
  const match = stems.map((stem) => `"${stem.replaceAll('"', '""')}"`).join(' OR ');
  const rows = (
    window
      ? prepareCached(database, rankInWindowSql).all(
          match,
          window.from ?? '0000-00-00',
          window.to ?? '9999-99-99',
          depth,
        )
      : prepareCached(database, rankSql).all(match, depth)
  ) as { rowid: number; rank: number }[];
  return rows.map(({ rowid, rank }) => ({ rowid, score: -rank }));
}

function loadPassages(database: NewsdeskDatabase, ranked: readonly RankedRow[]): RetrievedPassage[] {
  const statement = prepareCached(database, passageSql);
  return ranked.flatMap(({ rowid, score }) => {
    const row = statement.get(rowid) as PassageRow | undefined;
    return row ? [toRetrievedPassage(row, score)] : [];
  });
}

/**
 * Retrieves the passages that best match `text` with FTS5's BM25 ranking.
 *
 * The query sent to FTS5 is built only from our own stems, each double-quoted and OR-ed, so no user
 * text is ever FTS5 query syntax: quotes, AND/OR/NOT/NEAR, `*`, `-`, `:` and emoji are plain words.
 * The question's own words are also searched without their thesaurus synonyms and the two rankings
 * interleaved (own words first), so a rare synonym never outranks the words asked and a passage only a
 * synonym finds is not buried either. With `carriedText` (a follow-up's context), the question and its
 * context are searched together too and fused with reciprocal rank fusion, whose score then replaces
 * BM25's.
 *
 * @param limit how many passages at most (default 8).
 * @param window when given, only passages of articles published within it are searched.
 * @returns the plan that was searched and the passages, best first; none when no stem is indexed.
 */
export function searchPassages(
  database: NewsdeskDatabase,
  text: string,
  limit = 8,
  carriedText = '',
  window?: PublicationWindow,
): { plan: QueryPlan; passages: RetrievedPassage[] } {
  // One read transaction for the dozen statements of a search: outside one, WAL mode takes and drops
  // its read lock around every statement (two fcntl calls and an fstat), which cost more than most of
  // the statements themselves (measured: about 7 µs a statement, 1.4 µs inside a transaction).
  return database.transaction(() => searchWithinTransaction(database, text, limit, carriedText, window))();
}

function searchWithinTransaction(
  database: NewsdeskDatabase,
  text: string,
  limit: number,
  carriedText: string,
  window: PublicationWindow | undefined,
): { plan: QueryPlan; passages: RetrievedPassage[] } {
  const plan = planQuery(database, text, carriedText);
  const rank = (stems: string[], depth: number) => rankPassages(database, stems, depth, window);
  // FTS5 weighs terms by rarity alone, so a rare synonym would outrank the words actually asked: the
  // question's own words are searched alone too, and the rankings fused.
  const ownStems = new Set(
    plan.concepts.filter((concept) => !concept.carried).map((concept) => concept.stem),
  );
  const ownSearched = plan.searchStems.filter((stem) => ownStems.has(stem));
  const withSynonyms = ownSearched.length > 0 && ownSearched.length < plan.searchStems.length;
  const hasContext = plan.contextSearchStems.length > 0;
  if (!withSynonyms && !hasContext) {
    return { plan, passages: loadPassages(database, rank(plan.searchStems, limit)) };
  }
  // A fixed depth, so the best `limit` of a merge do not depend on how many were asked for.
  const depth = Math.max(limit, mergeDepth);
  const byRowid = (row: RankedRow) => String(row.rowid);
  // Interleaved rather than fused: a passage only a synonym finds ("originally appeared" for "first
  // published") must not sink under the many passages that share a common word asked.
  const asked = withSynonyms
    ? interleaveRankings([rank(ownSearched, depth), rank(plan.searchStems, depth)], byRowid)
    : rank(plan.searchStems, depth);
  if (!hasContext) return { plan, passages: loadPassages(database, asked.slice(0, limit)) };
  const fused = fuseRankings([asked, rank(plan.contextSearchStems, depth)], byRowid)
    .slice(0, limit)
    .map(({ item, score }) => ({ rowid: item.rowid, score }));
  return { plan, passages: loadPassages(database, fused) };
}
