import { createHash } from 'node:crypto';
import type { CoreContext } from '../context.js';
import { DeliveryUnknownError } from '../errors.js';
import type { Digest } from './buildDigest.js';
import { composeDigest } from './composeDigest.js';
import {
  type DigestEntry,
  findLatestDigestEntry,
  readDigestEntry,
  recordDigestInDoubt,
  recordDigestOutcome,
  recordDigestPending,
} from './digestLedger.js';
import type { DigestSettings } from './digestSettings.js';

/** Which channel's digest for which local date a publisher works on. */
export interface DigestTarget {
  channelId: string;
  localDate: string;
}

/**
 * Where a digest is posted (the Discord adapter). A digest is posted as one or more messages
 * ("pages"); part `n` always carries `createDigestNonce(channelId, localDate, n)` with Discord's
 * `enforce_nonce`, so sending it again within Discord's nonce window never posts it twice.
 */
export interface DigestPublisher {
  /**
   * Sends the digest's pages in order, except those already in the channel.
   *
   * @param found per page, the id of the message already posted for it (from `find`), or `undefined`.
   * @returns the ids of every page's message, in order.
   * @throws DeliveryUnknownError when a page's fate is unknown (the connection dropped); any other
   *   error when the channel refuses the message (403, unknown channel, ...).
   */
  post(digest: Digest, target: DigestTarget, found?: readonly (string | undefined)[]): Promise<string[]>;
  /**
   * Looks in the channel for the digest's pages posted since `since` (an ISO date-time, the earliest
   * moment they can have been sent).
   *
   * @returns per page, the id of its message, or `undefined` when it is certainly not there.
   * @throws DeliveryUnknownError when the channel could not be read far enough back to be sure.
   */
  find(digest: Digest, target: DigestTarget & { since: string }): Promise<(string | undefined)[]>;
}

/**
 * How long Discord is trusted to remember a message nonce. It documents only "the past few minutes"
 * (https://discord.com/developers/docs/resources/message#create-message-jsonform-params), so a
 * pending digest whose channel cannot be searched is resent only within this time of its claim.
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

function keepInDoubt(context: CoreContext, key: DigestTarget, error: DeliveryUnknownError): void {
  recordDigestInDoubt(context.database, key, describeFailure(error));
  context.logger.warn({ ...key, err: error }, 'digest may have been posted; settled before any resend');
}

/**
 * Settles a digest claimed earlier (`pending`: the bot stopped, or a send's outcome was unknown)
 * before anything is sent again: the channel is searched for its pages, and when some are certainly
 * absent the claim is renewed so the caller sends only those. When the channel cannot be searched,
 * the pages are resent only while Discord still remembers their nonces (`nonceWindowMs`).
 *
 * @returns per page the message already posted, or a hole to send; `undefined` when the outcome is
 *   still unknown (the entry stays pending, with the reason).
 */
async function settlePending(
  context: CoreContext,
  pending: DigestEntry,
  digest: Digest,
  publisher: DigestPublisher,
  now: Date,
): Promise<(string | undefined)[] | undefined> {
  const key = { channelId: pending.channelId, localDate: pending.localDate };
  try {
    const found = await publisher.find(digest, { ...key, since: pending.window.from });
    if (found.includes(undefined)) recordDigestPending(context.database, pending, now.toISOString());
    return found;
  } catch (error) {
    if (!(error instanceof DeliveryUnknownError)) throw error;
    if (now.getTime() - Date.parse(pending.updatedAt) <= nonceWindowMs) return [];
    keepInDoubt(context, key, error);
    return undefined;
  }
}

/**
 * Runs one channel's digest for one local date, exactly once across retries, restarts, dropped
 * connections and `/digest now`, using the ledger: an entry already `posted` or `empty` is left
 * alone (so is a `failed` one unless `retryFailed`). A `pending` one keeps its window and is settled
 * first (`settlePending`: its pages are looked for in the channel, and only those certainly absent
 * are sent, with the same nonces). Otherwise the window runs from the end of the channel's last
 * posted (or empty) digest, or from setup, to `now`; it is recorded `pending` durably before
 * anything is sent. The digest is `composeDigest`'s: with a language model its key points are the
 * model's, each story's call counted against the server's daily limit. A send whose outcome is
 * unknown stays `pending` with the reason; a refused one is recorded `failed`; both are logged, not
 * thrown, so one server's broken channel never stops another's digest.
 *
 * @returns the ledger entry as it stands afterwards.
 * @throws only when the database itself fails (the entry then stays as last durably written).
 */
export async function runDigest(
  context: CoreContext,
  request: { settings: DigestSettings; localDate: string; now: Date; retryFailed: boolean },
  publisher: DigestPublisher,
): Promise<DigestEntry | undefined> {
  const { database, config, logger } = context;
  const { settings, localDate } = request;
  const key = { channelId: settings.channelId, localDate };
  const now = request.now.toISOString();
  const read = () => readDigestEntry(database, key.channelId, localDate);
  const existing = read();
  if (existing?.state === 'posted' || existing?.state === 'empty') return existing;
  if (existing?.state === 'failed' && !request.retryFailed) return existing;
  const pending = existing?.state === 'pending' ? existing : undefined;
  const window = pending?.window ?? { from: findDigestWindowStart(context, settings), to: now };
  if (!pending) recordDigestPending(database, { ...key, guildId: settings.guildId, window }, now);

  const digest = await composeDigest(context, window, {
    backfillDays: config.DIGEST_BACKFILL_DAYS,
    guildId: settings.guildId,
  });
  if (digest.items.length === 0 && !config.DIGEST_POST_EMPTY) {
    recordDigestOutcome(database, key, { state: 'empty' }, now);
    return read();
  }
  const found = pending ? await settlePending(context, pending, digest, publisher, request.now) : [];
  if (!found) return read();
  const complete = found.length > 0 && found.every((id) => id !== undefined);
  let messageIds: string[];
  try {
    messageIds = complete ? found : await publisher.post(digest, key, found);
  } catch (error) {
    if (error instanceof DeliveryUnknownError) keepInDoubt(context, key, error);
    else {
      recordDigestOutcome(database, key, { state: 'failed', reason: describeFailure(error) }, now);
      logger.warn({ ...key, err: error }, 'digest could not be posted');
    }
    return read();
  }
  // Only a refused send counts as failed: if this write itself fails, the entry stays pending and the
  // next run finds its pages in the channel instead of posting them again.
  recordDigestOutcome(database, key, { state: 'posted', messageIds }, now);
  logger.info({ ...key, items: digest.items.length, messages: messageIds.length }, 'digest posted');
  return read();
}
