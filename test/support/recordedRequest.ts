import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { APIEmbed } from 'discord.js';

/** One REST call the bot made, as the fake received it. `path` drops the `/api/v10` prefix. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON when the request sent JSON, else the raw text. */
  body: unknown;
  /** The status the fake answered with. */
  status: number;
  /** The JSON the fake answered with (a sent message, a thread), if any. */
  response?: unknown;
  /** `performance.now()` when the request had been read, in milliseconds. */
  receivedAt: number;
}

/** The message part of a request body, as Discord defines it for create and edit message calls. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  allowed_mentions?: { parse?: string[] };
}

/**
 * The message a request carries, or `undefined` when it carries none: interaction callbacks of type 4
 * (reply) hold it in `data`; webhook and channel message calls are the message.
 */
export function readMessageBody(request: RecordedRequest | undefined): MessageBody | undefined {
  if (!request) return undefined;
  const body = request.body as { type?: number; data?: MessageBody } & MessageBody;
  if (request.path.endsWith('/callback')) return body.type === 4 ? body.data : undefined;
  // Not thread starts, typing indicators or deletions: only message creates and edits.
  const sendsMessage =
    /^\/(webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?|channels\/\d+\/messages(\/\d+)?)$/.test(request.path) &&
    ['POST', 'PATCH'].includes(request.method);
  return sendsMessage ? body : undefined;
}

/** Reads a request the fake received into a record (`status` 0 until the fake has answered). */
export async function recordRequest(request: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  return {
    method: request.method ?? 'GET',
    path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ''),
    query: url.searchParams,
    headers: request.headers,
    body: text && request.headers['content-type']?.includes('json') ? JSON.parse(text) : text,
    status: 0,
    receivedAt: performance.now(),
  };
}
