import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  articleKey,
  cacheFileName,
  loadCache,
  programFilesHash,
  programHash,
  programIdName,
  saveCache,
  type CacheManifest,
} from './cache.ts';
import type { ArticlePaths } from './discover.ts';

const work = mkdtempSync(path.join(tmpdir(), 'marginalia-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function article(name: string, text: string, claims: string): ArticlePaths {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'a.txt'), text);
  writeFileSync(path.join(dir, 'a.claims.yaml'), claims);
  return {
    slug: 'a',
    article: path.join(dir, 'a.txt'),
    claims: path.join(dir, 'a.claims.yaml'),
    format: 'txt',
  };
}

describe('articleKey', () => {
  it('should be the same for the same inputs, and change with the text, the claims, the options or the program', async () => {
    // Arrange
    const program = await programHash();
    const base = article('base', 'Text.', 'claims: []');
    const same = article('same', 'Text.', 'claims: []');

    // Act
    const keys = await Promise.all([
      articleKey(base, {}, program),
      articleKey(same, {}, program),
      articleKey(article('text', 'Text!', 'claims: []'), {}, program),
      articleKey(article('claims', 'Text.', 'claims: [ ]'), {}, program),
      articleKey(base, { baseUrl: 'https://example.org/' }, program),
      articleKey(base, { style: 'mla' }, program),
      articleKey({ ...base, format: 'md' }, {}, program),
      articleKey(base, {}, `${program}x`),
    ]);

    // Assert
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/u);
    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys.slice(1)).size).toBe(keys.length - 1);
    expect(await programHash()).toBe(program);
  });

  it("should hash a program's files by path and content, leaving out tests and the package build's records", async () => {
    // Arrange
    const root = path.join(work, 'program');
    mkdirSync(path.join(root, 'bin'), { recursive: true });
    writeFileSync(path.join(root, 'index.js'), 'export {};');
    writeFileSync(path.join(root, 'bin', 'main.js'), 'run();');
    const before = await programFilesHash(root);

    // Act
    for (const name of ['.stamp', '.tsbuildinfo', programIdName, 'a.test.ts'])
      writeFileSync(path.join(root, name), 'x');
    const withRecords = await programFilesHash(root);
    writeFileSync(path.join(root, 'bin', 'main.js'), 'run(1);');
    const edited = await programFilesHash(root);
    writeFileSync(path.join(root, 'bin', 'main.js'), 'run();');
    writeFileSync(path.join(root, 'bin', 'other.js'), '');
    const added = await programFilesHash(root);

    // Assert
    expect(before).toMatch(/^[0-9a-f]{64}$/u);
    expect(withRecords).toBe(before);
    expect(edited).not.toBe(before);
    expect(added).not.toBe(before);
  });

  it('should give no key for an article whose file cannot be read', async () => {
    // Arrange
    const paths = article('unreadable', 'Text.', 'claims: []');

    // Act
    const key = await articleKey({ ...paths, claims: path.join(work, 'nowhere.claims.yaml') }, {}, 'p');

    // Assert
    expect(key).toBeUndefined();
  });
});

describe('loadCache and saveCache', () => {
  it('should read back what was saved, slugs of any name included', async () => {
    // Arrange
    const dir = path.join(work, 'saved');
    const manifest: CacheManifest = {
      articles: new Map([
        [
          '__proto__',
          { key: 'k', record: { slug: '__proto__', title: 'T', ok: true, claims: 1 }, dependencies: [] },
        ],
      ]),
    };

    // Act
    await saveCache(dir, manifest);
    const loaded = await loadCache(dir);

    // Assert
    expect(loaded).toEqual(manifest);
  });

  it('should read a missing, broken or foreign cache file as an empty cache', async () => {
    // Arrange
    const broken = path.join(work, 'broken');
    const foreign = path.join(work, 'foreign');
    mkdirSync(broken, { recursive: true });
    mkdirSync(foreign, { recursive: true });
    writeFileSync(path.join(broken, cacheFileName), '{"version": 1, "articles": ');
    writeFileSync(path.join(foreign, cacheFileName), '{"version": 99, "articles": {}}');

    // Act
    const loaded = await Promise.all([path.join(work, 'none'), broken, foreign].map((dir) => loadCache(dir)));

    // Assert
    for (const manifest of loaded) expect(manifest).toEqual({ articles: new Map() });
  });
});
