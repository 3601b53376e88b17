import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  createGuildData,
  createInteractionData,
  createReadyData,
  createSnowflake,
  type FakeIdentity,
  type SlashCommandInvocation,
} from './fakeDiscordPayloads.js';
import {
  answerChannelMessage,
  answerWithRateLimit,
  type ChannelMessage,
  type FakeAnswer,
} from './fakeDiscordRoutes.js';
import type { RecordedRequest } from './recordedRequest.js';

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
  /** Messages created in channels; a resend with a used `nonce` and `enforce_nonce` adds none, as on Discord. */
  channelMessages: ChannelMessage[];
  /** Resolves when the bot's gateway connection has closed. */
  waitForGatewayClose(): Promise<void>;
  close(): Promise<void>;
}

/** A promise with its resolver outside, for "this has happened" moments (Node 20 lacks `Promise.withResolvers`). */
function createSignal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * Starts a fake Discord on 127.0.0.1 (random port): the REST routes newsdesk uses and a gateway that
 * speaks enough of https://discord.com/developers/docs/events/gateway for discord.js to log in.
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
  const channelMessages: ChannelMessage[] = [];
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
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ''),
      query: url.searchParams,
      headers: request.headers,
      body: text && request.headers['content-type']?.includes('json') ? JSON.parse(text) : text,
      status: 0,
      receivedAt: performance.now(),
    };
    const limitIndex = rateLimits.findIndex((rule) => rule.matches(recorded));
    const failureIndex = failures.findIndex((rule) => rule.matches(recorded));
    const [status, payload, headers] =
      limitIndex >= 0
        ? answerWithRateLimit(rateLimits.splice(limitIndex, 1)[0]?.retryAfterSeconds ?? 1)
        : failureIndex >= 0
          ? (failures.splice(failureIndex, 1)[0]?.answer ?? [500, undefined])
          : answerChannelMessage(identity, gatewayUrl, recorded, channelMessages);
    recorded.status = status;
    requests.push(recorded);
    for (const wake of waiters) wake();
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
      send({ op: 0, t: 'GUILD_CREATE', s: ++sequence, d: createGuildData(identity) });
      identified.resolve();
    });
    socket.on('close', () => {
      sockets.delete(socket);
      gatewayClosed.resolve();
      gatewayClosed = createSignal();
      identified = createSignal();
    });
  });

  return {
    ...identity,
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    waitForIdentify: () => identified.promise,
    dispatchCommand(invocation) {
      const data = createInteractionData(identity, invocation);
      const frame = JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++sequence, d: data });
      const dispatchedAt = performance.now();
      for (const socket of sockets) socket.send(frame);
      return { id: data.id, token: data.token, dispatchedAt };
    },
    waitForRequest(matches, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.find(matches);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
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
    channelMessages,
    waitForGatewayClose: () => gatewayClosed.promise,
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
