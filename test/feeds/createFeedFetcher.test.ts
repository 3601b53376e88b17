import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedFetcher, type FetchPolicy } from '../../src/feeds/createFeedFetcher.js';
import type { FeedError } from '../../src/feeds/feedError.js';
import { type NewsSite, reply, startNewsSite } from '../support/newsSite.js';

let site: NewsSite;
beforeEach(async () => {
  site = await startNewsSite();
});
afterEach(() => site.close());

const policy: FetchPolicy = {
  userAgent: 'newsdesk-test/1.0 (+https://example.org/newsdesk)',
  allowPrivateNetwork: true,
  connectTimeoutMs: 2000,
  timeoutMs: 2000,
  maxBytes: 10_000,
  hostPauseMs: 0,
};

const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

async function fetchError(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    return error as FeedError;
  }
  throw new Error('expected the fetch to fail');
}

/** Serves `body` at `path` as already compressed with `encoding` (sent as Content-Encoding). */
function serveEncoded(path: string, type: string, encoding: string, body: Buffer | string): void {
  site.routes.set(path, (_request, response) => {
    response.writeHead(200, { 'content-type': type, 'content-encoding': encoding });
    response.end(body);
  });
}

describe('createFeedFetcher', () => {
  it('sends a User-Agent naming newsdesk and returns the body with its validators', async () => {
    site.routes.set(
      '/feed',
      reply('application/rss+xml', rss, {
        etag: 'W/"abc"',
        'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT',
      }),
    );
    const fetcher = createFeedFetcher(policy);
    const fetched = await fetcher.fetch(site.url('/feed'), { kind: 'feed' });
    await fetcher.close();
    expect(fetched).toMatchObject({
      status: 200,
      etag: 'W/"abc"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(fetched.body?.toString()).toBe(rss);
    expect(site.requests[0]?.headers['user-agent']).toBe(policy.userAgent);
  });

  it('sends the validators back exactly and returns a 304 without a body', async () => {
    site.routes.set('/feed', (request, response) => {
      const fresh =
        request.headers['if-none-match'] === 'W/"abc"' &&
        request.headers['if-modified-since'] === 'Tue, 01 Dec 2026 10:00:00 GMT';
      response.writeHead(fresh ? 304 : 200, { 'content-type': 'application/rss+xml' });
      response.end(fresh ? undefined : rss);
    });
    const fetcher = createFeedFetcher(policy);
    const fetched = await fetcher.fetch(site.url('/feed'), {
      kind: 'feed',
      etag: 'W/"abc"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    await fetcher.close();
    expect(fetched).toMatchObject({ status: 304, body: null });
  });

  it('reports a 429 with how long Retry-After asks to wait', async () => {
    site.routes.set('/feed', reply('text/plain', 'slow down', { 'retry-after': '120' }, 429));
    const fetcher = createFeedFetcher(policy);
    const error = await fetchError(fetcher.fetch(site.url('/feed'), { kind: 'feed' }));
    await fetcher.close();
    expect(error).toMatchObject({ code: '429', retryAfterMs: 120_000 });
    expect(error.message).toBe(
      '429 Too Many Requests: the site asks newsdesk to slow down; it waits before trying again',
    );
  });

  it('says a 403 means the site blocks automated readers', async () => {
    site.routes.set('/feed', reply('text/html', '<h1>Forbidden</h1>', {}, 403));
    const fetcher = createFeedFetcher(policy);
    const error = await fetchError(fetcher.fetch(site.url('/feed'), { kind: 'feed' }));
    await fetcher.close();
    expect(error.message).toBe('403 Forbidden: the site blocks automated readers');
  });

  it('refuses an HTML page given as a feed', async () => {
    site.routes.set('/feed', reply('text/html; charset=utf-8', '<html></html>'));
    const fetcher = createFeedFetcher(policy);
    const error = await fetchError(fetcher.fetch(site.url('/feed'), { kind: 'feed' }));
    await fetcher.close();
    expect(error).toMatchObject({ code: 'not_a_feed', message: 'not a feed: got text/html' });
  });

  it('refuses a redirect to the cloud metadata address without requesting it', async () => {
    site.routes.set(
      '/feed',
      reply('text/plain', '', { location: 'http://169.254.169.254/latest/meta-data/' }, 302),
    );
    const fetcher = createFeedFetcher(policy);
    const error = await fetchError(fetcher.fetch(site.url('/feed'), { kind: 'feed' }));
    await fetcher.close();
    expect(error.code).toBe('refused');
    expect(error.message).toContain('169.254.169.254 is a cloud metadata address');
  });

  it('refuses, when connecting, a redirected host name that resolves to a refused address', async () => {
    site.routes.set('/feed', reply('text/plain', '', { location: '/next' }, 301));
    site.routes.set(
      '/next',
      reply('text/plain', '', { location: `http://rebound.test:${new URL(site.origin).port}/feed.xml` }, 302),
    );
    // The name resolves to 0.0.0.0 ("this host"), refused on any network; were the check missing,
    // Linux would connect to this machine, never anywhere else.
    const fetcher = createFeedFetcher({
      ...policy,
      lookup: (_name, _options, callback) => callback(null, [{ address: '0.0.0.0', family: 4 }]),
    });
    const error = await fetchError(fetcher.fetch(site.url('/feed'), { kind: 'feed' }));
    await fetcher.close();
    expect(error.message).toMatch(
      /^refused: rebound\.test resolves to 0\.0\.0\.0, the unspecified address; newsdesk never fetches such an address/,
    );
    expect(site.requestsFor('/feed.xml')).toHaveLength(0);
  });

  it('refuses a loopback IP literal and a name resolving to loopback without sending a request', async () => {
    const fetcher = createFeedFetcher({ ...policy, allowPrivateNetwork: false });
    const literal = await fetchError(fetcher.fetch(site.url('/feed'), { kind: 'feed' }));
    const named = await fetchError(
      fetcher.fetch(`http://localhost:${new URL(site.origin).port}/feed`, { kind: 'feed' }),
    );
    await fetcher.close();
    expect(literal.message).toMatch(/^refused: 127\.0\.0\.1 is a loopback address; /);
    expect(named.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address; /);
    expect(site.requests).toHaveLength(0);
  });

  it('stops after five redirects', async () => {
    site.routes.set('/loop', reply('text/plain', '', { location: '/loop' }, 302));
    const fetcher = createFeedFetcher(policy);
    const error = await fetchError(fetcher.fetch(site.url('/loop'), { kind: 'feed' }));
    await fetcher.close();
    expect(error.code).toBe('redirects');
    expect(site.requests).toHaveLength(6);
  });

  it('abandons a page over the size limit, announced or not', async () => {
    site.routes.set('/big', reply('text/html', 'x'.repeat(20_000), { 'content-length': '20000' }));
    site.routes.set('/streamed', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      for (let chunk = 0; chunk < 20; chunk += 1) response.write('y'.repeat(1000));
      response.end();
    });
    const fetcher = createFeedFetcher(policy);
    const announced = await fetchError(fetcher.fetch(site.url('/big'), { kind: 'page' }));
    const streamed = await fetchError(fetcher.fetch(site.url('/streamed'), { kind: 'page' }));
    await fetcher.close();
    expect(announced).toMatchObject({
      code: 'too_large',
      message: 'too large: 20 KB, more than 10 KB (FEED_MAX_BYTES)',
    });
    expect(streamed.message).toBe('too large: more than 10 KB (FEED_MAX_BYTES)');
  });

  it('reads a gzip-compressed feed, and counts the size limit after decompression', async () => {
    serveEncoded('/feed', 'application/rss+xml', 'gzip', gzipSync(rss));
    serveEncoded('/bomb', 'text/html', 'gzip', gzipSync(' '.repeat(1_000_000)));
    const fetcher = createFeedFetcher(policy);
    const fetched = await fetcher.fetch(site.url('/feed'), { kind: 'feed' });
    const bomb = await fetchError(fetcher.fetch(site.url('/bomb'), { kind: 'page' }));
    await fetcher.close();
    expect(fetched.body?.toString()).toBe(rss);
    expect(site.requests[0]?.headers['accept-encoding']).toMatch(/gzip/);
    expect(bomb.message).toBe('too large: more than 10 KB (FEED_MAX_BYTES)');
  });

  it('reads brotli and deflate bodies, and says so when a compressed body is broken', async () => {
    serveEncoded('/br', 'application/rss+xml', 'br', brotliCompressSync(rss));
    serveEncoded('/deflate', 'application/rss+xml', 'deflate', deflateSync(rss));
    serveEncoded('/broken', 'application/rss+xml', 'gzip', 'not gzip at all');
    const fetcher = createFeedFetcher(policy);
    const brotli = await fetcher.fetch(site.url('/br'), { kind: 'feed' });
    const deflated = await fetcher.fetch(site.url('/deflate'), { kind: 'feed' });
    const broken = await fetchError(fetcher.fetch(site.url('/broken'), { kind: 'feed' }));
    await fetcher.close();
    expect(brotli.body?.toString()).toBe(rss);
    expect(deflated.body?.toString()).toBe(rss);
    expect(broken).toMatchObject({
      code: 'bad_encoding',
      message: 'the body is not valid gzip (Content-Encoding)',
    });
  });

  it('gives up on a page that never finishes', async () => {
    site.routes.set('/slow', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>The start of an article');
    });
    const fetcher = createFeedFetcher({ ...policy, timeoutMs: 300 });
    const error = await fetchError(fetcher.fetch(site.url('/slow'), { kind: 'page' }));
    await fetcher.close();
    expect(error).toMatchObject({ code: 'timeout', message: 'timed out after 0.3 s' });
  });

  it('sends one request at a time to a host, with the pause between them', async () => {
    site.routes.set('/a', (_request, response) => {
      setTimeout(() => reply('text/html', '<p>a</p>')(_request, response), 100);
    });
    const fetcher = createFeedFetcher({ ...policy, hostPauseMs: 200 });
    await Promise.all([
      fetcher.fetch(site.url('/a'), { kind: 'page' }),
      fetcher.fetch(site.url('/a'), { kind: 'page' }),
    ]);
    await fetcher.close();
    const [first, second] = site.requests;
    expect(second?.startedAt).toBeGreaterThanOrEqual((first?.endedAt ?? Number.POSITIVE_INFINITY) + 190);
  });
});
