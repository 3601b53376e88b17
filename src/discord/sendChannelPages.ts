import type { Message, SendableChannels } from 'discord.js';
import type { ReplyPage } from './packEmbeds.js';
import { noMentions } from './sendPages.js';

/**
 * Posts a rendered reply in a channel or thread as the bot: the first page as a reply to `replyTo`
 * (Discord's message_reference, so the chain of questions stays visible; a deleted target is not an
 * error), the others after it, each with `allowedMentions: { parse: [] }` (the reply pings nobody).
 * Needs the Send Messages (in Threads) permission, unlike interaction replies.
 *
 * @param options.signal checked before every message, so nothing is sent once the router gave up.
 * @returns the messages sent, in order.
 * @throws the signal's reason when aborted, or discord.js's error when Discord refuses a message.
 */
export async function sendChannelPages(
  channel: SendableChannels,
  pages: ReplyPage[],
  options: { replyTo: string; signal?: AbortSignal },
): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [index, page] of pages.entries()) {
    options.signal?.throwIfAborted();
    const reply = index === 0 ? { reply: { messageReference: options.replyTo, failIfNotExists: false } } : {};
    sent.push(await channel.send({ ...page, ...reply, allowedMentions: noMentions }));
  }
  return sent;
}
