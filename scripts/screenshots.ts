/**
 * Takes the screenshots the reader's look is judged by: the Sora article built with the real
 * command, served, and shown in Debian's Chromium at 1440 px (the top, a note open, a verdict
 * filter on, the strong marks, the claims panel open), at 390 px (the top, a note open as a
 * sheet), in the dark theme with a note open, and printed (print media, the first page),
 * written as PNG files to `docs/screenshots/` (or the folder given).
 *
 *   npx tsx scripts/screenshots.ts [FOLDER]
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { gotoReader, openPage, repository, soraSlug, startSite, stopSite } from '../test/browser/harness.ts';

const folder = path.resolve(process.argv[2] ?? path.join(repository, 'docs/screenshots'));
await mkdir(folder, { recursive: true });
const running = await startSite();
const url = `${running.served.url}${soraSlug}/`;

/** Opens the fifth claim's note by a click on its passage, the pointer then moved away. */
async function openNote(page: Page, tap = false): Promise<void> {
  const mark = page.locator('mark[tabindex="0"]').nth(4);
  await mark.scrollIntoViewIfNeeded();
  if (tap) await mark.tap();
  else await mark.click();
  await page.locator('[data-card]').first().waitFor();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

try {
  const shot = async (name: string, page: Page, fullPage = false): Promise<void> => {
    await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage });
    process.stdout.write(`${path.relative(repository, path.join(folder, `${name}.png`))}\n`);
  };

  const wide = await openPage(running.browser, { viewport: { width: 1440, height: 900 } });
  await gotoReader(wide.page, url);
  await shot('reader-wide-top', wide.page);
  await openNote(wide.page);
  await shot('reader-wide', wide.page);

  await wide.page.keyboard.press('Escape');
  await wide.page.locator('a.marginalia-verdict-count[data-verdict="partly-supported"]').click();
  await wide.page.mouse.move(0, 0);
  await shot('reader-filter', wide.page);
  await wide.page.locator('a.marginalia-verdict-count[data-verdict="partly-supported"]').click();
  await wide.page.evaluate(() => {
    const reader = document.querySelector('marginalia-reader') as HTMLElement & { markStyle: string };
    reader.markStyle = 'strong';
  });
  await shot('reader-strong', wide.page);
  await wide.page.evaluate(() => {
    const reader = document.querySelector('marginalia-reader') as HTMLElement & { markStyle: string };
    reader.markStyle = 'calm';
  });
  await wide.page.locator('button[aria-controls="panel"]').click();
  await wide.page.locator('.panel').waitFor();
  await wide.page.mouse.move(0, 0);
  await shot('reader-panel', wide.page);

  const narrow = await openPage(running.browser, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await gotoReader(narrow.page, url);
  await shot('reader-narrow-top', narrow.page);
  await openNote(narrow.page, true);
  await shot('reader-narrow', narrow.page);

  const dark = await openPage(running.browser, {
    viewport: { width: 1440, height: 900 },
    colorScheme: 'dark',
  });
  await gotoReader(dark.page, url);
  await openNote(dark.page);
  await shot('reader-dark', dark.page);

  const print = await openPage(running.browser, { viewport: { width: 800, height: 1100 } });
  await gotoReader(print.page, url);
  await print.page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await print.page.evaluate(() => window.scrollTo(0, 0));
  await shot('reader-print', print.page);
} finally {
  await stopSite(running);
}
