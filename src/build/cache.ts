/**
 * The build cache: `DIR/marginalia-cache.json` in the output folder, so that a build rebuilds
 * only the articles whose source, claims or program changed.
 *
 * An article's key is a SHA-256 of everything its page is made from: the program (every
 * source file under `src/` but tests, or the compiled `dist/` as its package build recorded it;
 * the package manifest and lockfiles; the Node.js version),
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
    else if (entry.isFile() && !notProgram.test(entry.name)) found.push(file);
  }
  return found;
}

/** Files beside the program that are not part of it: tests, and the package build's own records. */
const notProgram = /\.test\.ts$|^\.stamp$|^\.tsbuildinfo$|^program-id\.txt$/u;

async function contentOrNothing(file: string): Promise<Buffer | string> {
  try {
    return await readFile(file);
  } catch {
    return 'missing';
  }
}

/**
 * Where the package build (`scripts/build-package.ts`) records `programFilesHash` of `dist/`,
 * once, after writing it: hashing the 400 files of the compiled program in every command took
 * a build of one small article ~150 ms.
 */
export const programIdName = 'program-id.txt';

/** A hash of every file of the program under `root` (its path and bytes). */
export async function programFilesHash(root: string): Promise<string> {
  const files = (await sourceFiles(root)).sort();
  const contents = await Promise.all(files.map((file) => readFile(file)));
  return sha256(
    ...files.flatMap((file, index) => [
      path.relative(root, file).split(path.sep).join('/'),
      contents[index] ?? 'missing',
    ]),
  );
}

let program: Promise<string> | undefined;

/**
 * The hash of the program that builds: any change to a source file, a dependency or Node.js
 * makes it change. Computed once per process; for the compiled package, its files' hash is the
 * one its build recorded (`dist/` is written only by that build, which records it again).
 */
export function programHash(): Promise<string> {
  program ??= (async () => {
    const recorded = await readFile(path.join(sourceRoot, programIdName), 'utf8').then(
      (text) => text.trim(),
      () => '',
    );
    const files = /^[0-9a-f]{64}$/u.test(recorded) ? recorded : await programFilesHash(sourceRoot);
    const names = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
    const lockfiles = await Promise.all(names.map((name) => contentOrNothing(path.join(packageRoot, name))));
    return sha256(
      `marginalia-cache-${cacheVersion}`,
      process.version,
      files,
      ...names.flatMap((name, index) => [name, lockfiles[index] ?? 'missing']),
    );
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
