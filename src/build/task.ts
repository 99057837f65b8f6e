/**
 * One article's share of a build, the same on the main thread and in a worker thread: compile
 * it, write it when it is good, and find the files it depended on beyond its text and claims
 * (a CSL style file named by the claims file), for the build cache. A throw never escapes: it
 * becomes an error on the article, so that the other articles still build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { compileArticle, type CompiledArticle, type CompileOptions } from './compile-article.ts';
import type { ArticlePaths } from './discover.ts';
import { writeArticle } from './write-output.ts';

export interface TaskInput {
  paths: ArticlePaths;
  options: CompileOptions;
  /** Where to write the article when it is good; nothing is written without it. */
  outDir?: string;
}

export interface TaskOutput {
  article: CompiledArticle;
  /**
   * Files other than the text and the claims file that the page was made from, or undefined
   * when they could not be told (the article is then not cached).
   */
  dependencies: string[] | undefined;
}

/** Rule ids of the problems the build itself reports (not the content). */
export type BuildRuleId = 'internal-error' | 'write-error';

/** An error on the article's first file (or a new one named after it) that fails the article. */
export function failArticle(
  paths: ArticlePaths,
  files: VFile[],
  reason: string,
  ruleId: BuildRuleId,
  cwd: string,
  title = paths.slug,
): CompiledArticle {
  const file =
    files[0] ?? new VFile({ path: path.relative(cwd, paths.article ?? paths.claims ?? paths.slug), cwd });
  const message: VFileMessage = file.message(reason, { ruleId, source: 'marginalia' });
  message.fatal = true;
  return { slug: paths.slug, title, files: files.length > 0 ? files : [file], ok: false, claims: 0 };
}

/** A claims file that may name a style file: a `style` key somewhere in it. */
const mayNameStyle = /(^|[\s{,])["']?style["']?\s*:/mu;

/**
 * The style file a claims file names, resolved beside it, or none. Only a claims file with a
 * `style` key is read again (the common one has none), and a problem reading it is no
 * dependency: the compile has already reported it.
 */
async function styleDependency(claimsPath: string | undefined): Promise<string[]> {
  if (claimsPath === undefined) return [];
  let text: string;
  try {
    text = await readFile(claimsPath, 'utf8');
  } catch {
    return [];
  }
  if (!mayNameStyle.test(text)) return [];
  const { readClaims } = await import('../claims/read-claims.ts');
  const claims = readClaims(new VFile({ path: claimsPath, value: text }));
  return claims?.style === undefined ? [] : [path.resolve(path.dirname(claimsPath), claims.style)];
}

export async function runTask(input: TaskInput): Promise<TaskOutput> {
  const { paths, options, outDir } = input;
  const cwd = options.cwd ?? process.cwd();
  let article: CompiledArticle;
  try {
    article = await compileArticle(paths, options);
  } catch (cause) {
    return {
      article: failArticle(
        paths,
        [],
        `The build of this article stopped on an internal error: ${(cause as Error).message ?? String(cause)}`,
        'internal-error',
        cwd,
      ),
      dependencies: undefined,
    };
  }
  if (article.ok && outDir !== undefined) {
    try {
      await writeArticle(outDir, article);
    } catch (cause) {
      return {
        article: failArticle(
          paths,
          article.files,
          `Cannot write the article to ${path.join(outDir, paths.slug)}: ${(cause as Error).message}`,
          'write-error',
          cwd,
          article.title,
        ),
        dependencies: undefined,
      };
    }
  }
  // An article stopped by its time limit may build another time, on a less busy machine: its
  // failure is not kept in the cache.
  if (article.files.some((file) => file.messages.some((message) => message.ruleId === 'time-limit'))) {
    return { article, dependencies: undefined };
  }
  let dependencies: string[] | undefined;
  try {
    dependencies = await styleDependency(paths.claims);
  } catch {
    dependencies = undefined;
  }
  return { article, dependencies };
}
