/**
 * `marginalia serve`: builds the articles, serves the built folder on this machine and prints
 * each article's address. With `watch`, a change to an article's files rebuilds that article in
 * this process and reloads its open pages; a build that fails shows its problems over the page.
 * With `edit`, the pages get the editing layer too, and its API (`edit/api.ts`), guarded by a
 * per-run token.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { build } from '../build/build.ts';
import { discoverArticles, UsageError, type ArticlePaths } from '../build/discover.ts';
import { builtArticles } from '../build/write-output.ts';
import { formatMessages } from '../cli/format-messages.ts';
import type { LiveProblem, ServeConfig } from '../editor/protocol.ts';
import { watchArticles } from './article-watcher.ts';
import { createGuard } from './edit/guard.ts';
import { LiveEvents } from './live-events.ts';
import { liveProblems, Rebuilder } from './rebuilder.ts';
import { serveFolder, type Served } from './serve.ts';

export interface SiteOptions {
  /** Articles, as `marginalia build` takes them (default: `article`). */
  paths: readonly string[];
  out: string;
  host: string;
  port: number;
  watch: boolean;
  edit: boolean;
  baseUrl?: string;
  /** Folder that file names in messages are relative to (default: the working folder). */
  cwd?: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export interface Site extends Served {
  /** The addresses of the built articles. */
  articles: string[];
  /** The per-run token of edit mode. */
  token?: string;
  /** Resolves once no rebuild is under way. */
  idle(): Promise<void>;
}

/** A failure of `marginalia serve`, with its exit code (1: the build failed, 2: usage). */
export class ServeError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

export async function serveSite(options: SiteOptions): Promise<Site> {
  const watching = options.watch || options.edit;
  if (options.edit && !loopback.has(options.host)) {
    throw new ServeError(
      `--edit serves on this machine only (127.0.0.1), not on ${options.host}: editing writes files`,
      2,
    );
  }
  const cwd = options.cwd ?? process.cwd();
  let articles: ArticlePaths[];
  try {
    articles = discoverArticles(options.paths);
  } catch (cause) {
    if (cause instanceof UsageError) throw new ServeError(cause.message, 2);
    throw cause;
  }
  if (articles.length === 0) throw new ServeError(`no article found in ${options.paths.join(', ')}`, 2);

  const failed = new Map<string, LiveProblem[]>();
  const first = await build(articles, {
    outDir: options.out,
    write: true,
    cwd,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    onArticle: (article) => {
      for (const line of formatMessages(article.files)) options.stderr(line);
      if (article.ok) options.stdout(`✓ ${path.join(options.out, article.slug, 'index.html')}`);
      else {
        options.stdout(`✗ ${article.slug}: not built`);
        failed.set(article.slug, liveProblems(article.slug, article.files));
      }
    },
  });
  if (!first.ok && !watching) throw new ServeError('The build failed; nothing to serve', 1);

  const events = watching ? new LiveEvents() : undefined;
  const token = options.edit ? randomBytes(24).toString('hex') : undefined;
  let port = 0;
  const guard = options.edit ? createGuard(() => port, token ?? '') : undefined;
  const rebuilder = new Rebuilder({
    outDir: options.out,
    cwd,
    stdout: options.stdout,
    stderr: options.stderr,
    ...baseUrlOf(options),
  });
  const config: ServeConfig = { mode: options.edit ? 'edit' : 'watch', token: token ?? '' };
  const { liveEndpoint } = await import('./live-endpoint.ts');
  const served = await serveFolder(
    { dir: options.out, host: options.host, port: options.port },
    watching && events
      ? {
          snippet: snippetFor(config),
          endpoint: await liveEndpoint({
            events,
            ...(options.edit && guard ? { edit: { guard, cwd, articles: () => articles, rebuilder } } : {}),
          }),
          ...(guard ? { guard: guard.host } : {}),
        }
      : {},
  );
  port = Number(new URL(served.url).port);

  let watcher: { close(): void } | undefined;
  if (events) {
    events.setProblems([...failed.values()].flat());
    rebuilder.listeners.push((outcome) => {
      for (const [slug, problems] of outcome.failed) failed.set(slug, problems);
      for (const slug of outcome.succeeded) failed.delete(slug);
      events.setProblems([...failed.values()].flat());
      events.reload(outcome.rebuilt.filter((slug) => !outcome.patches.has(slug)));
      for (const patch of outcome.patches.values()) events.patch(patch);
    });
    // In the background: each article's first save is then a warm rebuild, sent as a patch.
    void rebuilder.warmUp(articles.filter((article) => !failed.has(article.slug)));
    watcher = watchArticles(options.paths, (changed) => {
      for (const article of changed) {
        articles = [...articles.filter((known) => known.slug !== article.slug), article];
      }
      void rebuilder.rebuild(changed);
    });
  }

  const urls = (await builtArticles(options.out)).map((entry) => `${served.url}${entry.slug}/`);
  options.stdout(`Marginalia is serving at ${served.url}`);
  for (const url of urls) options.stdout(`  ${url}`);
  if (options.edit)
    options.stdout(
      'Edit mode: select a passage in a page to make a claim; changes are written to the claims files.',
    );
  else if (watching) options.stdout('Watching the articles: the open pages reload after each build.');
  return {
    url: served.url,
    articles: urls,
    ...(token === undefined ? {} : { token }),
    idle: () => rebuilder.idle(),
    close: async () => {
      watcher?.close();
      await rebuilder.idle();
      events?.close();
      await served.close();
    },
  };
}

function baseUrlOf(options: SiteOptions): { baseUrl?: string } {
  return options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl };
}

/** What goes into every served page: the mode, the token, and the script. */
function snippetFor(config: ServeConfig): string {
  return (
    `<meta name="marginalia-serve" data-mode="${config.mode}" data-token="${config.token}">` +
    `<script type="module" src="/__marginalia/client.js"></script>`
  );
}
