import type { IncomingMessage } from 'node:http';
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
  const sendsMessage =
    /^\/(webhooks|channels)\//.test(request.path) && ['POST', 'PATCH'].includes(request.method);
  return sendsMessage ? body : undefined;
}
