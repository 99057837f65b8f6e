/**
 * `npm start`: builds and serves on 127.0.0.1 and prints the address; with `--watch`, a change in
 * the articles folder rebuilds and reloads the open page (in real Chromium, under the page's CSP).
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../src/serve/serve.ts';
import { parseStartArgs, start, StartError } from '../../src/serve/start.ts';
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

describe('npm start', () => {
  it('should build, serve on 127.0.0.1 and print the address of each article', async () => {
    // Arrange
    const lines: string[] = [];
    const options = {
      watch: false,
      port: 0,
      host: '127.0.0.1',
      articles: path.join(folder, 'article'),
      out: path.join(folder, 'static'),
    };

    // Act
    const served = await start(options, (line) => lines.push(line));
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
    const served = await start(
      { watch: true, port: 0, host: '127.0.0.1', articles, out: path.join(folder, 'watched') },
      () => undefined,
    );
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

  it('should refuse a wrong command line with exit code 2', () => {
    // Arrange
    const argv = ['--port', 'eighty'];

    // Act
    const attempt = () => parseStartArgs(argv);

    // Assert
    expect(attempt).toThrow(StartError);
    expect(() => parseStartArgs(['--bogus'])).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(parseStartArgs(['--watch'])).toMatchObject({ watch: true, port: 4173, host: '127.0.0.1' });
  });
});
