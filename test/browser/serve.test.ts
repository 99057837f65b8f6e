/**
 * `marginalia serve` (and `npm start`): builds and serves on 127.0.0.1 and prints the address;
 * with `--watch`, a change in the articles folder rebuilds and shows the open page anew in place,
 * where the reader was, without a reload, and later saves by replacing only what changed (in
 * real Chromium, under the page's CSP).
 */
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Served } from '../../src/serve/serve.ts';
import { serveSite, type SiteOptions } from '../../src/serve/site.ts';
import { startArgs } from '../../src/serve/start.ts';
import { gotoReader, launchChromium, openPage, refreshed, repository, soraSlug } from './harness.ts';

let folder: string;
let browser: Browser;
const running: Served[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-serve-'));
  await cp(path.join(repository, 'article'), path.join(folder, 'article'), { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(running.map((served) => served.close()));
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** What `marginalia serve` is given, less its output. */
function siteOptions(options: Partial<SiteOptions>, lines: string[] = []): SiteOptions {
  return {
    paths: [path.join(folder, 'article')],
    out: path.join(folder, 'static'),
    host: '127.0.0.1',
    port: 0,
    watch: false,
    edit: false,
    cwd: folder,
    stdout: (line) => lines.push(line),
    stderr: (line) => lines.push(line),
    ...options,
  };
}

describe('marginalia serve', () => {
  it('should build, serve on 127.0.0.1 and print the address of each article', async () => {
    // Arrange
    const lines: string[] = [];

    // Act
    const served = await serveSite(siteOptions({}, lines));
    running.push(served);
    const response = await fetch(`${served.url}${soraSlug}/`);

    // Assert
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines).toContain(`Marginalia is serving at ${served.url}`);
    expect(lines.some((line) => line.includes(`${soraSlug}/index.html`))).toBe(true);
    expect(lines).toContain(`  ${served.url}${soraSlug}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<marginalia-reader>');
  });

  it('should rebuild when an article changes and show it in the open page in place, where it was', async () => {
    // Arrange
    const articles = path.join(folder, 'article');
    const served = await serveSite(siteOptions({ watch: true, out: path.join(folder, 'watched') }));
    running.push(served);
    const { page, trouble } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await gotoReader(page, `${served.url}${soraSlug}/`);
    await page.evaluate(() => window.scrollTo({ top: 600, behavior: 'instant' }));
    await page.waitForTimeout(300);
    let loads = 0;
    page.on('load', () => (loads += 1));
    const order = await page
      .locator('li.marginalia-note')
      .evaluateAll((notes) => notes.map((note) => note.getAttribute('data-claim')));

    // Act
    await refreshed(page, () =>
      appendFile(path.join(articles, `${soraSlug}.txt`), '\nA paragraph added while the page was open.\n'),
    );
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.locator('mark[tabindex="0"]').first().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('j');

    // Assert
    expect(await page.locator('article p').last().innerText()).toBe(
      'A paragraph added while the page was open.',
    );
    expect(loads).toBe(0);
    expect(scrolled).toBe(600);
    expect(await page.locator('marginalia-reader').count()).toBe(1);
    expect(await page.locator('mark[tabindex="0"]').count()).toBeGreaterThan(10);
    // One press of j, one claim on: the reader that was replaced listens to nothing any more.
    expect(page.url()).toMatch(new RegExp(`#note-${order[1]}$`));
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('should show a later save by replacing only what changed, the reader wired on it', async () => {
    // Arrange: a copy of its own; once the server has compiled it again in the background, its
    // first save is sent as what changed.
    const articles = path.join(folder, 'patched-article');
    await cp(path.join(repository, 'article'), articles, { recursive: true });
    const claimsFile = path.join(articles, `${soraSlug}.claims.yaml`);
    const served = await serveSite(
      siteOptions({ paths: [articles], watch: true, out: path.join(folder, 'patched') }),
    );
    running.push(served);
    const { page, trouble } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await gotoReader(page, `${served.url}${soraSlug}/`);
    const original = await readFile(claimsFile, 'utf8');
    await served.idle();
    await page.locator('li.marginalia-note .marginalia-copy-actions').first().waitFor({ state: 'attached' });
    const version = () =>
      page.evaluate(() =>
        document.querySelector('meta[name="marginalia-page-version"]')?.getAttribute('content'),
      );
    const before = await version();
    await page.evaluate(() => {
      (window as unknown as { kept: Element | null }).kept = document.querySelector('marginalia-reader');
    });
    let loads = 0;
    page.on('load', () => (loads += 1));

    // Act
    await writeFile(
      claimsFile,
      original.replace('OpenAI announced Sora', 'OpenAI, in a patch, announced Sora'),
    );
    const note = page.locator('li.marginalia-note[data-claim="sora-unveiling"]');
    await expect
      .poll(() => note.evaluate((element) => element.textContent), { timeout: 20_000 })
      .toContain('OpenAI, in a patch, announced Sora');
    await note.locator('.marginalia-copy-actions').waitFor({ state: 'attached' });
    await page.locator('mark[data-claims~="sora-unveiling"]').first().click();
    await page.locator('[data-card="sora-unveiling"]').waitFor({ timeout: 5000 });

    // Assert: the same page and reader, a new version, the note's copy buttons, and the card of
    // the passage's note shows the new text (the reader read the notes again).
    expect(loads).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { kept: Element | null }).kept?.isConnected)).toBe(
      true,
    );
    expect(await version()).not.toBe(before);
    expect(await note.locator('.marginalia-copy-actions').count()).toBe(1);
    await expect
      .poll(() => page.locator('[data-card="sora-unveiling"]').innerText())
      .toContain('OpenAI, in a patch, announced Sora');
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('should refuse a wrong command line with exit code 2', async () => {
    // Arrange
    const errors: string[] = [];
    const io = { stdout: () => undefined, stderr: (line: string) => errors.push(line) };

    // Act
    const codes = [
      await main(['serve', '--port', 'eighty'], io),
      await main(['serve', '--bogus'], io),
      await main(['serve', '--edit', '--host', '0.0.0.0', path.join(folder, 'article')], io),
    ];

    // Assert
    expect(codes).toEqual([2, 2, 2]);
    expect(errors.join('\n')).toContain('--port must be a port number');
    expect(errors.join('\n')).toContain('--edit serves on this machine only');
  });

  it('should make npm start serve with watch and edit on, and take --articles', () => {
    // Arrange
    const argv = ['--articles', 'texts', '--port', '8080'];

    // Act
    const args = startArgs(argv);

    // Assert
    expect(args).toEqual(['serve', '--watch', '--edit', 'texts', '--port', '8080']);
    expect(startArgs(['--host', '0.0.0.0'])).toEqual(['serve', '--watch', '--host', '0.0.0.0']);
  });
});
