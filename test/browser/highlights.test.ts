/**
 * The reader's own highlights in real headless Chromium, on the real build of the Sora article:
 * highlighting a selection with a colour and a note, finding it again after a reload, editing,
 * deleting with undo, exporting Markdown and JSON-LD and importing them back, a bad import file,
 * a corrupt stored entry, a full storage quota, two tabs on the same article, and an article
 * edited after the highlights were made. One browser for the file; each test has its own browser
 * context, so its own storage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../src/serve/serve.ts';
import {
  gotoReader,
  openPage,
  screenshots,
  seriousAxeViolations,
  soraSlug,
  soraTitle,
  startSite,
  stopSite,
  type PageTrouble,
} from './harness.ts';

let site: string;
let served: Served;
let browser: Browser;
/** The pages opened by the current test, checked for trouble and closed after it. */
let opened: Array<{ page: Page; trouble: PageTrouble }> = [];

const sora = () => `${served.url}${soraSlug}/`;
const prefix = `marginalia:highlights:${soraSlug}:`;
const title = soraTitle;

/** Passages of the article without claims in them, and one that runs into a claim. */
const passages = {
  faces: ['p-9', 'However, the company faces challenges in applying these technologies effectively'],
  invest: [
    'p-12',
    'While Chinese tech companies continue to invest in AI development, they face challenges in matching Sora’s capabilities',
  ],
  navigates: ['p-14', 'As China navigates the complexities of the global AI race'],
  landscape: ['p-11', 'staying ahead in the rapidly evolving landscape of short-form video content'],
  innovative: ['p-2', 'This innovative technology, capable of generating minute-long videos'],
} as const;

beforeAll(async () => {
  ({ site, served, browser } = await startSite());
});

afterAll(() => stopSite({ site, served, browser }));

afterEach(async () => {
  const pages = opened;
  opened = [];
  const errors = pages.flatMap(({ trouble }) => trouble.errors.splice(0));
  for (const { page } of pages) await page.context().close();
  expect(errors, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
});

/** A new page in a context of its own (so with empty storage), on the Sora article, its highlights loaded. */
async function newReader(
  options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } },
): Promise<Page> {
  const watched = await openPage(browser, options);
  watched.page.setDefaultTimeout(5000);
  opened.push(watched);
  await open(watched.page);
  return watched.page;
}

/** A second page in the same browser context as `page`: another tab of the same browser. */
async function newTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage();
  tab.setDefaultTimeout(5000);
  const trouble: PageTrouble = { errors: [] };
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') trouble.errors.push(message.text());
  });
  tab.on('pageerror', (error) => trouble.errors.push(error.message));
  opened.push({ page: tab, trouble });
  await open(tab);
  return tab;
}

/** Opens (or reloads) the article and waits until the highlights' code has loaded them. */
async function open(page: Page): Promise<void> {
  await gotoReader(page, sora());
  await page.waitForSelector('#highlights', { state: 'attached' });
}

/** Selects `text` in the block with id `id`, with the Selection API. */
async function selectText(page: Page, id: string, text: string): Promise<void> {
  const selected = await page.evaluate(
    ([id, text]) => {
      const block = document.getElementById(id)!;
      const start = (block.textContent ?? '').indexOf(text);
      if (start === -1) throw new Error(`${id} does not contain “${text}”`);
      const point = (offset: number): [Node, number] => {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let left = offset;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = (node as Text).data.length;
          if (left <= length) return [node, left];
          left -= length;
        }
        throw new Error(`${id} has no offset ${offset}`);
      };
      const selection = document.getSelection()!;
      selection.setBaseAndExtent(...point(start), ...point(start + text.length));
      return selection.toString();
    },
    [id, text] as const,
  );
  expect(selected).toBe(text);
}

/** Highlights a passage with the selection toolbar, then chooses its colour and writes its note in its card. */
async function highlight(
  page: Page,
  [id, text]: readonly [string, string],
  colour?: string,
  note?: string,
): Promise<void> {
  // The tab in front: a tab behind it gets no animation frames, which the selection toolbar waits for.
  await page.bringToFront();
  await selectText(page, id, text);
  await page.locator('[data-action="selection-highlight"]').click();
  await page.locator('.hl-card').waitFor();
  if (colour) await page.locator(`.hl-card .hl-colour[data-colour="${colour}"]`).click();
  if (note !== undefined) {
    await page.locator('.hl-card textarea').fill(note);
    await page.locator('.hl-card textarea').press('Control+Enter');
  }
  await page.keyboard.press('Escape');
  await page.locator('.hl-card').waitFor({ state: 'detached' });
}

/** The text of every painted range, by highlight name (`marginalia-hl-yellow`, …). */
function painted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const result: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      const texts: string[] = [];
      highlight.forEach((range) => texts.push(range.toString()));
      result[name] = texts.sort();
    });
    return result;
  });
}

/** The middle of the first line of the painted passage that reads `text`. */
async function passagePoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    let found: DOMRect | undefined;
    CSS.highlights.forEach((highlight) =>
      highlight.forEach((range) => {
        if (range.toString() === text) found ??= (range as Range).getClientRects()[0];
      }),
    );
    if (!found) throw new Error(`No painted passage reads “${text}”`);
    return { x: found.left + found.width / 2, y: found.top + found.height / 2 };
  }, text);
}

/** The middle of the first line of an element. */
async function elementPoint(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rect = element.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
}

/** What the panel lists: each highlight's colour label, quote and note, in order. */
async function listed(page: Page, within = '.hl-panel > .hl-list'): Promise<string[]> {
  return page
    .locator(`${within} .hl-item`)
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

async function openPanel(page: Page): Promise<void> {
  await page.bringToFront();
  if (!(await page.locator('.hl-panel').isVisible())) await page.keyboard.press('m');
  await page.locator('.hl-panel').waitFor();
}

/** The stored highlights of the article: key → parsed value (or the raw text when it is not JSON). */
function stored(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate((prefix) => {
    const result: Record<string, unknown> = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index) ?? '';
      if (!key.startsWith(prefix)) continue;
      const value = localStorage.getItem(key) ?? '';
      try {
        result[key] = JSON.parse(value);
      } catch {
        result[key] = value;
      }
    }
    return result;
  }, prefix);
}

/** Clicks a button and returns the text of the file it downloads, and the file's name. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const where = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(where, 'utf8') };
}

/** Imports a file through the panel's file input. */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('.hl-tools input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/ld+json', buffer: Buffer.from(text) });
}

describe('highlighting', () => {
  it('should highlight a selection with a colour and a note, and find it again after a reload', async () => {
    // Arrange
    const page = await newReader();
    const article = await page.locator('.marginalia-article').innerHTML();

    // Act: the first passage in the default colour, the second in the last colour chosen.
    await highlight(page, passages.navigates);
    await highlight(page, passages.faces, 'blue', 'Which challenges, exactly?');
    await highlight(page, passages.landscape);
    await open(page);

    // Assert
    expect(await painted(page)).toEqual({
      'marginalia-hl-blue': [passages.faces[1], passages.landscape[1]].sort(),
      'marginalia-hl-yellow': [passages.navigates[1]],
    });
    await openPanel(page);
    expect(await listed(page)).toEqual([
      `Question ¶ 9 “${passages.faces[1]}” Which challenges, exactly?`,
      `Question ¶ 11 “${passages.landscape[1]}”`,
      `Important ¶ 14 “${passages.navigates[1]}”`,
    ]);
    expect(await page.locator('button[aria-controls="highlights"] .count').innerText()).toBe('3');
    // The article's DOM is as the build wrote it: the colours are painted, not marked up.
    expect(await page.locator('.marginalia-article').innerHTML()).toBe(article);
    expect(Object.keys(await stored(page))).toHaveLength(3);
  });

  it('should colour highlights with rules the page gets only once the reader highlights something', async () => {
    // Arrange: `::highlight()` rules are tried on every element at every restyle, so a page
    // without highlights must not carry them.
    const page = await newReader();
    const colour = () =>
      page.evaluate(() => {
        const block = document.getElementById('p-14')!;
        const sheets = [...document.styleSheets, ...document.adoptedStyleSheets];
        const rules = sheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
        return {
          rules: rules.filter((rule) => rule.includes('::highlight(')).length,
          background: getComputedStyle(block, '::highlight(marginalia-hl-yellow)').backgroundColor,
        };
      });
    const before = await colour();

    // Act
    await highlight(page, passages.navigates);

    // Assert
    expect(before).toEqual({ rules: 0, background: 'rgba(0, 0, 0, 0)' });
    const after = await colour();
    expect(after.rules).toBe(4);
    expect(after.background).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('should widen a selection to whole words, and make one highlight per paragraph it crosses', async () => {
    // Arrange
    const page = await newReader();
    await selectText(page, 'p-9', 'ever, the company faces challen');

    // Act
    await page.locator('[data-action="selection-highlight"]').click();
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const from = document.getElementById('p-13')!.firstChild!;
      const to = document.getElementById('p-14')!;
      const range = document.createRange();
      range.setStart(from, 0);
      range.setEnd(to.firstChild!, 'As China'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.locator('[data-action="selection-highlight"]').click();
    await page.keyboard.press('Escape');

    // Assert
    const texts = (await painted(page))['marginalia-hl-yellow'];
    const whole = await page.locator('#p-13').evaluate((block) => block.textContent?.trim() ?? '');
    expect(texts).toEqual(['However, the company faces challenges', 'As China', whole].sort());
  });

  it('should open a highlight’s card from its passage, and change its note and colour there', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.invest, 'yellow', 'First thought');
    await page.locator('#p-12').scrollIntoViewIfNeeded();
    const point = await passagePoint(page, passages.invest[1]);

    // Act: a click on the passage opens the card; the note is saved on blur, the colour at once.
    await page.mouse.click(point.x, point.y);
    await page.locator('.hl-card').waitFor();
    const note = page.locator('.hl-card textarea');
    const before = await note.inputValue();
    await note.fill('Second thought');
    await page.locator('.hl-card .hl-colour[data-colour="pink"]').click();
    const pressed = await page.locator('.hl-card .hl-colour[aria-pressed="true"]').innerText();
    await page.locator('.hl-card button[aria-label="Close your highlight"]').click();
    await open(page);

    // Assert
    expect(before).toBe('First thought');
    expect(pressed).toBe('Disagree');
    expect(await painted(page)).toEqual({ 'marginalia-hl-pink': [passages.invest[1]] });
    await openPanel(page);
    expect(await listed(page)).toEqual([`Disagree ¶ 12 “${passages.invest[1]}” Second thought`]);
  });

  it('should save a note with the Save button and say so', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.faces);
    await openPanel(page);

    // Act
    await page.locator('.hl-item').first().click();
    await page.locator('.hl-card textarea').fill('Saved by the button');
    await page.locator('.hl-card button', { hasText: 'Save' }).click();

    // Assert
    expect(await page.locator('.hl-card .hl-status').innerText()).toBe('Note saved.');
    const values = Object.values(await stored(page)) as Array<{ note: string }>;
    expect(values.map((value) => value.note)).toEqual(['Saved by the button']);
  });

  it('should delete a highlight, bring it back with Undo, and delete it for good', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.faces, 'green', 'Keep me');
    await highlight(page, passages.navigates, 'yellow');
    await openPanel(page);

    // Act: delete, undo.
    await page.locator('.hl-item').first().click();
    await page.locator('.hl-card button', { hasText: 'Delete' }).click();
    const afterDelete = await painted(page);
    const focused = await page.evaluate(
      () => document.querySelector('marginalia-reader')?.shadowRoot?.activeElement?.textContent?.trim() ?? '',
    );
    await page.locator('.hl-undo button', { hasText: 'Undo' }).click();
    const afterUndo = await painted(page);
    await open(page);
    const afterReload = await painted(page);
    // Delete again, and let the undo go.
    await openPanel(page);
    await page.locator('.hl-item').first().click();
    await page.locator('.hl-card button', { hasText: 'Delete' }).click();
    await open(page);

    // Assert
    expect(afterDelete).toEqual({ 'marginalia-hl-yellow': [passages.navigates[1]] });
    expect(focused).toBe('Undo');
    const both = {
      'marginalia-hl-green': [passages.faces[1]],
      'marginalia-hl-yellow': [passages.navigates[1]],
    };
    expect(afterUndo).toMatchObject(both);
    expect(afterReload).toEqual(both);
    expect(await painted(page)).toEqual({ 'marginalia-hl-yellow': [passages.navigates[1]] });
    await openPanel(page);
    expect(await listed(page)).toEqual([`Important ¶ 14 “${passages.navigates[1]}”`]);
  });

  it('should offer Undo for a few seconds only', async () => {
    // Arrange
    const page = await newReader();
    await page.clock.install();
    await highlight(page, passages.faces);
    await openPanel(page);
    await page.locator('.hl-item').first().click();

    // Act
    await page.locator('.hl-card button', { hasText: 'Delete' }).click();
    const shown = await page.locator('.hl-undo').isVisible();
    await page.clock.runFor(8100);

    // Assert
    expect(shown).toBe(true);
    await page.locator('.hl-undo').waitFor({ state: 'detached' });
  });
});

describe('export and import', () => {
  it('should export Markdown of cited quotes with their notes, in the reader’s citation style', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.invest, 'green', 'The real point.');
    await highlight(page, passages.faces, 'blue');
    await openPanel(page);

    // Act
    const apa = await download(page, '.hl-tools button:has-text("Export Markdown")');
    await page.keyboard.press('Escape');
    await page.keyboard.press('s');
    await page.locator('.settings select').first().selectOption('mla');
    await page.keyboard.press('Escape');
    await openPanel(page);
    const mla = await download(page, '.hl-tools button:has-text("Export Markdown")');

    // Assert
    expect(apa.name).toBe(`${soraSlug}-highlights.md`);
    const lines = apa.text.split('\n');
    // The title's square brackets are escaped, as Markdown needs.
    expect(lines[0]).toBe(`# Highlights: ${title.replace(/[[\]]/g, '\\$&')}`);
    // In reading order: ¶ 9 before ¶ 12.
    expect(apa.text.indexOf(passages.faces[1])).toBeLessThan(apa.text.indexOf(passages.invest[1]));
    expect(apa.text).toContain(`“${passages.invest[1]}” (*\\[OpenAI’s Sora\\]*, n.d., [para. 12](`);
    expect(apa.text).toContain('**Agree**: The real point.');
    expect(apa.text).toContain('**Question**');
    expect(apa.text).toMatch(/\(n\.d\.\)/);
    expect(apa.text).toMatch(
      new RegExp(`\\[para\\. 12\\]\\(${sora().replace(/[.?]/g, '\\$&')}#p-12:~:text=While`),
    );
    expect(apa.text).toContain('[para. 9](');
    expect(mla.text).toContain('[par. 12](');
  });

  it('should export JSON-LD, import it into an empty browser as the same highlights, and not twice', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.invest, 'green', 'Line one\nline two');
    await highlight(page, passages.faces, 'pink');
    await openPanel(page);
    const before = await listed(page);
    const file = await download(page, '.hl-tools button:has-text("Export JSON-LD")');
    const other = await newReader();
    await openPanel(other);

    // Act
    await importFile(other, file.name, file.text);
    await other.locator('.hl-message').waitFor();
    const first = await other.locator('.hl-message').innerText();
    await importFile(other, file.name, file.text);
    await other.locator('.hl-message', { hasText: 'Nothing new' }).waitFor();
    const second = await other.locator('.hl-message').innerText();
    await open(other);
    await openPanel(other);

    // Assert
    expect(file.name).toBe(`${soraSlug}-highlights.jsonld`);
    const collection = JSON.parse(file.text) as {
      type: string;
      total: number;
      first: { items: Array<{ type: string }> };
    };
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(2);
    expect(first).toBe('Imported 2 highlights.');
    expect(second).toBe('Nothing new: all 2 of its highlights are already here.');
    expect(await listed(other)).toEqual(before);
    expect(await painted(other)).toEqual(await painted(page));
    const ids = (values: Record<string, unknown>) => Object.keys(values).sort();
    expect(ids(await stored(other))).toEqual(ids(await stored(page)));
  });

  it('should merge an import with the highlights already there', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.faces);
    await openPanel(page);
    const file = await download(page, '.hl-tools button:has-text("Export JSON-LD")');
    await page.keyboard.press('Escape');
    await highlight(page, passages.navigates);
    await openPanel(page);
    const other = await newReader();
    await highlight(other, passages.faces);
    await highlight(other, passages.landscape);
    await openPanel(other);
    const merged = await download(other, '.hl-tools button:has-text("Export JSON-LD")');

    // Act
    await importFile(page, file.name, merged.text);
    await page.locator('.hl-message').waitFor();

    // Assert: the passage highlighted in both browsers is there once.
    expect(await page.locator('.hl-message').innerText()).toBe('Imported 1 highlight, 1 already there.');
    await importFile(page, file.name, file.text);
    await page.locator('.hl-message', { hasText: 'Nothing new' }).waitFor();
    expect(await page.locator('.hl-message').innerText()).toBe('Nothing new: its highlight is already here.');
    expect(await listed(page)).toEqual([
      `Important ¶ 9 “${passages.faces[1]}”`,
      `Important ¶ 11 “${passages.landscape[1]}”`,
      `Important ¶ 14 “${passages.navigates[1]}”`,
    ]);
  });

  it('should refuse a bad import file with a clear message and change nothing', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.faces, 'blue', 'Keep');
    await openPanel(page);
    const before = { stored: await stored(page), listed: await listed(page) };
    const bad = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          type: 'Annotation',
          target: { source: sora(), selector: [{ type: 'TextQuoteSelector', exact: passages.navigates[1] }] },
        },
        {
          type: 'Annotation',
          target: { source: sora(), selector: { type: 'TextQuoteSelector', exact: 'x' } },
        },
      ],
    });

    // Act
    await importFile(page, 'broken.jsonld', '{"type": "AnnotationCollection", ');
    const notJson = await page.locator('.hl-message').innerText();
    await importFile(page, 'no-positions.jsonld', bad);
    await page.locator('.hl-message', { hasText: 'no-positions' }).waitFor();
    const noPosition = await page.locator('.hl-message').innerText();

    // Assert
    expect(notJson).toMatch(
      /^Could not import “broken\.jsonld”: This file is not JSON: .+ Nothing was changed\.$/,
    );
    expect(noPosition).toBe(
      'Could not import “no-positions.jsonld”: annotation 1: the target has no TextPositionSelector. Nothing was changed.',
    );
    expect(await page.locator('.hl-message').getAttribute('data-error')).not.toBeNull();
    expect({ stored: await stored(page), listed: await listed(page) }).toEqual(before);
  });
});

describe('nothing is lost', () => {
  it('should load the good highlights among a corrupt stored entry, and report that one, kept in storage', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.faces);
    await highlight(page, passages.navigates, 'green');
    const corruptKey = `${prefix}0b5c6a8e-2f4d-4c1b-9e7a-3d2f1a0b9c8d`;
    const cut = '{"v":1,"id":"0b5c6a8e-2f4d-4c1b-9e7a-3d2f1a0b9c8d","colour":"blue","no';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [corruptKey, cut] as const);

    // Act
    await open(page);
    await openPanel(page);

    // Assert
    expect(await painted(page)).toEqual({
      'marginalia-hl-yellow': [passages.faces[1]],
      'marginalia-hl-green': [passages.navigates[1]],
    });
    expect(await listed(page)).toHaveLength(2);
    expect(await page.locator('.hl-corrupt .hl-problem').innerText()).toBe(
      '1 stored highlight could not be read; it was kept in storage.',
    );
    expect((await stored(page))[corruptKey]).toBe(cut);
  });

  it('should show a full storage quota as an error and keep the highlight on the page, unsaved', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.faces);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });

    // Act
    await selectText(page, ...passages.navigates);
    await page.locator('[data-action="selection-highlight"]').click();
    const alert = await page.locator('.hl-card .hl-problem[role="alert"]').innerText();
    const announced = await page.locator('[role="status"]').last().innerText();
    await page.keyboard.press('Escape');
    await openPanel(page);

    // Assert
    expect(alert).toContain('Your browser’s storage for this site is full: the highlight was not saved.');
    expect(announced).toContain('storage for this site is full');
    expect(await painted(page)).toEqual({
      'marginalia-hl-yellow': [passages.faces[1], passages.navigates[1]].sort(),
    });
    expect(await listed(page)).toEqual([
      `Important ¶ 9 “${passages.faces[1]}”`,
      `Important Not saved ¶ 14 “${passages.navigates[1]}”`,
    ]);
    const exported = await download(page, '.hl-tools button:has-text("Export Markdown")');
    expect(exported.text).toContain(passages.navigates[1]);
    expect(Object.keys(await stored(page))).toHaveLength(1);
  });

  it('should keep two tabs on the same article in step, and lose neither tab’s highlights', async () => {
    // Arrange
    const first = await newReader();
    const second = await newTab(first);

    // Act: each tab highlights a passage; each edits the other's.
    await highlight(first, passages.faces);
    await second.locator('button[aria-controls="highlights"] .count', { hasText: '1' }).waitFor();
    await highlight(second, passages.navigates, 'green');
    await first.locator('button[aria-controls="highlights"] .count', { hasText: '2' }).waitFor();
    await openPanel(first);
    await first.locator('.hl-item', { hasText: 'As China' }).click();
    await first.locator('.hl-card textarea').fill('From the first tab');
    await first.locator('.hl-card textarea').press('Control+Enter');
    await openPanel(second);
    await second.locator('.hl-item', { hasText: 'However' }).click();
    await second.locator('.hl-card .hl-colour[data-colour="blue"]').click();
    await second.locator('.hl-item', { hasText: 'From the first tab' }).waitFor();
    const live = { first: await painted(first), second: await painted(second) };
    await open(first);
    await open(second);

    // Assert
    const expected = {
      'marginalia-hl-blue': [passages.faces[1]],
      'marginalia-hl-green': [passages.navigates[1]],
    };
    expect(live.first).toMatchObject(expected);
    expect(live.second).toMatchObject(expected);
    expect(await painted(first)).toEqual(expected);
    expect(await painted(second)).toEqual(expected);
    await openPanel(second);
    expect(await listed(second)).toEqual([
      `Question ¶ 9 “${passages.faces[1]}”`,
      `Agree ¶ 14 “${passages.navigates[1]}” From the first tab`,
    ]);
  });

  it('should show a highlight deleted in another tab as gone, and an undo there as back', async () => {
    // Arrange
    const first = await newReader();
    const second = await newTab(first);
    await highlight(first, passages.faces);
    await second.locator('button[aria-controls="highlights"] .count', { hasText: '1' }).waitFor();

    // Act
    await openPanel(first);
    await first.locator('.hl-item').first().click();
    await first.locator('.hl-card button', { hasText: 'Delete' }).click();
    await second.locator('button[aria-controls="highlights"] .count', { hasText: '0' }).waitFor();
    const gone = await painted(second);
    await first.locator('.hl-undo button').click();
    await second.locator('button[aria-controls="highlights"] .count', { hasText: '1' }).waitFor();

    // Assert
    expect(gone['marginalia-hl-yellow']).toBeUndefined();
    expect(await painted(second)).toEqual({ 'marginalia-hl-yellow': [passages.faces[1]] });
  });
});

describe('an article edited after highlighting', () => {
  it('should place highlights again in the edited text, and list those it cannot place as orphans', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.invest, 'green', 'Investment');
    await highlight(page, passages.faces, 'blue');
    await highlight(page, passages.navigates, 'pink', 'Gone after the edit');
    const saved = await stored(page);
    const html = await readFile(path.join(site, soraSlug, 'index.html'), 'utf8');
    const edits: Array<[string, string]> = [
      // Words inserted before everything, and inside one passage; another passage removed.
      ['China in the realm of artificial', 'In February 2024, China in the realm of artificial'],
      ['continue to invest in AI development', 'continue to invest heavily in AI development'],
      [`${passages.navigates[1]}, `, ''],
    ];
    let edited = html;
    for (const [from, to] of edits) {
      expect(edited.split(from)).toHaveLength(2);
      edited = edited.replace(from, to);
    }
    await page.route(sora(), (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: edited }),
    );

    // Act
    await open(page);
    await openPanel(page);

    // Assert
    expect(await painted(page)).toEqual({
      'marginalia-hl-green': [passages.invest[1].replace('invest in', 'invest heavily in')],
      'marginalia-hl-blue': [passages.faces[1]],
    });
    expect(await listed(page)).toEqual([
      `Question ¶ 9 “${passages.faces[1]}”`,
      `Agree ¶ 12 “${passages.invest[1].replace('invest in', 'invest heavily in')}” Investment`,
    ]);
    expect(await page.locator('.hl-orphans h3').innerText()).toBe('Could not be placed in the current text');
    expect(await listed(page, '.hl-orphans')).toEqual([
      `Disagree “${passages.navigates[1]}” Gone after the edit`,
    ]);
    // Stored selectors are kept as the reader made them.
    expect(await stored(page)).toEqual(saved);
    await page.locator('.hl-orphans .hl-item').click();
    expect(await page.locator('.hl-card[data-floating] .hl-problem').innerText()).toContain(
      passages.navigates[1],
    );
  });
});

describe('the panel and the card', () => {
  it('should list the shortcut in the help, open and close the panel with m and Escape, and pass axe', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.innovative, 'yellow', 'Overlaps the claim');

    // Act
    await page.keyboard.press('?');
    const help = await page.locator('dialog.help').innerText();
    await page.keyboard.press('Escape');
    await page.keyboard.press('m');
    const shown = await page.locator('.hl-panel').isVisible();
    await page.locator('.hl-item').first().click();
    const violations = await seriousAxeViolations(page);
    await page.keyboard.press('Escape');
    const cardClosed = await page.locator('.hl-card').count();
    await page.keyboard.press('Escape');

    // Assert
    expect(help).toMatch(/m\s+My highlights/);
    expect(shown).toBe(true);
    expect(violations).toEqual([]);
    expect(cardClosed).toBe(0);
    expect(await page.locator('.hl-panel').isHidden()).toBe(true);
  });

  it('should open both the claim’s note and the highlight’s card from a passage they share, and look right wide', async () => {
    // Arrange
    const page = await newReader();
    await highlight(page, passages.innovative, 'yellow', 'A minute of video from one sentence.');
    await highlight(page, passages.faces, 'green');
    await highlight(page, passages.invest, 'pink', 'Compare with the US.');
    const mark = page.locator('mark[data-claims="minute-long-videos"]');
    await mark.scrollIntoViewIfNeeded();
    const point = await elementPoint(page, 'mark[data-claims="minute-long-videos"]');

    // Act
    await page.mouse.click(point.x, point.y);
    await page.locator('.hl-card').waitFor();
    await page.locator('[data-card="minute-long-videos"]').waitFor();
    const both = {
      cards: await page.locator('[data-card]').count(),
      mine: await page.locator('.hl-card').count(),
    };
    await page.locator('[data-card] button[aria-label^="Close note"]').click();
    await page.keyboard.press('m');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(screenshots, 'highlights-wide.png') });

    // Assert
    expect(both).toEqual({ cards: 1, mine: 1 });
    expect(await painted(page)).toMatchObject({ 'marginalia-hl-active-yellow': [passages.innovative[1]] });
    // In the margin, level with its passage (which starts where the claim does).
    const card = (await page.locator('.hl-card').boundingBox())!;
    const passage = (await mark.boundingBox())!;
    const article = (await page.locator('article.marginalia-article').boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(article.x + article.width);
    expect(Math.abs(card.y - passage.y)).toBeLessThan(40);
  });

  it('should fit the card and the panel on a narrow screen', async () => {
    // Arrange
    const page = await newReader({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await highlight(page, passages.innovative, 'blue', 'A minute of video from one sentence.');
    await highlight(page, passages.faces, 'green');

    // Act
    await page.locator('#p-2').scrollIntoViewIfNeeded();
    const first = (await page.locator('#p-2').boundingBox())!;
    const passageBottom = await page.evaluate((text) => {
      const block = document.getElementById('p-2')!;
      const range = document.createRange();
      const node = block.firstChild!;
      range.setStart(node, 0);
      range.setEnd(node, Math.min(text.length, (node.textContent ?? '').length));
      return range.getBoundingClientRect().bottom;
    }, passages.innovative[1]);
    await page.touchscreen.tap(first.x + 20, first.y + 10);
    await page.locator('.hl-card').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'highlights-narrow-card.png') });
    const card = (await page.locator('.hl-card').boundingBox())!;
    await page.locator('button[aria-controls="highlights"]').tap();
    await page.screenshot({ path: path.join(screenshots, 'highlights-narrow-panel.png') });
    const panel = (await page.locator('.hl-panel').boundingBox())!;
    await page.locator('.hl-item').nth(1).tap();

    // Assert
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(390);
    // The card (in the sheet) leaves the highlighted passage, the first lines of ¶ 2, in view.
    expect(card.y >= passageBottom || card.y + card.height <= first.y).toBe(true);
    expect(panel.width).toBeGreaterThan(380);
    expect(await page.locator('.hl-panel').isHidden()).toBe(true);
    expect(await page.locator('.hl-card').getAttribute('data-highlight')).toBeTruthy();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 390);
    expect(overflow).toBeLessThanOrEqual(0);
    // The toolbar, with its new button, still fits.
    const toolbar = await page
      .locator('.toolbar')
      .evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(toolbar).toBeLessThanOrEqual(0);
  });
});
