/**
 * Cited copying in real headless Chromium, on the real build of the Sora article (and the
 * Harwick fixture, whose page data has no citation styles): selections made with the mouse and
 * with the keyboard, copied with Ctrl+C and with the reader's buttons, read back from the
 * clipboard in every flavour; the settings, the events, a refused clipboard, and a generated link
 * followed in a new page. One browser and one page for the file.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarginaliaReader } from '../../src/reader/marginalia-reader.ts';
import type { Served } from '../../src/serve/serve.ts';
import {
  gotoReader,
  openPage,
  repository,
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
let page: Page;
let trouble: PageTrouble;

const sora = () => `${served.url}${soraSlug}/`;
const harwick = () => `${served.url}harwick/`;
const title = soraTitle;

interface PageCitation {
  default: string;
  styles: Record<string, { label: string; text: string; html: string }>;
  bibtex: string;
  cslJson: string;
}

beforeAll(async () => {
  ({ site, served, browser } = await startSite());
  ({ page, trouble } = await openPage(browser, { viewport: { width: 1280, height: 900 } }));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
});

afterAll(() => stopSite({ site, served, browser }));

afterEach(async () => {
  const errors = trouble.errors.splice(0);
  expect(errors, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
  await page.evaluate(() => localStorage.clear()).catch(() => undefined);
});

/** Opens a page and waits until the copying code has loaded (it adds the notes' copy buttons). */
async function open(url: string): Promise<void> {
  await gotoReader(page, url);
  await page.waitForSelector('.marginalia-copy-actions', { state: 'attached' });
  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
}

/** Every flavour on the clipboard, read back with the asynchronous Clipboard API. */
function readClipboard(): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const flavours: Record<string, string> = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) flavours[type] = await (await item.getType(type)).text();
    }
    return flavours;
  });
}

/** Selects from `from` to `to` (offsets in the text of the paragraphs with those ids) with the Selection API. */
function select(fromId: string, from: number, toId: string, to: number): Promise<string> {
  return page.evaluate(
    ([fromId, from, toId, to]) => {
      const point = (id: string, offset: number): [Node, number] => {
        const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
        let left = offset;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = (node as Text).data.length;
          if (left <= length) return [node, left];
          left -= length;
        }
        throw new Error(`${id} has no offset ${offset}`);
      };
      const selection = document.getSelection()!;
      selection.setBaseAndExtent(...point(fromId, from), ...point(toId, to));
      return selection.toString();
    },
    [fromId, from, toId, to] as const,
  );
}

/** Records the `marginalia-copy` and `marginalia-copy-error` events of the page. */
async function recordEvents(): Promise<void> {
  await page.evaluate(() => {
    const seen: Array<{ type: string; detail: unknown }> = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    for (const type of ['marginalia-copy', 'marginalia-copy-error']) {
      document.addEventListener(type, (event) => {
        const { detail } = event as CustomEvent<Record<string, unknown>>;
        const error = detail['error'] as Error | undefined;
        seen.push({ type, detail: { ...detail, error: error && `${error.name}: ${error.message}` } });
      });
    }
  });
}

function recorded(): Promise<Array<{ type: string; detail: Record<string, unknown> }>> {
  return page.evaluate(() => (window as unknown as { seen: [] }).seen);
}

function citation(): Promise<PageCitation> {
  return page.evaluate(
    () => JSON.parse(document.getElementById('marginalia-data')!.textContent!).citation as PageCitation,
  );
}

function announced(): Promise<string> {
  return page.locator('marginalia-reader [role="status"]').innerText();
}

/** The selected paragraph's visible text, from the page's own idea of white space. */
function paragraphText(id: string): Promise<string> {
  return page
    .locator(`#${id}`)
    .evaluate((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('copying a selection of the article', () => {
  it('should copy a passage selected with the mouse as a quotation with its citation, paragraph and link', async () => {
    // Arrange
    await open(sora());
    await recordEvents();
    const paragraph = await page.locator('#p-2').boundingBox();
    if (!paragraph) throw new Error('#p-2 is not rendered');

    // Act
    await page.mouse.move(paragraph.x + 1, paragraph.y + 8);
    await page.mouse.down();
    await page.mouse.move(paragraph.x + 260, paragraph.y + 38, { steps: 6 });
    await page.mouse.up();
    const selected = await page.evaluate(() =>
      document.getSelection()!.toString().replace(/\s+/g, ' ').trim(),
    );
    await page.keyboard.press('Control+c');
    const clipboard = await readClipboard();

    // Assert
    const plain = clipboard['text/plain'] ?? '';
    const [event] = await recorded();
    const quote = String(event?.detail['quote']);
    expect(selected.length).toBeGreaterThan(20);
    expect(quote.startsWith(selected)).toBe(true);
    expect(await paragraphText('p-2')).toMatch(
      new RegExp(`^${quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u'),
    );
    const words = quote.replace(/\.$/u, '');
    expect(plain.startsWith(`“${words}” ([OpenAI’s Sora], n.d., para. 2)`)).toBe(true);
    expect(plain).toContain(`\n\n${title}. (n.d.). bitlyfool.com. https://bitlyfool.com/`);
    expect(plain).toMatch(
      new RegExp(`\n\n${sora()}#p-2:~:text=This%20innovative\\S*$`.replace(/[.?]/g, '\\$&')),
    );
    expect(clipboard['text/html']).toContain(
      `<p>“${words}” (<i>[OpenAI’s Sora]</i>, n.d., <a href="${sora()}#p-2:~:text=`,
    );
    expect(clipboard['text/html']).toContain(
      `<p><i>${title}</i>. (n.d.). bitlyfool.com. <a href="https://bitlyfool.com/`,
    );
    expect(event).toMatchObject({
      type: 'marginalia-copy',
      detail: { source: 'keyboard', content: 'quote', paragraphs: [2, 2], style: 'apa', plain },
    });
    expect(await announced()).toContain('Quote copied');
  });

  it('should copy a passage selected with the keyboard, widened to the whole word it cuts', async () => {
    // Arrange
    await open(sora());
    const paragraph = await page.locator('#p-1').boundingBox();
    if (!paragraph) throw new Error('#p-1 is not rendered');

    // Act: a double click selects the first word, Shift+Arrow widens the selection a letter at a time.
    await page.mouse.dblclick(paragraph.x + 20, paragraph.y + 12);
    for (let step = 0; step < ' in the rea'.length; step += 1) await page.keyboard.press('Shift+ArrowRight');
    const selected = await page.evaluate(() => document.getSelection()!.toString());
    await page.keyboard.press('Control+c');
    const clipboard = await readClipboard();

    // Assert
    expect(selected).toBe('China in the rea');
    expect(clipboard['text/plain']).toMatch(
      /^“China in the realm” \(\[OpenAI’s Sora\], n\.d\., para\. 1\)\n\n.+\n\nhttp:\/\/\S+#p-1:~:text=/,
    );
    expect(clipboard['text/html']).toMatch(
      /^<p>“China in the realm” \(<i>\[OpenAI’s Sora\]<\/i>, n\.d\., <a href="[^"]+">para\. 1<\/a>\)<\/p><p>/,
    );
  });

  it('should cite a copy made with the browser’s Copy command, as the context menu makes it', async () => {
    // Arrange
    await open(sora());
    await select('p-11', 0, 'p-11', 'Despite ByteDance’s reluctance'.length);

    // Act
    const handled = await page.evaluate(() => document.execCommand('copy'));
    const clipboard = await readClipboard();

    // Assert
    expect(handled).toBe(true);
    expect(clipboard['text/plain']).toMatch(
      /^“Despite ByteDance’s reluctance” \(\[OpenAI’s Sora\], n\.d\., para\. 11\)\n\n.+\n\nhttp:\/\/\S+#p-11:~:text=/,
    );
    expect(clipboard['text/html']).toContain('<p>“Despite ByteDance’s reluctance” (<i>[OpenAI’s Sora]</i>');
  });

  it('should keep the paragraph breaks of a passage across two paragraphs, in HTML and in Markdown', async () => {
    // Arrange
    await open(sora());
    const second = await paragraphText('p-6');
    await select('p-5', 0, 'p-6', 'To address this issue'.length);

    // Act
    await page.keyboard.press('Control+c');
    const html = (await readClipboard())['text/html'];
    await page.locator('button[aria-controls="settings"]').click();
    await page.locator('.settings select').last().selectOption('markdown');
    await page.keyboard.press('Escape');
    await select('p-5', 0, 'p-6', 'To address this issue'.length);
    await page.keyboard.press('Control+c');
    const markdown = (await readClipboard())['text/plain'];

    // Assert
    const first = await paragraphText('p-5');
    expect(second.startsWith('To address this issue,')).toBe(true);
    expect(html).toContain(`<p>${first}</p><p>To address this issue (<i>[OpenAI’s Sora]</i>, n.d., <a href=`);
    expect(html).toMatch(
      /<a href="[^"]+#p-5:~:text=Chinese%20tech%20companies[^"]*,[^"]*address%20this%20issue">paras\. 5–6<\/a>\)<\/p><\/blockquote><p>/,
    );
    expect(markdown).toMatch(
      new RegExp(
        `^> ${first.slice(0, 40)}.*\\n>\\n> To address this issue \\(\\*\\\\\\[OpenAI’s Sora\\\\\\]\\*, n\\.d\\., \\[paras\\. 5–6\\]\\(http:\\/\\/\\S+#p-5:~:text=\\S+\\)\\)\\n\\n`,
      ),
    );
  });

  it('should cite in the paragraph sign when the page offers no citation style, with ¶¶ for a range', async () => {
    // Arrange
    await open(harwick());
    await select('p-1', 'The river town of '.length, 'p-2', 'Visitors still cross'.length);

    // Act
    await page.keyboard.press('Control+c');
    const clipboard = await readClipboard();

    // Assert
    expect(clipboard['text/plain']).toMatch(
      /^“Harwick was founded in 1642, and its population doubled after the railway arrived in 1851\.\n\n“Visitors still cross” \(Harwick and its railway, ¶¶ 1–2\)\n\nhttp:\/\/\S+\/harwick\/#p-1:~:text=/,
    );
    expect(clipboard['text/html']).toContain(
      '<p>Visitors still cross (<i>Harwick and its railway</i>, <a href=',
    );
  });

  it('should turn the double quotation marks inside a quotation into single ones, and change nothing else', async () => {
    // Arrange
    await open(sora());
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.id = 'p-99';
      paragraph.dataset['paragraph'] = '99';
      paragraph.textContent = 'The engineers called it “fast”  and "cheap", at China‘s   expense.';
      document.querySelector('article.marginalia-article')!.append(paragraph);
    });
    await select('p-99', 0, 'p-99', 66);

    // Act
    await page.keyboard.press('Control+c');
    const clipboard = await readClipboard();

    // Assert
    expect(clipboard['text/plain']).toMatch(
      /^“The engineers called it ‘fast’ and 'cheap', at China‘s expense” \(\[OpenAI’s Sora\], n\.d\., para\. 99\)\.\n\n.+\n\n\S+#p-99:~:text=/,
    );
  });

  it('should copy with the selection toolbar’s “Copy quote” button, and show that it did', async () => {
    // Arrange
    await open(sora());
    await recordEvents();
    await select('p-3', 0, 'p-3', 'Sora’s emergence has raised questions'.length);
    const button = page.locator('.selection [data-action="selection-copy"]', { hasText: 'Copy quote' });
    await button.waitFor();

    // Act
    await page.screenshot({ path: path.join(screenshots, 'copy-selection-toolbar.png') });
    const bar = await page.locator('.selection').boundingBox();
    const passage = await page.evaluate(
      () => document.getSelection()!.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect,
    );
    await button.click();
    await expect
      .poll(async () => (await readClipboard())['text/plain'])
      .toMatch(/^“Sora’s emergence has raised questions”/);

    // Assert
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(passage.top);
    expect(bar!.y + bar!.height).toBeGreaterThan(passage.top - 40);
    expect(await page.locator('.selection [data-action="selection-copy"]').innerText()).toBe('Copied');
    expect((await readClipboard())['text/html']).toContain('<p>“Sora’s emergence has raised questions” (');
    expect((await recorded())[0]?.detail).toMatchObject({ source: 'button', paragraphs: [3, 3] });
    expect(await announced()).toContain('Quote copied');
  });

  it('should leave a selection outside the article, or reaching out of it, to the browser', async () => {
    // Arrange
    await open(sora());
    await recordEvents();

    // Act
    await page.locator('h1').selectText();
    await page.keyboard.press('Control+c');
    const heading = await readClipboard();
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.querySelector('.marginalia-byline')!, 0);
      range.setEnd(document.getElementById('p-1')!.firstChild!, 5);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.keyboard.press('Control+c');
    const across = await readClipboard();
    const toolbar = await page.locator('.selection').count();

    // Assert
    expect(heading['text/plain']).toBe(title);
    expect(across['text/plain']).toMatch(
      /^Original article\s+Reviewed by Marginalia desk on 5 December 2026\s+About this text\s+The text was given to us.*\s+32 claims:.*\s+China$/s,
    );
    expect(across['text/plain']).not.toContain('#:~:');
    expect(toolbar).toBe(0);
    expect(await recorded()).toEqual([]);
  });

  it('should leave a selection inside the reader’s own note card to the browser', async () => {
    // Arrange
    await open(sora());
    await page.locator('mark[tabindex="0"]').first().click();
    const body = page.locator('[data-card] .marginalia-note-body p').first();

    // Act
    await body.selectText();
    await page.keyboard.press('Control+c');
    const clipboard = await readClipboard();

    // Assert
    const text = (await body.innerText()).trim();
    expect(clipboard['text/plain']?.trim()).toBe(text);
    expect(clipboard['text/plain']).not.toContain('“');
  });
});

describe('the page’s say over copies', () => {
  it('should write nothing of its own when the page cancels marginalia-copy', async () => {
    // Arrange
    await open(sora());
    await page.evaluate(() =>
      document.addEventListener('marginalia-copy', (event) => event.preventDefault()),
    );
    const selected = await select('p-4', 0, 'p-4', 'While Chinese companies'.length);

    // Act
    await page.keyboard.press('Control+c');
    const byKeyboard = await readClipboard();
    await page.evaluate(() => navigator.clipboard.writeText('(untouched)'));
    await page.locator('.selection [data-action="selection-copy"]').click();
    await page.waitForTimeout(200);
    const byButton = await readClipboard();
    await page.locator('li.marginalia-note .marginalia-copy').first().click();
    await page.waitForTimeout(200);
    const byNote = await readClipboard();

    // Assert
    expect(byKeyboard['text/plain']).toBe(selected);
    expect(byButton).toEqual({ 'text/plain': '(untouched)' });
    expect(byNote).toEqual({ 'text/plain': '(untouched)' });
    expect(await page.locator('.selection [data-action="selection-copy"]').innerText()).toBe('Copy quote');
  });

  it('should write what a listener changed in the detail', async () => {
    // Arrange
    await open(sora());
    await page.evaluate(() =>
      document.addEventListener('marginalia-copy', (event) => {
        event.detail.plain = `${event.detail.plain} (via the page)`;
      }),
    );
    await select('p-4', 0, 'p-4', 'While Chinese companies'.length);

    // Act
    await page.keyboard.press('Control+c');

    // Assert
    expect((await readClipboard())['text/plain']).toMatch(
      /^“While Chinese companies” \(\[OpenAI’s Sora\], n\.d\., para\. 4\)\n\n.* \(via the page\)$/s,
    );
  });

  it('should show a refused clipboard on the button, say it, and fire marginalia-copy-error', async () => {
    // Arrange
    await open(sora());
    await recordEvents();
    await page.evaluate(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.assign(navigator.clipboard, { write: refuse, writeText: refuse });
    });
    await select('p-7', 0, 'p-7', 'Chinese tech giants'.length);

    // Act
    await page.locator('.selection [data-action="selection-copy"]').click();
    await expect
      .poll(() => page.locator('.selection [data-action="selection-copy"]').innerText())
      .toBe('Copy failed');
    await page.locator('li.marginalia-note .marginalia-copy').nth(1).click();

    // Assert
    const failed = page.locator('li.marginalia-note .marginalia-copy[data-state="failed"]');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.innerText()).toBe('Copy failed');
    expect(await failed.evaluate((button) => getComputedStyle(button).fontWeight)).toBe('600');
    const color = await page
      .locator('.selection [data-action="selection-copy"]')
      .evaluate((button) => getComputedStyle(button).color);
    expect(color).not.toBe(
      await page
        .locator('.toolbar .tool')
        .first()
        .evaluate((button) => getComputedStyle(button).color),
    );
    const events = await recorded();
    expect(events.map((event) => event.type)).toEqual([
      'marginalia-copy',
      'marginalia-copy-error',
      'marginalia-copy',
      'marginalia-copy-error',
    ]);
    expect(events[1]?.detail).toMatchObject({
      source: 'button',
      error: 'NotAllowedError: Write permission denied.',
      quote: 'Chinese tech giants',
    });
    expect(events[3]?.detail).toMatchObject({ source: 'note', content: 'note' });
    expect(await announced()).toContain('Could not copy');
  });
});

describe('notes and the article’s reference', () => {
  it('should copy a note’s quote, cited, and the note with its sources, from its card', async () => {
    // Arrange
    await open(sora());
    const mark = page.locator('mark[tabindex="0"]').nth(3);
    const claimId = (await mark.getAttribute('data-claims')) ?? '';
    const note = page.locator(`#note-${claimId}`);
    // textContent, not innerText: the notes section may not be rendered yet (content-visibility).
    const quote = ((await note.locator('.marginalia-note-quote').textContent()) ?? '').trim();
    const paragraph = await note.getAttribute('data-paragraph');
    const body =
      ((await note.locator('.marginalia-note-body').textContent()) ?? '').trim().split(/\n+/)[0] ?? '';
    await mark.click();

    // Act
    await page.locator('[data-card] .card-actions button', { hasText: 'Copy quote' }).click();
    await expect.poll(async () => (await readClipboard())['text/plain']).toContain(quote);
    const quoted = await readClipboard();
    await page.locator('[data-card] .card-actions button', { hasText: 'Copy note' }).click();
    await expect.poll(async () => (await readClipboard())['text/plain']).toContain('Sources:');
    const noted = await readClipboard();

    // Assert
    expect(quoted['text/plain']).toMatch(
      new RegExp(
        `^“${quote.replace(/\.$/u, '')}” \\(\\[OpenAI’s Sora\\], n\\.d\\., para\\. ${paragraph}\\)\\.?\\n\\n[^\\n]+\\n\\nhttp://\\S+#p-${paragraph}:~:text=\\S+$`,
      ),
    );
    expect(quoted['text/html']).toMatch(/^<(?:p|blockquote)\b/);
    expect(noted['text/plain']).toMatch(
      new RegExp(
        `^Editor’s note 4 on “${quote}” \\(${title.replace(/[()[\]]/g, '\\$&')}, para\\. ${paragraph}\\): `,
      ),
    );
    expect(noted['text/plain']).toContain(body.slice(0, 40));
    expect(noted['text/plain']).toMatch(
      new RegExp(`\\n\\nSources:\\n(\\d+\\. .+\\n)+\\nhttp://\\S+#note-${claimId}$`),
    );
    expect(noted['text/html']).toMatch(
      new RegExp(`^<p><a href="[^"]+#note-${claimId}">Editor’s note 4</a> on “`),
    );
    expect(noted['text/html']).toContain('<p>Sources:</p><ol><li>');
    expect(await page.locator('[data-card] .card-actions button').last().innerText()).toBe('Copied');
  });

  it('should cite copied quotes in the style chosen in the settings, and remember it', async () => {
    // Arrange
    await open(sora());
    const { styles } = await citation();
    const inText: Record<string, string> = {
      apa: '([OpenAI’s Sora], n.d., para. 8)',
      mla: '(“[OpenAI’s Sora],” par. 8)',
      'chicago-author-date': '(“[OpenAI’s Sora],” n.d., para. 8)',
    };
    const copies: Record<string, string> = {};

    // Act
    for (const style of Object.keys(styles)) {
      await page.locator('button[aria-controls="settings"]').click();
      await page.locator('.settings select').first().selectOption(style);
      await page.keyboard.press('Escape');
      await select('p-8', 0, 'p-8', 'While ByteDance'.length);
      await page.keyboard.press('Control+c');
      copies[style] = (await readClipboard())['text/plain'] ?? '';
    }
    await page.reload();
    await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });
    const remembered = await page
      .locator('marginalia-reader')
      .evaluate((reader) => (reader as MarginaliaReader).citationStyle);

    // Assert
    expect(Object.keys(styles)).toEqual(['apa', 'mla', 'chicago-author-date']);
    for (const [style, { text }] of Object.entries(styles)) {
      expect(copies[style]).toContain(`“While ByteDance” ${inText[style]}\n\n${text}\n\nhttp`);
    }
    expect(remembered).toBe('chicago-author-date');
  });

  it('should copy the article’s reference in each style, and its BibTeX and CSL-JSON, from “Cite this article”', async () => {
    // Arrange
    await open(sora());
    const { styles, bibtex, cslJson } = await citation();
    const section = page.locator('section.marginalia-cite');
    const copies: Record<string, Record<string, string>> = {};

    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(screenshots, 'copy-cite-this-article.png') });

    // Act
    for (const style of Object.keys(styles)) {
      await section.locator(`dd[data-style="${style}"] button`).click();
      await expect.poll(async () => (await readClipboard())['text/plain']).toBe(styles[style]?.text);
      copies[style] = await readClipboard();
    }
    await section.locator('.marginalia-cite-copy button', { hasText: 'BibTeX' }).click();
    await expect.poll(async () => (await readClipboard())['text/plain']).toBe(bibtex);
    await section.locator('.marginalia-cite-copy button', { hasText: 'CSL-JSON' }).click();
    await expect.poll(async () => (await readClipboard())['text/plain']).toBe(cslJson);

    // Assert
    expect(copies['apa']?.['text/html']).toMatch(
      /^<p><i>\[OpenAI’s Sora .*\]<\/i>\. \(n\.d\.\)\. bitlyfool\.com\. <a href="https:\/\/bitlyfool\.com\//,
    );
    expect(copies['mla']?.['text/html']).toContain(
      '“[OpenAI’s Sora and the State of Chinese AI Video Generation].” <i>bitlyfool.com</i>',
    );
    expect(await section.locator('a[download]').count()).toBe(2);
    expect(JSON.parse(cslJson)).toEqual([expect.objectContaining({ title })]);
  });
});

/**
 * The cited articles of `test/browser/articles/`, built with `--base-url https://example.org/` and
 * served from 127.0.0.1: what lands on the clipboard in each style, written out by hand from
 * the manuals (the rules and their sources are in `src/cite/copy-formats.test.ts`), with every
 * link under the published address.
 */
describe('copying from a page published under --base-url', () => {
  const ledger = () => `${served.url}cited/ledger/`;
  const untitled = () => `${served.url}cited/untitled/`;
  const references = {
    apa: {
      text: 'Doe, J. (2024, February 20). Chinese firms race to match Sora. The Daily Ledger. https://ledger.example/sora',
      html: 'Doe, J. (2024, February 20). Chinese firms race to match Sora. <i>The Daily Ledger</i>. <a href="https://ledger.example/sora">https://ledger.example/sora</a>',
    },
    mla: {
      text: 'Doe, Jane. “Chinese Firms Race to Match Sora.” The Daily Ledger, 20 Feb. 2024, https://ledger.example/sora.',
      html: 'Doe, Jane. “Chinese Firms Race to Match Sora.” <i>The Daily Ledger</i>, 20 Feb. 2024, <a href="https://ledger.example/sora">https://ledger.example/sora</a>.',
    },
    'chicago-author-date': {
      text: 'Doe, Jane. 2024. “Chinese Firms Race to Match Sora.” The Daily Ledger, February 20, 2024. https://ledger.example/sora.',
      html: 'Doe, Jane. 2024. “Chinese Firms Race to Match Sora.” <i>The Daily Ledger</i>, February 20, 2024. <a href="https://ledger.example/sora">https://ledger.example/sora</a>.',
    },
  } as const;
  const inText = {
    apa: ['(Doe, 2024, ', ')'],
    mla: ['(Doe, ', ')'],
    'chicago-author-date': ['(Doe 2024, ', ')'],
  } as const;
  const labels = {
    apa: ['para.', 'paras.'],
    mla: ['par.', 'pars.'],
    'chicago-author-date': ['para.', 'paras.'],
  };

  beforeAll(async () => {
    await promisify(execFile)(
      process.execPath,
      [
        path.join(repository, 'bin/marginalia.js'),
        'build',
        'test/browser/articles',
        '--out',
        path.join(site, 'cited'),
        '--base-url',
        'https://example.org/',
        '--quiet',
      ],
      { cwd: repository },
    );
  });

  async function chooseStyle(style: string): Promise<void> {
    await page.locator('button[aria-controls="settings"]').click();
    await page.locator('.settings select').first().selectOption(style);
    await page.keyboard.press('Escape');
  }

  /** Copies from the start of `fromId` to the end of `toId` with Ctrl+C; the clipboard, and the link it gave. */
  async function copyParagraphs(
    fromId: string,
    toId: string,
  ): Promise<{ plain: string; html: string; url: string }> {
    const end = (await page.locator(`#${toId}`).evaluate((element) => element.textContent ?? '')).length;
    await select(fromId, 0, toId, end);
    await page.keyboard.press('Control+c');
    const clipboard = await readClipboard();
    const plain = clipboard['text/plain'] ?? '';
    return { plain, html: clipboard['text/html'] ?? '', url: plain.split('\n\n').at(-1) ?? '' };
  }

  for (const style of ['apa', 'mla', 'chicago-author-date'] as const) {
    it(`should cite in ${style}: a short quotation run in, a long one set off, two paragraphs with both numbers`, async () => {
      // Arrange
      await open(ledger());
      await chooseStyle(style);
      const [before, after] = inText[style];
      const [one, many] = labels[style];
      const reference = references[style];

      // Act
      const short = await copyParagraphs('p-1', 'p-1');
      const long = await copyParagraphs('p-2', 'p-2');
      const both = await copyParagraphs('p-3', 'p-4');

      // Assert
      expect(short.url).toMatch(/^https:\/\/example\.org\/ledger\/#p-1:~:text=Chinese%20firms/);
      expect(short.plain).toBe(
        `“Chinese firms are racing to match Sora. None of them has shown a model that makes clips as long” ${before}${one} 1${after}.\n\n${reference.text}\n\n${short.url}`,
      );
      expect(short.html).toBe(
        `<p>“Chinese firms are racing to match Sora. None of them has shown a model that makes clips as long” ${before}<a href="${short.url}">${one} 1</a>${after}.</p><p>${reference.html}</p>`,
      );
      expect(long.url).toMatch(/^https:\/\/example\.org\/ledger\/#p-2:~:text=/);
      expect(long.html).toMatch(
        new RegExp(
          `^<blockquote cite="${long.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"><p>Chinese technology companies .* planned for the year\\. ` +
            `${before.replace(/[()]/g, '\\$&')}<a href="[^"]+">${String(one).replace('.', '\\.')} 2</a>\\)</p></blockquote><p>`,
        ),
      );
      expect(both.plain).toBe(
        `“Few of them have been opened to the public.\n\n“The chips they could buy were slower” ${before}${many} 3–4${after}.\n\n${reference.text}\n\n${both.url}`,
      );
      expect(both.html).toBe(
        `<blockquote cite="${both.url}"><p>Few of them have been opened to the public.</p>` +
          `<p>The chips they could buy were slower. ${before}<a href="${both.url}">${many} 3–4</a>${after}</p></blockquote><p>${reference.html}</p>`,
      );
    });
  }

  it('should cite a source with no author and no date by its short title and n.d., with its access date', async () => {
    // Arrange
    await open(untitled());
    const copies: Record<string, string> = {};

    // Act
    for (const style of ['apa', 'mla', 'chicago-author-date']) {
      await chooseStyle(style);
      copies[style] = (await copyParagraphs('p-2', 'p-2')).plain;
    }

    // Assert
    const url =
      'https://example.org/untitled/#p-2:~:text=Few%20of%20them%20have%20been%20opened%20to%20the%20public%2E';
    expect(copies).toEqual({
      apa: `“Few of them have been opened to the public” (OpenAI’s Sora, n.d., para. 2).\n\nOpenAI’s Sora and the state of Chinese AI video generation. (n.d.). Retrieved December 4, 2026, from https://bitlyfool.example/sora\n\n${url}`,
      mla: `“Few of them have been opened to the public” (OpenAI’s Sora, par. 2).\n\nOpenAI’s Sora and the State of Chinese AI Video Generation. https://bitlyfool.example/sora. Accessed 4 Dec. 2026.\n\n${url}`,
      'chicago-author-date': `“Few of them have been opened to the public” (“OpenAI’s Sora,” n.d., para. 2).\n\n“OpenAI’s Sora and the State of Chinese AI Video Generation.” n.d. Accessed December 4, 2026. https://bitlyfool.example/sora.\n\n${url}`,
    });
  });

  it('should link a note’s copy and the reference’s copy under the published address too', async () => {
    // Arrange
    await open(ledger());
    await recordEvents();

    // Act
    await page.locator('li.marginalia-note .marginalia-copy', { hasText: 'Copy note' }).first().click();
    await expect.poll(async () => (await readClipboard())['text/plain']).toContain('Sources:');
    const note = (await readClipboard())['text/plain'] ?? '';

    // Assert
    expect(note).toMatch(/\nhttps:\/\/example\.org\/ledger\/#note-racing$/);
    expect(note).not.toContain('127.0.0.1');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      'https://example.org/ledger/',
    );
  });
});

describe('links to a passage', () => {
  it('should bring the passage into view when the generated link is opened in a new page', async () => {
    // Arrange
    await open(sora());
    const quote = 'ByteDance’s cautious approach reflects its reluctance';
    await select('p-10', 0, 'p-10', quote.length);
    await page.keyboard.press('Control+c');
    const url = /(http:\/\/\S+)$/.exec((await readClipboard())['text/plain'] ?? '')?.[1] ?? '';
    const other = await page.context().newPage();

    // Act
    await other.goto(url);
    await other.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });

    // Assert
    expect(url).toMatch(
      /#p-10:~:text=\S*ByteDance%E2%80%99s%20cautious%20approach%20reflects%20its%20reluctance/,
    );
    await expect
      .poll(() => other.locator('#p-10').evaluate((element) => element.getBoundingClientRect().top))
      .toBeGreaterThanOrEqual(0);
    const box = await other
      .locator('#p-10')
      .evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.bottom).toBeLessThanOrEqual(900);
    expect(await other.evaluate(() => scrollY)).toBeGreaterThan(1000);

    // The text fragment alone, without the paragraph's id, leads there too: Chromium finds it.
    await other.goto('about:blank');
    await other.goto(url.replace('#p-10:~:', '#:~:'));
    await expect
      .poll(() => other.locator('#p-10').evaluate((element) => element.getBoundingClientRect().top))
      .toBeGreaterThanOrEqual(0);
    expect(
      await other.locator('#p-10').evaluate((element) => element.getBoundingClientRect().bottom),
    ).toBeLessThanOrEqual(900);
    await other.close();
  });
});

describe('the copying interface', () => {
  it('should pass axe with the settings open, a selection toolbar shown and the notes’ copy buttons', async () => {
    // Arrange
    await open(sora());
    await select('p-2', 0, 'p-2', 'This innovative technology'.length);
    await page.locator('.selection [data-action="selection-copy"]').waitFor();
    await page.locator('button[aria-controls="settings"]').click();
    await page.screenshot({ path: path.join(screenshots, 'copy-settings.png') });

    // Act
    const violations = await seriousAxeViolations(page);

    // Assert
    expect(violations).toEqual([]);
    expect(
      await page
        .locator('.settings select')
        .first()
        .evaluate(
          (select) => select === document.querySelector('marginalia-reader')?.shadowRoot?.activeElement,
        ),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('.settings').isHidden()).toBe(true);
  });
});
