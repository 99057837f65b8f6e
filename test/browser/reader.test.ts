/**
 * The reader in real headless Chromium, on the real build of the Sora article (and the Harwick
 * fixture for overlapping claims), served from 127.0.0.1 under the page's own
 * Content-Security-Policy. One browser for the file; a wide and a narrow page, reused.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../src/serve/serve.ts';
import {
  box,
  gotoReader,
  openPage,
  screenshots,
  seriousAxeViolations,
  soraSlug,
  startSite,
  stopSite,
  type PageTrouble,
} from './harness.ts';

let site: string;
let served: Served;
let browser: Browser;
let wide: { page: Page; trouble: PageTrouble };
let narrow: { page: Page; trouble: PageTrouble };

const sora = () => `${served.url}${soraSlug}/`;
const harwick = () => `${served.url}harwick/`;
const card = '[data-card]';

beforeAll(async () => {
  ({ site, served, browser } = await startSite());
  wide = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  narrow = await openPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
});

afterAll(() => stopSite({ site, served, browser }));

afterEach(async () => {
  for (const { page, trouble } of [wide, narrow]) {
    const errors = trouble.errors.splice(0);
    expect(errors, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
    await page.evaluate(() => localStorage.clear()).catch(() => undefined);
    await page.emulateMedia({ colorScheme: 'light' });
  }
});

/** Tag name, claim ids and text of the focused element (looking into the reader's shadow root). */
function focused(page: Page): Promise<{ claims: string | null; card: string | null; tag: string }> {
  return page.evaluate(() => {
    const reader = document.querySelector('marginalia-reader');
    const inner = reader?.shadowRoot?.activeElement;
    const element = inner ?? document.activeElement;
    return {
      tag: element?.localName ?? '',
      claims: element?.getAttribute('data-claims') ?? null,
      card: element?.closest('[data-card]')?.getAttribute('data-card') ?? null,
    };
  });
}

function openCards(page: Page): Promise<string[]> {
  return page
    .locator(card)
    .evaluateAll((cards) => cards.map((element) => element.getAttribute('data-card') ?? ''));
}

/** The claim ids of the passages' Tab stops, in order. */
function tabOrder(page: Page): Promise<string[]> {
  return page
    .locator('mark[tabindex="0"]')
    .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-claims') ?? ''));
}

function claimMark(claimId: string): string {
  return `mark[data-claims~="${claimId}"]`;
}

/** A point on the first line of a claim's passage, in the window. */
async function onPassage(page: Page, claimId: string): Promise<{ x: number; y: number }> {
  const line = await page
    .locator(claimMark(claimId))
    .first()
    .evaluate((mark) => mark.getClientRects()[0]!.toJSON() as DOMRect);
  return { x: line.left + Math.min(8, line.width / 2), y: line.top + line.height / 2 };
}

describe('the reader on a wide screen', () => {
  it('should enhance the built page under its strict Content-Security-Policy', async () => {
    // Arrange
    const { page } = wide;

    // Act
    await gotoReader(page, sora());

    // Assert
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe');
    const state = await page.evaluate(() => ({
      notes: document.querySelectorAll('li.marginalia-note').length,
      focusable: document.querySelectorAll('mark[tabindex="0"][role="button"]').length,
      inlineScripts: [...document.scripts].filter(
        (script) =>
          !script.src && script.type !== 'application/json' && script.type !== 'application/ld+json',
      ).length,
    }));
    expect(state.notes).toBeGreaterThan(10);
    expect(state.focusable).toBe(state.notes);
    expect(state.inlineScripts).toBe(0);
  });

  it('should mark passages calmly: an underline whose pattern names the kind, the verdict’s glyph after it, the tint on hover', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());

    // Act
    const looks = await page.evaluate(() => {
      const byKind: Record<string, string> = {};
      const tints = new Set<string>();
      for (const mark of document.querySelectorAll<HTMLElement>('mark[data-kind]')) {
        const style = getComputedStyle(mark);
        tints.add(style.backgroundColor);
        byKind[mark.dataset['kind']?.split(' ')[0] ?? ''] ??= [
          style.textDecorationLine,
          style.textDecorationStyle,
          style.textDecorationThickness,
          style.backgroundImage,
        ].join(' ');
      }
      const glyphs: Record<string, string> = {};
      for (const ref of document.querySelectorAll<HTMLElement>('a.marginalia-noteref')) {
        glyphs[ref.dataset['verdict'] ?? ''] ??= getComputedStyle(ref, '::before').content;
      }
      return { byKind, tints: [...tints], glyphs };
    });
    const first = page.locator('mark[data-kind="causal"]').first();
    await first.hover();
    const label = await first.evaluate((mark) => getComputedStyle(mark, '::after').content);
    const hovered = await first.evaluate((mark) => getComputedStyle(mark).backgroundColor);

    // Assert
    expect(Object.keys(looks.byKind)).toHaveLength(7);
    expect(new Set(Object.values(looks.byKind)).size).toBe(7);
    expect(looks.tints).toEqual(['rgba(0, 0, 0, 0)']);
    expect(Object.keys(looks.glyphs).length).toBeGreaterThanOrEqual(5);
    expect(new Set(Object.values(looks.glyphs)).size).toBe(Object.keys(looks.glyphs).length);
    expect(Object.values(looks.glyphs)).not.toContain('none');
    expect(hovered).not.toBe('rgba(0, 0, 0, 0)');
    expect(label).toMatch(/^"Causal claim · /);
  });

  it('should open a note in the margin beside its passage on click, saying who reviewed it, the legend folded meanwhile, and close it with Escape', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const mark = page.locator('mark[tabindex="0"]').nth(3);
    const claimId = (await mark.getAttribute('data-claims')) ?? '';
    const legendShown = () => page.locator('.marginalia-legend dd').first().isVisible();
    const legendBefore = await legendShown();

    // Act
    await mark.click();
    await page.waitForSelector(card);
    const legendWithNote = await legendShown();

    // Assert
    const note = await box(page, card);
    const passage = await box(page, claimMark(claimId));
    const article = await box(page, 'article.marginalia-article');
    expect(note.x).toBeGreaterThanOrEqual(article.x + article.width);
    expect(Math.abs(note.y - passage.y)).toBeLessThan(40);
    const text = await page.locator(card).innerText();
    expect(text).toMatch(/Fact|Opinion|Causal|Statistic|Comparison|Prediction|Recommendation/);
    expect(text).toMatch(/Previous/);
    expect(text).toContain('Reviewed by Marginalia desk on 5 December 2026.');
    expect(await page.locator(`${card} .marginalia-note-body`).count()).toBe(1);
    expect(page.url()).toMatch(new RegExp(`#note-${claimId}$`));

    expect([legendBefore, legendWithNote]).toEqual([true, false]);

    await page.keyboard.press('Escape');
    await expect.poll(() => openCards(page)).toEqual([]);
    expect((await focused(page)).claims).toBe(claimId);
    expect(page.url()).not.toContain('#');
    expect(await legendShown()).toBe(true);
  });

  it('should take one Tab stop per claim, in reading order, and open them with Enter and Space', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const order = await page
      .locator('mark[tabindex="0"]')
      .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-claims')));
    const notes = await page.locator('li.marginalia-note').count();
    await page.locator('mark[tabindex="0"]').first().focus();

    // Act
    const visited = [(await focused(page)).claims];
    for (let step = 0; step < 2; step += 1) {
      await page.keyboard.press('Tab');
      visited.push((await focused(page)).claims);
    }
    const tabStops = await page.evaluate(
      () =>
        document.querySelectorAll(
          'article :is(a[href], button, input, select, textarea, [tabindex]):not([tabindex="-1"])',
        ).length,
    );
    await page.keyboard.press('Enter');
    const afterEnter = await openCards(page);
    const focusInCard = (await focused(page)).card;
    await page.keyboard.press('Escape');
    const backOn = (await focused(page)).claims;
    await page.keyboard.press(' ');
    const afterSpace = await openCards(page);

    // Assert
    expect(order).toHaveLength(notes);
    expect(tabStops).toBe(notes);
    expect(visited).toEqual(order.slice(0, 3));
    expect(afterEnter).toEqual([order[2]]);
    expect(focusInCard).toBe(order[2]);
    expect(backOn).toBe(order[2]);
    expect(afterSpace).toEqual([order[2]]);
  });

  it('should step to the next and previous claim with j and k and with the note’s buttons', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const order = await page
      .locator('li.marginalia-note')
      .evaluateAll((notes) => notes.map((note) => note.getAttribute('data-claim')));

    // Act
    await page.locator('mark[tabindex="0"]').first().click();
    await page.keyboard.press('j');
    const afterJ = await openCards(page);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const afterK = await openCards(page);
    await page.locator(`${card} button:has-text("Next")`).click();
    const afterNext = await openCards(page);
    await page.locator(`${card} button:has-text("Previous")`).click();
    const afterPrevious = await openCards(page);

    // Assert
    expect(afterJ).toEqual([order[1]]);
    expect(afterK).toEqual([order[1]]);
    expect(afterNext).toEqual([order[2]]);
    expect(afterPrevious).toEqual([order[1]]);
    expect(page.url()).toMatch(new RegExp(`#note-${order[1]}$`));
    const passage = await box(page, claimMark(order[1] ?? ''));
    expect(passage.y).toBeGreaterThan(0);
    expect(passage.y).toBeLessThan(900);
  });

  it('should show focus on marks and on the open note, and close the note on a click elsewhere in the text', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const outline = () =>
      page.evaluate(() => {
        const reader = document.querySelector('marginalia-reader');
        const element = reader?.shadowRoot?.activeElement ?? document.activeElement;
        return element ? getComputedStyle(element).outlineStyle : 'none';
      });
    await page.locator('mark[tabindex="0"]').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');

    // Act
    const onMark = await outline();
    await page.keyboard.press('Enter');
    const onCard = await outline();
    const expanded = await page.locator('mark[aria-expanded="true"]').count();
    await page
      .locator('article p')
      .first()
      .click({ position: { x: 5, y: 5 } });

    // Assert
    expect(onMark).not.toBe('none');
    expect(onCard).not.toBe('none');
    expect(expanded).toBe(1);
    expect(await openCards(page)).toEqual([]);
  });

  it('should keep one note open unless pinned, and never let margin notes overlap each other or the text', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const marks = page.locator('mark[tabindex="0"]');

    // Act
    await marks.nth(0).click();
    await marks.nth(1).click();
    const unpinned = await openCards(page);
    await page.locator(`${card} .pin`).click();
    await marks.nth(2).click();
    await marks.nth(3).click();
    const pinned = await openCards(page);

    // Assert
    expect(unpinned).toHaveLength(1);
    expect(pinned).toHaveLength(2);
    const boxes = await page
      .locator(card)
      .evaluateAll((cards) => cards.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    const [a, b] = boxes as [DOMRect, DOMRect];
    expect(a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    const article = await box(page, 'article.marginalia-article');
    for (const note of boxes) expect(note.left).toBeGreaterThanOrEqual(article.x + article.width);
  });

  it('should list every claim in the claims panel, filter it by kind and verdict, and open the chosen one', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const notes = await page.locator('li.marginalia-note').evaluateAll((items) =>
      items.map((item) => ({
        kind: item.getAttribute('data-kind'),
        verdict: item.getAttribute('data-verdict'),
      })),
    );
    const total = notes.length;
    const kind = 'fact';
    const verdict = notes.find((note) => note.kind === kind)?.verdict ?? '';
    const ofKind = notes.filter((note) => note.kind === kind).length;
    const ofBoth = notes.filter((note) => note.kind === kind && note.verdict === verdict).length;

    // Act
    await page.keyboard.press('c');
    const listed = await page.locator('.claims .claim').count();
    await page.locator(`.filter[data-kind="${kind}"]`).click();
    const byKind = await page.locator('.claims .claim').count();
    await page.locator('.verdict-filter select').selectOption(verdict);
    const byBoth = await page.locator('.claims .claim').count();
    const announced = await page.locator('[role="status"]').innerText();
    const chosen = await page.locator('.claims .claim').first().getAttribute('data-claim');
    await page.locator('.claims .claim').first().click();

    // Assert
    expect(listed).toBe(total);
    expect(byKind).toBe(ofKind);
    expect(byBoth).toBe(ofBoth);
    expect(byBoth).toBeGreaterThan(0);
    expect(byBoth).toBeLessThan(total);
    expect(announced).toContain(`${ofBoth} of ${total} claims shown`);
    expect(await openCards(page)).toEqual([chosen]);
    const passage = await box(page, claimMark(chosen ?? ''));
    expect(passage.y).toBeGreaterThan(0);
    expect(passage.y + passage.height).toBeLessThan(900);
  });

  it('should show where the claims sit on the claim map and open one from it', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const ticks = page.locator('.map .tick');
    // The map reads the claims' places when the browser is idle after the reader renders.
    const notes = await page.locator('li.marginalia-note').count();
    await expect
      .poll(() =>
        ticks.evaluateAll((elements) => elements.filter((tick) => !(tick as HTMLElement).hidden).length),
      )
      .toBe(notes);

    // Act
    const tops = await ticks.evaluateAll((elements) =>
      elements.map((tick) => tick.getBoundingClientRect().top),
    );
    const last = await ticks.last().getAttribute('data-claim');
    await ticks.last().click({ force: true });

    // Assert
    expect(tops.length).toBe(notes);
    expect([...tops].sort((x, y) => x - y)).toEqual(tops);
    expect(tops.at(-1)! - tops[0]!).toBeGreaterThan(300);
    expect(await openCards(page)).toEqual([last]);
  });

  it('should list the keyboard shortcuts in a help overlay behind ?', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());

    // Act
    await page.keyboard.press('?');
    const open = await page.locator('dialog.help').evaluate((dialog: HTMLDialogElement) => dialog.open);
    const text = await page.locator('dialog.help').innerText();
    await page.keyboard.press('j');
    const noteBehind = await page
      .locator('marginalia-reader')
      .evaluate((reader) => (reader as unknown as { activeClaimId?: string }).activeClaimId);
    await page.keyboard.press('Escape');
    const closed = await page.locator('dialog.help').evaluate((dialog: HTMLDialogElement) => !dialog.open);

    // Assert
    expect(open).toBe(true);
    expect(noteBehind).toBeUndefined();
    expect(text).toContain('Next claim');
    expect(text).toContain('Previous claim');
    expect(closed).toBe(true);
  });

  it('should bring the passage into view for #p-N, #note-ID and #:~:text= addresses', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const notes = await page
      .locator('li.marginalia-note')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-claim') ?? ''));
    const lastClaim = notes.at(-1) ?? '';
    const lastParagraph = await page.locator('article p[id]').last().getAttribute('id');
    const target = notes.at(-2) ?? '';
    const text = await page.locator(claimMark(target)).first().innerText();

    // Act, Assert
    await gotoReader(page, `${sora()}#note-${lastClaim}`);
    await expect.poll(() => openCards(page)).toEqual([lastClaim]);
    const passage = await box(page, claimMark(lastClaim));
    expect(passage.y).toBeGreaterThan(0);
    expect(passage.y).toBeLessThan(900);

    await gotoReader(page, `${sora()}#${lastParagraph}`);
    const paragraph = await box(page, `#${lastParagraph}`);
    expect(paragraph.y).toBeGreaterThanOrEqual(0);
    expect(paragraph.y).toBeLessThan(300);

    await page.goto('about:blank');
    await gotoReader(page, `${sora()}#:~:text=${encodeURIComponent(text).replace(/-/g, '%2D')}`);
    await expect
      .poll(async () => (await box(page, claimMark(target))).y, { timeout: 3000 })
      .toBeLessThan(900);
    expect((await box(page, claimMark(target))).y).toBeGreaterThan(0);
  });

  it('should remember highlights, theme and text size across a reload', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const size = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('article p')!).fontSize));
    const before = await size();

    // Act
    await page.keyboard.press('h');
    await page.keyboard.press('t');
    await page.keyboard.press('t');
    await page.keyboard.press('+');
    await page.reload();
    await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });

    // Assert
    const reader = page.locator('marginalia-reader');
    expect(await reader.getAttribute('highlights')).toBe('off');
    expect(await reader.getAttribute('data-theme')).toBe('dark');
    expect(await size()).toBeCloseTo(before * 1.125, 0);
    const background = await page
      .locator('mark[data-claims]')
      .first()
      .evaluate((mark) => getComputedStyle(mark).backgroundColor);
    expect(background).toBe('rgba(0, 0, 0, 0)');
  });

  it('should ignore a corrupt stored setting and still work', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    await page.evaluate(() =>
      localStorage.setItem('marginalia-reader-settings', '{"theme": "dark", "textSize": 1e9, '),
    );

    // Act
    await page.reload();
    await page.waitForSelector('marginalia-reader[data-enhanced]', { state: 'attached' });
    await page.locator('mark[tabindex="0"]').first().click();

    // Assert
    expect(await page.locator('marginalia-reader').getAttribute('data-theme')).toBe('light');
    expect(await openCards(page)).toHaveLength(1);
  });

  it('should follow the system’s dark scheme by default, and pass axe in light and in dark', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    await page.locator('mark[tabindex="0"]').nth(1).click();

    // Act
    const light = await seriousAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await gotoReader(page, sora());
    const theme = await page.locator('marginalia-reader').getAttribute('data-theme');
    await page.locator('mark[tabindex="0"]').nth(1).click();
    await page.screenshot({ path: path.join(screenshots, 'wide-dark-note.png') });
    const dark = await seriousAxeViolations(page);

    // Assert
    expect(light).toEqual([]);
    expect(theme).toBe('dark');
    expect(dark).toEqual([]);
  });

  it('should save a screenshot of the wide layout with a note open', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());

    // Act
    await page.locator('mark[tabindex="0"]').nth(3).click();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(screenshots, 'wide-note.png') });

    // Assert
    expect(await openCards(page)).toHaveLength(1);
  });
});

describe('nothing moves under the reader', () => {
  /** Where the page is scrolled, and the top of a claim's first line. */
  async function where(page: Page, claimId: string): Promise<{ scroll: number; top: number }> {
    return { scroll: await page.evaluate(() => scrollY), top: (await box(page, claimMark(claimId))).y };
  }

  /** Whether the open card covers any line of its passage. */
  async function covers(page: Page, claimId: string): Promise<boolean> {
    const note = await box(page, `[data-card="${claimId}"]`);
    const lines = await page
      .locator(claimMark(claimId))
      .evaluateAll((marks) =>
        marks.flatMap((mark) => [...mark.getClientRects()].map((rect) => rect.toJSON() as DOMRect)),
      );
    return lines.some(
      (line) =>
        note.x < line.right &&
        note.x + note.width > line.left &&
        note.y < line.bottom &&
        note.y + note.height > line.top,
    );
  }

  it('should open a note by click, Enter, j and k without scrolling, beside its passage and covering none of it', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const order = await tabOrder(page);
    await page.evaluate(() =>
      scrollTo(0, document.querySelector('#p-3')!.getBoundingClientRect().top + scrollY - 200),
    );
    const opened: Array<{ how: string; claimId: string; before: { scroll: number; top: number } }> = [];
    const open = async (how: string, claimId: string, act: () => Promise<void>) => {
      const before = await where(page, claimId);
      await act();
      await page.waitForSelector(`[data-card="${claimId}"]`);
      await page.waitForTimeout(150);
      opened.push({ how, claimId, before });
      return { after: await where(page, claimId), covered: await covers(page, claimId) };
    };

    // Act
    const byClick = await open('click', order[7]!, async () => {
      const point = await onPassage(page, order[7]!);
      await page.mouse.click(point.x, point.y);
    });
    await page.keyboard.press('Escape');
    const byEnter = await open('Enter', order[8]!, async () => {
      await page.locator(claimMark(order[8]!)).first().focus();
      await page.keyboard.press('Enter');
    });
    const byJ = await open('j', order[9]!, () => page.keyboard.press('j'));
    const byK = await open('k', order[8]!, () => page.keyboard.press('k'));
    const article = await box(page, 'article.marginalia-article');
    const card = await box(page, `[data-card="${order[8]}"]`);

    // Assert
    for (const [index, result] of [byClick, byEnter, byJ, byK].entries()) {
      const { how, before } = opened[index]!;
      expect(result.after.scroll, `scrolled on ${how}`).toBe(before.scroll);
      expect(Math.abs(result.after.top - before.top), `passage moved on ${how}`).toBeLessThan(1);
      expect(result.covered, `card covers its passage on ${how}`).toBe(false);
    }
    expect(card.x).toBeGreaterThanOrEqual(article.x + article.width);
    expect(Math.abs(card.y - (await box(page, claimMark(order[8]!))).y)).toBeLessThan(40);
  });

  it('should scroll on j only as far as brings the next passage into view', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const order = await tabOrder(page);
    const [current, following] = [order[12]!, order[13]!];
    await page.evaluate((claimId) => document.querySelector('marginalia-reader')!.openNote(claimId), current);
    const next = claimMark(following);
    // The next passage just below the window.
    await page.evaluate((selector) => {
      const top = document.querySelector(selector)!.getBoundingClientRect().top + scrollY;
      scrollTo(0, top - innerHeight - 40);
    }, next);
    const before = await page.evaluate(() => scrollY);

    // Act
    await page.keyboard.press('j');
    await page.waitForSelector(`[data-card="${following}"]`);
    await page.waitForTimeout(150);

    // Assert
    const passage = await box(page, next);
    const scrolled = (await page.evaluate(() => scrollY)) - before;
    expect(passage.y).toBeGreaterThan(40);
    expect(passage.y + passage.height).toBeLessThanOrEqual(900);
    expect(scrolled).toBeGreaterThan(0);
    expect(scrolled).toBeLessThan(900);
    expect(await covers(page, following)).toBe(false);
  });

  it('should dim every passage but those of the verdict chosen in the summary, and undo it', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, sora());
    const supported = await page.locator('li.marginalia-note[data-verdict="supported"]').count();
    const total = await page.locator('li.marginalia-note').count();
    const count = page.locator('a.marginalia-verdict-count[data-verdict="supported"]');
    const looks = () =>
      page.locator('mark[data-claims]').evaluateAll((marks) =>
        marks.map((mark) => ({
          verdicts: mark.dataset['verdict'] ?? '',
          tinted: getComputedStyle(mark).backgroundColor !== 'rgba(0, 0, 0, 0)',
          underlined:
            getComputedStyle(mark).textDecorationLine !== 'none' ||
            getComputedStyle(mark).backgroundImage !== 'none',
        })),
      );

    // Act
    await count.click();
    await page.mouse.move(0, 0);
    const filtered = await looks();
    const pressed = await count.getAttribute('aria-pressed');
    const said = await page.locator('[role="status"]').innerText();
    await page.screenshot({ path: path.join(screenshots, 'wide-filter.png') });
    await count.press('Space');
    const unfiltered = await looks();

    // Assert
    expect(pressed).toBe('true');
    expect(said).toContain(`${supported} of ${total} claims shown`);
    for (const mark of filtered) {
      const picked = mark.verdicts.split(' ').includes('supported');
      expect(mark.tinted).toBe(picked);
      expect(mark.underlined).toBe(picked);
    }
    expect(unfiltered.every((mark) => !mark.tinted && mark.underlined)).toBe(true);
    expect(await count.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the legend', () => {
  it('should define each verdict and kind the article uses, folded on a narrow screen and shown in print', async () => {
    // Arrange
    const { page } = narrow;
    await gotoReader(page, sora());
    const entries = page.locator('.marginalia-legend dd');
    const used = await page.locator('li.marginalia-note').evaluateAll((notes) => ({
      verdicts: new Set(notes.map((note) => note.getAttribute('data-verdict'))).size,
      kinds: new Set(notes.map((note) => note.getAttribute('data-kind'))).size,
    }));

    // Act
    const onScreen = await entries.first().isVisible();
    await page.emulateMedia({ media: 'print' });
    const printed = await entries.evaluateAll((items) =>
      items.map((item) => (item as HTMLElement).offsetHeight > 0),
    );
    const samples = await page
      .locator('.marginalia-legend-kind')
      .evaluateAll((items) =>
        items.map((item) =>
          [getComputedStyle(item).textDecorationStyle, getComputedStyle(item).backgroundImage].join(' '),
        ),
      );
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.marginalia-legend-toggle').tap();
    const opened = await entries.first().isVisible();

    // Assert
    expect(onScreen).toBe(false);
    expect(printed.length).toBe(used.verdicts + used.kinds);
    expect(printed.every(Boolean)).toBe(true);
    expect(new Set(samples).size).toBe(used.kinds);
    expect(opened).toBe(true);
  });
});

describe('the reader on a narrow screen', () => {
  it('should open a note by a tap as a sheet that leaves its passage in view, without scrolling', async () => {
    // Arrange
    const { page } = narrow;
    await gotoReader(page, sora());
    const passages = page.locator('mark[tabindex="0"]');
    const sheet = async (index: number) => {
      const mark = passages.nth(index);
      const claimId = (await mark.getAttribute('data-claims')) ?? '';
      const before = await page.evaluate(() => scrollY);
      const at = await box(page, claimMark(claimId));
      // A tap where the passage is (the locator's tap would first scroll it further into view).
      const point = await onPassage(page, claimId);
      await page.touchscreen.tap(point.x, point.y);
      await page.waitForSelector(card);
      await page.waitForTimeout(100);
      return {
        scrolled: (await page.evaluate(() => scrollY)) - before,
        moved: (await box(page, claimMark(claimId))).y - at.y,
        passage: await box(page, `${claimMark(claimId)} >> nth=-1`),
        first: await box(page, claimMark(claimId)),
        sheet: await box(page, '.cards'),
      };
    };

    // Act
    await page.evaluate(() =>
      scrollTo(0, document.querySelector('#p-2')!.getBoundingClientRect().top + scrollY - 120),
    );
    const high = await sheet(3);
    await page.screenshot({ path: path.join(screenshots, 'narrow-note.png') });
    await page.keyboard.press('Escape');
    await page.evaluate(() =>
      scrollTo(0, document.querySelector('#p-2')!.getBoundingClientRect().top + scrollY - 620),
    );
    const low = await sheet(3);

    // Assert
    expect(await page.locator('marginalia-reader').getAttribute('data-layout')).toBe('narrow');
    for (const opened of [high, low]) {
      expect(opened.scrolled).toBe(0);
      expect(Math.abs(opened.moved)).toBeLessThan(1);
      expect(opened.sheet.x).toBe(0);
      expect(opened.sheet.width).toBe(390);
      const covers =
        opened.sheet.y < opened.passage.y + opened.passage.height &&
        opened.sheet.y + opened.sheet.height > opened.first.y;
      expect(covers).toBe(false);
    }
    expect(high.sheet.y).toBeGreaterThanOrEqual(high.passage.y + high.passage.height);
    expect(high.sheet.y + high.sheet.height).toBe(844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 390);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('should open the claims panel across the screen and close it after a choice', async () => {
    // Arrange
    const { page } = narrow;
    await gotoReader(page, sora());

    // Act
    await page.locator('button[aria-controls="panel"]').tap();
    const panel = await box(page, '.panel');
    await page.locator('.claims .claim').nth(5).tap();

    // Assert
    expect(panel.width).toBeGreaterThan(380);
    expect(await page.locator('.panel').isHidden()).toBe(true);
    expect(await openCards(page)).toHaveLength(1);
  });

  it('should pass axe with a note open', async () => {
    // Arrange
    const { page } = narrow;
    await gotoReader(page, sora());
    await page.locator('mark[tabindex="0"]').nth(2).tap();

    // Act
    const violations = await seriousAxeViolations(page);

    // Assert
    expect(violations).toEqual([]);
  });
});

describe('overlapping claims', () => {
  it('should tell overlapping claims apart and open each from the shared passage', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, harwick());
    const overlap = page.locator('mark[data-claims="population growth"]');

    // Act
    await overlap.hover();
    const label = await overlap.evaluate((mark) => getComputedStyle(mark, '::after').content);
    const hovered = await page
      .locator('mark[data-marginalia-hover]')
      .evaluateAll((marks) => marks.map((mark) => mark.textContent));
    await overlap.click();
    const first = await openCards(page);
    const alsoHere = await page.locator(`${card} .others`).innerText();
    await overlap.click();
    const second = await openCards(page);

    // Assert
    expect(label).toBe('"Statistic · Partly supported + Causal claim · Misleading"');
    expect(hovered).toEqual(['its population ', 'doubled', ' after the railway arrived in 1851']);
    expect(first).toEqual(['growth']);
    expect(alsoHere).toContain('Statistic, note 2');
    expect(second).toEqual(['population']);
  });

  it('should open the note from the note number after a passage that crosses markup', async () => {
    // Arrange
    const { page } = wide;
    await gotoReader(page, harwick());

    // Act
    await page.locator('a.marginalia-noteref[href="#note-finest-bridge"]').click();

    // Assert
    expect(await openCards(page)).toEqual(['finest-bridge']);
    expect(await page.locator('mark[data-claims="finest-bridge"][data-marginalia-active]').count()).toBe(2);
  });
});

describe('without JavaScript', () => {
  it('should show the whole article with its marks and notes', async () => {
    // Arrange
    const { page, trouble } = await openPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });

    // Act
    await page.goto(sora());

    // Assert
    expect(await page.locator('marginalia-reader[data-enhanced]').count()).toBe(0);
    expect(await page.locator('mark[data-claims]').first().isVisible()).toBe(true);
    expect(await page.locator('li.marginalia-note').first().isVisible()).toBe(true);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
