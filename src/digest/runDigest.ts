import { createHash } from 'node:crypto';
import type { CoreContext } from '../context.js';
import type { Digest } from './buildDigest.js';
import { composeDigest } from './composeDigest.js';
import {
  type DigestEntry,
  findLatestDigestEntry,
  readDigestEntry,
  recordDigestOutcome,
  recordDigestPending,
} from './digestLedger.js';
import type { DigestSettings } from './digestSettings.js';

/**
 * Sends a digest to a channel and returns the ids of the messages posted, in order. Sending part
 * `n` again with `createDigestNonce(channelId, localDate, n)` must not post it twice (Discord's
 * `enforce_nonce`). Throws when the channel refuses the message (403, unknown channel, ...).
 */
export type DigestPublisher = (
  digest: Digest,
  target: { channelId: string; localDate: string },
) => Promise<string[]>;

/**
 * How long Discord is trusted to remember a message nonce. It documents only "the past few minutes"
 * (https://discord.com/developers/docs/resources/message#create-message-jsonform-params), so a
 * digest left `pending` for longer (the bot died mid-send and stayed down) is not resent: it may
 * have been posted. It is marked failed instead, and the next day's digest window, which starts at
 * the last digest actually posted, still covers its articles.
 */
export const nonceWindowMs = 2 * 60_000;
/** Discord allows nonces of up to 25 characters (same page as above). */
const nonceLength = 25;
const reasonLength = 300;

/**
 * The nonce of one message of one channel's digest for one local date: the same on every attempt and
 * every restart, so Discord returns the already-posted message instead of posting a second one.
 *
 * @param part the message's position in the digest, from 0.
 * @returns 25 hexadecimal characters.
 */
export function createDigestNonce(channelId: string, localDate: string, part: number): string {
  return createHash('sha256')
    .update(`digest:${channelId}:${localDate}:${part}`)
    .digest('hex')
    .slice(0, nonceLength);
}

function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > reasonLength ? `${text.slice(0, reasonLength - 1)}…` : text;
}

/**
 * Where a channel's next digest window starts: the end of its last posted (or empty) digest, or the
 * moment the digest was set up when there was none, so nothing is covered twice or skipped.
 *
 * @returns an ISO date-time.
 */
export function findDigestWindowStart(context: CoreContext, settings: DigestSettings): string {
  return (
    findLatestDigestEntry(context.database, settings.channelId, ['posted', 'empty'])?.window.to ??
    settings.configuredAt
  );
}

/**
 * Runs one channel's digest for one local date, exactly once across retries and restarts, using the
 * ledger: an entry already `posted` or `empty` is left alone (so is a `failed` one unless
 * `retryFailed`); a `pending` one is resent with the same window and nonces while Discord still
 * remembers them, or marked failed when older than `nonceWindowMs`. Otherwise the window runs from
 * the end of the channel's last posted (or empty) digest, or from setup, to `now`; it is recorded
 * `pending` durably before anything is sent. The digest is `composeDigest`'s: with a language model
 * its key points are the model's, each story's call counted against the server's daily limit. A refused send is recorded `failed` with the reason and
 * logged, not thrown, so one server's broken channel never stops another's digest.
 *
 * @returns the ledger entry as it stands afterwards.
 * @throws only when the database itself fails (the entry then stays as last durably written).
 */
export async function runDigest(
  context: CoreContext,
  request: { settings: DigestSettings; localDate: string; now: Date; retryFailed: boolean },
  publish: DigestPublisher,
): Promise<DigestEntry | undefined> {
  const { database, config, logger } = context;
  const { settings, localDate } = request;
  const key = { channelId: settings.channelId, localDate };
  const now = request.now.toISOString();
  const existing = readDigestEntry(database, key.channelId, localDate);
  if (existing?.state === 'posted' || existing?.state === 'empty') return existing;
  if (existing?.state === 'failed' && !request.retryFailed) return existing;
  if (
    existing?.state === 'pending' &&
    request.now.getTime() - Date.parse(existing.updatedAt) > nonceWindowMs
  ) {
    const reason = 'interrupted while sending; not resent in case it was posted';
    recordDigestOutcome(database, key, { state: 'failed', reason }, now);
    return readDigestEntry(database, key.channelId, localDate);
  }
  const window =
    existing?.state === 'pending'
      ? existing.window
      : { from: findDigestWindowStart(context, settings), to: now };
  if (existing?.state !== 'pending')
    recordDigestPending(database, { ...key, guildId: settings.guildId, window }, now);

  const digest = await composeDigest(context, window, {
    backfillDays: config.DIGEST_BACKFILL_DAYS,
    guildId: settings.guildId,
  });
  if (digest.items.length === 0 && !config.DIGEST_POST_EMPTY) {
    recordDigestOutcome(database, key, { state: 'empty' }, now);
    return readDigestEntry(database, key.channelId, localDate);
  }
  let messageIds: string[];
  try {
    messageIds = await publish(digest, key);
  } catch (error) {
    recordDigestOutcome(database, key, { state: 'failed', reason: describeFailure(error) }, now);
    logger.warn({ ...key, err: error }, 'digest could not be posted');
    return readDigestEntry(database, key.channelId, localDate);
  }
  // Only a refused send counts as failed: if this write itself fails, the entry stays pending and a
  // retry within the nonce window gets Discord's already-posted messages back instead of new ones.
  recordDigestOutcome(database, key, { state: 'posted', messageIds }, now);
  logger.info({ ...key, items: digest.items.length, messages: messageIds.length }, 'digest posted');
  return readDigestEntry(database, key.channelId, localDate);
}
