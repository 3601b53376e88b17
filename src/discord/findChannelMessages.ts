import type { Message, SendableChannels } from 'discord.js';
import { DeliveryUnknownError } from '../errors.js';

/** Get Channel Messages returns at most 100 at a time (discord.com/developers/docs/resources/message#get-channel-messages). */
const pageSize = 100;
/** How far back a search reads, in pages: beyond 1,000 messages an absence is not certain. */
const maxPages = 10;
/** Our clock and Discord's may disagree by this much, in milliseconds. */
const clockSkewMs = 5 * 60_000;

/**
 * The messages of a channel sent since `since` (less 5 minutes for clock skew) that `matches`:
 * read back from the newest, 100 at a time, at most 1,000 messages. A message not in
 * the result is certainly not in the channel (unless deleted). Needs View Channel and Read Message
 * History.
 *
 * @throws DeliveryUnknownError when the channel cannot be read (any error, including a dropped
 *   connection) or holds more than 1,000 messages since then, so an absence would not be certain.
 */
export async function findChannelMessages(
  channel: SendableChannels,
  since: Date,
  matches: (message: Message) => boolean,
): Promise<Message[]> {
  const earliest = since.getTime() - clockSkewMs;
  const found: Message[] = [];
  let before: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    let batch: Message[];
    try {
      batch = [...(await channel.messages.fetch({ limit: pageSize, ...(before && { before }) })).values()];
    } catch (error) {
      throw new DeliveryUnknownError(`could not read the channel's messages: ${describe(error)}`, {
        cause: error,
      });
    }
    found.push(...batch.filter((message) => message.createdTimestamp >= earliest && matches(message)));
    const oldest = batch.reduce<Message | undefined>(
      (older, message) => (older && older.createdTimestamp <= message.createdTimestamp ? older : message),
      undefined,
    );
    if (!oldest || batch.length < pageSize || oldest.createdTimestamp < earliest) return found;
    before = oldest.id;
  }
  throw new DeliveryUnknownError(`more than ${maxPages * pageSize} messages since ${since.toISOString()}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
