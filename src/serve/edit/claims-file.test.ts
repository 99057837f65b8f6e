import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticlePaths } from '../../build/discover.ts';
import { changeClaimsFile, hashOf, InvalidChangeError, StaleError } from './claims-file.ts';

let folder: string;
let article: ArticlePaths;
const claims = `# Comment that must stay.
source: { title: Test }
claims:
  - id: one
    quote: quick brown fox
    kind: fact
    note: A note.
`;
const claim = { id: 'two', quote: 'lazy dog', kind: 'fact', note: 'Another.', cites: [] };

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-claims-file-'));
  await writeFile(path.join(folder, 'a.txt'), 'The quick brown fox jumps over the lazy dog.\n');
  await writeFile(path.join(folder, 'a.claims.yaml'), claims);
  await chmod(path.join(folder, 'a.claims.yaml'), 0o640);
  article = {
    slug: 'a',
    article: path.join(folder, 'a.txt'),
    claims: path.join(folder, 'a.claims.yaml'),
    format: 'txt',
  };
});

afterEach(() => rm(folder, { recursive: true, force: true }));

describe('changeClaimsFile', () => {
  it('should write the change atomically, keeping the file’s comments and permissions', async () => {
    // Arrange
    const hash = hashOf(claims);

    // Act
    const newHash = await changeClaimsFile(article, hash, { type: 'add-claim', claim }, folder);

    // Assert
    const text = await readFile(article.claims ?? '', 'utf8');
    expect(text).toBe(`${claims}  - id: two\n    quote: lazy dog\n    kind: fact\n    note: Another.\n`);
    expect(newHash).toBe(hashOf(text));
    expect((await stat(article.claims ?? '')).mode & 0o777).toBe(0o640);
    expect((await readdir(folder)).sort()).toEqual(['a.claims.yaml', 'a.txt']);
  });

  it('should refuse a change made against an older version of the file, and write nothing', async () => {
    // Arrange
    const changed = `${claims}# Changed in a text editor.\n`;
    await writeFile(article.claims ?? '', changed);

    // Act
    const attempt = changeClaimsFile(article, hashOf(claims), { type: 'add-claim', claim }, folder);

    // Assert
    await expect(attempt).rejects.toThrow(StaleError);
    await expect(attempt).rejects.toThrow('a.claims.yaml was changed on disk since this page loaded');
    expect(await readFile(article.claims ?? '', 'utf8')).toBe(changed);
  });

  it('should refuse a change that the article would not build with, saying why', async () => {
    // Arrange
    const wrong = { ...claim, quote: 'lazy cat' };

    // Act
    const attempt = changeClaimsFile(article, hashOf(claims), { type: 'add-claim', claim: wrong }, folder);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(InvalidChangeError);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        expect.stringMatching(
          /^a\.claims\.yaml:9:12: error Quote of claim "two" is not in the article.*\[quote-not-found\]$/u,
        ),
      ],
    });
    expect(await readFile(article.claims ?? '', 'utf8')).toBe(claims);
  });

  it('should let a change through when the errors it leaves were there before', async () => {
    // Arrange
    const broken = claims.replace('quick brown fox', 'quick red fox');
    await writeFile(article.claims ?? '', broken);

    // Act
    await changeClaimsFile(article, hashOf(broken), { type: 'add-claim', claim }, folder);

    // Assert
    expect(await readFile(article.claims ?? '', 'utf8')).toContain('id: two');
  });
});
