import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { request } from 'undici';
import { checkFeedUrl } from './checkFeedUrl.js';
import { createFeedAgent, type LookupFunction } from './createFeedAgent.js';
import { createHostQueue } from './createHostQueue.js';
import { describeHttpStatus, readRetryAfter } from './describeHttpStatus.js';
import { FeedError } from './feedError.js';
import { toFeedError } from './toFeedError.js';

/** The limits and manners of every request newsdesk makes for feeds, pages and robots.txt. */
export interface FetchPolicy {
  userAgent: string;
  allowPrivateNetwork: boolean;
  /** Milliseconds for TCP and TLS connecting. */
  connectTimeoutMs: number;
  /** Milliseconds for one whole request, from connecting to the body's last byte. */
  timeoutMs: number;
  /** Largest body read, in bytes; a larger one is abandoned. */
  maxBytes: number;
  /** Milliseconds between the end of one request to a host and the start of the next. */
  hostPauseMs: number;
  /** Resolver for host names; `dns.lookup` by default (tests resolve test names to 127.0.0.1). */
  lookup?: LookupFunction;
}

/** What is fetched: a feed (XML or JSON), an article page (HTML) or a robots.txt (any text). */
export type ResourceKind = 'feed' | 'page' | 'robots';

export interface FetchRequest {
  kind: ResourceKind;
  /** Validators from the previous response, sent back exactly as received (conditional GET). */
  etag?: string | null;
  lastModified?: string | null;
}

/** A response newsdesk can use: 200 with its body, or 304 (not modified) without one. */
export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  status: number;
  body: Buffer | null;
  contentType: string | undefined;
  etag: string | null;
  lastModified: string | null;
}

export interface FeedFetcher {
  /**
   * GETs `url`, following at most 5 redirects, each target checked as the first (`checkFeedUrl`,
   * and at connect time by the agent). Requests to one host run one at a time, `hostPauseMs` apart
   * (or the site's Crawl-delay, see slowDown); after a 429 or 503 with `Retry-After`, the host gets
   * no request from this fetcher before that time.
   *
   * @throws FeedError with an admin's wording: refused addresses, HTTP errors (`retryAfterMs` set
   *   from `Retry-After` on 429 and 503), `waiting` while the host asked to wait, time-outs, bodies
   *   over `maxBytes`, the wrong content type.
   */
  fetch(url: string, fetchRequest: FetchRequest): Promise<FetchedResource>;
  /** Leaves at least `pauseMs` milliseconds between requests to `host` (a robots.txt Crawl-delay). */
  slowDown(host: string, pauseMs: number): void;
  /** Closes the agent's connections. */
  close(): Promise<void>;
}

/** RFC 9110 allows any number; browsers stop at 20. Five is plenty for a feed or an article. */
const maxRedirects = 5;

const accepted: Record<ResourceKind, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8',
  page: 'text/html, application/xhtml+xml;q=0.9',
  robots: 'text/plain',
};

function checkContentType(kind: ResourceKind, contentType: string | undefined): void {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  // A missing type is common on small sites; the parser then says whether the body is a feed.
  if (type === undefined || type === '') return;
  // Feeds served as plain text (raw files on code hosts) are common enough; the parser then decides.
  if (kind === 'feed' && !/xml|json/.test(type) && type !== 'text/plain')
    throw new FeedError('not_a_feed', `not a feed: got ${type}`);
  if (kind === 'page' && !/html/.test(type)) throw new FeedError('not_a_page', `not a web page: got ${type}`);
}

function describeSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;
}

/**
 * Builds the one fetcher a poll uses (see `FeedFetcher.fetch`), with its undici Agent and its queue
 * per host (createHostQueue).
 */
export function createFeedFetcher(policy: FetchPolicy): FeedFetcher {
  const agent = createFeedAgent(policy);
  const hosts = createHostQueue(policy.hostPauseMs);
  const seconds = `${Math.round(policy.timeoutMs / 100) / 10} s`;

  async function readBody(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of body) {
      length += chunk.length;
      if (length > policy.maxBytes) {
        body.destroy();
        throw new FeedError(
          'too_large',
          `too large: more than ${describeSize(policy.maxBytes)} (FEED_MAX_BYTES)`,
        );
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async function requestOnce(url: URL, fetchRequest: FetchRequest) {
    const headers: Record<string, string> = {
      'user-agent': policy.userAgent,
      'accept-encoding': 'gzip, deflate, br',
      accept: accepted[fetchRequest.kind],
    };
    if (fetchRequest.etag) headers['if-none-match'] = fetchRequest.etag;
    if (fetchRequest.lastModified) headers['if-modified-since'] = fetchRequest.lastModified;
    const signal = AbortSignal.timeout(policy.timeoutMs);
    try {
      const response = await request(url, {
        dispatcher: agent,
        method: 'GET',
        headers,
        signal,
        headersTimeout: policy.timeoutMs,
        bodyTimeout: policy.timeoutMs,
      });
      const header = (name: string): string | undefined => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const isBodyNeeded = response.statusCode >= 200 && response.statusCode < 300;
      if (!isBodyNeeded) {
        await response.body.dump();
        return { status: response.statusCode, header, body: null };
      }
      const declared = Number(header('content-length'));
      if (declared > policy.maxBytes) {
        abandon(response.body);
        throw new FeedError(
          'too_large',
          `too large: ${describeSize(declared)}, more than ${describeSize(policy.maxBytes)} (FEED_MAX_BYTES)`,
        );
      }
      try {
        checkContentType(fetchRequest.kind, header('content-type'));
      } catch (error) {
        abandon(response.body);
        throw error;
      }
      return {
        status: response.statusCode,
        header,
        body: await readBody(decompress(response.body, header('content-encoding'))),
      };
    } catch (error) {
      throw toFeedError(error, signal.aborted, seconds);
    }
  }

  return {
    async fetch(text, fetchRequest) {
      let url = checkFeedUrl(text, policy.allowPrivateNetwork);
      for (let hop = 0; hop <= maxRedirects; hop += 1) {
        const response = await hosts.run(url.host, () => requestOnce(url, fetchRequest));
        const location = response.header('location');
        if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
          url = checkFeedUrl(location, policy.allowPrivateNetwork, url.href);
          continue;
        }
        if (response.status === 304 || response.body !== null) {
          return {
            url: url.href,
            status: response.status,
            body: response.body,
            contentType: response.header('content-type'),
            etag: response.header('etag') ?? null,
            lastModified: response.header('last-modified') ?? null,
          };
        }
        const retryAfterMs =
          response.status === 429 || response.status === 503
            ? readRetryAfter(response.header('retry-after'), new Date())
            : undefined;
        if (retryAfterMs !== undefined) hosts.holdOff(url.host, Date.now() + retryAfterMs);
        throw new FeedError(String(response.status), describeHttpStatus(response.status), {
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        });
      }
      throw new FeedError('redirects', `more than ${maxRedirects} redirects; give the final address instead`);
    },
    slowDown: (host, pauseMs) => hosts.slowDown(host, pauseMs),
    close: () => agent.close(),
  };
}

/** Decoders for the encodings newsdesk asks for (`accept-encoding`), by their header names. */
const decoders: Record<string, () => NodeJS.ReadWriteStream & { destroy(): void }> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Compressed bodies cost the site less; node:zlib undoes them here (undici 7's decompress interceptor
 * is experimental and warns on every run), so the size limit counts the bytes after decompression.
 * An unknown encoding is read as it came, and fails as a feed or page that cannot be parsed.
 */
function decompress(
  body: AsyncIterable<Buffer> & NodeJS.ReadableStream & { destroy(): void },
  encoding: string | undefined,
): AsyncIterable<Buffer> & { destroy(): void } {
  const name = (encoding ?? '').trim().toLowerCase();
  const decoder = decoders[name];
  if (decoder === undefined) return body;
  const stream = body.pipe(decoder());
  stream.on('error', () => body.destroy());
  async function* inflated(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
    } catch (error) {
      throw new FeedError('bad_encoding', `the body is not valid ${name} (Content-Encoding)`, {
        cause: error,
      });
    }
  }
  return Object.assign(inflated(), {
    destroy: () => {
      body.destroy();
      stream.destroy();
    },
  });
}

// Destroying an unread body makes it emit an abort error, which nobody awaits any more.
function abandon(body: { on(event: 'error', listener: () => void): unknown; destroy(): void }): void {
  body.on('error', () => undefined);
  body.destroy();
}
