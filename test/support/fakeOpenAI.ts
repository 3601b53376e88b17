import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actLike, type FakeServer } from './fakeServers.js';

/** One scripted response of the fake; replies are used in order, one per request to their endpoint. */
export type FakeReply =
  /** A JSON body with a status (200 by default), extra headers and an optional delay in milliseconds. */
  | { status?: number; body: unknown; headers?: Record<string, string>; delayMs?: number }
  /** A body sent as is with `content-type: application/json`, for malformed responses. */
  | { status?: number; raw: string }
  /** Never answers; the connection stays open until the client gives up or the fake closes. */
  | { hang: true };

/** A request the fake received: its path under the base URL, headers and parsed JSON body. */
export interface FakeOpenAIRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface FakeOpenAI {
  /** For `OPENAI_BASE_URL`: `http://127.0.0.1:<port>/v1`. */
  baseURL: string;
  requests: FakeOpenAIRequest[];
  /** Queues replies for `/v1/chat/completions`; with none queued it answers 500. */
  queueChat(...replies: FakeReply[]): void;
  /** From now on, treats scripted chat replies the way `server`'s family does (`openai` at first). */
  behaveLike(server: FakeServer): void;
  /** Queues replies for `/v1/embeddings`; with none queued it embeds with the `embedWith` function. */
  queueEmbeddings(...replies: FakeReply[]): void;
  /** How unscripted embedding requests turn text into a vector (a 4-dimensional constant by default). */
  embedWith(embed: (text: string) => number[]): void;
  /** The recorded requests to one endpoint, e.g. `'/chat/completions'`. */
  requestsTo(path: string): FakeOpenAIRequest[];
  close(): Promise<void>;
}

/** A Chat Completions response whose message content is `content` (JSON-encoded unless a string). */
export function chatReply(
  content: unknown,
  options: { refusal?: string; finishReason?: string } = {},
): FakeReply {
  return {
    body: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_770_000_000,
      model: 'fake-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: typeof content === 'string' ? content : JSON.stringify(content),
            refusal: options.refusal ?? null,
          },
          finish_reason: options.finishReason ?? 'stop',
        },
      ],
      usage: { prompt_tokens: 321, completion_tokens: 45, total_tokens: 366 },
    },
  };
}

/** An OpenAI-shaped error response, e.g. `errorReply(429, { 'retry-after-ms': '10' })`. */
export function errorReply(status: number, headers: Record<string, string> = {}): FakeReply {
  return { status, headers, body: { error: { message: `fake error ${status}`, type: 'fake', code: null } } };
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(response: ServerResponse, reply: FakeReply): void {
  if ('hang' in reply) return;
  const status = reply.status ?? 200;
  const text = 'raw' in reply ? reply.raw : JSON.stringify(reply.body);
  const headers = 'raw' in reply ? {} : (reply.headers ?? {});
  const write = () =>
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
  if ('delayMs' in reply && reply.delayMs) setTimeout(write, reply.delayMs);
  else write();
}

/**
 * Starts a fake OpenAI-compatible server on 127.0.0.1 (random port) speaking enough of
 * `/v1/chat/completions` and `/v1/embeddings` for the real `openai` client. Tests script its replies
 * (bodies, status codes, delays, hangs, malformed JSON), make it behave like a server family
 * (`behaveLike`, see `FakeServer`) and read the requests it recorded.
 */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const chatQueue: FakeReply[] = [];
  const embeddingQueue: FakeReply[] = [];
  const requests: FakeOpenAIRequest[] = [];
  let embed = (_text: string): number[] => [1, 0, 0, 0];
  let server: FakeServer = 'openai';

  const httpServer = createServer(async (request, response) => {
    const path = (request.url ?? '').replace(/^\/v1/, '');
    const body = await readBody(request);
    requests.push({ path, headers: request.headers, body });
    if (path === '/chat/completions') {
      send(response, actLike(server, body, chatQueue.shift() ?? errorReply(500)));
    } else if (path === '/embeddings') {
      const input = body.input as string[];
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) }));
      send(response, embeddingQueue.shift() ?? { body: { object: 'list', data, model: body.model } });
    } else {
      send(response, errorReply(404));
    }
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    queueChat: (...replies) => chatQueue.push(...replies),
    behaveLike(family) {
      server = family;
    },
    queueEmbeddings: (...replies) => embeddingQueue.push(...replies),
    embedWith(fn) {
      embed = fn;
    },
    requestsTo: (path) => requests.filter((request) => request.path === path),
    close() {
      httpServer.closeAllConnections();
      return new Promise((resolve) => httpServer.close(() => resolve()));
    },
  };
}
