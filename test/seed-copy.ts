/**
 * A copy of the seed article in a temporary folder of its own, for tests that edit it: the
 * folder, the article's paths as the build takes them, and a way to remove it all.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticlePaths } from '../src/build/discover.ts';

export const seedSlug = 'sora-china-ai-video';

export interface SeedCopy {
  /** The temporary folder (the article is in its `article/`). */
  work: string;
  paths: ArticlePaths & { article: string; claims: string };
  remove(): void;
}

export function copySeed(prefix: string): SeedCopy {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const articles = path.join(work, 'article');
  const seed = new URL('../article/', import.meta.url);
  const article = path.join(articles, `${seedSlug}.txt`);
  const claims = path.join(articles, `${seedSlug}.claims.yaml`);
  cpSync(new URL(`${seedSlug}.txt`, seed), article);
  cpSync(new URL(`${seedSlug}.claims.yaml`, seed), claims);
  return {
    work,
    paths: { slug: seedSlug, article, claims, format: 'txt' },
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}
