import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMessages } from '../cli/format-messages.ts';
import { build, type BuildOptions, type BuiltArticle } from './build.ts';
import { discoverArticles } from './discover.ts';

const work = mkdtempSync(path.join(tmpdir(), 'marginalia-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = 'Officials said the river is 120 km long. The bridge will open in 2030.\n';

/** A claims file whose article builds, with one warning (a reference no claim cites). */
function claims(title: string, extra = ''): string {
  return `source: {title: ${title}}
references:
  - {id: spare, type: webpage, title: Spare, issued: 2024, URL: "https://example.org/spare"}
claims:
  - id: river
    quote: the river is 120 km long
    kind: statistic
    note: Measured by the *survey*.
${extra}`;
}

/** A folder of articles: `good-N` (each with a warning) and one `bad` (a quote not in the text). */
function site(name: string, good: number): string {
  const dir = path.join(work, name, 'article');
  mkdirSync(dir, { recursive: true });
  for (let index = 1; index <= good; index += 1) {
    writeFileSync(path.join(dir, `good-${index}.txt`), text);
    writeFileSync(path.join(dir, `good-${index}.claims.yaml`), claims(`Good ${index}`));
  }
  writeFileSync(path.join(dir, 'bad.txt'), text);
  writeFileSync(
    path.join(dir, 'bad.claims.yaml'),
    'source: {title: Bad}\nclaims:\n  - {id: typo, quote: the rivr is 12 km, kind: fact, note: x}\n',
  );
  return dir;
}

async function run(
  dir: string,
  options: Partial<BuildOptions>,
): Promise<{ seen: BuiltArticle[]; ok: boolean }> {
  const seen: BuiltArticle[] = [];
  const result = await build(discoverArticles([dir]), {
    outDir: path.join(dir, '..', 'out'),
    write: true,
    cwd: path.join(dir, '..'),
    // Published under an address, as a site is: no warning that copied links have none.
    baseUrl: 'https://example.org/',
    generated: '2024-01-01T00:00:00Z',
    progress: false,
    onArticle: (article) => seen.push(article),
    ...options,
  });
  expect(result.articles).toEqual(seen);
  return { seen, ok: result.ok };
}

const lines = (articles: BuiltArticle[]) =>
  articles.map((article) => [article.slug, article.ok, formatMessages(article.files)]);

describe('build', () => {
  it('should build on worker threads and report the articles in the order given, as a build on one thread does', async () => {
    // Arrange
    const threads = site('threads', 5);
    const single = site('single', 5);

    // Act
    const parallel = await run(threads, { jobs: 2, cache: false });
    const serial = await run(single, { jobs: 1, cache: false });

    // Assert
    expect(parallel.seen.map((article) => article.slug)).toEqual([
      'bad',
      'good-1',
      'good-2',
      'good-3',
      'good-4',
      'good-5',
    ]);
    expect(lines(parallel.seen)).toEqual(lines(serial.seen));
    expect(parallel.ok).toBe(false);
    expect(lines(parallel.seen)[1]).toEqual([
      'good-1',
      true,
      [
        'article/good-1.claims.yaml:3:10: warning Reference "spare" is not cited by any claim: add it to the cites of the claims it supports, or remove it [unused-reference]',
      ],
    ]);
    for (const slug of ['good-1', 'good-5']) {
      const page = (dir: string) => readFileSync(path.join(dir, '..', 'out', slug, 'index.html'), 'utf8');
      expect(page(threads)).toBe(page(single));
    }
  });

  it('should take unchanged articles from the cache with their messages, and build again only what changed', async () => {
    // Arrange
    const dir = site('cache', 3);
    const first = await run(dir, { jobs: 1 });
    const index = readFileSync(path.join(dir, '..', 'out', 'index.html'), 'utf8');

    // Act
    const again = await run(dir, { jobs: 1 });
    appendFileSync(path.join(dir, 'good-2.claims.yaml'), '# edited\n');
    const edited = await run(dir, { jobs: 1 });
    const otherOptions = await run(dir, { jobs: 1, baseUrl: 'https://example.net/' });

    // Assert
    expect(first.seen.map((article) => article.cached)).toEqual([false, false, false, false]);
    expect(again.seen.map((article) => article.cached)).toEqual([true, true, true, true]);
    expect(lines(again.seen)).toEqual(lines(first.seen));
    expect(again.ok).toBe(false);
    expect(readFileSync(path.join(dir, '..', 'out', 'index.html'), 'utf8')).toBe(index);
    expect(edited.seen.map((article) => [article.slug, article.cached])).toEqual([
      ['bad', true],
      ['good-1', true],
      ['good-2', false],
      ['good-3', true],
    ]);
    expect(otherOptions.seen.every((article) => !article.cached)).toBe(true);
  });

  it('should build again an article whose output folder is gone, and one whose style file changed', async () => {
    // Arrange
    const dir = site('gone', 2);
    writeFileSync(path.join(dir, 'style.csl'), plugins.config.get('@csl').templates.get('harvard1'));
    appendFileSync(path.join(dir, 'good-2.claims.yaml'), 'style: style.csl\n');
    await run(dir, { jobs: 1 });
    rmSync(path.join(dir, '..', 'out', 'good-1'), { recursive: true });

    // Act
    const afterRemoval = await run(dir, { jobs: 1 });
    appendFileSync(path.join(dir, 'style.csl'), '<!-- edited -->\n');
    const afterStyle = await run(dir, { jobs: 1 });

    // Assert
    expect(afterRemoval.seen.map((article) => [article.slug, article.cached])).toEqual([
      ['bad', true],
      ['good-1', false],
      ['good-2', true],
    ]);
    expect(readFileSync(path.join(dir, '..', 'out', 'good-1', 'index.html'), 'utf8')).toContain('<mark');
    expect(afterStyle.seen.map((article) => [article.slug, article.cached])).toEqual([
      ['bad', true],
      ['good-1', true],
      ['good-2', false],
    ]);
  });

  it('should fail each article that throws with an internal error and still finish the build', async () => {
    // Arrange: a `generated` time that is no date makes the annotations throw.
    const dir = site('throws', 2);

    // Act
    const threads = await run(dir, { jobs: 2, generated: 'not a date' });
    const single = await run(dir, { jobs: 1, generated: 'not a date' });

    // Assert
    for (const result of [threads, single]) {
      expect(result.ok).toBe(false);
      expect(result.seen.map((article) => article.slug)).toEqual(['bad', 'good-1', 'good-2']);
      expect(result.seen[0]?.files[1]?.messages[0]?.ruleId).toBe('quote-not-found');
      for (const article of result.seen.slice(1)) {
        expect(article.ok).toBe(false);
        expect(formatMessages(article.files).at(-1)).toMatch(
          /^article\/good-\d\.txt:1:1: error The build of this article stopped on an internal error: .+ \[internal-error\]$/u,
        );
      }
    }
  });
});
