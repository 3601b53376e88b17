import { type Client, DiscordAPIError, type Message, type SendableChannels } from 'discord.js';
import type { Digest } from '../digest/buildDigest.js';
import { createDigestNonce, type DigestPublisher, type DigestTarget } from '../digest/runDigest.js';
import { DeliveryUnknownError, NewsdeskError } from '../errors.js';
import { isDeliveryUnknown } from './deliveryOutcome.js';
import { findChannelMessages } from './findChannelMessages.js';
import type { ReplyPage } from './packEmbeds.js';
import { renderDigest } from './renderDigest.js';
import { noMentions } from './sendPages.js';

function describeRefusal(error: unknown): string {
  if (error instanceof DiscordAPIError) return `Discord refused: ${error.message} (HTTP ${error.status})`;
  return error instanceof Error ? error.message : String(error);
}

function renderPages(digest: Digest, { localDate }: DigestTarget): ReplyPage[] {
  return renderDigest(digest, `Daily digest · ${localDate}`);
}

async function fetchChannel(client: Client, channelId: string): Promise<SendableChannels> {
  const channel = await client.channels.fetch(channelId);
  if (!channel?.isSendable()) throw new Error(`channel ${channelId} is not a channel the bot can post in`);
  return channel;
}

// What identifies a page among the channel's messages: Discord does not return nonces when messages
// are fetched, but the same window renders the same text and embed titles (the first page's title
// carries the local date).
function describePage(page: {
  content?: string | null;
  embeds: readonly { title?: string | null }[];
}): string {
  return JSON.stringify([page.content ?? '', page.embeds.map((embed) => embed.title ?? '')]);
}

/**
 * Builds the publisher `runDigest` posts with. `post` renders the digest (`renderDigest`) and sends
 * the pages not yet found, in order, each with `allowedMentions: { parse: [] }` and a nonce derived
 * from channel, local date and part (`createDigestNonce`) with `enforceNonce`, so Discord answers a
 * resend within its nonce window with the message it already created instead of a second one
 * (https://discord.com/developers/docs/resources/message#create-message-jsonform-params); the REST
 * client resends such a message itself when its connection drops. `find` searches the channel
 * (`findChannelMessages`) for the bot's messages rendering each page.
 *
 * @returns the publisher. `post` throws DeliveryUnknownError when a page's fate is unknown (the
 *   connection dropped, see `isDeliveryUnknown`), and a NewsdeskError (`code: 'digest_refused'`)
 *   naming Discord's reason when the channel is unknown, not a text channel, or refuses the message
 *   (403 Missing Access or Missing Permissions). `find` throws DeliveryUnknownError for any failure.
 */
export function createDigestPublisher(client: Client): DigestPublisher {
  return {
    async post(digest, target, found = []) {
      try {
        const channel = await fetchChannel(client, target.channelId);
        const messageIds: string[] = [];
        for (const [part, page] of renderPages(digest, target).entries()) {
          const message =
            found[part] ??
            (
              await channel.send({
                ...page,
                allowedMentions: noMentions,
                nonce: createDigestNonce(target.channelId, target.localDate, part),
                enforceNonce: true,
              })
            ).id;
          messageIds.push(message);
        }
        return messageIds;
      } catch (error) {
        if (isDeliveryUnknown(error))
          throw new DeliveryUnknownError(`the connection dropped: ${describeRefusal(error)}`, {
            cause: error,
          });
        throw new NewsdeskError('digest_refused', describeRefusal(error), { cause: error });
      }
    },
    async find(digest, target) {
      let channel: SendableChannels;
      try {
        channel = await fetchChannel(client, target.channelId);
      } catch (error) {
        throw new DeliveryUnknownError(`could not check the channel: ${describeRefusal(error)}`, {
          cause: error,
        });
      }
      const isOwn = (message: Message) => message.author.id === client.user?.id;
      const posted = await findChannelMessages(channel, new Date(target.since), isOwn);
      // Oldest first, each message for one page only: had a page been posted twice, the first counts.
      const unclaimed = posted.sort((first, second) => (BigInt(first.id) < BigInt(second.id) ? -1 : 1));
      return renderPages(digest, target).map((page) => {
        const index = unclaimed.findIndex((message) => describePage(message) === describePage(page));
        return index < 0 ? undefined : unclaimed.splice(index, 1)[0]?.id;
      });
    },
  };
}
