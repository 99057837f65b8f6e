/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, a real build of
 * the articles (plus the fixture pages) in a temporary folder, served on 127.0.0.1, and a watch
 * on each page for console errors and Content-Security-Policy violations.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { serveStatic, type Served } from '../../src/serve/serve.ts';

export const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const screenshots = path.join(repository, 'test/browser/screenshots');
export const soraSlug = 'sora-china-ai-video';
/** The Sora article's title, as its claims file gives it. */
export const soraTitle = '[OpenAI’s Sora and the state of Chinese AI video generation]';

/** Launches headless Chromium, or fails saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: run \`apt-get install chromium\` ` +
        '(or `bash .ci/install-chromium.sh`), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/**
 * Builds `article/` with the real command into a fresh folder and adds the fixture pages
 * (`fixtures/NAME.html` becomes `NAME/index.html`, next to the built articles' assets).
 */
export async function buildSite(): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'marginalia-browser-'));
  await promisify(execFile)(
    process.execPath,
    [path.join(repository, 'bin/marginalia.js'), 'build', 'article', '--out', out],
    {
      cwd: repository,
    },
  );
  const fixtures = path.join(repository, 'test/browser/fixtures');
  for (const name of await readdir(fixtures)) {
    if (!name.endsWith('.html')) continue;
    const folder = path.join(out, name.replace(/\.html$/, ''));
    await mkdir(folder, { recursive: true });
    await copyFile(path.join(fixtures, name), path.join(folder, 'index.html'));
  }
  return out;
}

/** A built site, served, and the browser that reads it: what a browser test file runs against. */
export interface SiteUnderTest {
  site: string;
  served: Served;
  browser: Browser;
}

/**
 * Builds the site (`buildSite`), serves it on 127.0.0.1, launches Chromium and makes the
 * screenshots folder. What was started is stopped again when a later step fails.
 */
export async function startSite(): Promise<SiteUnderTest> {
  const started: Partial<SiteUnderTest> = {};
  try {
    started.site = await buildSite();
    started.served = await serveStatic({ dir: started.site });
    started.browser = await launchChromium();
    await mkdir(screenshots, { recursive: true });
    return started as SiteUnderTest;
  } catch (cause) {
    await stopSite(started);
    throw cause;
  }
}

/** Closes the browser and the server and removes the built site (any of them may be missing). */
export async function stopSite(running: Partial<SiteUnderTest>): Promise<void> {
  await running.browser?.close();
  await running.served?.close();
  if (running.site) await rm(running.site, { recursive: true, force: true });
}

let axeSource: Promise<string> | undefined;

/**
 * The serious and critical axe-core violations on the page, one line each. The style sheets
 * are not preloaded: axe would read the shadow root's linked sheet into an inline <style>,
 * which the page's Content-Security-Policy rightly refuses.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: { preload: boolean },
          ): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { preload: false });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${JSON.stringify(violation.nodes.slice(0, 3).map((node) => node.target))}`,
      );
  });
}

/** Everything a page said went wrong: console errors, uncaught exceptions, CSP violations. */
export interface PageTrouble {
  errors: string[];
}

/** A new page in its own context, watched for trouble. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; trouble: PageTrouble }> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const trouble: PageTrouble = { errors: [] };
  page.on('console', (message) => {
    // Chromium asks every origin for /favicon.ico; the built pages declare no icon.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      trouble.errors.push(`${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => trouble.errors.push(error.message));
  await page.exposeFunction('__marginaliaViolation', (text: string) => trouble.errors.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __marginaliaViolation(text: string): void })
        .__marginaliaViolation;
      report(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, trouble };
}

/**
 * Opens a URL and waits until the reader has wired the page and its parts have arrived (the
 * note cards, the claim map and the panels: a module of their own, asked for as the reader
 * connects).
 */
export async function gotoReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });
  await page.evaluate(async () => {
    await customElements.whenDefined('marginalia-claim-map');
    await document.querySelector('marginalia-reader')?.updateComplete;
  });
}

/**
 * Runs `action` and waits until the page shows its rebuilt article: served in watch or edit mode,
 * a rebuild swaps the new page in place (a new reader element, wired), or reloads it.
 */
export async function refreshed(page: Page, action: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => document.querySelector('marginalia-reader')?.setAttribute('data-old', ''));
  await action();
  await page.waitForSelector('marginalia-reader[data-enhanced]:not([data-old])', {
    state: 'attached',
    timeout: 20_000,
  });
  await page.evaluate(() => document.querySelector('marginalia-reader')?.updateComplete);
}

/** The bounding box of an element, failing when it is not rendered. */
export async function box(
  page: Page,
  selector: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not rendered`);
  return found;
}
