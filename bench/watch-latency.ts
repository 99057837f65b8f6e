/**
 * Watch mode as an editor waits for it: from saving a claims file to the open page showing the
 * change. `marginalia serve --watch --edit` runs in this process on a copy of the articles, the
 * page is open in Chromium, and each run changes the title in the claims file, timing from just
 * before the write to the first frame that shows the new title (polled on every animation frame,
 * the page's clock, which is this machine's), and to the reader being wired on it again.
 *
 * Used by `npm run bench` (the seed article, and the 1 MB article with 10,000 claims) and by
 * `test/browser/watch-latency.test.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { serveSite } from '../src/serve/site.ts';

export interface WatchLatency {
  /** From the write to the first frame that shows the change, each run. */
  shown: number[];
  /** From the write to the reader being ready on the changed page, each run. */
  ready: number[];
  /** Errors the page reported (none expected). */
  errors: string[];
  /** The claims the page shows (its notes). */
  claims: number;
}

export interface WatchLatencyOptions {
  browser: Browser;
  /** The folder of articles, served and watched. */
  articles: string;
  slug: string;
  /** The claims file the runs change (and put back afterwards). */
  claimsFile: string;
  /** Where the pages are built. */
  out: string;
  runs: number;
  /** How long one run may take before it counts as a failure. */
  timeoutMs?: number;
}

const titleLine = /^( {2}title: )(.*)$/mu;

export async function measureWatchLatency(options: WatchLatencyOptions): Promise<WatchLatency> {
  const { browser, articles, slug, claimsFile, out, runs, timeoutMs = 60_000 } = options;
  const site = await serveSite({
    paths: [articles],
    out,
    host: '127.0.0.1',
    port: 0,
    watch: true,
    edit: true,
    cwd: articles,
    stdout: () => undefined,
    stderr: () => undefined,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const original = await readFile(claimsFile, 'utf8');
  if (!titleLine.test(original)) throw new Error(`${claimsFile} has no "  title:" line to change`);
  try {
    await page.goto(`${site.url}${slug}/`, { timeout: timeoutMs });
    await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached', timeout: timeoutMs });
    const claims = await page.locator('li.marginalia-note').count();
    const times: WatchLatency = { shown: [], ready: [], errors, claims };
    for (let run = 1; run <= runs; run++) {
      const marker = `(save ${run})`;
      const changed = original.replace(titleLine, (_, key: string, title: string) =>
        title.startsWith('"') ? `${key}${title.slice(0, -1)} ${marker}"` : `${key}${title} ${marker}`,
      );
      await page.waitForTimeout(300);
      await site.idle();
      const saved = Date.now();
      await writeFile(claimsFile, changed);
      const shown = await page.waitForFunction(
        (text) => (document.querySelector('h1')?.textContent?.includes(text) ? Date.now() : false),
        marker,
        { polling: 'raf', timeout: timeoutMs },
      );
      times.shown.push(Number(await shown.jsonValue()) - saved);
      const ready = await page.waitForFunction(
        () => (document.querySelector('marginalia-reader[data-enhanced]') ? Date.now() : false),
        null,
        { polling: 'raf', timeout: timeoutMs },
      );
      times.ready.push(Number(await ready.jsonValue()) - saved);
    }
    return times;
  } finally {
    await context.close();
    await site.close();
    await writeFile(claimsFile, original);
  }
}
