/**
 * Build (or only check) a set of articles: compile each, write the good ones atomically, then
 * the shared assets and the list of articles. One article's failure never stops the others.
 *
 * - Every core: with many articles (or large ones) to build, they are compiled and written on
 *   this thread and a pool of worker threads (`pool.ts`); `onArticle` still hears of the
 *   articles in the order given.
 * - Only what changed: when writing, an article whose text, claims, options and program are
 *   the same as at the last build into the same folder is not built again (`cache.ts`); its
 *   messages come from the cache. The reader's files are copied, never rebuilt (`assets.ts`).
 * - On a terminal, a progress line (`progress.ts`).
 *
 * The compiler is loaded only when an article has to be built, so that a build with nothing to
 * do starts and ends quickly.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { writeAssets, type BundleSize } from './assets.ts';
import type { CompileOptions } from './compile-article.ts';
import {
  articleKey,
  cachedRecord,
  hashDependencies,
  loadCache,
  programHash,
  saveCache,
  type CacheManifest,
} from './cache.ts';
import type { ArticlePaths } from './discover.ts';
import { indexPage } from './index-page.ts';
import { createProgress, type ProgressStream } from './progress.ts';
import { fromRecord, toRecord, type ArticleRecord, type BuiltArticle } from './records.ts';
import type { PoolRun } from './pool.ts';
import type { TaskInput } from './task.ts';
import type { WarmCache } from './warm-cache.ts';
import {
  builtArticles,
  commitFolder,
  previousFolder,
  restoreFolder,
  writeFileAtomically,
} from './write-output.ts';

export type { BuiltArticle } from './records.ts';

export interface BuildOptions extends CompileOptions {
  outDir: string;
  /** false: check only, write nothing. */
  write: boolean;
  /** Called as each article is done, in the order of `articles`. */
  onArticle?: (article: BuiltArticle) => void;
  /** How many worker threads to build on (default: one per core); 1 builds on this thread. */
  jobs?: number;
  /** Reuse the articles that have not changed since the last build into `outDir` (default true). */
  cache?: boolean;
  /**
   * Where the progress line goes when it is a terminal (default: standard error); false for
   * none. `onArticle` may print whole lines meanwhile: the line makes way for them.
   */
  progress?: ProgressStream | false;
  /**
   * What earlier builds in this process left to reuse (watch mode, `warm-cache.ts`): the
   * articles built on this thread take their unchanged notes and annotations from it.
   */
  warmCache?: WarmCache;
}

export interface BuildResult {
  articles: BuiltArticle[];
  ok: boolean;
  /** Size of the reader bundle, when one was written (or was already there, unchanged). */
  bundle?: BundleSize;
  /** Threads the articles were compiled on: this one and the worker threads that started. */
  threads: number;
  /** Why no worker thread could start, when some were wanted and none did. */
  workerFailure?: string;
}

/** What a worker needs of the options: plain data only. */
function compileOptionsOf(options: BuildOptions): CompileOptions {
  const { cwd, baseUrl, generated, style, citationCache, limits } = options;
  return {
    ...(options.write ? {} : { render: false }),
    ...(citationCache === undefined ? {} : { citationCache }),
    ...(cwd === undefined ? {} : { cwd }),
    ...(limits === undefined ? {} : { limits }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(generated === undefined ? {} : { generated }),
    ...(style === undefined ? {} : { style }),
  };
}

/** Slugs given more than once: those articles write to one folder, so they build in order. */
function repeatedSlugs(articles: readonly ArticlePaths[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { slug } of articles) (seen.has(slug) ? repeated : seen).add(slug);
  return repeated;
}

export async function build(articles: readonly ArticlePaths[], options: BuildOptions): Promise<BuildResult> {
  const { outDir, write } = options;
  const cwd = options.cwd ?? process.cwd();
  const compileOptions = compileOptionsOf(options);
  const useCache = write && options.cache !== false;
  const manifest: CacheManifest = useCache ? await loadCache(outDir) : { articles: new Map() };
  const program = useCache ? await programHash() : '';
  const repeated = repeatedSlugs(articles);

  let bundle: BundleSize | undefined;
  if (write) {
    const start = await startSite(outDir);
    if ('failure' in start) {
      const failed = articles.map((paths) => notWritten(paths, cwd, start.failure));
      for (const article of failed) options.onArticle?.(article);
      return { articles: failed, ok: false, threads: 1 };
    }
    bundle = start.bundle;
  }

  const results: Array<BuiltArticle | undefined> = articles.map(() => undefined);
  const keys: Array<string | undefined> = articles.map(() => undefined);
  if (useCache) {
    await Promise.all(
      articles.map(async (paths, index) => {
        if (repeated.has(paths.slug)) return;
        const key = await articleKey(paths, compileOptions, program);
        keys[index] = key;
        const entry = key === undefined ? undefined : await cachedRecord(manifest, outDir, paths.slug, key);
        if (entry) results[index] = fromRecord(entry.record, paths, cwd, true);
      }),
    );
  }

  const progress = createProgress(articles.length, options.progress ?? process.stderr);
  let delivered = 0;
  // A build reports its articles once the output is complete (the shared files and the list of
  // articles written too): an article is never said to be built when the build then fails.
  // A check reports each as soon as it is done.
  let held = write;
  const deliver = (): void => {
    if (held) return;
    for (let article = results[delivered]; article !== undefined; article = results[delivered]) {
      const ready = article;
      progress.around(() => options.onArticle?.(ready));
      delivered += 1;
    }
  };
  const updates: Array<Promise<void>> = [];
  const complete = (
    index: number,
    article: BuiltArticle,
    record: ArticleRecord,
    dependencies: string[] | undefined,
  ): void => {
    results[index] = article;
    const key = keys[index];
    const slug = articles[index]?.slug;
    if (key !== undefined && slug !== undefined && dependencies !== undefined) {
      updates.push(
        hashDependencies(dependencies).then((hashed) => {
          manifest.articles.set(slug, { key, record, dependencies: hashed });
        }),
      );
    }
    progress.advance(article.slug);
    deliver();
  };

  const pending = articles.flatMap((_, index) => (results[index] === undefined ? [index] : []));
  for (const article of results) if (article) progress.advance(article.slug);
  deliver();

  const inputOf = (index: number): TaskInput => ({
    paths: articles[index] as ArticlePaths,
    options: compileOptions,
    ...(write ? { outDir } : {}),
  });
  const inOrder = pending.filter((index) => repeated.has(articles[index]?.slug ?? ''));
  const parallel = pending.filter((index) => !repeated.has(articles[index]?.slug ?? ''));
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), parallel.length));
  let pool: PoolRun = { workers: 0 };
  if (
    jobs > 1 &&
    (await worthWorkers(
      parallel.map((index) => articles[index] as ArticlePaths),
      options.jobs,
    ))
  ) {
    const { runInParallel } = await import('./pool.ts');
    pool = await runInParallel(parallel.map(inputOf), jobs, (position, { record, dependencies }) => {
      const index = parallel[position] ?? 0;
      complete(index, fromRecord(record, inputOf(index).paths, cwd, false), record, dependencies);
    });
  } else {
    inOrder.unshift(...parallel);
    inOrder.sort((a, b) => a - b);
  }
  if (inOrder.length > 0) {
    const { runTask } = await import('./task.ts');
    for (const index of inOrder) {
      const input = inputOf(index);
      if (options.warmCache && write) {
        input.options = { ...input.options, warm: options.warmCache.article(outDir, input.paths.slug) };
      }
      const { article, dependencies } = await runTask(input);
      const { slug, title, files, ok, claims } = article;
      complete(
        index,
        { slug, title, files, ok, claims, cached: false },
        toRecord(article, input.paths),
        dependencies,
      );
    }
  }
  progress.end();

  const built = results.filter((article): article is BuiltArticle => article !== undefined);
  const result: BuildResult = { articles: built, ok: false, threads: 1 + pool.workers };
  if (bundle) result.bundle = bundle;
  if (pool.failure !== undefined) result.workerFailure = pool.failure;
  if (write) {
    const written = built.filter((article) => article.ok && !article.cached);
    const committed = await finishSite(outDir, written);
    if (committed && useCache) {
      await Promise.all(updates);
      await saveCache(outDir, manifest);
    }
  }
  held = false;
  deliver();
  return { ...result, ok: built.every((article) => article.ok) };
}

/** An article that was not built because the output could not be started. */
function notWritten(paths: ArticlePaths, cwd: string, reason: string): BuiltArticle {
  const file = new VFile({ path: path.relative(cwd, paths.article ?? paths.claims ?? paths.slug), cwd });
  const article: BuiltArticle = {
    slug: paths.slug,
    title: paths.slug,
    files: [file],
    ok: true,
    claims: 0,
    cached: false,
  };
  failWrite(article, reason);
  return article;
}

/** Fail an article that was compiled (and perhaps written) because the output could not be completed. */
function failWrite(article: BuiltArticle, reason: string): void {
  const [file] = article.files;
  if (file) {
    const message = file.message(reason, { ruleId: 'write-error', source: 'marginalia' });
    message.fatal = true;
  }
  article.ok = false;
}

/**
 * The shared files first (the reader's assets): when they cannot be written, nothing else is,
 * and every article fails saying why. Returns the bundle's sizes, or the reason of the failure.
 */
async function startSite(outDir: string): Promise<{ bundle: BundleSize } | { failure: string }> {
  try {
    await mkdir(outDir, { recursive: true });
    await removeStalePrevious(outDir);
    return { bundle: await writeAssets(path.join(outDir, 'assets')) };
  } catch (cause) {
    return {
      failure: `Cannot write the reader's files to ${path.join(outDir, 'assets')}: ${(cause as Error).message}; nothing was written`,
    };
  }
}

/**
 * The list of articles, last: when it cannot be written, the articles this build wrote are put
 * back as they were and fail, so the output folder keeps its previous complete state.
 * Otherwise the folders they replaced are removed. Returns whether the build was committed.
 */
async function finishSite(outDir: string, written: readonly BuiltArticle[]): Promise<boolean> {
  try {
    await writeFileAtomically(path.join(outDir, 'index.html'), indexPage(await builtArticles(outDir)));
  } catch (cause) {
    const reason = `Cannot write the list of articles ${path.join(outDir, 'index.html')}: ${(cause as Error).message}; the previous version of this article is kept`;
    for (const article of written) {
      await restoreFolder(path.join(outDir, article.slug), previousFolder(outDir, article.slug));
      failWrite(article, reason);
    }
    return false;
  }
  await Promise.all(written.map((article) => commitFolder(previousFolder(outDir, article.slug))));
  return true;
}

/** Previous folders left by a build that stopped before it committed: the folders in place are complete. */
async function removeStalePrevious(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (name.startsWith('.previous-')) await rm(path.join(outDir, name), { recursive: true, force: true });
  }
}

/** Below this much work, worker threads cost more to start than they save. */
const parallelFrom = { articles: 8, bytes: 4 * 1024 * 1024 };

/**
 * Whether to start worker threads for these articles: a worker takes about a second to load
 * the compiler, as long as this thread needs for several ordinary articles. So only a build of
 * many articles, or of large ones, starts workers; an explicit `jobs` always does.
 */
async function worthWorkers(articles: readonly ArticlePaths[], jobs: number | undefined): Promise<boolean> {
  if (jobs !== undefined || articles.length >= parallelFrom.articles) return true;
  let bytes = 0;
  for (const paths of articles) {
    for (const file of [paths.article, paths.claims]) {
      if (file !== undefined)
        bytes += await stat(file).then(
          (found) => found.size,
          () => 0,
        );
    }
  }
  return bytes >= parallelFrom.bytes;
}
