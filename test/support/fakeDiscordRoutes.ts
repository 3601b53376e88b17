import { createMessageData, createSnowflake, type FakeIdentity } from './fakeDiscordPayloads.js';
import type { MessageBody, RecordedRequest } from './recordedRequest.js';

/** A fake's answer: status, JSON payload (none for 204) and extra headers. */
export type FakeAnswer = [number, unknown, Record<string, string>?];

/** Discord's 429: discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit */
export function answerWithRateLimit(retryAfterSeconds: number): FakeAnswer {
  const body = { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false };
  return [429, body, { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' }];
}

/**
 * Discord's rule that an interaction is acknowledged once: a second callback for the same token gets
 * 400 with JSON code 40060; `undefined` for the first one and every other request. Tokens go to `seen`.
 * discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
 */
export function answerAcknowledgement(request: RecordedRequest, seen: Set<string>): FakeAnswer | undefined {
  const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(request.path);
  if (request.method !== 'POST' || !callback) return undefined;
  const token = callback[1] ?? '';
  if (!seen.has(token)) return void seen.add(token);
  return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
}

/**
 * Answers the REST routes newsdesk uses as Discord would; anything else gets Discord's 404 shape.
 * discord.com/developers/docs/interactions/receiving-and-responding#endpoints
 */
export function answerFakeRest(
  identity: FakeIdentity,
  gatewayUrl: string,
  request: RecordedRequest,
): FakeAnswer {
  const { method, path, body } = request;
  if (method === 'GET' && path === '/gateway/bot') {
    const limit = { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 };
    return [200, { url: gatewayUrl, shards: 1, session_start_limit: limit }];
  }
  if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
  if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(path)) {
    return [200, createMessageData(identity, body as Record<string, unknown>)];
  }
  if (method === 'POST' && /^\/(webhooks\/\d+\/[^/]+|channels\/\d+\/messages)$/.test(path)) {
    return [200, createMessageData(identity, body as Record<string, unknown>)];
  }
  if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
    const commands = (body as Record<string, unknown>[]).map((command) => ({
      ...command,
      id: createSnowflake(),
      application_id: identity.applicationId,
      version: createSnowflake(),
    }));
    return [200, commands];
  }
  return [404, { message: '404: Not Found', code: 0 }];
}

/** A message the fake created in a channel, as members would see it. */
export interface ChannelMessage {
  id: string;
  nonce?: string;
  body: MessageBody;
  /** The message object as Discord returns it when the channel's messages are fetched (no nonce). */
  data: Record<string, unknown>;
}

/**
 * `answerFakeRest`, plus Discord's nonce rule for channel messages: a create with `enforce_nonce` and a
 * nonce still in `nonces` (Discord remembers them "in the past few minutes") gets the first message
 * back and creates none. Created messages go to `created`, their nonces to `nonces`.
 * discord.com/developers/docs/resources/message#create-message-jsonform-params
 */
export function answerChannelMessage(
  identity: FakeIdentity,
  gatewayUrl: string,
  request: RecordedRequest,
  created: ChannelMessage[],
  nonces: Map<string, ChannelMessage>,
): FakeAnswer {
  const answer = answerFakeRest(identity, gatewayUrl, request);
  const isChannelMessage = request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path);
  if (!isChannelMessage || answer[0] !== 200) return answer;
  const body = request.body as MessageBody & { nonce?: string; enforce_nonce?: boolean };
  const known = body.enforce_nonce && body.nonce ? nonces.get(body.nonce) : undefined;
  if (known) return [200, { ...known.data, nonce: known.nonce }];
  const data = answer[1] as Record<string, unknown> & { id: string };
  const message = { id: data.id, ...(body.nonce ? { nonce: body.nonce } : {}), body, data };
  created.push(message);
  if (body.nonce) nonces.set(body.nonce, message);
  return [200, { ...data, ...(body.nonce ? { nonce: body.nonce } : {}) }];
}

/**
 * Get Channel Messages for the fake's text channel: newest first, at most `limit` (default 50, at
 * most 100), only those `before` or `after` a message id when asked; nonces are not returned.
 * discord.com/developers/docs/resources/message#get-channel-messages
 */
export function answerChannelHistory(
  identity: FakeIdentity,
  request: RecordedRequest,
  created: readonly ChannelMessage[],
): FakeAnswer | undefined {
  if (request.method !== 'GET' || request.path !== `/channels/${identity.channelId}/messages`)
    return undefined;
  const limit = Math.min(Number(request.query.get('limit') ?? 50), 100);
  const before = request.query.get('before');
  const after = request.query.get('after');
  const messages = created
    .filter((message) => !before || BigInt(message.id) < BigInt(before))
    .filter((message) => !after || BigInt(message.id) > BigInt(after))
    .sort((first, second) => (BigInt(second.id) > BigInt(first.id) ? 1 : -1));
  // With `after`, Discord returns the messages just after it (the oldest of those newer), still newest first.
  const page = after ? messages.slice(-limit) : messages.slice(0, limit);
  return [200, page.map((message) => message.data)];
}
