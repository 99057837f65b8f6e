/**
 * `marginalia serve` (and `npm start`): builds and serves on 127.0.0.1 and prints the address;
 * with `--watch`, a change in the articles folder rebuilds and reloads the open page (in real
 * Chromium, under the page's CSP).
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Served } from '../../src/serve/serve.ts';
import { serveSite, type SiteOptions } from '../../src/serve/site.ts';
import { startArgs } from '../../src/serve/start.ts';
import { gotoReader, launchChromium, openPage, repository, soraSlug } from './harness.ts';

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

  it('should rebuild when an article changes and reload the open page', async () => {
    // Arrange
    const articles = path.join(folder, 'article');
    const served = await serveSite(siteOptions({ watch: true, out: path.join(folder, 'watched') }));
    running.push(served);
    const { page, trouble } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await gotoReader(page, `${served.url}${soraSlug}/`);
    await page.waitForTimeout(300);

    // Act
    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await appendFile(
      path.join(articles, `${soraSlug}.txt`),
      '\nA paragraph added while the page was open.\n',
    );
    await reloaded;
    await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });

    // Assert
    expect(await page.locator('article p').last().innerText()).toBe(
      'A paragraph added while the page was open.',
    );
    expect(await page.locator('mark[tabindex="0"]').count()).toBeGreaterThan(10);
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
