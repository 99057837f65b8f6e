/**
 * The benchmark keeps working: a quick run on S (one run of each measurement, a site of six
 * articles, the S page in Chromium) yields every figure and writes them as JSON. No figure is
 * held to a time here: the machine may be busy; `npm run bench` is where targets are judged.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from './report.ts';
import { runBench } from './run.ts';

const work = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const measured = (value: number) => Number.isFinite(value) && value > 0;

describe('npm run bench -- --quick', () => {
  it('should measure every figure on S and write them as JSON', { timeout: 240_000 }, async () => {
    // Arrange
    const out = path.join(work, 'results');

    // Act
    const results = await runBench({ quick: true, browser: true, out, outputs: path.join(work, 'outputs') });

    // Assert
    expect(results.builds.map((build) => [build.corpus, build.format, build.claims])).toEqual([
      ['S', 'txt', 1000],
      ['S', 'md', 1000],
    ]);
    for (const build of results.builds) {
      expect([build.buildMs, build.plainMs, build.buildRssBytes, build.plainRssBytes].every(measured)).toBe(
        true,
      );
    }
    expect(results.anchoring.map((item) => [item.corpus, item.claims, measured(item.ms)])).toEqual([
      ['S', 1000, true],
    ]);
    expect(results.bundle.gzipBytes).toBeGreaterThan(1000);
    const { site } = results;
    expect([site.coldOneCoreMs, site.coldMs, site.unchangedMs, site.oneChangedMs].every(measured)).toBe(true);
    const browser = results.browser;
    if (browser === undefined || browser.error !== undefined) {
      throw new Error(`No browser measurement: ${browser?.error ?? 'none made'}`);
    }
    expect(
      [browser.readyMs, browser.loadMs, browser.firstPaintMs, browser.firstPaintWithoutClaimsMs].every(
        measured,
      ),
    ).toBe(true);
    const watch = results.watch?.find((result) => result.article === 'seed');
    expect(measured(watch?.shownMs ?? Number.NaN)).toBe(true);
    const { commands } = results;
    expect(
      [commands.plainMs, commands.buildMs, commands.buildColdCacheMs, commands.checkMs].every(measured),
    ).toBe(true);
    expect(results.targets.map((target) => target.id)).toEqual([
      'process-build',
      'process-build-cold',
      'process-check',
      'a-txt-S',
      'd-ready',
      'd-first-paint',
      'd-long-task',
      'watch-seed',
      'e-bundle',
      'site-unchanged',
    ]);
    expect(JSON.parse(readFileSync(path.join(out, 'latest.json'), 'utf8'))).toEqual(results);
    expect(formatReport(results)).toMatch(/^\| S \| txt \| 1,000 \| \d+ ms \| \d+ ms \| [\d.]+× \|/mu);
  });
});
