/**
 * Watches the articles' folders and says which articles changed: a change to a file of an
 * article (its text, its claims file) names that article once its files have been quiet for a
 * moment (an editor's save is often several events: a temporary file, a rename).
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { discoverArticles, type ArticlePaths } from '../build/discover.ts';

/** How long a file must be quiet before its article is rebuilt. */
export const settleMs = 25;

const articleFile = /^(?<slug>.+?)(?:\.claims\.ya?ml|\.claims\.json|\.txt|\.md)$/u;

export interface ArticleWatcher {
  close(): void;
}

/**
 * Calls `changed` with the articles whose files changed, among those that `paths` (folders or
 * files, as given to `marginalia build`) name now: an article added to a watched folder is
 * picked up too.
 */
export function watchArticles(
  paths: readonly string[],
  changed: (articles: ArticlePaths[]) => void,
): ArticleWatcher {
  const watchers: FSWatcher[] = [];
  const pending = new Map<string, { folder: string; given: string }>();
  let timer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    timer = undefined;
    const found: ArticlePaths[] = [];
    for (const [slug, { given }] of pending) {
      let articles: ArticlePaths[];
      try {
        articles = discoverArticles([given]);
      } catch {
        continue;
      }
      const article = articles.find((candidate) => candidate.slug === slug);
      if (article) found.push(article);
    }
    pending.clear();
    if (found.length > 0) changed(found);
  };

  const folders = new Map<string, string[]>();
  for (const given of paths) {
    const resolved = path.resolve(given);
    const folder = statSync(resolved, { throwIfNoEntry: false })?.isDirectory()
      ? resolved
      : path.dirname(resolved);
    folders.set(folder, [...(folders.get(folder) ?? []), given]);
  }
  for (const [folder, givens] of folders) {
    const watcher = watch(folder, (_event, name) => {
      const match = typeof name === 'string' ? articleFile.exec(path.basename(name)) : null;
      const slug = match?.groups?.['slug'];
      if (slug === undefined || slug.startsWith('.')) return;
      // A file given by name limits the watch to its own article.
      const given =
        givens.find((candidate) => path.resolve(candidate) === folder) ??
        givens.find((candidate) => articleFile.exec(path.basename(candidate))?.groups?.['slug'] === slug);
      if (given === undefined) return;
      pending.set(slug, { folder, given });
      clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
    });
    watcher.on('error', () => undefined);
    watchers.push(watcher);
  }
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
