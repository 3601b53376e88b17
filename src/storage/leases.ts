import type { NewsdeskDatabase } from './database.js';

/**
 * Takes or renews the lease `name` for `holder` until `now + durationMs`, unless another holder's
 * lease is still running and `isAbandoned(thatHolder)` (say, a process known to have died) is false. The check and the write are one IMMEDIATE transaction, so of two
 * processes (two shards, a bot and the command line) asking at once exactly one gets it.
 *
 * @returns whether `holder` holds the lease now.
 * @throws SQLite's SQLITE_BUSY when another process keeps the database locked past the busy timeout.
 */
export function acquireLease(
  database: NewsdeskDatabase,
  name: string,
  holder: string,
  durationMs: number,
  options: { now?: Date; isAbandoned?: (holder: string) => boolean } = {},
): boolean {
  const now = options.now ?? new Date();
  return database
    .transaction((): boolean => {
      const current = database
        .prepare('SELECT holder, expires_at AS expiresAt FROM leases WHERE name = ?')
        .get(name) as { holder: string; expiresAt: string } | undefined;
      const running = current && current.holder !== holder && current.expiresAt > now.toISOString();
      if (running && !options.isAbandoned?.(current.holder)) return false;
      database
        .prepare(
          `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`,
        )
        .run(name, holder, new Date(now.getTime() + durationMs).toISOString());
      return true;
    })
    .immediate();
}

/** Gives the lease `name` up, if `holder` holds it; another holder's lease is left alone. */
export function releaseLease(database: NewsdeskDatabase, name: string, holder: string): void {
  database.prepare('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
}
