// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStorageArea } from '../highlights/fake-storage.ts';
import { toJsonLd } from '../highlights/exchange.ts';
import type { Highlight } from '../highlights/model.ts';
import type { SelectionAction } from './actions.ts';
import { HighlightController, undoTime } from './highlight-controller.ts';
import { excerpt, failureText, importedText } from './highlight-messages.ts';
import { parsePageData } from './page-data.ts';

const articleHtml = `
  <p id="p-1" data-paragraph="1">China in the realm of <mark data-claims="a">artificial intelligence</mark>, a new tool.</p>
  <h2 id="h-1">A heading</h2>
  <p id="p-2" data-paragraph="2">Chinese companies still lag behind in efficiency and stability.</p>
  <p id="p-3" data-paragraph="3">Addressing these challenges will require a concerted effort.</p>`;

/** The element, as far as the controller uses it: a Lit host with a shadow root. */
function fakeHost() {
  const element = document.createElement('div');
  const renderRoot = element.attachShadow({ mode: 'open' });
  document.body.append(element);
  return Object.assign(element, {
    renderRoot,
    updateComplete: Promise.resolve(true),
    updates: 0,
    addController(controller: { hostConnected?(): void }) {
      controller.hostConnected?.();
    },
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
  });
}

/**
 * A reader on a new tab of `area` (or in a browser that refuses storage), on a fresh copy of the
 * article (or of another text).
 */
function reader(area: FakeStorageArea | undefined, html = articleHtml) {
  const tab = area?.tab();
  const article = document.createElement('article');
  article.className = 'marginalia-article';
  article.innerHTML = html;
  document.body.append(article);
  const actions: SelectionAction[] = [];
  const announced: string[] = [];
  const controller = new HighlightController(fakeHost(), {
    article,
    data: parsePageData(JSON.stringify({ slug: 'sora', source: { title: 'Sora' } }), ''),
    actions,
    style: () => undefined,
    announce: (message) => announced.push(message),
    kit: {} as never,
    storage: tab?.storage,
    ...(tab ? { events: tab.window } : {}),
  });
  return { controller, article, actions, announced, tab };
}

/** A range over `text` in the block with id `id` (the text within one text node). */
function rangeOf(article: HTMLElement, id: string, text: string, to?: { id: string; text: string }): Range {
  const find = (blockId: string, words: string): [Node, number] => {
    const walker = document.createTreeWalker(article.querySelector(`#${blockId}`)!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(words);
      if (at !== -1) return [node, at];
    }
    throw new Error(`“${words}” is not in one text node of #${blockId}`);
  };
  const range = document.createRange();
  range.setStart(...find(id, text));
  const [node, at] = find(to?.id ?? id, to?.text ?? text);
  range.setEnd(node, at + (to?.text ?? text).length);
  return range;
}

function texts(controller: HighlightController): string[] {
  return controller.items.placed.map((item) => item.text);
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('HighlightController', () => {
  it('should add “Highlight” to the selection toolbar and store the passage, widened to whole words', async () => {
    // Arrange
    const area = new FakeStorageArea();
    const { controller, article, actions } = reader(area);

    // Act
    const outcome = await actions
      .find((action) => action.id === 'highlight')
      ?.run(rangeOf(article, 'p-2', 'ompanies still la'));

    // Assert
    expect(outcome).toBe('done');
    expect(texts(controller)).toEqual(['companies still lag']);
    const stored = [...area.entries.values()].map((value) => JSON.parse(value) as Highlight);
    expect(stored.map((highlight) => [highlight.quote.exact, highlight.colour])).toEqual([
      ['companies still lag', 'yellow'],
    ]);
    expect(controller.cardId).toBe(stored[0]?.id);
  });

  it('should make one highlight per block a selection crosses, in reading order, and none twice', () => {
    // Arrange
    const area = new FakeStorageArea();
    const { controller, article } = reader(area);
    const range = rangeOf(article, 'p-2', 'in efficiency', { id: 'p-3', text: 'Addressing these' });

    // Act
    controller.highlight(range);
    const again = controller.highlight(rangeOf(article, 'p-2', 'in efficiency and stability.'));
    const opened = controller.item(controller.cardId ?? '')?.text;
    controller.highlight(rangeOf(article, 'p-1', 'China in the'));

    // Assert
    expect(texts(controller)).toEqual(['China in the', 'in efficiency and stability.', 'Addressing these']);
    expect(controller.items.placed.map((item) => item.paragraph)).toEqual([1, 2, 3]);
    expect(area.entries.size).toBe(3);
    // The same passage again opens its card instead.
    expect(again).toBe('done');
    expect(opened).toBe('in efficiency and stability.');
  });

  it('should give a new highlight the colour chosen last, and keep a note and a colour', () => {
    // Arrange
    const area = new FakeStorageArea();
    const { controller, article } = reader(area);
    controller.highlight(rangeOf(article, 'p-1', 'China in the'));
    const first = controller.items.placed[0]!.highlight.id;

    // Act
    controller.setColour(first, 'pink');
    controller.saveNote(first, 'Why “new”?');
    controller.highlight(rangeOf(article, 'p-3', 'concerted effort'));

    // Assert
    const stored = reader(area).controller.items.placed.map(({ highlight }) => [
      highlight.colour,
      highlight.note,
    ]);
    expect(stored).toEqual([
      ['pink', 'Why “new”?'],
      ['pink', ''],
    ]);
  });

  it('should keep a highlight that storage refused on the page, say why, and store it once there is room', () => {
    // Arrange
    const area = new FakeStorageArea();
    area.quota = 10;
    const { controller, article, announced } = reader(area);

    // Act
    const outcome = controller.highlight(rangeOf(article, 'p-2', 'efficiency'));
    const item = controller.items.placed[0]!;
    const unsaved = item.unsaved;
    area.quota = Infinity;
    controller.saveNote(item.highlight.id, 'Saved now');

    // Assert
    expect(outcome).toBe('failed');
    expect(unsaved).toBe('Your browser’s storage for this site is full: the highlight was not saved.');
    expect(announced.at(-2)).toContain('storage for this site is full');
    expect(controller.items.placed[0]!.unsaved).toBe('');
    expect(reader(area).controller.items.placed.map((saved) => saved.highlight.note)).toEqual(['Saved now']);
  });

  it('should bring a deleted highlight back with Undo, and offer Undo only for a while', () => {
    // Arrange
    vi.useFakeTimers();
    const area = new FakeStorageArea();
    const { controller, article } = reader(area);
    controller.highlight(rangeOf(article, 'p-1', 'China in the'));
    controller.highlight(rangeOf(article, 'p-3', 'concerted effort'));
    const [first, second] = controller.items.placed.map((item) => item.highlight.id);

    // Act
    controller.remove(first!);
    const afterRemove = area.entries.size;
    controller.undo();
    controller.remove(second!);
    vi.advanceTimersByTime(undoTime + 1);

    // Assert
    expect(afterRemove).toBe(1);
    expect(controller.deleted).toBeUndefined();
    expect(texts(controller)).toEqual(['China in the']);
    expect(texts(reader(area).controller)).toEqual(['China in the']);
  });

  it('should apply another tab’s new highlights, edits and deletions as they happen', () => {
    // Arrange
    const area = new FakeStorageArea();
    const one = reader(area);
    const two = reader(area);

    // Act
    one.controller.highlight(rangeOf(one.article, 'p-1', 'China in the'));
    const id = one.controller.items.placed[0]!.highlight.id;
    const seen = texts(two.controller);
    two.controller.setColour(id, 'green');
    one.controller.saveNote(id, 'From tab one');
    const both = [one, two].map(({ controller }) => controller.item(id)?.highlight);
    two.controller.remove(id);

    // Assert
    expect(seen).toEqual(['China in the']);
    expect(both.map((highlight) => [highlight?.colour, highlight?.note])).toEqual([
      ['green', 'From tab one'],
      ['green', 'From tab one'],
    ]);
    expect(one.controller.count).toBe(0);
  });

  it('should report an unreadable stored entry, keep it, and still load the others', () => {
    // Arrange
    const area = new FakeStorageArea();
    const { controller, article } = reader(area);
    controller.highlight(rangeOf(article, 'p-1', 'China in the'));
    area.entries.set('marginalia:highlights:sora:not-a-highlight', '{"v":1,');

    // Act
    const again = reader(area).controller;

    // Assert
    expect(texts(again)).toEqual(['China in the']);
    expect(again.corrupt.map((entry) => entry.key)).toEqual(['marginalia:highlights:sora:not-a-highlight']);
    expect(area.entries.get('marginalia:highlights:sora:not-a-highlight')).toBe('{"v":1,');
    again.discard(again.corrupt[0]!);
    expect(again.corrupt).toEqual([]);
    expect(area.entries.has('marginalia:highlights:sora:not-a-highlight')).toBe(false);
  });

  it('should keep highlights for the visit, unsaved, where the browser refuses storage', () => {
    // Arrange
    const { controller, article } = reader(undefined);

    // Act
    const outcome = controller.highlight(rangeOf(article, 'p-1', 'China in the'));

    // Assert
    expect(outcome).toBe('failed');
    expect(controller.storageProblem).toBe('Your browser does not let this page store highlights.');
    expect(controller.items.placed.map((item) => [item.text, item.unsaved])).toEqual([
      ['China in the', 'Your browser does not let this page store highlights: the highlight was not saved.'],
    ]);
  });

  it('should import only what is new, and change nothing for a bad file', async () => {
    // Arrange
    const area = new FakeStorageArea();
    const { controller, article } = reader(area);
    controller.highlight(rangeOf(article, 'p-1', 'China in the'));
    controller.highlight(rangeOf(article, 'p-3', 'concerted effort'));
    const file = JSON.stringify(
      toJsonLd(
        controller.items.placed.map((item) => item.highlight),
        {
          title: 'Sora',
          url: 'https://example.org/sora/',
        },
      ),
    );
    const other = reader(new FakeStorageArea()).controller;

    // Act
    await other.importFile(new File([file], 'mine.jsonld'));
    const first = other.message;
    await other.importFile(new File([file], 'mine.jsonld'));
    const second = other.message;
    await other.importFile(new File(['{"type":"Annotation"}'], 'bad.jsonld'));

    // Assert
    expect(first).toEqual({ text: 'Imported 2 highlights.', error: false });
    expect(second).toEqual({ text: 'Nothing new: all 2 of its highlights are already here.', error: false });
    expect(other.message).toEqual({
      text: 'Could not import “bad.jsonld”: annotation 1: the target has no selector. Nothing was changed.',
      error: true,
    });
    expect(texts(other)).toEqual(['China in the', 'concerted effort']);
  });

  it('should list a highlight it cannot place in the current text as an orphan, with its words', () => {
    // Arrange
    const area = new FakeStorageArea();
    const { controller, article } = reader(area);
    controller.highlight(rangeOf(article, 'p-3', 'Addressing these challenges will require'));
    const edited = articleHtml.replace(/<p id="p-3"[^]*?<\/p>/, '');

    // Act
    const again = reader(area, edited);

    // Assert
    expect(again.controller.items.placed).toEqual([]);
    expect(again.controller.items.orphans.map((item) => item.text)).toEqual([
      'Addressing these challenges will require',
    ]);
  });
});

describe('what the reader is told', () => {
  it('should say how an import went', () => {
    // Arrange, Act, Assert
    expect(importedText(3, 2, 0)).toBe('Imported 3 highlights, 2 already there.');
    expect(importedText(1, 0, 1)).toBe('Imported 1 highlight, 1 could not be placed in the current text.');
    expect(importedText(0, 1, 0)).toBe('Nothing new: its highlight is already here.');
    expect(importedText(0, 0, 0)).toBe('The file holds no highlights.');
  });

  it('should say why a highlight was not stored', () => {
    // Arrange, Act, Assert
    expect(failureText({ ok: false, reason: 'quota', message: '' })).toBe(
      'Your browser’s storage for this site is full: the highlight was not saved.',
    );
    expect(failureText({ ok: false, reason: 'unavailable', message: '' })).toContain(
      'does not let this page',
    );
  });

  it('should cut a long text at a word, on one line', () => {
    // Arrange, Act, Assert
    expect(excerpt('Short\n  text')).toBe('Short text');
    expect(excerpt('one two three four five six', 12)).toBe('one two…');
  });
});
