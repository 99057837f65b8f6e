/**
 * Write what the build made, so that a reader never sees half a page: each article is written
 * into a fresh temporary folder inside the output folder and renamed into place in one step.
 * An article that failed leaves the output folder as it was.
 */
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CompiledArticle } from './compile-article.ts';

/** What the index page needs of an article, kept beside its page. */
export interface ArticleEntry {
  slug: string;
  title: string;
  claims: number;
}

const entryFile = 'article.json';

/** Where an article's previous folder waits while a build is not yet complete. */
export function previousFolder(outDir: string, slug: string): string {
  return path.join(outDir, `.previous-${slug}`);
}

/**
 * Write files into `target` (a folder) atomically: all of them, or none. The folder that was
 * there is moved to `previous` when given (kept there until the caller commits or undoes the
 * build: `commitFolder`, `restoreFolder`), or else removed.
 */
export async function writeFolderAtomically(
  target: string,
  files: Record<string, string>,
  previous?: string,
): Promise<void> {
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const temporary = await mkdtemp(path.join(parent, `.tmp-${path.basename(target)}-`));
  try {
    await Promise.all(
      Object.entries(files).map(([name, content]) => writeFile(path.join(temporary, name), content)),
    );
    // mkdtemp makes the folder private; a published page must be readable by the web server.
    await chmod(temporary, 0o755);
    // The first write of the build keeps what was there before it; a second write of the same
    // folder in one build (a slug given twice) leaves that previous folder alone.
    const keep = previous !== undefined && !existsSync(previous);
    const old = keep ? previous : `${temporary}-old`;
    let replaced = false;
    try {
      await rename(target, old);
      replaced = true;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    }
    await rename(temporary, target);
    if (replaced && !keep) await rm(old, { recursive: true, force: true });
  } catch (cause) {
    await rm(temporary, { recursive: true, force: true });
    throw cause;
  }
}

/** The build is complete: forget the previous folder of `target`. */
export async function commitFolder(previous: string): Promise<void> {
  await rm(previous, { recursive: true, force: true });
}

/**
 * The build failed after `target` was written: put its previous folder back (or remove it, when
 * it had none), so that the output is as it was before the build.
 */
export async function restoreFolder(target: string, previous: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
  try {
    await rename(previous, target);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
}

/**
 * Write one compiled article to `outDir/<slug>/`, keeping the folder it replaces as
 * `outDir/.previous-<slug>/` until the build commits (see `build.ts`).
 */
export async function writeArticle(outDir: string, article: CompiledArticle): Promise<void> {
  if (!article.ok || article.html === undefined || article.annotations === undefined) {
    throw new Error(`Article ${article.slug} has errors and cannot be written`);
  }
  const entry: ArticleEntry = { slug: article.slug, title: article.title, claims: article.claims };
  await writeFolderAtomically(
    path.join(outDir, article.slug),
    {
      'index.html': article.html,
      ...article.attachments,
      'annotations.jsonld': article.annotations,
      [entryFile]: `${JSON.stringify(entry, null, 2)}\n`,
    },
    previousFolder(outDir, article.slug),
  );
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
