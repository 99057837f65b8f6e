/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, a real build of
 * the articles (plus the fixture pages) in a temporary folder, served on 127.0.0.1, and a watch
 * on each page for console errors and Content-Security-Policy violations.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const screenshots = path.join(repository, 'test/browser/screenshots');
export const soraSlug = 'sora-china-ai-video';

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

/** Opens a URL and waits until the reader has wired the page. */
export async function gotoReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });
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
