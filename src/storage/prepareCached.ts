import type { Statement } from 'better-sqlite3';
import type { NewsdeskDatabase } from './database.js';

// Keyed by the connection, so a closed database's statements go with it; nothing is shared between
// connections, and tests that open their own databases never see another's statements.
const statementsByDatabase = new WeakMap<NewsdeskDatabase, Map<string, Statement>>();

/**
 * A prepared statement for `sql` on `database`, compiled on first use and reused afterwards: compiling
 * a join costs tens of microseconds, more than running it on a warm index.
 *
 * @param sql a fixed SQL text (never built from user input: each distinct text is kept for the
 *   connection's lifetime).
 * @throws SqliteError when the SQL does not compile.
 */
export function prepareCached(database: NewsdeskDatabase, sql: string): Statement {
  let statements = statementsByDatabase.get(database);
  if (statements === undefined) {
    statements = new Map();
    statementsByDatabase.set(database, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = database.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
