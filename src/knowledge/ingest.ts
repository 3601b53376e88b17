import type { CoreContext } from '../context.js';
import { fingerprintArticle } from '../evidence/fingerprintArticle.js';
import { createDatabaseBusyError, isDatabaseBusy, type NewsdeskDatabase } from '../storage/database.js';
import { readMetadata, writeMetadata } from '../storage/metadata.js';
import { articleFormatVersion } from './article.js';
import { embedPassages } from './embedPassages.js';
import { prepareInOrder } from './filePreparer.js';
import { fingerprintKnowledgeFiles, type KnowledgeFile, listKnowledgeFiles } from './listKnowledgeFiles.js';
import { articleIdOf } from './parseArticle.js';
import {
  describeProblem,
  type FileToPrepare,
  type IndexedPassage,
  type StoredArticleColumns,
} from './prepareKnowledgeFile.js';

/** What one ingest did; `passages` counts every passage stored afterwards, not only new ones. */
export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  passages: number;
  /** Files that could not be read, parsed or stored; their previously stored version is kept. */
  failed: { path: string; problem: string }[];
  /** Entries left out on purpose (hidden, or another file type), by path inside the knowledge folder. */
  ignored: { relativePath: string; reason: string }[];
}

/** Files read and written per transaction: large enough to amortise commits, small enough to bound memory. */
const batchSize = 200;

interface StoredArticle {
  id: string;
  path: string;
  contentHash: string;
}

/** A passage's rowid and its indexed terms (see `toIndexedTerms`). */
type IndexRow = [rowid: number | bigint, terms: string];

/** An article's columns and its passages with their index terms, ready to store. */
export interface PreparedArticle {
  article: StoredArticleColumns;
  passages: IndexedPassage[];
}

type ParsedFile = PreparedArticle & { file: KnowledgeFile; isNew: boolean };

/** A file of a batch as planned before it is read: to prepare, or failed already. */
type PlannedFile =
  | { file: KnowledgeFile; request: FileToPrepare; isNew: boolean }
  | { file: KnowledgeFile; problem: string };

/**
 * The prepared statements that store and remove articles with their passages, index rows and
 * fingerprints (`fingerprintArticle`, for finding republished copies): one
 * path for the folder's articles and the web's (src/feeds/storeWebArticle.ts).
 * `storeIndexed(article, now)` replaces an article's passages and index rows in one transaction,
 * keeping `first_ingested_at`; `remove(id)` deletes an article with its passages and index rows.
 */
export function prepareArticleWriter(database: NewsdeskDatabase) {
  const selectPassageRowids = database.prepare('SELECT rowid FROM passages WHERE article_id = ?').pluck();
  const deleteIndexRow = database.prepare('DELETE FROM passage_index WHERE rowid = ?');
  const deletePassages = database.prepare('DELETE FROM passages WHERE article_id = ?');
  const deleteArticle = database.prepare('DELETE FROM articles WHERE id = ?');
  const upsertArticle = database.prepare(`
    INSERT INTO articles (id, path, content_hash, title, source, url, published, author, caption,
                          first_ingested_at, updated_at)
    VALUES (@id, @path, @contentHash, @title, @source, @url, @published, @author, @caption, @now, @now)
    ON CONFLICT (id) DO UPDATE SET path = excluded.path, content_hash = excluded.content_hash,
      title = excluded.title, source = excluded.source, url = excluded.url, published = excluded.published,
      author = excluded.author, caption = excluded.caption, updated_at = excluded.updated_at`);
  const insertPassage = database.prepare(
    'INSERT INTO passages (id, article_id, ordinal, text) VALUES (?, ?, ?, ?)',
  );
  const insertIndexRow = database.prepare('INSERT INTO passage_index (rowid, terms) VALUES (?, ?)');
  const deleteFingerprint = database.prepare('DELETE FROM article_fingerprints WHERE article_id = ?');
  const insertFingerprint = database.prepare(
    'INSERT INTO article_fingerprints (article_id, hash) VALUES (?, ?)',
  );

  // The contentless index cannot follow the passages' foreign-key cascade, so its rows go first, by rowid.
  const removePassages = (articleId: string): void => {
    for (const rowid of selectPassageRowids.all(articleId)) deleteIndexRow.run(rowid);
    deletePassages.run(articleId);
    deleteFingerprint.run(articleId);
  };
  // FTS5 flushes its pending terms to a new segment at every savepoint once the index takes part in the
  // transaction, so indexing inside each file's savepoint made one tiny segment per file (measured: up to
  // twice the cost per indexed passage). `store` returns the index rows; `index` writes a batch's at once.
  const store = database.transaction(({ article, passages }: PreparedArticle, now: string): IndexRow[] => {
    removePassages(article.id);
    upsertArticle.run({ ...article, now });
    for (const hash of fingerprintArticle(passages.map(({ terms }) => terms)))
      insertFingerprint.run(article.id, hash);
    return passages.map((passage): IndexRow => {
      const { lastInsertRowid } = insertPassage.run(
        passage.id,
        passage.articleId,
        passage.ordinal,
        passage.text,
      );
      return [lastInsertRowid, passage.terms];
    });
  });
  const index = (rows: readonly IndexRow[]): void => {
    for (const [rowid, terms] of rows) insertIndexRow.run(rowid, terms);
  };
  // A file's article row, passages and index rows together or not at all: a file stored without its
  // index rows would be reported unchanged ever after and never be found.
  const storeIndexed = database.transaction((file: PreparedArticle, now: string): void => {
    index(store(file, now));
  });
  const remove = database.transaction((articleId: string): void => {
    removePassages(articleId);
    deleteArticle.run(articleId);
  });
  return { store, index, storeIndexed, remove };
}

type Writer = ReturnType<typeof prepareArticleWriter>;
type StoreOutcome = { stored: ParsedFile[]; failed: [ParsedFile, unknown][] };

// Stores a batch with all its index rows written at the end (one FTS5 segment per batch). If anything
// fails there, the batch rolls back as a whole and each file is stored again in its own transaction
// with its index rows, so only the files that really fail are lost, and they keep their old version.
function storeBatch(
  database: NewsdeskDatabase,
  writer: Writer,
  parsed: ParsedFile[],
  now: string,
): StoreOutcome {
  try {
    return database
      .transaction((): StoreOutcome => {
        const outcome: StoreOutcome = { stored: [], failed: [] };
        const rows: IndexRow[][] = [];
        for (const item of parsed) {
          try {
            rows.push(writer.store(item, now));
            outcome.stored.push(item);
          } catch (error) {
            outcome.failed.push([item, error]);
          }
        }
        for (const fileRows of rows) writer.index(fileRows);
        return outcome;
      })
      .immediate();
  } catch (error) {
    // Another writer held the database past the busy timeout: every file would wait as long again.
    if (isDatabaseBusy(error)) throw error;
    const outcome: StoreOutcome = { stored: [], failed: [] };
    for (const item of parsed) {
      try {
        writer.storeIndexed.immediate(item, now);
        outcome.stored.push(item);
      } catch (error) {
        outcome.failed.push([item, error]);
      }
    }
    return outcome;
  }
}

function withBusyExplained<T>(context: CoreContext, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    throw createDatabaseBusyError(context.config.DATABASE_PATH, error);
  }
}

// A worker thread pays off only beyond one batch of files: starting it costs more than it saves below.
const workerThreshold = batchSize;

/**
 * Brings the database in step with `config.KNOWLEDGE_DIR`, incrementally by content hash: new files
 * are added, changed ones replaced (keeping `first_ingested_at`), unchanged ones skipped, and articles
 * whose file is gone are pruned with their passages and index rows.
 * A file's article row, passages and index rows are stored together or not at all, so a file that
 * cannot be read, parsed or stored is reported in `failed` and keeps its previously stored version
 * while every other file still ingests; so does an entry that is not a readable file (a link loop, a
 * broken link, a named pipe) and every article below a sub-folder that cannot be listed. Two files with the same
 * name in different folders would share an id: the one already stored keeps it (else the first by
 * path), and the other is reported.
 * Files go in batches of 200, one transaction each; beyond one batch, parsing runs on a worker thread
 * while the previous batch is stored (see `prepareInOrder`).
 * Records `last_refreshed_at`, `knowledge_fingerprint` and `knowledge_format_version` in `metadata`.
 *
 * A file that cannot be stored leaves the fingerprint unrecorded, so the next `ensureKnowledgeFresh`
 * ingests again.
 *
 * @throws NewsdeskError (`code: 'knowledge_missing'`) when the knowledge folder is missing.
 * @throws NewsdeskError (`code: 'database_busy'`) when another process holds the database's write lock
 *   past the busy timeout (5 s, see openDatabase); the batches stored before are kept.
 */
export async function ingestKnowledge(context: CoreContext): Promise<IngestSummary> {
  const { database, logger } = context;
  const directory = context.config.KNOWLEDGE_DIR;
  const started = performance.now();
  const listing = listKnowledgeFiles(directory);
  const { files, unreadable, ignored } = listing;
  const fingerprint = fingerprintKnowledgeFiles(directory, listing);
  const writer = prepareArticleWriter(database);
  if (readMetadata(database, 'knowledge_format_version') !== String(articleFormatVersion)) {
    // Every stored article must be rebuilt. Forgetting their hashes and recording the new format before
    // storing any lets an ingest stopped halfway resume where it stopped instead of starting over.
    withBusyExplained(context, () =>
      database
        .transaction(() => {
          database.prepare("UPDATE articles SET content_hash = ''").run();
          writeMetadata(database, 'knowledge_format_version', String(articleFormatVersion));
        })
        .immediate(),
    );
  }
  // Articles from feeds have no file: the folder's refresh neither prunes nor replaces them.
  const storedRows = database
    .prepare(
      `SELECT id, path, content_hash AS contentHash FROM articles
       WHERE id NOT IN (SELECT article_id FROM web_articles)`,
    )
    .all();
  const stored = new Map((storedRows as StoredArticle[]).map((row) => [row.id, row]));
  const webIds = new Set(database.prepare('SELECT article_id FROM web_articles').pluck().all() as string[]);
  const summary: IngestSummary = {
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    passages: 0,
    failed: [],
    ignored,
  };
  let storeFailed = false;
  const fail = (file: KnowledgeFile, error: unknown): void => {
    const problem = describeProblem(error);
    summary.failed.push({ path: file.path, problem });
    logger.warn({ path: file.path, problem }, 'knowledge file skipped');
  };
  // Which file holds each article id: the one stored before when it is still there (a copy added in
  // another folder must not take over a long-standing article), else the first by path.
  const seen = new Map<string, string>();
  for (const file of files) {
    const id = articleIdOf(file.relativePath);
    if (!seen.has(id) || stored.get(id)?.path === file.relativePath) seen.set(id, file.relativePath);
  }
  const now = new Date().toISOString();
  for (const entry of unreadable) {
    summary.failed.push({ path: entry.path, problem: entry.problem });
    logger.warn({ path: entry.path, problem: entry.problem }, 'knowledge file skipped');
  }

  // Every batch is planned before any file is read, so the next batch can be prepared while one is stored.
  const batches: PlannedFile[][] = [];
  for (let start = 0; start < files.length; start += batchSize) {
    batches.push(
      files.slice(start, start + batchSize).map((file): PlannedFile => {
        const id = articleIdOf(file.relativePath);
        const holder = seen.get(id);
        if (webIds.has(id))
          return { file, problem: `same article id "${id}" as an article from a feed; rename the file` };
        if (holder !== file.relativePath) {
          return { file, problem: `same article id "${id}" as ${holder}; rename one of them` };
        }
        const previous = stored.get(id);
        const storedHash = previous?.path === file.relativePath ? previous.contentHash : null;
        const request = { path: file.path, relativePath: file.relativePath, storedHash };
        return { file, request, isNew: previous === undefined };
      }),
    );
  }
  const requestsOf = (batch: PlannedFile[]): FileToPrepare[] =>
    batch.flatMap((entry) => ('request' in entry ? [entry.request] : []));
  const requests = batches.map(requestsOf);
  const worker = files.length > workerThreshold;
  let index = 0;
  for await (const prepared of prepareInOrder(requests, { worker, logger })) {
    const batch = batches[index++] ?? [];
    const results = prepared.values();
    const parsed: ParsedFile[] = [];
    for (const entry of batch) {
      if (!('request' in entry)) {
        fail(entry.file, entry.problem);
        continue;
      }
      const result = results.next().value;
      if (result === undefined) throw new Error('the file preparer answered fewer files than it was given');
      if (result.outcome === 'unchanged') summary.unchanged += 1;
      else if (result.outcome === 'failed') fail(entry.file, result.problem);
      else
        parsed.push({
          file: entry.file,
          article: result.article,
          passages: result.passages,
          isNew: entry.isNew,
        });
    }
    const outcome = withBusyExplained(context, () => storeBatch(database, writer, parsed, now));
    if (outcome.failed.length > 0) storeFailed = true;
    for (const item of outcome.stored) {
      if (item.isNew) summary.added += 1;
      else summary.updated += 1;
    }
    for (const [item, error] of outcome.failed) fail(item.file, `cannot store: ${describeProblem(error)}`);
  }

  // An article whose file or folder cannot be read right now keeps its stored version, as a failed
  // file does: a broken link or a permission slip must not delete what was searchable.
  const isUnreadable = (path: string): boolean =>
    unreadable.some((entry) =>
      entry.isFolder ? path.startsWith(`${entry.relativePath}/`) : path === entry.relativePath,
    );
  const removedIds: string[] = [];
  for (const [id, article] of stored) {
    if (!seen.has(id) && !isUnreadable(article.path)) removedIds.push(id);
  }
  withBusyExplained(context, () =>
    database
      .transaction(() => {
        for (const id of removedIds) writer.remove(id);
        writeMetadata(database, 'last_refreshed_at', now);
        // A file that could not be stored is not the file's fault: without the fingerprint, the next
        // refresh or `ask` ingests again instead of taking the folder as up to date.
        if (!storeFailed) writeMetadata(database, 'knowledge_fingerprint', fingerprint);
      })
      .immediate(),
  );
  summary.removed = removedIds.length;
  // After storing, never inside it: a slow or failing embedding model must not hold up or undo the ingest.
  await embedPassages(context);
  summary.passages = database.prepare('SELECT count(*) FROM passages').pluck().get() as number;
  const { failed, ignored: _ignored, ...counts } = summary;
  const milliseconds = Math.round(performance.now() - started);
  logger.info(
    { ...counts, failed: failed.length, ignored: ignored.length, milliseconds },
    'knowledge ingested',
  );
  return summary;
}
