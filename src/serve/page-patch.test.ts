import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { h } from 'hastscript';
import type { Root } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { copySeed } from '../../test/seed-copy.ts';
import { build } from '../build/build.ts';
import { WarmCache, type PageSnapshot } from '../build/warm-cache.ts';
import { applyPatch } from '../editor/apply-patch.ts';
import type { PatchPart } from '../editor/protocol.ts';
import { pageHtml, type PageOutline } from '../pipeline/rehype-stringify-page.ts';
import { diffPages } from './page-patch.ts';

const seedCopy = copySeed('marginalia-patch-');
afterAll(() => seedCopy.remove());
const { work, paths } = seedCopy;
const slug = paths.slug;
const claimsPath = paths.claims;
const textPath = paths.article;
const warm = new WarmCache();
const out = path.join(work, 'out');

/** Builds the article warm, as watch mode does, and returns the page it made. */
async function rebuild(): Promise<PageSnapshot> {
  const result = await build([paths], {
    outDir: out,
    write: true,
    cwd: work,
    jobs: 1,
    progress: false,
    cache: false,
    generated: '2026-01-01T00:00:00Z',
    warmCache: warm,
  });
  expect(result.ok).toBe(true);
  const page = warm.article(out, slug).page;
  if (!page) throw new Error('no page kept');
  expect(page.html).toBe(readFileSync(path.join(out, slug, 'index.html'), 'utf8'));
  return page;
}

function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

/** The document a browser makes of `html` (happy-dom's, in this Node process). */
const window = new Window();
function parsed(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Applies the parts to the page `before` and expects the page `after`. */
function expectPatched(before: PageSnapshot, after: PageSnapshot, parts: PatchPart[]): Element[] {
  const page = parsed(before.html);
  const replaced = applyPatch(page, parts);
  expect(replaced).toBeDefined();
  expect(page.documentElement.outerHTML).toBe(parsed(after.html).documentElement.outerHTML);
  return replaced ?? [];
}

/** A page of `body`'s children as the build would write it, with its outline. */
function snapshot(tree: Root): PageSnapshot {
  const outline: PageOutline = { start: 0, end: 0, children: [] };
  return { html: pageHtml(tree, outline), outline };
}

const page = (head: ReturnType<typeof h>[], body: ReturnType<typeof h>[], bodyClass = ''): Root => ({
  type: 'root',
  children: [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', head),
      h('body', bodyClass ? { className: [bodyClass] } : {}, body),
    ]),
  ],
});

describe('diffPages', () => {
  it('should send only what a save changed, and the page it makes should be the new build', async () => {
    const first = await rebuild();
    expect(diffPages(first, await rebuild())).toEqual([]);

    // The title: the head's metadata, the heading, the citations; the JSON-LD as a span of text.
    edit(claimsPath, (text) =>
      text.replace(
        /^( {2}title: )(.*)$/mu,
        (_, key: string, title: string) => `${key}${title.slice(0, -1)} (revised)"`,
      ),
    );
    const titled = await rebuild();
    const titleParts = diffPages(first, titled) ?? [];
    expect(titleParts.map((part) => part.tag)).toEqual(expect.arrayContaining(['title', 'h1', 'script']));
    const jsonLd = titleParts.find((part) => part.splice);
    expect(jsonLd?.splice?.text.length).toBeLessThan(100);
    expect(titleParts.reduce((sum, part) => sum + part.html.length, 0)).toBeLessThan(titled.html.length / 10);
    expectPatched(first, titled, titleParts);

    // A note: its own item of the notes, nothing in the text.
    edit(claimsPath, (text) =>
      text.replace('OpenAI announced Sora on 15 February', 'OpenAI announced **Sora** on 15 February'),
    );
    const noted = await rebuild();
    const noteParts = diffPages(titled, noted) ?? [];
    expect(noteParts.filter((part) => part.tag === 'li').length).toBe(1);
    expect(
      noteParts.some(
        (part) => part.tag === 'p' && part.at.some((step) => 'id' in step && /^p-/u.test(step.id)),
      ),
    ).toBe(false);
    const replaced = expectPatched(titled, noted, noteParts);
    expect(
      replaced.some((element) => element.textContent?.includes('OpenAI announced Sora on 15 February')),
    ).toBe(true);

    // A verdict: the passage's paragraph (its marks carry it), its note, the summary's counts.
    edit(claimsPath, (text) => {
      const start = text.indexOf('  - id: sora-unveiling\n');
      const next = text.indexOf('\n  - id: ', start + 1);
      const block = text.slice(start, next + 1);
      return text.replace(block, block.replace('verdict: supported', 'verdict: misleading'));
    });
    const judged = await rebuild();
    const verdictParts = diffPages(noted, judged) ?? [];
    expect(
      verdictParts.some((part) => part.at.some((step) => 'id' in step && /^p-\d+$/u.test(step.id))),
    ).toBe(true);
    expectPatched(noted, judged, verdictParts);

    // A new paragraph: the article's blocks are numbered again, so most of the page changes.
    edit(textPath, (text) => `A new first paragraph, written later.\n\n${text}`);
    const longer = await rebuild();
    const textParts = diffPages(judged, longer);
    if (textParts) expectPatched(judged, longer, textParts);
  }, 60_000);

  it('should ask for a reload when the page, its head or its body change, or the parts are too large', () => {
    const before = snapshot(
      page([h('title', 'A')], [h('main', [h('p', { id: 'p-1' }, 'One'), h('p', 'Two')])]),
    );
    const classed = snapshot(
      page([h('title', 'A')], [h('main', [h('p', { id: 'p-1' }, 'One'), h('p', 'Two')])], 'x'),
    );
    expect(diffPages(before, classed)).toBeUndefined();
    const moreHead = snapshot(
      page(
        [h('title', 'A'), h('meta', { name: 'x' })],
        [h('main', [h('p', { id: 'p-1' }, 'One'), h('p', 'Two')])],
      ),
    );
    expect(diffPages(before, moreHead)).toBeUndefined();
    const changed = snapshot(
      page([h('title', 'A')], [h('main', [h('p', { id: 'p-1' }, 'Uno'), h('p', 'Two')])]),
    );
    expect(diffPages(before, changed, { maxBytes: 5 })).toBeUndefined();
    const parts = diffPages(before, changed) ?? [];
    expect(parts).toEqual([{ at: [{ id: 'p-1' }], tag: 'p', html: '<p id="p-1">Uno</p>' }]);
  });

  it('should address an element without an id by its tag, class and place among its like', () => {
    const make = (text: string): PageSnapshot =>
      snapshot(
        page(
          [h('title', 'A')],
          [h('main.m', [h('p.a', 'x'), h('p.b', 'y'), h('p.a', text)]), h('div', { hidden: true }, 'z')],
        ),
      );
    const parts = diffPages(make('one'), make('two')) ?? [];
    expect(parts).toEqual([
      {
        at: [
          { tag: 'html', class: '', nth: 0 },
          { tag: 'body', class: '', nth: 0 },
          { tag: 'main', class: 'm', nth: 0 },
          { tag: 'p', class: 'a', nth: 1 },
        ],
        tag: 'p',
        html: '<p class="a">two</p>',
      },
    ]);
    // An element added by a script of the page's own (here before the paragraph) does not move it.
    const shown = parsed(make('one').html);
    shown.querySelector('main')?.prepend(shown.createElement('span'));
    expect(applyPatch(shown, parts)?.map((element) => element.outerHTML)).toEqual(['<p class="a">two</p>']);
    expect(shown.querySelectorAll('p.a')[1]?.textContent).toBe('two');
  });
});

describe('applyPatch', () => {
  it('should change nothing when a part does not fit the page or would load something', () => {
    const shown = parsed(
      '<!doctype html><html><head><title>A</title></head><body><p id="p-1">One</p></body></html>',
    );
    const before = shown.documentElement.outerHTML;
    const good: PatchPart = { at: [{ id: 'p-1' }], tag: 'p', html: '<p id="p-1">Uno</p>' };
    expect(
      applyPatch(shown, [good, { at: [{ id: 'p-2' }], tag: 'p', html: '<p id="p-2">Dos</p>' }]),
    ).toBeUndefined();
    expect(
      applyPatch(shown, [good, { at: [{ id: 'p-1' }], tag: 'div', html: '<div></div>' }]),
    ).toBeUndefined();
    expect(
      applyPatch(shown, [
        { at: [{ id: 'p-1' }], tag: 'p', html: '<p id="p-1"><script src="/x.js"></script></p>' },
      ]),
    ).toBeUndefined();
    expect(shown.documentElement.outerHTML).toBe(before);
    expect(applyPatch(shown, [good])?.[0]?.outerHTML).toBe('<p id="p-1">Uno</p>');
  });
});
