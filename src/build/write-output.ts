/**
 * Write what the build made, so that a reader never sees half a page: each article is written
 * into a fresh temporary folder inside the output folder and renamed into place in one step.
 * An article that failed leaves the output folder as it was.
 */
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledArticle } from './compile-article.ts';

/** What the index page needs of an article, kept beside its page. */
export interface ArticleEntry {
  slug: string;
  title: string;
  claims: number;
}

const entryFile = 'article.json';

/** Write files into `target` (a folder) atomically: all of them, or none. */
export async function writeFolderAtomically(target: string, files: Record<string, string>): Promise<void> {
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const temporary = await mkdtemp(path.join(parent, `.tmp-${path.basename(target)}-`));
  try {
    await Promise.all(
      Object.entries(files).map(([name, content]) => writeFile(path.join(temporary, name), content)),
    );
    // mkdtemp makes the folder private; a published page must be readable by the web server.
    await chmod(temporary, 0o755);
    const old = `${temporary}-old`;
    let replaced = false;
    try {
      await rename(target, old);
      replaced = true;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    }
    await rename(temporary, target);
    if (replaced) await rm(old, { recursive: true, force: true });
  } catch (cause) {
    await rm(temporary, { recursive: true, force: true });
    throw cause;
  }
}

/** Write one compiled article to `outDir/<slug>/`. */
export async function writeArticle(outDir: string, article: CompiledArticle): Promise<void> {
  if (!article.ok || article.html === undefined || article.annotations === undefined) {
    throw new Error(`Article ${article.slug} has errors and cannot be written`);
  }
  const entry: ArticleEntry = { slug: article.slug, title: article.title, claims: article.claims };
  await writeFolderAtomically(path.join(outDir, article.slug), {
    'index.html': article.html,
    ...article.attachments,
    'annotations.jsonld': article.annotations,
    [entryFile]: `${JSON.stringify(entry, null, 2)}\n`,
  });
}

/** Every article already built in `outDir`, by title. */
export async function builtArticles(outDir: string): Promise<ArticleEntry[]> {
  const entries: ArticleEntry[] = [];
  for (const name of await readdir(outDir).catch(() => [])) {
    if (name.startsWith('.')) continue;
    try {
      const entry = JSON.parse(await readFile(path.join(outDir, name, entryFile), 'utf8')) as ArticleEntry;
      if (typeof entry.slug === 'string' && typeof entry.title === 'string') entries.push(entry);
    } catch {
      // Not an article folder (assets, or something the user put there): not listed.
    }
  }
  return entries.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * Write a file atomically (write beside it, then rename over it), keeping the permissions of
 * the file it replaces; the temporary file is removed if anything fails.
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.tmp-${path.basename(file)}-${process.pid}`);
  const mode = await stat(file).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  try {
    await writeFile(temporary, content, mode === undefined ? {} : { mode });
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
}
