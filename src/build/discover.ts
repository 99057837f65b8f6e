/**
 * Find the articles named on the command line: a source file (`.txt`/`.md`), a claims file,
 * or a folder (every article in it). An article is a source file and its claims file side by
 * side, named by its slug: `<slug>.txt|.md` + `<slug>.claims.yaml|.claims.yml|.claims.json`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ArticlePaths {
  slug: string;
  /** The source text, or undefined when a claims file has no article beside it. */
  article: string | undefined;
  /** The claims file, or undefined when the article has none. */
  claims: string | undefined;
  format: 'txt' | 'md';
}

const claimsSuffixes = ['.claims.yaml', '.claims.yml', '.claims.json'] as const;
const sourceSuffixes = ['.txt', '.md'] as const;

export class UsageError extends Error {}

/** The slug and kind of a file, or undefined when it is not part of an article. */
function classify(file: string): { slug: string; role: 'claims' | 'txt' | 'md' } | undefined {
  const name = path.basename(file);
  for (const suffix of claimsSuffixes) {
    if (name.endsWith(suffix)) return { slug: name.slice(0, -suffix.length), role: 'claims' };
  }
  for (const suffix of sourceSuffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      return { slug: name.slice(0, -suffix.length), role: suffix === '.txt' ? 'txt' : 'md' };
    }
  }
  return undefined;
}

function articleFor(
  dir: string,
  slug: string,
  found: { txt?: string; md?: string; claims?: string },
): ArticlePaths {
  const article = found.txt ?? found.md;
  return {
    slug,
    article: article === undefined ? undefined : path.join(dir, article),
    claims: found.claims === undefined ? undefined : path.join(dir, found.claims),
    format: found.txt === undefined && found.md !== undefined ? 'md' : 'txt',
  };
}

/** Every article in a folder, by slug. */
function inFolder(dir: string): ArticlePaths[] {
  const bySlug = new Map<string, { txt?: string; md?: string; claims?: string }>();
  for (const name of readdirSync(dir).sort()) {
    const kind = classify(name);
    if (!kind || !statSync(path.join(dir, name)).isFile()) continue;
    if (name.toLowerCase() === 'readme.md') continue;
    const entry = bySlug.get(kind.slug) ?? {};
    entry[kind.role] ??= name;
    bySlug.set(kind.slug, entry);
  }
  return [...bySlug].map(([slug, found]) => articleFor(dir, slug, found));
}

/** The article that one file belongs to. */
function ofFile(file: string): ArticlePaths {
  const kind = classify(file);
  if (!kind) {
    throw new UsageError(
      `${file} is not an article: name a .txt or .md file, a .claims.yaml file, or a folder`,
    );
  }
  const dir = path.dirname(file);
  const found: { txt?: string; md?: string; claims?: string } = {};
  for (const suffix of sourceSuffixes) {
    if (existsSync(path.join(dir, kind.slug + suffix)))
      found[suffix === '.txt' ? 'txt' : 'md'] ??= kind.slug + suffix;
  }
  for (const suffix of claimsSuffixes) {
    if (existsSync(path.join(dir, kind.slug + suffix))) found.claims ??= kind.slug + suffix;
  }
  // The file named wins over a sibling source of the other format.
  if (kind.role === 'txt') {
    found.txt = path.basename(file);
    delete found.md;
  } else if (kind.role === 'md') {
    found.md = path.basename(file);
    delete found.txt;
  }
  return articleFor(dir, kind.slug, found);
}

/** Resolve command-line paths to articles, each once, in the order given. */
export function discoverArticles(paths: readonly string[]): ArticlePaths[] {
  const articles = new Map<string, ArticlePaths>();
  for (const given of paths) {
    if (!existsSync(given)) throw new UsageError(`${given}: no such file or folder`);
    const found = statSync(given).isDirectory() ? inFolder(given) : [ofFile(given)];
    for (const article of found) {
      const key = path.resolve(article.article ?? article.claims ?? article.slug);
      if (!articles.has(key)) articles.set(key, article);
    }
  }
  return [...articles.values()];
}
