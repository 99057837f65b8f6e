import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createServer, preview, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';

/**
 * Serving a built folder on this machine, with Vite: its preview server (a static server) for
 * `npm start`, its dev server for `npm start -- --watch`, where the open pages reload after each
 * rebuild. Vite's client script is a same-origin file and talks over a same-origin WebSocket, so
 * the pages' Content-Security-Policy (`script-src 'self'`, `connect-src 'self'`) lets it run.
 */

export interface ServeOptions {
  /** The built folder to serve (`build/`). */
  dir: string;
  /** Default 127.0.0.1: only this machine can see it. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

export interface Served {
  /** Where the folder's root is served, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

export interface Watching extends Served {
  /** Tells the open pages to reload. */
  reload(): void;
}

function urlOf(server: PreviewServer | ViteDevServer, host: string): string {
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') {
    throw new Error('The server did not report its port');
  }
  return `http://${host}:${address.port}/`;
}

const shared = {
  configFile: false as const,
  logLevel: 'warn' as const,
  clearScreen: false,
  appType: 'mpa' as const,
};

/**
 * How the preview server sends a page, changed in two ways for long pages. It compresses every
 * response on the fly, and it reads a page whole (and hashes it) before the first byte goes
 * out: for a 13 MB page, ~100 ms before anything arrived, and its stylesheet waited behind the
 * compressing, which put off the first paint by hundreds of milliseconds. On this machine the
 * bytes cost nothing: pages (`…/` and `…/index.html`) are streamed from the file as they are,
 * and nothing is compressed (the compression step is skipped when a request accepts no
 * encoding).
 */
function streamedPages(dir: string): Plugin {
  return {
    name: 'marginalia-streamed-pages',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        delete request.headers['accept-encoding'];
        if (request.method !== 'GET' && request.method !== 'HEAD') return next();
        const file = pageFile(dir, request.url ?? '/');
        if (file === undefined) return next();
        stat(file).then(
          (found) => {
            if (!found.isFile()) return next();
            response.writeHead(200, {
              'Content-Type': 'text/html; charset=utf-8',
              'Content-Length': found.size,
              'Cache-Control': 'no-cache',
            });
            if (request.method === 'HEAD') return response.end();
            createReadStream(file).on('error', next).pipe(response);
          },
          () => next(),
        );
      });
    },
  };
}

/** The page file a URL names inside `dir` (`/a/` → `dir/a/index.html`), or `undefined`. */
function pageFile(dir: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (!pathname.endsWith('/') && !pathname.endsWith('/index.html')) return undefined;
  const file = path.resolve(dir, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  return file.startsWith(`${dir}${path.sep}`) ? file : undefined;
}

/** Serves `dir` as static files (Vite's preview server). */
export async function serveStatic(options: ServeOptions): Promise<Served> {
  const host = options.host ?? '127.0.0.1';
  const dir = path.resolve(options.dir);
  const server = await preview({
    ...shared,
    // The preview server serves `build.outDir`, which Vite wants inside its root, not the root itself.
    root: path.dirname(dir),
    build: { outDir: dir },
    preview: { host, port: options.port ?? 0, strictPort: true, open: false },
    plugins: [streamedPages(dir)],
  });
  return { url: urlOf(server, host), close: () => server.close() };
}

/**
 * Serves `dir` with live reload (Vite's dev server). Vite does not watch `dir` itself: the
 * caller rebuilds it and then calls `reload()`, so a page never reloads halfway through a build.
 */
export async function serveWatching(options: ServeOptions): Promise<Watching> {
  const host = options.host ?? '127.0.0.1';
  const root = path.resolve(options.dir);
  const server = await createServer({
    ...shared,
    root,
    server: {
      host,
      port: options.port ?? 0,
      strictPort: true,
      open: false,
      watch: { ignored: (file: string) => path.resolve(file).startsWith(root) },
    },
    optimizeDeps: { noDiscovery: true, entries: [] },
  });
  await server.listen();
  return {
    url: urlOf(server, host),
    close: () => server.close(),
    reload: () => server.ws.send({ type: 'full-reload', path: '*' }),
  };
}
