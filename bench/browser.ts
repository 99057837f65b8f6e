/**
 * The built page in headless Chromium (Debian's, through playwright-core), served on
 * 127.0.0.1 by the project's static server. For one page load, in a fresh browser context:
 *
 * - `readyMs`: from navigation start until the reader is ready: `<marginalia-reader>` has set
 *   `data-enhanced` (its marks are wired) and its first render is done (`updateComplete`);
 * - `loadMs`: the load event's end, and `readyAfterLoadMs` = `readyMs - loadMs` (negative when
 *   the reader was ready before the load event);
 * - `firstPaintMs`: the `first-paint` entry (Chromium's; `first-contentful-paint` if missing);
 * - `longestTaskAfterLoadMs`: the longest main-thread task (PerformanceObserver `longtask`,
 *   which reports tasks of 50 ms and more) that started after the load event, watched for
 *   `settleMs` after it; 0 when there was none.
 */
import type { Browser } from 'playwright-core';

export interface PageLoad {
  readyMs: number;
  loadMs: number;
  readyAfterLoadMs: number;
  firstPaintMs: number;
  longestTaskAfterLoadMs: number;
}

/** Headless Chromium, launched as the browser tests launch it (one set of flags for both). */
export async function launch(): Promise<Browser> {
  const { launchChromium } = await import('../test/browser/harness.ts');
  return launchChromium();
}

/** What `watchPage` keeps on `window.__marginaliaBench`. */
interface Watch {
  ready?: number;
  longTasks: Array<{ start: number; duration: number }>;
}

/**
 * Runs in the page before its own scripts: records long tasks and when the reader is ready.
 * Plain JavaScript in a string: the page gets exactly this text (tsx would add helpers to a
 * function's source).
 */
const watchPage = `(() => {
  const watch = { longTasks: [] };
  window.__marginaliaBench = watch;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  let seen = false;
  new MutationObserver(() => {
    const reader = document.querySelector('marginalia-reader[data-enhanced]');
    if (!reader || seen) return;
    seen = true;
    Promise.resolve(reader.updateComplete).then(() => {
      watch.ready = performance.now();
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-enhanced'] });
})();`;

/** Loads `url` once in a fresh context and measures it. */
export async function measurePage(
  browser: Browser,
  url: string,
  settleMs = 1500,
  timeoutMs = 60_000,
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: watchPage });
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    await page.waitForFunction(
      () => (window as unknown as { __marginaliaBench?: Watch }).__marginaliaBench?.ready !== undefined,
      undefined,
      { timeout: timeoutMs },
    );
    await page.waitForTimeout(settleMs);
    return await page.evaluate(() => {
      const watch = (window as unknown as { __marginaliaBench: Watch }).__marginaliaBench;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const loadMs = navigation?.loadEventEnd ?? Number.NaN;
      const paints = performance.getEntriesByType('paint');
      const paint =
        paints.find((entry) => entry.name === 'first-paint') ??
        paints.find((entry) => entry.name === 'first-contentful-paint');
      const after = watch.longTasks.filter((task) => task.start >= (navigation?.loadEventStart ?? 0));
      const readyMs = watch.ready ?? Number.NaN;
      return {
        readyMs,
        loadMs,
        readyAfterLoadMs: readyMs - loadMs,
        firstPaintMs: paint?.startTime ?? Number.NaN,
        longestTaskAfterLoadMs: Math.max(0, ...after.map((task) => task.duration)),
      };
    });
  } finally {
    await context.close();
  }
}
