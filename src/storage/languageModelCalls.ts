import type { NewsdeskDatabase } from './database.js';

/** Whether a server may make one more language-model call today, and whether to tell it that it may not. */
export type CallDecision = { allowed: true } | { allowed: false; firstRefusalToday: boolean };

/** How a call is counted, beyond the server and the limit. */
export interface CallOptions {
  /** The moment of the call; its UTC date picks the day counted. Default: now. */
  now?: Date;
  /**
   * Whether a refusal may use up the day's one notice (default true). Calls nobody is waiting to be
   * told about (a follow-up's rewrite, a digest's key points) pass false, so the next refused answer
   * still tells the server.
   */
  claimsNotice?: boolean;
}

/**
 * Counts one language-model call against a server's daily limit (`LLM_DAILY_LIMIT_PER_GUILD`), in one
 * statement each so two interactions at once cannot both take the last call. Days are UTC dates.
 * Answers, follow-up rewrites and digest key points all count here, one call each.
 *
 * @param limit calls allowed per server per day; 0 means no limit (nothing is counted).
 * @returns `allowed: false` once the day's calls are used up, with `firstRefusalToday` true exactly once
 *   per server and day (among refusals that claim the notice), so the server is told once rather than
 *   on every answer.
 */
export function takeLanguageModelCall(
  database: NewsdeskDatabase,
  guildId: string,
  limit: number,
  options: CallOptions = {},
): CallDecision {
  if (limit === 0) return { allowed: true };
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const taken = database
    .prepare(
      `INSERT INTO language_model_calls (guild_id, day, calls) VALUES (?, ?, 1)
       ON CONFLICT (guild_id, day) DO UPDATE SET calls = calls + 1 WHERE calls < ?
       RETURNING calls`,
    )
    .get(guildId, day, limit);
  if (taken !== undefined) return { allowed: true };
  if (options.claimsNotice === false) return { allowed: false, firstRefusalToday: false };
  const notified = database
    .prepare(
      `UPDATE language_model_calls SET limit_notified = 1
       WHERE guild_id = ? AND day = ? AND limit_notified = 0 RETURNING guild_id`,
    )
    .get(guildId, day);
  return { allowed: false, firstRefusalToday: notified !== undefined };
}
