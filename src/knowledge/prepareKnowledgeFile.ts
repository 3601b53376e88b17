import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KnowledgeFileError } from '../errors.js';
import { toIndexedTerms } from '../retrieval/indexedTerms.js';
import type { Article, Passage } from './article.js';
import { parseArticle } from './parseArticle.js';
import { splitIntoPassages } from './splitIntoPassages.js';

/** One knowledge file to bring in: where to read it, and the stored version's hash. */
export interface FileToPrepare {
  /** As the operator names it (the knowledge folder joined with `relativePath`); read from here. */
  path: string;
  relativePath: string;
  /** SHA-256 (hex) of the stored version when it may be kept as it is; `null` to parse regardless. */
  storedHash: string | null;
}

/** A passage with its indexed terms (see `toIndexedTerms`), ready to store. */
export interface IndexedPassage extends Passage {
  terms: string;
}

/** An article's columns as stored: everything but its paragraphs, which live on as passages. */
export type StoredArticleColumns = Omit<Article, 'paragraphs'>;

/** What became of one file: its bytes match `storedHash`, it could not be read or parsed, or it is ready. */
export type PreparedFile =
  | { outcome: 'unchanged' }
  | { outcome: 'failed'; problem: string }
  | { outcome: 'parsed'; article: StoredArticleColumns; passages: IndexedPassage[] };

/**
 * The problem in one line for an ingest report: a KnowledgeFileError's message without the path it
 * starts with (the report names the file already), any other error's message.
 */
export function describeProblem(error: unknown): string {
  if (error instanceof KnowledgeFileError) return error.message.slice(error.path.length + 2);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads one knowledge file, unless it is unchanged. Synchronous: knowledge files are small, and a
 * thread-pool round trip per file cost more than the read itself (measured).
 *
 * @returns the bytes; `unchanged` when their SHA-256 equals `storedHash`; `failed` with a one-line
 *   problem when the file cannot be read. Never throws.
 */
export function readKnowledgeFile(
  file: FileToPrepare,
): { outcome: 'read'; bytes: Buffer } | Exclude<PreparedFile, { outcome: 'parsed' }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch (error) {
    return { outcome: 'failed', problem: `cannot read: ${describeProblem(error)}` };
  }
  if (file.storedHash !== null) {
    if (hash('sha256', bytes, 'hex') === file.storedHash) return { outcome: 'unchanged' };
  }
  return { outcome: 'read', bytes };
}

/**
 * Parses a file's bytes into an article and passages with their indexed terms: all of ingest's work
 * on a file between reading and storing it, with no file system or database, so it runs as well on a
 * worker thread.
 *
 * @param file the file as named in problems and ids (`path`, `relativePath`).
 * @returns `failed` with a one-line problem for a file that cannot be parsed; never throws.
 */
export function prepareArticle(file: { path: string; relativePath: string }, bytes: Buffer): PreparedFile {
  try {
    const parsed = parseArticle(file.path, bytes, file.relativePath);
    const passages = splitIntoPassages(parsed).map(
      (passage): IndexedPassage => ({ ...passage, terms: toIndexedTerms(passage.text) }),
    );
    const { paragraphs: _paragraphs, ...article } = parsed;
    return { outcome: 'parsed', article, passages };
  } catch (error) {
    return { outcome: 'failed', problem: describeProblem(error) };
  }
}
