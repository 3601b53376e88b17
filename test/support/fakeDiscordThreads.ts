import { createMessageData, createThreadData, type FakeIdentity } from './fakeDiscordPayloads.js';
import type { FakeAnswer } from './fakeDiscordRoutes.js';
import type { RecordedRequest } from './recordedRequest.js';

/** What the fake remembers about channels beyond its one text channel. */
export interface FakeChannels {
  /** Threads by id, as Discord returns them; they come back in GUILD_CREATE after a reconnect. */
  threads: Map<string, ReturnType<typeof createThreadData>>;
  /** The channel each dispatched interaction (by token) was used in, so its messages land there. */
  interactionChannels: Map<string, string>;
  /** Tokens of interactions answered or deferred privately: their original response is ephemeral. */
  ephemeralInteractions: Set<string>;
}

/**
 * Answers the thread and channel routes as Discord would, or `undefined` to leave a request to the
 * other routes: starting a thread from a message (a second start gets 400, code 160004; the thread
 * shares the message's id), fetching a channel or thread, the typing indicator, deleting an
 * interaction's original response, messages sent in a thread or in answer to an interaction used
 * there, and the ephemeral flag (64) on the edited original response of a private interaction.
 * discord.com/developers/docs/resources/channel#start-thread-from-message
 */
export function answerChannelRoute(
  identity: FakeIdentity,
  request: RecordedRequest,
  channels: FakeChannels,
): FakeAnswer | undefined {
  const { method, path } = request;
  const body = request.body as Record<string, unknown>;
  const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(path);
  const callbackFlags = (body as { data?: { flags?: number } }).data?.flags ?? 0;
  if (method === 'POST' && callback && (callbackFlags & 64) !== 0)
    channels.ephemeralInteractions.add(callback[1] ?? '');
  const webhook = /^\/webhooks\/\d+\/([^/]+)(\/messages\/[^/]+)?$/.exec(path);
  const token = webhook?.[1] ?? '';
  if (method === 'PATCH' && webhook && channels.ephemeralInteractions.has(token)) {
    return [
      200,
      createMessageData(identity, { ...body, flags: 64 }, channels.interactionChannels.get(token)),
    ];
  }
  const startThread = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
  if (method === 'POST' && startThread) {
    const [, parentId = '', messageId = ''] = startThread;
    if (channels.threads.has(messageId)) {
      return [400, { message: 'A thread has already been created for this message', code: 160004 }];
    }
    const name = String(body.name);
    const thread = createThreadData(identity, {
      id: messageId,
      parentId,
      ownerId: identity.applicationId,
      name,
    });
    channels.threads.set(messageId, thread);
    return [201, thread];
  }
  const channel = /^\/channels\/(\d+)(\/typing|\/messages)?$/.exec(path);
  if (method === 'GET' && channel && !channel[2]) {
    const id = channel[1] ?? '';
    if (id === identity.channelId) return [200, { id, type: 0, guild_id: identity.guildId, name: 'news' }];
    return channels.threads.has(id)
      ? [200, channels.threads.get(id)]
      : [404, { message: 'Unknown Channel', code: 10003 }];
  }
  if (method === 'POST' && channel?.[2] === '/typing') return [204, undefined];
  if (method === 'DELETE' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path))
    return [204, undefined];
  if (method === 'POST' && channel?.[2] === '/messages' && channels.threads.has(channel[1] ?? '')) {
    return [200, createMessageData(identity, body, channel[1])];
  }
  const threadId = webhook && channels.interactionChannels.get(token);
  if (threadId && channels.threads.has(threadId) && ['POST', 'PATCH'].includes(method)) {
    return [200, createMessageData(identity, body, threadId)];
  }
  return undefined;
}
