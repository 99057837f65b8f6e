/**
 * The build cache: `DIR/marginalia-cache.json` in the output folder, so that a build rebuilds
 * only the articles whose source, claims or program changed.
 *
 * An article's key is a SHA-256 of everything its page is made from: the program (every
 * source file under `src/` but tests, the package manifest and lockfiles, the Node.js version),
 * the build options that reach the page (base URL, `generated` time, citation style), the
 * article's slug, format and file names, and the bytes of its text and claims file. A style
 * file that the claims file names is a *dependency*: its hash is kept beside the entry and
 * checked too. An entry keeps the article's record (title, claim count, every message), so that
 * a cached article prints the same warnings as a built one. A good article is taken from the
 * cache only while its output folder is still there.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileOptions } from './compile-article.ts';
import type { ArticlePaths } from './discover.ts';
import type { ArticleRecord } from './records.ts';
import { writeFileAtomically } from './write-output.ts';

export const cacheFileName = 'marginalia-cache.json';
const cacheVersion = 1;

export interface Dependency {
  file: string;
  /** SHA-256 of its content, or `missing`. */
  hash: string;
}

export interface CacheEntry {
  key: string;
  record: ArticleRecord;
  dependencies: Dependency[];
}

export interface CacheManifest {
  /** By slug. */
  articles: Map<string, CacheEntry>;
}

/** The manifest as stored. */
interface StoredManifest {
  version: typeof cacheVersion;
  articles: Record<string, CacheEntry>;
}

const sourceRoot = fileURLToPath(new URL('../', import.meta.url));
const packageRoot = path.dirname(sourceRoot.replace(/[\\/]$/u, ''));

function sha256(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    // Each part with its length, so that no two lists of parts hash alike.
    hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

async function sourceFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await sourceFiles(file)));
    else if (entry.isFile() && !/\.test\.ts$/u.test(entry.name)) found.push(file);
  }
  return found;
}

async function contentOrNothing(file: string): Promise<Buffer | string> {
  try {
    return await readFile(file);
  } catch {
    return 'missing';
  }
}

let program: Promise<string> | undefined;

/**
 * The hash of the program that builds: any change to a source file, a dependency or Node.js
 * makes it change. Computed once per process.
 */
export function programHash(): Promise<string> {
  program ??= (async () => {
    const files = (await sourceFiles(sourceRoot)).sort();
    const parts: Array<string | Uint8Array> = [`marginalia-cache-${cacheVersion}`, process.version];
    for (const file of files) parts.push(path.relative(sourceRoot, file), await readFile(file));
    for (const name of ['package.json', 'package-lock.json', 'node_modules/.package-lock.json']) {
      parts.push(name, await contentOrNothing(path.join(packageRoot, name)));
    }
    return sha256(...parts);
  })();
  return program;
}

/** The options that change what is written for an article. */
function pageOptions(options: CompileOptions): string {
  return JSON.stringify([options.baseUrl ?? null, options.generated ?? null, options.style ?? null]);
}

/**
 * The cache key of an article, or undefined when one of its files cannot be read (it is then
 * built, and its read error reported, every time).
 */
export async function articleKey(
  paths: ArticlePaths,
  options: CompileOptions,
  programId: string,
): Promise<string | undefined> {
  try {
    const [text, claims] = await Promise.all(
      [paths.article, paths.claims].map((file) => (file === undefined ? 'none' : readFile(file))),
    );
    return sha256(
      programId,
      pageOptions(options),
      paths.slug,
      paths.format,
      path.basename(paths.article ?? ''),
      path.basename(paths.claims ?? ''),
      text ?? 'none',
      claims ?? 'none',
    );
  } catch {
    return undefined;
  }
}

export async function hashDependencies(files: readonly string[]): Promise<Dependency[]> {
  return Promise.all(
    files.map(async (file) => {
      const content = await contentOrNothing(file);
      return { file, hash: typeof content === 'string' ? content : sha256(content) };
    }),
  );
}

async function dependenciesUnchanged(entry: CacheEntry): Promise<boolean> {
  const now = await hashDependencies(entry.dependencies.map((dependency) => dependency.file));
  return now.every((dependency, index) => dependency.hash === entry.dependencies[index]?.hash);
}

async function outputPresent(outDir: string, slug: string): Promise<boolean> {
  try {
    const files = ['index.html', 'annotations.jsonld', 'article.json'];
    const found = await Promise.all(files.map((name) => stat(path.join(outDir, slug, name))));
    return found.every((file) => file.isFile());
  } catch {
    return false;
  }
}

/** The cached record of an article, when its entry is for this key and still holds. */
export async function cachedRecord(
  manifest: CacheManifest,
  outDir: string,
  slug: string,
  key: string,
): Promise<CacheEntry | undefined> {
  const entry = manifest.articles.get(slug);
  if (!entry || entry.key !== key) return undefined;
  if (entry.record.ok && !(await outputPresent(outDir, slug))) return undefined;
  if (!(await dependenciesUnchanged(entry))) return undefined;
  return entry;
}

/** The cache of `outDir`, or an empty one when there is none (or it is unreadable). */
export async function loadCache(outDir: string): Promise<CacheManifest> {
  try {
    const stored = JSON.parse(await readFile(path.join(outDir, cacheFileName), 'utf8')) as StoredManifest;
    if (stored.version !== cacheVersion || typeof stored.articles !== 'object' || stored.articles === null) {
      return { articles: new Map() };
    }
    return {
      articles: new Map(Object.entries(stored.articles)),
    };
  } catch {
    return { articles: new Map() };
  }
}

export async function saveCache(outDir: string, manifest: CacheManifest): Promise<void> {
  const stored: StoredManifest = {
    version: cacheVersion,
    articles: Object.fromEntries(manifest.articles),
  };
  await writeFileAtomically(path.join(outDir, cacheFileName), `${JSON.stringify(stored)}\n`);
}
