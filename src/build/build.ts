/**
 * Build (or only check) a set of articles: compile each, write the good ones atomically, then
 * the shared assets and the list of articles. One article's failure never stops the others.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileArticle, type CompiledArticle, type CompileOptions } from './compile-article.ts';
import type { ArticlePaths } from './discover.ts';
import { indexPage } from './index-page.ts';
import { builtArticles, writeArticle, writeFileAtomically } from './write-output.ts';

export interface BuildOptions extends CompileOptions {
  outDir: string;
  /** false: check only, write nothing. */
  write: boolean;
  /** Called as each article is done, in order. */
  onArticle?: (article: CompiledArticle) => void;
}

export interface BuildResult {
  articles: CompiledArticle[];
  ok: boolean;
  /** Size of the reader bundle, when one was written. */
  bundle?: { bytes: number; gzipBytes: number };
}

const stylesheet = fileURLToPath(new URL('../page/marginalia.css', import.meta.url));

export async function build(articles: readonly ArticlePaths[], options: BuildOptions): Promise<BuildResult> {
  const results: CompiledArticle[] = [];
  for (const paths of articles) {
    const compiled = await compileArticle(paths, options);
    if (compiled.ok && options.write) {
      await writeArticle(options.outDir, compiled);
    }
    results.push(compiled);
    options.onArticle?.(compiled);
  }
  const result: BuildResult = { articles: results, ok: results.every((article) => article.ok) };
  if (options.write) {
    await mkdir(options.outDir, { recursive: true });
    result.bundle = await writeAssets(path.join(options.outDir, 'assets'));
    await writeFileAtomically(
      path.join(options.outDir, 'index.html'),
      indexPage(await builtArticles(options.outDir)),
    );
  }
  return result;
}

async function writeAssets(dir: string): Promise<{ bytes: number; gzipBytes: number }> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomically(path.join(dir, 'marginalia.css'), await readFile(stylesheet));
  const { buildReaderBundle } = await import('../reader/build-bundle.ts');
  return buildReaderBundle(path.join(dir, 'marginalia-reader.js'));
}
