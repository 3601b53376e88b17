import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';
import { createSignal } from './createSignal.js';
import { createInteractionData, type SlashCommandInvocation } from './fakeDiscordInteractions.js';
import {
  createGuildData,
  createReadyData,
  createSnowflake,
  type FakeIdentity,
} from './fakeDiscordPayloads.js';
import {
  answerAcknowledgement,
  answerChannelHistory,
  answerChannelMessage,
  answerWithRateLimit,
  type ChannelMessage,
  type FakeAnswer,
} from './fakeDiscordRoutes.js';
import { answerChannelRoute, type FakeChannels } from './fakeDiscordThreads.js';
import { type RecordedRequest, recordRequest } from './recordedRequest.js';
import { waitForRecord } from './waitForRecord.js';

export { memberPermissions } from './fakeDiscordPayloads.js';
export { type MessageBody, type RecordedRequest, readMessageBody } from './recordedRequest.js';

/** An interaction the fake dispatched, with what a test needs to find the bot's answers to it. */
export interface DispatchedInteraction {
  id: string;
  token: string;
  /** `performance.now()` just before the INTERACTION_CREATE frame was sent, in milliseconds. */
  dispatchedAt: number;
}

export interface FakeDiscord extends FakeIdentity {
  /** REST base for discord.js's `rest.api` option (discord.js appends `/v10`). */
  apiUrl: string;
  requests: RecordedRequest[];
  /** Resolves once a bot has identified on the gateway. */
  waitForIdentify(): Promise<void>;
  dispatchCommand(invocation: SlashCommandInvocation): DispatchedInteraction;
  /** Sends an INTERACTION_CREATE with this payload (see `fakeDiscordInteractions.ts`). */
  dispatchInteraction(data: { id: string; token: string; channel_id: string }): DispatchedInteraction;
  /** Sends any other gateway dispatch, e.g. MESSAGE_CREATE or THREAD_CREATE. */
  dispatch(event: string, data: object): void;
  /** Threads by id: those the bot started and those a test added. */
  threads: FakeChannels['threads'];
  /** Resolves with the first recorded request (past or future) that matches; rejects after `timeoutMs`. */
  waitForRequest(
    matches: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** The calls the bot made in answer to one interaction, in order. */
  requestsFor(interaction: DispatchedInteraction): RecordedRequest[];
  /** Answers the next matching request with 429 and `retry-after` (seconds), as Discord's rate limiter does. */
  rateLimitNext(matches: (request: RecordedRequest) => boolean, retryAfterSeconds: number): void;
  /** Answers the next matching request with `status` and Discord's error body, e.g. 403 Missing Access. */
  failNext(
    matches: (request: RecordedRequest) => boolean,
    status: number,
    error: { message: string; code: number },
  ): void;
  /**
   * Drops the connection of the next matching request without an answer, as a reset between the bot
   * and Discord does: `'before'` Discord saw it (nothing happens, nothing is recorded), `'after'` Discord
   * carried it out (recorded, its effects kept) but the answer never arrived.
   */
  resetNext(matches: (request: RecordedRequest) => boolean, moment: 'before' | 'after'): void;
  /** Messages created in channels; a resend with a used `nonce` and `enforce_nonce` adds none, as on Discord. */
  channelMessages: ChannelMessage[];
  /** Forgets every nonce used so far, as Discord does after "a few minutes": a resend then posts again. */
  forgetNonces(): void;
  /** Resolves when the bot's gateway connection has closed. */
  waitForGatewayClose(): Promise<void>;
  /** Closes every gateway connection with this close code, as Discord does, e.g. 4004 after a token reset. */
  closeGateway(code: number): void;
  close(): Promise<void>;
}

/**
 * Starts a fake Discord on 127.0.0.1 (random port): the REST routes newsdesk uses and a gateway that
 * speaks enough of discord.com/developers/docs/events/gateway for discord.js to log in.
 */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  const identity: FakeIdentity = {
    applicationId: createSnowflake(),
    guildId: createSnowflake(),
    channelId: createSnowflake(),
  };
  const requests: RecordedRequest[] = [];
  const waiters = new Set<() => void>();
  const rateLimits: { matches: (request: RecordedRequest) => boolean; retryAfterSeconds: number }[] = [];
  const failures: { matches: (request: RecordedRequest) => boolean; answer: FakeAnswer }[] = [];
  const resets: { matches: (request: RecordedRequest) => boolean; moment: 'before' | 'after' }[] = [];
  const acknowledged = new Set<string>();
  const channelMessages: FakeDiscord['channelMessages'] = [];
  const nonces = new Map<string, ChannelMessage>();
  const channels: FakeChannels = {
    threads: new Map(),
    interactionChannels: new Map(),
    ephemeralInteractions: new Set(),
  };
  const sockets = new Set<WebSocket>();
  let sequence = 0;
  let identified = createSignal();
  let gatewayClosed = createSignal();

  const server = createServer((request, response) => {
    void answerRest(request, response);
  });
  const gateway = new WebSocketServer({ server, path: '/gateway' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  async function answerRest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const recorded = await recordRequest(request);
    const resetIndex = resets.findIndex((rule) => rule.matches(recorded));
    const reset = resetIndex >= 0 ? resets.splice(resetIndex, 1)[0] : undefined;
    if (reset?.moment === 'before') return void response.socket?.destroy();
    const limitIndex = rateLimits.findIndex((rule) => rule.matches(recorded));
    const failureIndex = failures.findIndex((rule) => rule.matches(recorded));
    const [status, payload, headers] =
      limitIndex >= 0
        ? answerWithRateLimit(rateLimits.splice(limitIndex, 1)[0]?.retryAfterSeconds ?? 1)
        : failureIndex >= 0
          ? (failures.splice(failureIndex, 1)[0]?.answer ?? [500, undefined])
          : (answerAcknowledgement(recorded, acknowledged) ??
            answerChannelRoute(identity, recorded, channels) ??
            answerChannelHistory(identity, recorded, channelMessages) ??
            answerChannelMessage(identity, gatewayUrl, recorded, channelMessages, nonces));
    recorded.status = status;
    recorded.response = payload;
    requests.push(recorded);
    for (const wake of waiters) wake();
    if (reset) return void response.socket?.destroy();
    // A 204 carries no body and, as from Discord, no content type: discord.js would try to parse it.
    response.writeHead(
      status,
      payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
    );
    response.end(payload === undefined ? undefined : JSON.stringify(payload));
  }

  gateway.on('connection', (socket) => {
    sockets.add(socket);
    const send = (payload: object) => socket.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { op: number };
      if (frame.op === 1) send({ op: 11, d: null, s: null, t: null });
      if (frame.op !== 2) return;
      send({ op: 0, t: 'READY', s: ++sequence, d: createReadyData(identity, gatewayUrl) });
      send({
        op: 0,
        t: 'GUILD_CREATE',
        s: ++sequence,
        d: createGuildData(identity, [...channels.threads.values()]),
      });
      identified.resolve();
    });
    socket.on('close', () => {
      sockets.delete(socket);
      gatewayClosed.resolve();
      gatewayClosed = createSignal();
      identified = createSignal();
    });
  });

  function dispatch(event: string, data: object): void {
    const frame = JSON.stringify({ op: 0, t: event, s: ++sequence, d: data });
    for (const socket of sockets) socket.send(frame);
  }

  function dispatchInteraction(data: {
    id: string;
    token: string;
    channel_id: string;
  }): DispatchedInteraction {
    channels.interactionChannels.set(data.token, data.channel_id);
    const dispatchedAt = performance.now();
    dispatch('INTERACTION_CREATE', data);
    return { id: data.id, token: data.token, dispatchedAt };
  }

  return {
    ...identity,
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    waitForIdentify: () => identified.promise,
    dispatchCommand(invocation) {
      const thread = invocation.channelId ? channels.threads.get(invocation.channelId) : undefined;
      return dispatchInteraction(createInteractionData(identity, invocation, thread));
    },
    dispatchInteraction,
    dispatch,
    threads: channels.threads,
    waitForRequest: (matches, timeoutMs = 10_000) => waitForRecord(requests, waiters, matches, timeoutMs),
    requestsFor: (interaction) =>
      requests.filter(
        (request) => request.path.includes(interaction.token) || request.path.includes(interaction.id),
      ),
    rateLimitNext(matches, retryAfterSeconds) {
      rateLimits.push({ matches, retryAfterSeconds });
    },
    failNext(matches, status, error) {
      failures.push({ matches, answer: [status, error] });
    },
    resetNext(matches, moment) {
      resets.push({ matches, moment });
    },
    channelMessages,
    forgetNonces: () => nonces.clear(),
    waitForGatewayClose: () => gatewayClosed.promise,
    closeGateway(code) {
      for (const socket of sockets) socket.close(code);
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
