import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the site received: method, path with query, and headers. */
export interface SiteRequest {
  path: string;
  headers: IncomingMessage['headers'];
  startedAt: number;
  endedAt?: number;
}

/** A path's handler; it may answer asynchronously (or never, for a page that never finishes). */
export type SiteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A small news site on 127.0.0.1: routes by path (query included when one is routed so), a request log. */
export interface NewsSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  routes: Map<string, SiteHandler>;
  requests: SiteRequest[];
  /** Requests for `path` (with or without its query). */
  requestsFor(path: string): SiteRequest[];
  close(): Promise<void>;
}

/** Answers with a body of `type`, `200` unless told. */
export function reply(
  type: string,
  body: string,
  headers: Record<string, string> = {},
  status = 200,
): SiteHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': type, ...headers });
    response.end(body);
  };
}

/**
 * Starts a site that speaks plain HTTP/1.1 with node:http, for the fetcher and poll tests: unknown
 * paths get 404. Nothing listens anywhere but 127.0.0.1.
 */
export async function startNewsSite(): Promise<NewsSite> {
  const routes = new Map<string, SiteHandler>();
  const requests: SiteRequest[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const entry: SiteRequest = { path, headers: request.headers, startedAt: performance.now() };
    requests.push(entry);
    response.on('close', () => {
      entry.endedAt = performance.now();
    });
    const handler = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    void handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    routes,
    requests,
    requestsFor: (path) =>
      requests.filter((request) => request.path.split('?')[0] === path || request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
