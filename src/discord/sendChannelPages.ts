import { createHash } from 'node:crypto';
import type { Message, SendableChannels } from 'discord.js';
import type { ReplyPage } from './packEmbeds.js';
import { noMentions } from './sendPages.js';

/** Discord allows nonces of up to 25 characters (discord.com/developers/docs/resources/message#create-message-jsonform-params). */
const nonceLength = 25;

function createReplyNonce(eventId: string, part: number): string {
  return createHash('sha256').update(`reply:${eventId}:${part}`).digest('hex').slice(0, nonceLength);
}

/**
 * Posts a rendered reply in a channel or thread as the bot: the first page as a reply to `replyTo`
 * (Discord's message_reference, so the chain of questions stays visible; a deleted target is not an
 * error), the others after it, each with `allowedMentions: { parse: [] }` (the reply pings nobody)
 * and a nonce derived from `eventId` and the part with `enforceNonce`: Discord answers a resend within
 * a few minutes with the message it already created, so the REST client resends one whose connection
 * dropped without posting it twice. Needs the Send Messages (in
 * Threads) permission, unlike interaction replies.
 *
 * @param options.eventId the interaction or message this reply answers (not `replyTo`: two questions
 *   following up one answer get two replies).
 * @param options.signal checked before every message, so nothing is sent once the router gave up.
 * @returns the messages sent, in order.
 * @throws the signal's reason when aborted, or discord.js's error when Discord refuses a message.
 */
export async function sendChannelPages(
  channel: SendableChannels,
  pages: ReplyPage[],
  options: { replyTo: string; eventId: string; signal?: AbortSignal },
): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [index, page] of pages.entries()) {
    options.signal?.throwIfAborted();
    const reply = index === 0 ? { reply: { messageReference: options.replyTo, failIfNotExists: false } } : {};
    const nonce = createReplyNonce(options.eventId, index);
    sent.push(
      await channel.send({ ...page, ...reply, allowedMentions: noMentions, nonce, enforceNonce: true }),
    );
  }
  return sent;
}
