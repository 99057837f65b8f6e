/**
 * How long, in watch mode, from saving a claims file to the open page showing the change (the
 * first frame of the reloaded page that has it), and to the reader being ready on it: the
 * server rebuilds the one article in its warm process and the page reloads. Measured in
 * Chromium on the seed article (the lead's target: a median under 300 ms; the assertion has a
 * generous margin for a busy machine) and, with MARGINALIA_LATENCY_LARGE=1, on the benchmark's
 * 1 MB article with 10,000 claims (target: under 2 s). The figures are printed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../src/serve/site.ts';
import { gotoReader, launchChromium, openPage, repository, soraSlug } from './harness.ts';

let folder: string;
let browser: Browser;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-latency-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

function report(what: string, times: Latency): string {
  return (
    `Watch latency, ${what}: shown after ${median(times.shown)} ms (median; ${times.shown.join(', ')} ms), ` +
    `reader ready after ${median(times.ready)} ms (${times.ready.join(', ')} ms)`
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface Latency {
  /** From the write to the first frame that shows the change. */
  shown: number[];
  /** From the write to the reader being ready on the reloaded page. */
  ready: number[];
}

/**
 * Serves `articles` in watch mode, opens `slug`, and `runs` times changes the title in its claims
 * file, timing from just before the write to the frame of the reloaded page that shows the new
 * title, and to its reader being ready (the page's clock, which is this machine's).
 */
async function measure(articles: string, slug: string, claimsFile: string, runs: number): Promise<Latency> {
  const site = await serveSite({
    paths: [articles],
    out: path.join(folder, `build-${slug}`),
    host: '127.0.0.1',
    port: 0,
    watch: true,
    edit: true,
    cwd: folder,
    stdout: () => undefined,
    stderr: () => undefined,
  });
  const { page, trouble } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await gotoReader(page, `${site.url}${slug}/`);
    const original = await readFile(claimsFile, 'utf8');
    const titleLine = /^( {2}title: )(.*)$/mu;
    const times: Latency = { shown: [], ready: [] };
    for (let run = 1; run <= runs; run++) {
      const marker = `(save ${run})`;
      const changed = original.replace(titleLine, (_, key: string, title: string) =>
        title.startsWith('"') ? `${key}${title.slice(0, -1)} ${marker}"` : `${key}${title} ${marker}`,
      );
      await page.waitForTimeout(300);
      const saved = Date.now();
      await writeFile(claimsFile, changed);
      const shown = await page.waitForFunction(
        (text) => (document.querySelector('h1')?.textContent?.includes(text) ? Date.now() : false),
        marker,
        { polling: 'raf', timeout: 60_000 },
      );
      times.shown.push(Number(await shown.jsonValue()) - saved);
      const ready = await page.waitForFunction(
        () => (document.querySelector('marginalia-reader[data-enhanced]') ? Date.now() : false),
        null,
        { polling: 'raf', timeout: 60_000 },
      );
      times.ready.push(Number(await ready.jsonValue()) - saved);
    }
    expect(trouble.errors).toEqual([]);
    return times;
  } finally {
    await page.context().close();
    await site.close();
  }
}

describe('watch mode', { timeout: 300_000 }, () => {
  it('should show a saved change to the seed article in the open page within moments', async () => {
    // Arrange
    const articles = path.join(folder, 'seed');
    await cp(path.join(repository, 'article'), articles, { recursive: true });

    // Act
    const times = await measure(articles, soraSlug, path.join(articles, `${soraSlug}.claims.yaml`), 7);

    // Assert
    console.log(report('seed article', times));
    expect(median(times.shown)).toBeLessThan(3000);
  });

  it.runIf(process.env['MARGINALIA_LATENCY_LARGE'] === '1')(
    'should show a saved change to a 1 MB article with 10,000 claims within seconds',
    async () => {
      // Arrange
      const { ensureCorpus } = await import('../../bench/corpus.ts');
      const corpus = await ensureCorpus('M');
      const articles = path.join(folder, 'large');
      await cp(corpus.md, path.join(articles, 'sotu.md'), { recursive: true });
      await cp(corpus.claims.get(10_000) ?? '', path.join(articles, 'sotu.claims.yaml'));

      // Act
      const times = await measure(articles, 'sotu', path.join(articles, 'sotu.claims.yaml'), 5);

      // Assert
      console.log(report('1 MB article, 10,000 claims', times));
      expect(median(times.shown)).toBeLessThan(20_000);
    },
  );
});
