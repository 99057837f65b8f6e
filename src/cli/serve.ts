/**
 * `marginalia serve [PATH…] [--out DIR] [--port N] [--host H] [--watch] [--edit] [--base-url URL]`:
 * builds the articles and serves them on this machine until interrupted (`src/serve/site.ts`).
 */
import { parseArgs } from 'node:util';
import type { Io } from './main.ts';

export const serveUsage = `Usage: marginalia serve [PATH…] [options]

Builds the articles (default PATH: article/) and serves them on this machine, printing the
address of each, until interrupted (Ctrl+C).

Options:
  --out DIR       output folder (default: build/)
  --port N        port (default: 4173; 0 for any free port)
  --host H        address to listen on (default: 127.0.0.1)
  --watch         rebuild an article when its files change, and reload its open pages
  --edit          watch, and let the pages edit the claims files (127.0.0.1 only)
  --base-url URL  address the built pages will be published under
  -h, --help      show this help
`;

/** Runs the server; resolves with the exit code once it stops (SIGINT or SIGTERM). */
export async function serve(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', default: 'build' },
        port: { type: 'string', default: '4173' },
        host: { type: 'string', default: '127.0.0.1' },
        watch: { type: 'boolean', default: false },
        edit: { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    io.stderr(`marginalia serve: ${(cause as Error).message}`);
    io.stderr('Run `marginalia serve --help` for usage.');
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(serveUsage);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/u.test(values.port) || port > 65535) {
    io.stderr(`marginalia serve: --port must be a port number, not "${values.port}"`);
    return 2;
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/u.test(baseUrl)) {
    io.stderr(`marginalia serve: --base-url must be an http(s) address, not "${baseUrl}"`);
    return 2;
  }
  const { serveSite, ServeError } = await import('../serve/site.ts');
  let site;
  try {
    site = await serveSite({
      paths: positionals.length > 0 ? positionals : ['article'],
      out: values.out,
      host: values.host,
      port,
      watch: values.watch,
      edit: values.edit,
      ...(baseUrl === undefined ? {} : { baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/` }),
      stdout: io.stdout,
      stderr: io.stderr,
    });
  } catch (cause) {
    if (cause instanceof ServeError) {
      io.stderr(`marginalia serve: ${cause.message}`);
      return cause.exitCode;
    }
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.stderr(`marginalia serve: cannot listen on ${values.host}:${port} (${code}): try another --port`);
      return 2;
    }
    throw cause;
  }
  const running = site;
  return new Promise<number>((resolve) => {
    const stop = (): void => void running.close().then(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
