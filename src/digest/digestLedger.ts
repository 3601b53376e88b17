import type { NewsdeskDatabase } from '../storage/database.js';
import type { DigestWindow } from './buildDigest.js';

/**
 * Where one channel's digest for one local date stands: `pending` (claimed, maybe being sent; with a
 * reason when a send's outcome is unknown), `posted` (with its message ids), `empty` (nothing new,
 * nothing posted) or `failed` (Discord refused it, with the reason).
 */
export interface DigestEntry {
  channelId: string;
  guildId: string;
  /** The server's local date the digest is for, `YYYY-MM-DD`. */
  localDate: string;
  state: 'pending' | 'posted' | 'empty' | 'failed';
  window: DigestWindow;
  /** Ids of the messages posted, in order; empty unless `posted`. */
  messageIds: string[];
  reason: string | null;
  /** ISO date-time of the last state change; for `pending`, when it was claimed (before any send). */
  updatedAt: string;
}

type EntryRow = Omit<DigestEntry, 'window' | 'messageIds'> & {
  windowFrom: string;
  windowTo: string;
  messageIds: string;
};

const columns = `channel_id AS channelId, guild_id AS guildId, local_date AS localDate, state,
  window_from AS windowFrom, window_to AS windowTo, message_ids AS messageIds, reason,
  updated_at AS updatedAt`;

function toEntry({ windowFrom, windowTo, messageIds, ...row }: EntryRow): DigestEntry {
  return { ...row, window: { from: windowFrom, to: windowTo }, messageIds: JSON.parse(messageIds) };
}

/**
 * Runs one ledger write with `PRAGMA synchronous = FULL`, so it is on disk (WAL fsynced at commit)
 * before the call returns and before anything is sent to Discord. The connection's own level is
 * restored after: other writes (ingest) may trade that durability for speed, the ledger may not,
 * because a lost `pending` or `posted` row is what would let a restart post a digest twice.
 */
function writeDurably(database: NewsdeskDatabase, write: () => void): void {
  const previous = database.pragma('synchronous', { simple: true }) as number;
  database.pragma('synchronous = FULL');
  try {
    write();
  } finally {
    database.pragma(`synchronous = ${previous}`);
  }
}

/** The ledger entry of one channel and local date, `undefined` when no digest was attempted. */
export function readDigestEntry(
  database: NewsdeskDatabase,
  channelId: string,
  localDate: string,
): DigestEntry | undefined {
  const row = database
    .prepare(`SELECT ${columns} FROM digest_ledger WHERE channel_id = ? AND local_date = ?`)
    .get(channelId, localDate);
  return row === undefined ? undefined : toEntry(row as EntryRow);
}

/** A channel's latest entry in one of `states` (latest local date first), for status and windows. */
export function findLatestDigestEntry(
  database: NewsdeskDatabase,
  channelId: string,
  states: DigestEntry['state'][],
): DigestEntry | undefined {
  const row = database
    .prepare(
      `SELECT ${columns} FROM digest_ledger WHERE channel_id = ? AND state IN (SELECT value FROM json_each(?))
       ORDER BY local_date DESC, updated_at DESC LIMIT 1`,
    )
    .get(channelId, JSON.stringify(states));
  return row === undefined ? undefined : toEntry(row as EntryRow);
}

/**
 * Records, durably, that a digest is about to be sent (replacing a `failed` entry being retried).
 *
 * @param now ISO date-time; a `pending` entry older than the nonce window is not resent.
 */
export function recordDigestPending(
  database: NewsdeskDatabase,
  entry: Pick<DigestEntry, 'channelId' | 'guildId' | 'localDate' | 'window'>,
  now: string,
): void {
  writeDurably(database, () =>
    database
      .prepare(
        `INSERT INTO digest_ledger (channel_id, local_date, guild_id, state, window_from, window_to,
           message_ids, reason, updated_at)
         VALUES (?, ?, ?, 'pending', ?, ?, '[]', NULL, ?)
         ON CONFLICT (channel_id, local_date) DO UPDATE SET guild_id = excluded.guild_id, state = 'pending',
           window_from = excluded.window_from, window_to = excluded.window_to, message_ids = '[]',
           reason = NULL, updated_at = excluded.updated_at`,
      )
      .run(entry.channelId, entry.localDate, entry.guildId, entry.window.from, entry.window.to, now),
  );
}

/**
 * Records, durably, how a pending digest ended: `posted` with its message ids, `empty`, or `failed`
 * with a reason shown by `/digest status`.
 */
export function recordDigestOutcome(
  database: NewsdeskDatabase,
  key: { channelId: string; localDate: string },
  outcome:
    | { state: 'posted'; messageIds: string[] }
    | { state: 'empty' }
    | { state: 'failed'; reason: string },
  now: string,
): void {
  const messageIds = outcome.state === 'posted' ? outcome.messageIds : [];
  const reason = outcome.state === 'failed' ? outcome.reason : null;
  writeDurably(database, () =>
    database
      .prepare(
        `UPDATE digest_ledger SET state = ?, message_ids = ?, reason = ?, updated_at = ?
         WHERE channel_id = ? AND local_date = ?`,
      )
      .run(outcome.state, JSON.stringify(messageIds), reason, now, key.channelId, key.localDate),
  );
}

/**
 * Records, durably, why a pending digest's outcome is unknown (a send whose connection dropped, a
 * channel that could not be checked). It stays `pending`, and its claim time is kept: a message may
 * have been created at any moment since, so Discord's nonce window counts from then.
 */
export function recordDigestInDoubt(
  database: NewsdeskDatabase,
  key: { channelId: string; localDate: string },
  reason: string,
): void {
  writeDurably(database, () =>
    database
      .prepare(
        `UPDATE digest_ledger SET reason = ? WHERE channel_id = ? AND local_date = ? AND state = 'pending'`,
      )
      .run(reason, key.channelId, key.localDate),
  );
}
