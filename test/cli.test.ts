/**
 * The `marginalia` command as a user runs it: real processes, real files in a temporary folder.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'marginalia-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder with an `article/` holding the named fixtures, each under its fixture's name. */
function project(name: string, cases: string[]): string {
  const dir = path.join(work, name);
  for (const fixture of cases) {
    for (const file of ['article.txt', 'article.md', 'article.claims.yaml', 'article.claims.json']) {
      const from = path.join(fixtures, fixture, file);
      if (existsSync(from)) cpSync(from, path.join(dir, 'article', file.replace('article', fixture)));
    }
  }
  return dir;
}

describe('marginalia build', () => {
  it('should build every article in article/ into build/, with the list of articles and the assets', async () => {
    // Arrange
    const dir = project('good', ['basic-txt', 'across-markup']);

    // Act
    const result = await run(['build', '--base-url', 'https://example.org/news/'], dir);

    // Assert
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of [
      'basic-txt/index.html',
      'basic-txt/annotations.jsonld',
      'across-markup/index.html',
      'index.html',
      'assets/marginalia.css',
      'assets/marginalia-reader.js',
    ]) {
      expect(existsSync(path.join(dir, 'build', file)), file).toBe(true);
    }
    const index = readFileSync(path.join(dir, 'build/index.html'), 'utf8');
    expect(index).toContain('href="basic-txt/"');
    expect(index).toContain('The river and the bridge');
    expect(result.stdout).toMatch(/KB gzipped/u);
  });

  it('should exit 1, report FILE:LINE:COLUMN lines, write nothing of the bad article and still build the good one', async () => {
    // Arrange
    const dir = project('mixed', ['basic-txt', 'quote-not-found']);

    // Act
    const result = await run(['build', 'article', '--out', 'public'], dir);

    // Assert
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^article\/quote-not-found\.claims\.yaml:4:12: error Quote of claim "typo" is not in the article.*¶ 1.* \[quote-not-found\]$/mu,
    );
    for (const line of result.stderr.trimEnd().split('\n')) {
      expect(line).toMatch(/^\S+:\d+:\d+: (?:error|warning) .+ \[[a-z0-9-]+\]$/u);
    }
    expect(existsSync(path.join(dir, 'public/quote-not-found'))).toBe(false);
    expect(existsSync(path.join(dir, 'public/basic-txt/index.html'))).toBe(true);
  });

  it('should keep the last good page when a later build of the article fails, with no temporary files left', async () => {
    // Arrange
    const dir = project('rebuild', ['basic-txt']);
    await run(['build'], dir);
    const page = path.join(dir, 'build/basic-txt/index.html');
    const before = readFileSync(page, 'utf8');
    writeFileSync(path.join(dir, 'article/basic-txt.claims.yaml'), 'claims: [\n');

    // Act
    const result = await run(['build'], dir);

    // Assert
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^article\/basic-txt\.claims\.yaml:\d+:\d+: error .*\[claims-syntax\]$/mu);
    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(readFileSync(path.join(dir, 'build/index.html'), 'utf8')).toContain('basic-txt');
    expect(
      (await import('node:fs')).readdirSync(path.join(dir, 'build')).filter((name) => name.startsWith('.')),
    ).toEqual([]);
  });

  it('should fail the articles it wrote and put them back when the list of articles cannot be written', async () => {
    // Arrange
    const dir = project('late-failure', ['basic-txt']);
    await run(['build'], dir);
    const page = path.join(dir, 'build/basic-txt/index.html');
    const before = readFileSync(page, 'utf8');
    const claims = path.join(dir, 'article/basic-txt.claims.yaml');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace(/note: .*/u, 'note: A changed note.'));
    // A folder where the list of articles goes: writing it fails after the page is written.
    rmSync(path.join(dir, 'build/index.html'));
    mkdirSync(path.join(dir, 'build/index.html'));

    // Act
    const result = await run(['build'], dir);

    // Assert
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('✓ build/basic-txt');
    expect(result.stdout).toContain('✗ basic-txt');
    expect(result.stderr).toMatch(
      /^article\/basic-txt\.txt:1:1: error Cannot write the list of articles .*\[write-error\]$/mu,
    );
    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(readdirSync(path.join(dir, 'build')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('should write nothing and fail every article when the reader’s files cannot be written', async () => {
    // Arrange
    const dir = project('no-assets', ['basic-txt']);
    mkdirSync(path.join(dir, 'build'), { recursive: true });
    writeFileSync(path.join(dir, 'build/assets'), 'a file where the assets folder goes');

    // Act
    const result = await run(['build'], dir);

    // Assert
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Cannot write the reader's files to build\/assets: .*nothing was written \[write-error\]$/mu,
    );
    expect(readdirSync(path.join(dir, 'build')).sort()).toEqual(['assets']);
  });

  it('should build one article named by its text file or by its claims file', async () => {
    // Arrange
    const dir = project('single', ['basic-txt', 'quote-not-found']);

    // Act
    const byText = await run(['build', 'article/basic-txt.txt', '--out', 'a'], dir);
    const byClaims = await run(['build', 'article/basic-txt.claims.yaml', '--out', 'b'], dir);

    // Assert
    expect([byText.code, byClaims.code]).toEqual([0, 0]);
    expect(existsSync(path.join(dir, 'a/basic-txt/index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'a/quote-not-found'))).toBe(false);
    expect(existsSync(path.join(dir, 'b/basic-txt/index.html'))).toBe(true);
  });
});

describe('marginalia check', () => {
  it('should validate without writing anything', async () => {
    // Arrange
    const dir = project('check', ['basic-txt', 'duplicate-id']);

    // Act
    const result = await run(['check'], dir);

    // Assert
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^article\/duplicate-id\.claims\.yaml:\d+:\d+: error .*\[duplicate-claim-id\]$/mu,
    );
    expect(existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it('should exit 0 and print no problem for valid articles', async () => {
    const dir = project('check-ok', ['basic-txt']);
    const result = await run(['check', 'article'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('the command line', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/u],
    [['build', '--bogus'], /Unknown option '--bogus'/u],
    [['build', 'no-such-folder'], /no-such-folder: no such file or folder/u],
    [[], /no command given/u],
  ])('should exit 2 for %j', async (args, message) => {
    const result = await run(args, work);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('should print help and exit 0', async () => {
    const result = await run(['--help'], work);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: marginalia <command>/u);
  });
});
