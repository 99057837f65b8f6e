/**
 * The warm rebuilder of watch and edit mode: the compiler stays loaded in this process, and a
 * change rebuilds only the articles whose files changed (`build` from `src/build/`, on this
 * thread, with its cache), one build at a time. After each build it says which pages to reload
 * and which articles failed, with their problems. Each article's notes and annotations are kept
 * from one build to the next (`../build/warm-cache.ts`), so a save rewrites only those it changed;
 * so is its page, so that its open pages are sent only what changed (`page-patch.ts`). Once the
 * server has started, each article is compiled once more in the background (`warmUp`), so that
 * its first save is warm too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { build, type BuildOptions, type BuiltArticle } from '../build/build.ts';
import { compileArticle } from '../build/compile-article.ts';
import type { ArticlePaths } from '../build/discover.ts';
import { formatMessages } from '../cli/format-messages.ts';
import { WarmCache, type PageSnapshot } from '../build/warm-cache.ts';
import type { LiveProblem, PagePatch } from '../editor/protocol.ts';
import { diffPages } from './page-patch.ts';
import { fileStat, pageVersion } from './static-files.ts';

export interface RebuildOptions {
  outDir: string;
  baseUrl?: string;
  /** Folder that file names in messages are relative to. */
  cwd: string;
  /** Problem lines (FILE:LINE:COLUMN: …), as `marginalia build` prints them. */
  stderr: (line: string) => void;
  /** Progress lines. */
  stdout: (line: string) => void;
}

export interface RebuildOutcome {
  /** Articles rebuilt and written (their pages should reload). */
  rebuilt: string[];
  /** Articles that failed, by slug, with their problems. */
  failed: Map<string, LiveProblem[]>;
  /** Articles that built (or were unchanged): no longer failing. */
  succeeded: string[];
  /**
   * Of the articles rebuilt, those whose open pages can show the new build by replacing what
   * changed (`page-patch.ts`), rather than by loading it again.
   */
  patches: Map<string, PagePatch>;
}

/** The problems of an article's files, for the overlay. */
export function liveProblems(slug: string, files: readonly VFile[]): LiveProblem[] {
  return files.flatMap((file) =>
    file.messages.map((message): LiveProblem => ({
      slug,
      file: file.path,
      ...(message.line == null ? {} : { line: message.line }),
      ...(message.column == null ? {} : { column: message.column }),
      severity: message.fatal === true ? 'error' : 'warning',
      message: message.reason,
      ...(message.ruleId ? { ruleId: message.ruleId } : {}),
    })),
  );
}

interface Batch {
  articles: Map<string, ArticlePaths>;
  /** Only compile, to fill the warm cache (`warmUp`); a rebuild asked for meanwhile clears it. */
  warmOnly: boolean;
  done: Promise<RebuildOutcome>;
  resolve: (outcome: RebuildOutcome) => void;
}

export class Rebuilder {
  private readonly _options: RebuildOptions;
  /** The articles waiting for the next build, by slug. */
  private _next: Batch | undefined;
  private _running: Promise<void> | undefined;
  /** Each article's notes and annotations from its last build, reused by the next (`warm-cache.ts`). */
  private readonly _warm = new WarmCache();
  /** Each article's page as this process last wrote it, and the version of that file. */
  private readonly _written = new Map<string, { page: PageSnapshot; version: string }>();
  /** Articles whose warm-up gave way to a save, warmed once no save waits. */
  private readonly _warmLater: ArticlePaths[] = [];
  /** Told after each build. */
  readonly listeners: Array<(outcome: RebuildOutcome) => void> = [];

  constructor(options: RebuildOptions) {
    this._options = options;
  }

  /**
   * Builds these articles as soon as the build under way (if any) is done, with any others asked
   * for meanwhile; resolves with what that build did.
   */
  rebuild(articles: readonly ArticlePaths[]): Promise<RebuildOutcome> {
    return this._queue(articles, false);
  }

  /**
   * Compiles these articles in turn, writing nothing, so that the first save of each is a warm
   * rebuild whose open pages get only what changed (the server's first build is a plain one,
   * on every core, with the build cache). An article whose page on disk is not what this
   * compile makes is left to its first save. Queued as a rebuild is; a save asked for before
   * it starts turns it into a rebuild.
   */
  warmUp(articles: readonly ArticlePaths[]): Promise<RebuildOutcome> {
    return this._queue(articles, true);
  }

  private _queue(articles: readonly ArticlePaths[], warmOnly: boolean): Promise<RebuildOutcome> {
    if (warmOnly && this._next && !this._next.warmOnly) {
      // A save is waiting: these are warmed after it (never written with it).
      this._warmLater.push(...articles);
      return this._next.done;
    }
    if (!this._next) {
      let resolve: (outcome: RebuildOutcome) => void = () => undefined;
      const done = new Promise<RebuildOutcome>((settle) => (resolve = settle));
      this._next = { articles: new Map(), warmOnly, done, resolve };
    }
    if (!warmOnly) this._next.warmOnly = false;
    for (const article of articles) this._next.articles.set(article.slug, article);
    const { done } = this._next;
    this._running ??= this._drain();
    return done;
  }

  /** Resolves once no build is under way or queued. */
  async idle(): Promise<void> {
    while (this._running) await this._running;
  }

  private async _drain(): Promise<void> {
    try {
      for (let batch = this._next; batch; batch = this._next) {
        this._next = undefined;
        if (batch.warmOnly) {
          await this._compileWarm([...batch.articles.values()]);
          batch.resolve({ rebuilt: [], failed: new Map(), succeeded: [], patches: new Map() });
          continue;
        }
        const outcome = await this._build([...batch.articles.values()]);
        for (const listener of this.listeners) listener(outcome);
        batch.resolve(outcome);
        if (!this._next && this._warmLater.length > 0) void this.warmUp(this._warmLater.splice(0));
      }
    } finally {
      this._running = undefined;
    }
  }

  private async _build(articles: ArticlePaths[]): Promise<RebuildOutcome> {
    const { outDir, baseUrl, cwd, stderr, stdout } = this._options;
    const outcome: RebuildOutcome = { rebuilt: [], failed: new Map(), succeeded: [], patches: new Map() };
    const started = performance.now();
    const pageFile = (slug: string): string => path.join(outDir, slug, 'index.html');
    /** The version of each page on disk before this build. */
    const versions = new Map<string, string | undefined>();
    for (const article of articles) {
      const found = await fileStat(pageFile(article.slug));
      versions.set(article.slug, found && pageVersion(found));
    }
    const onArticle = (article: BuiltArticle): void => {
      for (const line of formatMessages(article.files)) stderr(line);
      if (!article.ok) {
        outcome.failed.set(article.slug, liveProblems(article.slug, article.files));
        stdout(`✗ ${article.slug}: not built; the page shows the problems`);
        return;
      }
      outcome.succeeded.push(article.slug);
      if (article.cached) return;
      outcome.rebuilt.push(article.slug);
      const ms = Math.round(performance.now() - started);
      stdout(
        `✓ ${path.join(outDir, article.slug, 'index.html')} (${article.claims} claims, rebuilt in ${ms} ms)`,
      );
    };
    const options: BuildOptions = {
      outDir,
      write: true,
      cwd,
      jobs: 1,
      progress: false,
      onArticle,
      warmCache: this._warm,
      ...(baseUrl === undefined ? {} : { baseUrl }),
    };
    try {
      await build(articles, options);
      for (const slug of outcome.rebuilt) await this._comparePages(slug, versions.get(slug), outcome);
    } catch (cause) {
      for (const article of articles) {
        outcome.failed.set(article.slug, [
          {
            slug: article.slug,
            file: path.relative(cwd, article.claims ?? article.article ?? article.slug),
            severity: 'error',
            message: `The build stopped: ${(cause as Error).message}`,
            ruleId: 'internal-error',
          },
        ]);
      }
    }
    return outcome;
  }

  /** See {@link warmUp}. */
  private async _compileWarm(articles: ArticlePaths[]): Promise<void> {
    const { outDir, baseUrl, cwd } = this._options;
    for (const [index, article] of articles.entries()) {
      // A save waits for one article at most: the rest are warmed after it.
      if (this._next) {
        this._warmLater.push(...articles.slice(index));
        return;
      }
      if (this._written.has(article.slug)) continue;
      const warm = this._warm.article(outDir, article.slug);
      try {
        const compiled = await compileArticle(article, {
          cwd,
          warm,
          ...(baseUrl === undefined ? {} : { baseUrl }),
        });
        const file = path.join(outDir, article.slug, 'index.html');
        const found = await fileStat(file);
        if (!compiled.ok || !warm.page || !found || (await readFile(file, 'utf8')) !== compiled.html)
          continue;
        this._written.set(article.slug, { page: warm.page, version: pageVersion(found) });
      } catch {
        // Nothing lost: the article's first save compiles it from nothing.
      }
    }
  }

  /**
   * What changed on the page of an article just rebuilt, from the build this process wrote
   * before, when the file on disk before this build was that one (`from`).
   */
  private async _comparePages(
    slug: string,
    from: string | undefined,
    outcome: RebuildOutcome,
  ): Promise<void> {
    const { outDir } = this._options;
    const page = this._warm.article(outDir, slug).page;
    const found = await fileStat(path.join(outDir, slug, 'index.html'));
    const earlier = this._written.get(slug);
    this._written.delete(slug);
    if (!page || !found) return;
    const to = pageVersion(found);
    this._written.set(slug, { page, version: to });
    if (!earlier || earlier.version !== from || from === undefined || earlier.page === page) return;
    const parts = diffPages(earlier.page, page);
    if (parts) outcome.patches.set(slug, { slug, from, to, parts });
  }
}
