// A fake OutlookCommit site for browser tests that need the API to misbehave on purpose: the built add-in
// (dist/) and the API's endpoints, both answered by Playwright route interception at a loopback origin
// (nothing listens there, so a request let through to the network is really refused).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Page, Request, Route } from 'playwright-core';
import { distDir, freePort } from './harness';

/** How the fake API answers one request. */
export type Reply =
  /** An HTTP answer: JSON (`json`) or raw text (`body`), after `afterMs`. */
  | { status?: number; json?: unknown; body?: string; contentType?: string; afterMs?: number }
  /** A network failure (Playwright's route.abort error code: connectionrefused, connectionreset, …). */
  | { network: string; afterMs?: number }
  /** Never answers. */
  | { hang: true }
  /** Goes to the real network: the connection is refused, unless a real server listens at the origin's port. */
  | { passThrough: true };

export type Responder = Reply | ((request: Request) => Reply);

export interface SeenRequest {
  method: string;
  /** Path and query, e.g. /api/commitments?status=open. */
  path: string;
  /** The parsed JSON body, or the raw text. */
  body: unknown;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export const problem = (status: number, title: string, detail?: string): Reply => ({
  status,
  contentType: 'application/problem+json',
  json: { type: `https://tools.ietf.org/html/rfc9110#section-15.${status >= 500 ? 6 : 5}`, title, status, detail, traceId: '00-abc-def-00' },
});

export class FakeSite {
  readonly requests: SeenRequest[] = [];
  /** Replies that came too late: the page had given up (aborted) before they could be delivered. */
  readonly undelivered: string[] = [];
  private readonly table = new Map<string, Responder>();

  private constructor(readonly origin: string) {}

  static async create(): Promise<FakeSite> {
    return new FakeSite(`http://127.0.0.1:${await freePort()}`);
  }

  /** Sets how `METHOD /path` (with or without its query) is answered from now on. */
  on(method: string, path: string, responder: Responder): this {
    this.table.set(`${method.toUpperCase()} ${path}`, responder);
    return this;
  }

  /** The bodies the page sent to `METHOD /path` (query ignored). */
  sent(method: string, path: string): unknown[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path.split('?')[0] === path).map((r) => r.body);
  }

  /** Serves this site to the page (call before page.goto). */
  async attach(page: Page): Promise<void> {
    await page.route(`${this.origin}/**`, (route, request) => this.handle(route, request));
  }

  private async handle(route: Route, request: Request): Promise<void> {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/health') return this.serveFile(route, url.pathname);
    const method = request.method();
    const path = `${url.pathname}${url.search}`;
    const raw = request.postData();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      /* keep the text */
    }
    this.requests.push({ method, path, body });
    const responder = this.table.get(`${method} ${path}`) ?? this.table.get(`${method} ${url.pathname}`);
    const reply: Reply = !responder
      ? problem(404, 'Not Found')
      : typeof responder === 'function'
        ? responder(request)
        : responder;
    if ('hang' in reply) return;
    if ('passThrough' in reply) return route.continue().catch(() => undefined);
    if (reply.afterMs) await new Promise((r) => setTimeout(r, reply.afterMs));
    try {
      if ('network' in reply) await route.abort(reply.network);
      else
        await route.fulfill({
          status: reply.status ?? 200,
          contentType: reply.contentType ?? (reply.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8'),
          body: reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? ''),
        });
    } catch {
      this.undelivered.push(`${method} ${path}`); // the page aborted the request first
    }
  }

  private serveFile(route: Route, pathname: string): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(distDir, relative);
    if (!file.startsWith(distDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  }
}

/**
 * A real server at the site's own origin (pages still come from route interception) that answers a 200 and the
 * first bytes of a JSON answer, then nothing more: what route interception cannot do (a worker stuck mid-answer).
 * Reach it with { passThrough: true }.
 */
export async function stallingServer(site: FakeSite): Promise<{ close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"outcome":');
  });
  await new Promise<void>((r) => server.listen(Number(new URL(site.origin).port), '127.0.0.1', r));
  return {
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
