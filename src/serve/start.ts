import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveStatic, serveWatching, type Served } from './serve.ts';

/**
 * `npm start`: builds the articles with `marginalia build`, then serves the built folder on
 * this machine and prints its address. With `--watch`, every change in `article/` rebuilds and
 * reloads the open pages. Options: `--watch`, `--port N` (default 4173), `--host H` (default
 * 127.0.0.1), `--articles DIR` (default `article`), `--out DIR` (default `build`).
 */

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A failure of `npm start`, with the exit code it ends with (1: the build failed, 2: usage). */
export class StartError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

export interface StartOptions {
  watch: boolean;
  port: number;
  host: string;
  articles: string;
  out: string;
}

export function parseStartArgs(argv: readonly string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        watch: { type: 'boolean', default: false },
        port: { type: 'string', default: '4173' },
        host: { type: 'string', default: '127.0.0.1' },
        articles: { type: 'string', default: 'article' },
        out: { type: 'string', default: 'build' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new StartError(error instanceof Error ? error.message : String(error), 2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StartError(`--port must be a port number, not ${values.port}`, 2);
  return { watch: values.watch, port, host: values.host, articles: values.articles, out: values.out };
}

/**
 * Runs `marginalia build ARTICLES --out OUT`; resolves to its exit code. What the build prints
 * goes to `log` line by line; its problems (standard error) go straight to the terminal.
 */
export function runBuild(
  options: Pick<StartOptions, 'articles' | 'out'>,
  log: (line: string) => void = console.log,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repository, 'bin/marginalia.js'), 'build', options.articles, '--out', options.out],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) log(line);
    });
    child.on('error', () => resolve(1));
    child.on('close', (code) => {
      if (pending !== '') log(pending);
      resolve(code ?? 1);
    });
  });
}

/** The addresses of the built articles (folders of `out` with an index.html). */
async function articleUrls(out: string, base: string): Promise<string[]> {
  const entries = await readdir(out, { withFileTypes: true }).catch(() => []);
  const slugs = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && entry.name !== 'assets' && !entry.name.startsWith('.'))
      .map(async (entry) =>
        (await readdir(path.join(out, entry.name)).catch((): string[] => [])).includes('index.html')
          ? entry.name
          : '',
      ),
  );
  return slugs.filter((slug) => slug !== '').map((slug) => `${base}${slug}/`);
}

/** Builds, serves and (with `watch`) rebuilds on changes; resolves once the server listens. */
export async function start(
  options: StartOptions,
  log: (line: string) => void = console.log,
): Promise<Served> {
  const code = await runBuild(options, log);
  if (code !== 0 && !options.watch)
    throw new StartError(`marginalia build failed (exit ${code}); nothing to serve`, 1);
  const serveOptions = { dir: options.out, host: options.host, port: options.port };
  if (!options.watch) {
    const served = await serveStatic(serveOptions);
    printUrls(log, served.url, await articleUrls(options.out, served.url));
    return served;
  }
  const served = await serveWatching(serveOptions);
  printUrls(log, served.url, await articleUrls(options.out, served.url));
  log(`Watching ${options.articles}/ for changes: the open page reloads after each build.`);
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true;
      return;
    }
    do {
      again = false;
      building = runBuild(options, log).then((exit) => {
        if (exit === 0) served.reload();
        else log('The build failed: the page keeps the last good build.');
      });
      await building;
      building = undefined;
    } while (again);
  };
  const watcher = watch(options.articles, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 150);
  });
  return {
    url: served.url,
    close: async () => {
      watcher.close();
      clearTimeout(timer);
      await building;
      await served.close();
    },
  };
}

function printUrls(log: (line: string) => void, url: string, articles: readonly string[]): void {
  log(`Marginalia is serving at ${url}`);
  for (const article of articles) log(`  ${article}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const served = await start(parseStartArgs(process.argv.slice(2)));
    const stop = (): void => void served.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = error instanceof StartError ? error.exitCode : 1;
  }
}
