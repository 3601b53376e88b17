import { type Client, DiscordAPIError } from 'discord.js';
import type { Digest } from '../digest/buildDigest.js';
import { createDigestNonce, type DigestPublisher } from '../digest/runDigest.js';
import { NewsdeskError } from '../errors.js';
import { renderDigest } from './renderDigest.js';
import { noMentions } from './sendPages.js';

function describeRefusal(error: unknown): string {
  if (error instanceof DiscordAPIError) return `Discord refused: ${error.message} (HTTP ${error.status})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Builds the publisher `runDigest` posts with: renders the digest (`renderDigest`) and sends its
 * pages in order to the channel, each with `allowedMentions: { parse: [] }` and a nonce derived from
 * channel, local date and part (`createDigestNonce`) with `enforceNonce`, so Discord answers a resend
 * within its nonce window with the message it already created instead of a second one
 * (https://discord.com/developers/docs/resources/message#create-message-jsonform-params).
 *
 * @returns the publisher; it resolves with the message ids in order, and throws a NewsdeskError
 *   (`code: 'digest_refused'`) naming Discord's reason when the channel is unknown, not a text channel,
 *   or refuses the message (403 Missing Access or Missing Permissions).
 */
export function createDigestPublisher(client: Client): DigestPublisher {
  return async (digest: Digest, { channelId, localDate }) => {
    try {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable())
        throw new Error(`channel ${channelId} is not a channel the bot can post in`);
      const messageIds: string[] = [];
      for (const [part, page] of renderDigest(digest, `Daily digest · ${localDate}`).entries()) {
        const message = await channel.send({
          ...page,
          allowedMentions: noMentions,
          nonce: createDigestNonce(channelId, localDate, part),
          enforceNonce: true,
        });
        messageIds.push(message.id);
      }
      return messageIds;
    } catch (error) {
      throw new NewsdeskError('digest_refused', describeRefusal(error), { cause: error });
    }
  };
}
