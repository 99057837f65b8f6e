/**
 * The local server, on `node:http` alone (nothing of it needs a development tool): a built
 * folder as static files (`static-files.ts`), and, for watch and edit mode, hooks that add the
 * server's own endpoints under `/__marginalia/` and a snippet in every page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { servePrefix } from '../editor/protocol.ts';
import { fileOf, fileStat, sendFile } from './static-files.ts';

export interface ServeOptions {
  /** The built folder to serve (`build/`). */
  dir: string;
  /** Default 127.0.0.1: only this machine can see it. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

export interface ServeHooks {
  /** Inserted before `</head>` in every page, and served as the page for a missing one. */
  snippet?: string;
  /**
   * Answers the requests under `/__marginalia/` (given the path after it); resolves false for
   * a path it does not know (then: 404).
   */
  endpoint?: (request: IncomingMessage, response: ServerResponse, route: string) => Promise<boolean>;
  /** Checked before anything else; a reason refuses the request with 403. */
  guard?: (request: IncomingMessage) => string | undefined;
}

export interface Served {
  /** Where the folder's root is served, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` as static files. */
export function serveStatic(options: ServeOptions): Promise<Served> {
  return serveFolder(options, {});
}

/** Serves `dir`, with the hooks of watch or edit mode. */
export async function serveFolder(options: ServeOptions, hooks: ServeHooks): Promise<Served> {
  const root = path.resolve(options.dir);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    handle(root, hooks, request, response).catch((cause: unknown) => {
      if (response.headersSent) response.destroy();
      else plain(response, 500, `Internal error: ${(cause as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  root: string,
  hooks: ServeHooks,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const refused = hooks.guard?.(request);
  if (refused !== undefined) return plain(response, 403, refused);
  const url = request.url ?? '/';
  const pathname = url.split('?')[0] ?? '/';
  if (pathname.startsWith(servePrefix)) {
    const known = await hooks.endpoint?.(request, response, pathname.slice(servePrefix.length));
    if (!known) plain(response, 404, 'Not found');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return plain(response, 405, 'Method not allowed');
  }
  const file = fileOf(root, url);
  if (file === undefined) return plain(response, 404, 'Not found');
  const found = await fileStat(file);
  if (found !== undefined) return sendFile(request, response, file, found, hooks.snippet);
  if (!pathname.endsWith('/') && (await fileStat(path.join(file, 'index.html'))) !== undefined) {
    response.writeHead(301, { Location: `${pathname}/${url.slice(pathname.length)}` });
    response.end();
    return;
  }
  if (hooks.snippet !== undefined && (pathname.endsWith('/') || pathname.endsWith('.html'))) {
    // A page not built (yet): a page of its own, so that the problems show and it loads once built.
    return page(response, request, 404, hooks.snippet);
  }
  plain(response, 404, 'Not found');
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  response.end(`${text}\n`);
}

function page(response: ServerResponse, request: IncomingMessage, status: number, snippet: string): void {
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'">` +
    `<title>Not built · Marginalia</title>${snippet}</head>` +
    `<body><p>This page is not built. If its article has problems, they show here; it loads once it builds.</p></body></html>\n`;
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
