import type Database from 'better-sqlite3';

/**
 * Schema migrations in order; `user_version` records how many have run. Append only: a released
 * migration is never edited, so every existing database can be brought forward.
 */
const migrations: string[] = [
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    url TEXT,
    published TEXT,
    author TEXT,
    caption TEXT,
    first_ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE passages (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX passages_by_article ON passages(article_id, ordinal);
  -- Contentless: the indexed column holds our own normalised, stemmed terms (see retrieval/terms.ts),
  -- so the index and every query share one tokenizer and no user text is ever FTS5 syntax.
  CREATE VIRTUAL TABLE passage_index USING fts5(
    terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
  );
  CREATE VIRTUAL TABLE passage_vocabulary USING fts5vocab(passage_index, 'row');
  CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  -- Conversations: follow-up questions keep their context across restarts (see src/conversation/).
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    user_id TEXT,
    channel_id TEXT,
    thread_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX conversations_by_scope ON conversations(scope, updated_at);
  CREATE INDEX conversations_by_user ON conversations(user_id);
  CREATE TABLE conversation_turns (
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    turn INTEGER NOT NULL,
    question TEXT NOT NULL,
    standalone_query TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, turn)
  );
  `,
  `
  -- Language model: embeddings cached by the SHA-256 of a passage's text (so re-ingesting unchanged text
  -- never re-embeds it), and each server's model calls per UTC day (LLM_DAILY_LIMIT_PER_GUILD).
  ALTER TABLE passages ADD COLUMN text_hash TEXT;
  CREATE TABLE passage_embeddings (
    text_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (text_hash, model)
  );
  CREATE TABLE language_model_calls (
    guild_id TEXT NOT NULL,
    day TEXT NOT NULL,
    calls INTEGER NOT NULL,
    limit_notified INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, day)
  );
  `,
  `
  -- Daily digest: each server's schedule, and a ledger of every digest per channel and local date
  -- (pending, posted with its message ids, empty, or failed with the reason) so none is posted twice.
  CREATE TABLE digest_settings (
    guild_id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    time TEXT NOT NULL,
    timezone TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    configured_at TEXT NOT NULL
  );
  CREATE TABLE digest_ledger (
    channel_id TEXT NOT NULL,
    local_date TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'posted', 'empty', 'failed')),
    window_from TEXT NOT NULL,
    window_to TEXT NOT NULL,
    message_ids TEXT NOT NULL,
    reason TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, local_date)
  );
  `,
  `
  -- Threads the bot started from an answer ("Discuss in thread"): only these are answered, and each
  -- continues its conversation, also after a restart.
  CREATE TABLE bot_threads (
    thread_id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    parent_channel_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  `
  -- Feeds (src/feeds/): the feeds admins follow, every item seen in each, and which stored articles
  -- came from the web (they live in articles beside the folder's; a folder refresh leaves them).
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    keywords TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_in TEXT NOT NULL,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_polled_at TEXT,
    last_status TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at TEXT,
    retry_at TEXT
  );
  CREATE TABLE web_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    feed_url TEXT REFERENCES feeds(url) ON DELETE SET NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX web_articles_by_feed ON web_articles(feed_url);
  CREATE TABLE feed_items (
    feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('stored', 'skipped', 'failed')),
    article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    problem TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
  );
  CREATE INDEX feed_items_by_key ON feed_items(item_key);
  -- Named leases: only the process holding one does its job (feed polling), across processes and shards.
  CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL);
  `,
  `
  -- Each article's bottom-k MinHash sketch (src/evidence/fingerprintArticle.ts): finds its republished
  -- copies without comparing every pair. Filled when an article is stored; the format version's bump
  -- re-stores every article already here.
  CREATE TABLE article_fingerprints (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    hash INTEGER NOT NULL,
    PRIMARY KEY (article_id, hash)
  ) WITHOUT ROWID;
  CREATE INDEX article_fingerprints_by_hash ON article_fingerprints(hash);
  `,
];

function readVersion(database: Database.Database): number {
  const current = database.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this newsdesk (${migrations.length})`);
  }
  return current;
}

/**
 * Brings a database up to the newest schema inside one transaction, taken for writing before the
 * version is read: two processes opening a new database at once (the bot and an ingest) migrate it
 * once, the second waiting (`busy_timeout`) and then finding nothing to do.
 *
 * @throws Error from SQLite when a migration fails; the transaction leaves the database unchanged.
 */
export function migrate(database: Database.Database): void {
  if (readVersion(database) === migrations.length) return;
  database
    .transaction(() => {
      const pending = migrations.slice(readVersion(database));
      for (const sql of pending) database.exec(sql);
      database.pragma(`user_version = ${migrations.length}`);
    })
    .immediate();
}
