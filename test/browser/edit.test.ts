/**
 * Edit mode (`marginalia serve --edit`, `npm start`) in real Chromium, as an editor uses it:
 * select a passage → "New claim" → save → the claims file on disk has it, its comments intact,
 * and the page shows the mark and the note; edit and delete from the note; a reference from
 * BibTeX; a change made on disk meanwhile is refused, not lost; a broken claims file shows the
 * problems over the page. Screenshots go to test/browser/screenshots/edit-*.png.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type Site } from '../../src/serve/site.ts';
import {
  gotoReader,
  launchChromium,
  openPage,
  repository,
  screenshots,
  soraSlug,
  type PageTrouble,
} from './harness.ts';

let folder: string;
let claimsPath: string;
let original: string;
let browser: Browser;
let site: Site;
let page: Page;
let trouble: PageTrouble;

const commentLines = (text: string): string[] => text.split('\n').filter((line) => /^\s*#/u.test(line));
const claimsText = (): Promise<string> => readFile(claimsPath, 'utf8');

/** Selects `words` in paragraph `paragraph` of the page, as a mouse would. */
async function select(words: string, paragraph: number): Promise<void> {
  await page.evaluate(
    ({ words, paragraph }) => {
      const block = document.getElementById(`p-${paragraph}`);
      if (!block) throw new Error(`no paragraph ${paragraph}`);
      block.scrollIntoView({ block: 'center', behavior: 'instant' });
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(words);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
      throw new Error(`“${words}” is not in one text node of paragraph ${paragraph}`);
    },
    { words, paragraph },
  );
}

/** Waits for the page to reload (after a save) and the reader to be ready again. */
async function reloaded(action: () => Promise<unknown>): Promise<void> {
  const load = page.waitForEvent('load', { timeout: 20_000 });
  await action();
  await load;
  await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });
  await page.waitForSelector('marginalia-editor', { state: 'attached' });
}

/** Opens a claim's note, as the claims panel or a link would (it may be open already: the address follows it). */
async function openNote(id: string): Promise<void> {
  await page.evaluate((claimId) => document.querySelector('marginalia-reader')?.openNote(claimId), id);
}

const form = (selector: string) => page.locator(`marginalia-claim-form ${selector}`);
const formButton = (name: string) => page.locator('marginalia-claim-form').getByRole('button', { name });
/** A note's text (the notes section is the page's; the reader shows it in a card). */
const noteText = async (id: string): Promise<string> =>
  (await page.locator(`#note-${id}`).textContent())?.replace(/\s+/gu, ' ') ?? '';

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-edit-'));
  await cp(path.join(repository, 'article'), path.join(folder, 'article'), { recursive: true });
  claimsPath = path.join(folder, 'article', `${soraSlug}.claims.yaml`);
  original = await claimsText();
  browser = await launchChromium();
  site = await serveSite({
    paths: [path.join(folder, 'article')],
    out: path.join(folder, 'build'),
    host: '127.0.0.1',
    port: 0,
    watch: true,
    edit: true,
    cwd: folder,
    stdout: () => undefined,
    stderr: () => undefined,
  });
  // At three quarters of the pixels: the screenshots are small enough for the README (docs/editing/).
  ({ page, trouble } = await openPage(browser, {
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 0.75,
  }));
  await gotoReader(page, `${site.url}${soraSlug}/`);
  await page.waitForSelector('marginalia-editor', { state: 'attached' });
});

afterAll(async () => {
  await site?.close();
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('edit mode', { timeout: 60_000 }, () => {
  it('should save a new claim from a selection into the claims file and show it in the page', async () => {
    // Arrange
    await select('innovative technology', 2);
    const newClaim = page.locator('marginalia-editor').getByRole('button', { name: 'New claim' });
    await newClaim.waitFor();
    await page.screenshot({ path: path.join(screenshots, 'edit-selection.png') });
    await newClaim.click();
    await expect.poll(() => form('#quote').inputValue()).toBe('innovative technology');
    expect(await form('#id').inputValue()).toBe('innovative-technology');
    expect(await form('#prefix').inputValue()).toBe('');

    // Act
    await form('#kind').selectOption('opinion');
    await form('#note').fill(
      'The article’s *own* praise; no source. See [the report](https://openai.com/index/sora/).',
    );
    await expect.poll(() => form('.preview em').count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'edit-new-claim.png') });
    await reloaded(() => form('button[type="submit"]').click());

    // Assert
    const text = await claimsText();
    expect(text).toContain(
      '  - id: innovative-technology\n    quote: innovative technology\n    kind: opinion\n',
    );
    expect(commentLines(text)).toEqual(commentLines(original));
    expect(text.startsWith(original.trimEnd())).toBe(true);
    expect(await page.locator('mark[data-claims~="innovative-technology"]').innerText()).toBe(
      'innovative technology',
    );
    expect(await noteText('innovative-technology')).toContain(
      'The article’s own praise; no source. See the report.',
    );
    expect(trouble.errors).toEqual([]);
  });

  it('should propose a prefix or suffix when the selected words occur more than once', async () => {
    // Arrange
    await select('Chinese tech companies', 5);

    // Act
    await page.locator('marginalia-editor').getByRole('button', { name: 'New claim' }).click();
    await expect.poll(() => form('#quote').inputValue()).toBe('Chinese tech companies');

    // Assert
    const context = (await form('#prefix').inputValue()) + (await form('#suffix').inputValue());
    expect(context.trim()).not.toBe('');
    await formButton('Cancel').click();
  });

  it('should edit a claim from its note card', async () => {
    // Arrange
    await page.locator('mark[data-claims~="innovative-technology"]').click();
    const tools = page.locator('marginalia-editor [part="note-tools"]');
    await page.screenshot({ path: path.join(screenshots, 'edit-note-tools.png') });
    await tools.getByRole('button', { name: 'Edit claim' }).click();

    // Act
    await form('#verdict').selectOption('unsupported');
    await form('#note').fill('Praise, with nothing to back it.');
    await reloaded(() => form('button[type="submit"]').click());

    // Assert
    const text = await claimsText();
    expect(text).toContain(
      '    kind: opinion\n    verdict: unsupported\n    note: Praise, with nothing to back it.\n',
    );
    expect(commentLines(text)).toEqual(commentLines(original));
    expect(
      await page.locator('mark[data-claims~="innovative-technology"]').getAttribute('data-verdict'),
    ).toBe('unsupported');
  });

  it('should add a reference pasted as BibTeX and cite it', async () => {
    // Arrange
    await openNote('innovative-technology');
    await page
      .locator('marginalia-editor [part="note-tools"]')
      .getByRole('button', { name: 'Edit claim' })
      .click();
    await formButton('Add a reference…').click();
    const bibtex =
      '@article{brooks2024video, title={Video generation models as world simulators, revisited}, ' +
      'author={Brooks, Tim and Peebles, Bill}, journal={Technical notes}, year={2024}, month=feb}';

    // Act
    await page.locator('marginalia-reference-form #paste').fill(bibtex);
    await page.locator('marginalia-reference-form').getByRole('button', { name: 'Read reference' }).click();
    await expect
      .poll(() => page.locator('marginalia-reference-form #ref-id-0').inputValue())
      .toBe('brooks2024video');
    await page.screenshot({ path: path.join(screenshots, 'edit-add-reference.png') });
    await page
      .locator('marginalia-reference-form')
      .getByRole('button', { name: 'Add this reference' })
      .click();
    expect(await form('input[value="brooks2024video"]').isChecked()).toBe(true);
    await reloaded(() => form('button[type="submit"]').click());

    // Assert
    const text = await claimsText();
    expect(text).toContain('  - id: brooks2024video\n    type: article-journal\n');
    expect(text).toContain('    issued: 2024-02\n');
    expect(text).toContain('    cites: [brooks2024video]\n');
    expect(commentLines(text)).toEqual(commentLines(original));
    expect(await noteText('innovative-technology')).toContain('revisited');
  });

  it('should refuse a change made against a file that changed on disk, and lose neither', async () => {
    // Arrange
    await select('minute-long videos', 2);
    await page.locator('marginalia-editor').getByRole('button', { name: 'New claim' }).click();
    await form('#note').fill('A draft that must not be lost.');
    const changedOnDisk = `${await claimsText()}# Added in a text editor meanwhile.\n`;
    await writeFile(claimsPath, changedOnDisk);
    await expect
      .poll(() => page.locator('marginalia-editor [part="status"]').innerText())
      .toContain('reloads when');

    // Act
    await reloaded(() => form('button[type="submit"]').click());

    // Assert
    expect(await claimsText()).toBe(changedOnDisk);
    await expect
      .poll(() => form('.error').innerText())
      .toContain('Not saved: the claims file had changed on disk');
    expect(await form('#note').inputValue()).toBe('A draft that must not be lost.');
    await page.screenshot({ path: path.join(screenshots, 'edit-refused-stale.png') });
    await formButton('Cancel').click();
    // The refusal is an HTTP 409, which the browser logs: expected here, and nowhere else.
    expect(trouble.errors.filter((error) => !error.includes('409 (Conflict)'))).toEqual([]);
    trouble.errors.length = 0;
  });

  it('should delete a claim from its note card', async () => {
    // Arrange
    await openNote('innovative-technology');
    const tools = page.locator('marginalia-editor [part="note-tools"]');
    await tools.getByRole('button', { name: 'Delete claim' }).click();
    await page.screenshot({ path: path.join(screenshots, 'edit-delete-claim.png') });

    // Act
    await reloaded(() => tools.getByRole('button', { name: 'Delete', exact: true }).click());

    // Assert
    const text = await claimsText();
    expect(text).not.toContain('id: innovative-technology');
    expect(commentLines(text)).toEqual([...commentLines(original), '# Added in a text editor meanwhile.']);
    expect(await page.locator('mark[data-claims~="innovative-technology"]').count()).toBe(0);
  });

  it('should show the problems of a broken claims file over the page until it builds', async () => {
    // Arrange
    const good = await claimsText();

    // Act
    await writeFile(claimsPath, good.replace('kind: statistic', 'kind: statistics'));
    const overlay = page.locator('marginalia-problems [part="overlay"]');
    await overlay.waitFor({ timeout: 20_000 });

    // Assert
    const shown = await overlay.innerText();
    expect(shown).toMatch(/sora-china-ai-video\.claims\.yaml:\d+:\d+/u);
    expect(shown).toContain('[unknown-kind]');
    expect(shown).toContain('statistics');
    await page.screenshot({ path: path.join(screenshots, 'edit-problems-overlay.png') });
    // The file as it was: the page is that build already, and the overlay goes.
    await writeFile(claimsPath, good);
    await expect
      .poll(() => page.locator('marginalia-problems [part="overlay"]').count(), { timeout: 20_000 })
      .toBe(0);
    expect(trouble.errors).toEqual([]);
  });
});
