import type { NewsdeskDatabase } from '../storage/database.js';

/** One server's digest schedule, as stored by `/digest setup` (or seeded from `DIGEST_CHANNEL_ID`). */
export interface DigestSettings {
  guildId: string;
  channelId: string;
  /** Local wall-clock time of the daily post, `HH:MM` (24-hour). */
  time: string;
  /** IANA time zone name the time is read in, e.g. `Europe/Berlin`. */
  timezone: string;
  enabled: boolean;
  /** ISO date-time of the last setup: the first digest covers what arrived since then. */
  configuredAt: string;
}

const columns = `guild_id AS guildId, channel_id AS channelId, time, timezone, enabled,
  configured_at AS configuredAt`;

type SettingsRow = Omit<DigestSettings, 'enabled'> & { enabled: number };

function toSettings(row: SettingsRow): DigestSettings {
  return { ...row, enabled: row.enabled === 1 };
}

/** The stored digest settings of one server, `undefined` when it never set a digest up. */
export function readDigestSettings(database: NewsdeskDatabase, guildId: string): DigestSettings | undefined {
  const row = database.prepare(`SELECT ${columns} FROM digest_settings WHERE guild_id = ?`).get(guildId);
  return row === undefined ? undefined : toSettings(row as SettingsRow);
}

/** Every server whose digest is on, in a stable order (by guild id). */
export function listEnabledDigestSettings(database: NewsdeskDatabase): DigestSettings[] {
  const rows = database
    .prepare(`SELECT ${columns} FROM digest_settings WHERE enabled = 1 ORDER BY guild_id`)
    .all() as SettingsRow[];
  return rows.map(toSettings);
}

/**
 * Stores (inserting or replacing) a server's digest settings, turned on. `configuredAt` restarts the
 * schedule: a time already passed today is not caught up on, and a first digest covers what arrived
 * since then.
 */
export function saveDigestSettings(
  database: NewsdeskDatabase,
  settings: Omit<DigestSettings, 'enabled'>,
): void {
  database
    .prepare(
      `INSERT INTO digest_settings (guild_id, channel_id, time, timezone, enabled, configured_at)
       VALUES (@guildId, @channelId, @time, @timezone, 1, @configuredAt)
       ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
         timezone = excluded.timezone, enabled = 1, configured_at = excluded.configured_at`,
    )
    .run(settings);
}

/**
 * Turns a server's digest off, keeping the row so a later `DIGEST_CHANNEL_ID` default does not turn
 * it back on. @returns whether the server had a digest that was on.
 */
export function turnDigestOff(database: NewsdeskDatabase, guildId: string): boolean {
  const result = database
    .prepare('UPDATE digest_settings SET enabled = 0 WHERE guild_id = ? AND enabled = 1')
    .run(guildId);
  return result.changes > 0;
}
