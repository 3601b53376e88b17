/** One news article as read from `knowledge/`, before it is split into passages. */
export interface Article {
  /** Stable id: the file name without its extension (e.g. `000_5a94281ece3b6005`). */
  id: string;
  /** Path relative to the knowledge folder, with forward slashes. */
  path: string;
  title: string;
  /** The outlet that published it, e.g. "The New York Times"; `null` when the file does not say. */
  source: string | null;
  url: string | null;
  /** Publication date as an ISO date (`YYYY-MM-DD`) or date-time; `null` when unknown. */
  published: string | null;
  author: string | null;
  /** A photo caption found in the raw file, kept as metadata and out of the body. */
  caption: string | null;
  /** Body paragraphs in reading order, with whitespace normalised. */
  paragraphs: string[];
  /** SHA-256 (hex) of the file's bytes: what incremental ingest compares. */
  contentHash: string;
}

/** A few consecutive sentences of one article: the unit of retrieval and of citation. */
export interface Passage {
  /** Stable id derived from the article id and the passage text (same text, same id, across runs). */
  id: string;
  articleId: string;
  /** Position in the article, from 0. */
  ordinal: number;
  text: string;
}

/** Article metadata as stored and shown with a citation. */
export interface ArticleSummary {
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  /** ISO date-time at which newsdesk first ingested this article. */
  firstIngestedAt: string;
}

/** What a parser recovers from a file's text: an Article without the fields derived from its path and bytes. */
export type ArticleContent = Omit<Article, 'id' | 'path' | 'contentHash'>;

/**
 * Version of what parsing, splitting and indexing produce (including `toIndexedTerms` and its
 * stopwords and spelling folds). Bump it whenever any of them changes, so the next ingest rebuilds
 * every stored article instead of keeping passages and index terms made by the old rules.
 */
export const articleFormatVersion = 25;
