import { blockSeparator } from '../anchor/document.ts';
import type { Span } from '../anchor/types.ts';
import { widenToWords } from '../cite/quote.ts';
import { anchorHighlights, describeHighlight, type HighlightAnchor } from '../highlights/anchoring.ts';
import {
  paragraphOf,
  rangeOfSpan,
  readArticleText,
  spansOfRange,
  type ArticleText,
} from '../highlights/article-text.ts';
import { createHighlight, type Highlight, type HighlightColour } from '../highlights/model.ts';
import {
  browserStorage,
  HighlightStore,
  type CorruptEntry,
  type StorageEventSource,
  type StorageLike,
  type StoreChange,
  type WriteFailure,
} from '../highlights/store.ts';
import { failureText } from './highlight-messages.ts';

/**
 * The reader's highlights of one article, as the page holds them: each stored highlight placed
 * in the article's text (its range in the page, its words now, its paragraph), those that could
 * not be placed, the stored entries that could not be read, and the ones the browser would not
 * store (kept for the visit, with the reason). It changes the store and itself together; what
 * the reader sees of it is `highlight-controller.ts`'s.
 *
 * - The article's text is read on first use (a long article takes a while to read, and a reader
 *   without highlights may never need it), and again on each `load`.
 * - Stored selectors are never rewritten on load: they keep the words the reader highlighted.
 * - An edit changes only the field edited, on the entry as stored, so two tabs never overwrite
 *   each other's highlights.
 */

/** A highlight as the reader shows it. */
export interface HighlightItem {
  highlight: Highlight;
  anchor: HighlightAnchor;
  /** Its passage in the page, when it could be placed. */
  range: Range | undefined;
  /** The passage's words now: the article's, or the saved quote when it could not be placed. */
  text: string;
  /** The paragraph number of its passage; 0 for a heading or when it could not be placed. */
  paragraph: number;
  /** Why it is not stored; "" when it is. */
  unsaved: string;
}

export interface CollectionOptions {
  /** `article.marginalia-article`. */
  article: HTMLElement;
  /** The article's slug: the stored entries' key. */
  slug: string;
  /** Where highlights are kept: `localStorage` by default; undefined where the browser refuses storage. */
  storage?: StorageLike | undefined;
  /** Where other tabs' changes are heard of (`storage` events): the window by default. */
  events?: StorageEventSource;
}

/** What became of a change to a highlight: stored, kept unsaved, or gone (deleted in another tab). */
export type ChangeResult = 'saved' | 'unsaved' | 'missing';

const unavailable: WriteFailure = {
  ok: false,
  reason: 'unavailable',
  message: 'The browser does not let this page store highlights.',
};

/** Compares two spans in reading order. */
function compareSpans(a: Span, b: Span): number {
  return a.block - b.block || a.start - b.start || a.end - b.end;
}

export class HighlightCollection {
  /** Stored entries that could not be read (kept in storage). */
  corrupt: CorruptEntry[] = [];
  /** Why highlights cannot be stored at all in this browser; "" when they can. */
  storageProblem = '';
  readonly store: HighlightStore | undefined;

  private readonly _article: HTMLElement;
  private readonly _items = new Map<string, HighlightItem>();
  private _read: { text: ArticleText & { elements: Element[] }; starts: number[] } | undefined;

  constructor(options: CollectionOptions) {
    this._article = options.article;
    const storage = 'storage' in options ? options.storage : browserStorage();
    this.store = storage ? new HighlightStore(options.slug, storage, options.events ?? window) : undefined;
    if (!storage) this.storageProblem = 'Your browser does not let this page store highlights.';
  }

  /** How many highlights there are (placed or not). */
  get size(): number {
    return this._items.size;
  }

  /** The highlights placed in the text, in reading order, and those that could not be placed. */
  get items(): { placed: HighlightItem[]; orphans: HighlightItem[] } {
    const placed: Array<HighlightItem & { anchor: { span: Span } }> = [];
    const orphans: HighlightItem[] = [];
    for (const item of this._items.values()) {
      if (item.anchor.status === 'orphan') orphans.push(item);
      else placed.push(item as HighlightItem & { anchor: { span: Span } });
    }
    placed.sort((a, b) => compareSpans(a.anchor.span, b.anchor.span));
    orphans.sort((a, b) => a.highlight.position.start - b.highlight.position.start);
    return { placed, orphans };
  }

  /** Every highlight, the placed ones in reading order first. */
  all(): Highlight[] {
    const { placed, orphans } = this.items;
    return [...placed, ...orphans].map((item) => item.highlight);
  }

  get(id: string): HighlightItem | undefined {
    return this._items.get(id);
  }

  values(): IterableIterator<HighlightItem> {
    return this._items.values();
  }

  /** The article's text (read on first use). */
  get text(): ArticleText & { elements: Element[] } {
    return this._readText().text;
  }

  /** The block a placed highlight is in. */
  blockOf(item: HighlightItem): Element | undefined {
    return item.anchor.status === 'orphan' ? undefined : this.text.elements[item.anchor.span.block];
  }

  /** Reads every stored highlight and places them; unsaved ones stay. The text is read again. */
  load(): void {
    this._read = undefined;
    const unsaved = [...this._items.values()].filter((item) => item.unsaved);
    this._items.clear();
    this.corrupt = [];
    if (this.store) {
      const loaded = this.store.load();
      this.corrupt = loaded.corrupt;
      if (loaded.failure)
        this.storageProblem = failureText(loaded.failure).replace(': the highlight was not saved', '');
      this.add(loaded.highlights, '');
    }
    for (const item of unsaved)
      if (!this._items.has(item.highlight.id)) this._items.set(item.highlight.id, item);
  }

  /** Anchors highlights in the text and adds them. */
  add(highlights: readonly Highlight[], unsaved: string): HighlightItem[] {
    if (highlights.length === 0) return [];
    const text = this.text;
    const anchors = anchorHighlights(text.blocks, highlights);
    const items = highlights.map((highlight, index): HighlightItem => {
      const anchor = anchors[index] ?? { status: 'orphan' };
      const span = anchor.status === 'orphan' ? undefined : anchor.span;
      return {
        highlight,
        anchor,
        range: span && rangeOfSpan(text.elements, span),
        text: span ? (text.blocks[span.block] ?? '').slice(span.start, span.end) : highlight.quote.exact,
        paragraph: span ? paragraphOf(text, span) : 0,
        unsaved,
      };
    });
    for (const item of items) this._items.set(item.highlight.id, item);
    return items;
  }

  /**
   * The highlights a selection makes: one per paragraph it touches, each widened to whole
   * words, in `colour`; and the first highlight already there with exactly such a passage.
   */
  describe(
    range: Range,
    colour: HighlightColour,
  ): { created: Highlight[]; existing: HighlightItem | undefined } {
    const { blocks, elements } = this.text;
    const created: Highlight[] = [];
    let existing: HighlightItem | undefined;
    for (const selected of spansOfRange(elements, range)) {
      const span = {
        block: selected.block,
        ...widenToWords(blocks[selected.block] ?? '', selected.start, selected.end),
      };
      let target;
      try {
        target = describeHighlight(blocks, span);
      } catch {
        continue; // only white space in this block
      }
      const same = this._itemAt(target.position.start, target.position.end);
      if (same) existing ??= same;
      else created.push(createHighlight(target, colour));
    }
    return { created, existing };
  }

  /** Stores new highlights (all or none) and adds them; returns why they are not stored, or "". */
  saveNew(created: readonly Highlight[]): string {
    const result = this.store ? this.store.saveAll(created) : unavailable;
    const unsaved = result.ok ? '' : failureText(result);
    this.add(created, unsaved);
    return unsaved;
  }

  /**
   * Changes a highlight's colour or note: on the stored entry (so that another tab's change to
   * its other field stays), or, for one not stored, by storing it whole.
   */
  change(item: HighlightItem, changes: { colour?: HighlightColour; note?: string }): ChangeResult {
    const { id } = item.highlight;
    const result = item.unsaved || !this.store ? undefined : this.store.update(id, changes);
    if (result?.ok) {
      item.highlight = result.highlight;
    } else if (result?.reason === 'missing') {
      // Deleted in another tab meanwhile: that deletion stands.
      this._items.delete(id);
      return 'missing';
    } else {
      item.highlight = { ...item.highlight, ...changes, modified: new Date().toISOString() };
      const saved = result ?? (this.store ? this.store.save(item.highlight) : unavailable);
      item.unsaved = saved.ok ? '' : failureText(saved);
    }
    return item.unsaved === '' ? 'saved' : 'unsaved';
  }

  /** Deletes a highlight; returns it as it was (for Undo), or undefined when the browser would not. */
  remove(id: string): { highlight: Highlight; unsaved: string } | undefined {
    const item = this._items.get(id);
    if (!item) return undefined;
    let removed = item.highlight;
    if (!item.unsaved && this.store) {
      const stored = this.store.remove(id);
      if (!stored && this.store.get(id)) return undefined;
      removed = stored ?? removed;
    }
    this._items.delete(id);
    return { highlight: removed, unsaved: item.unsaved };
  }

  /** Puts a deleted highlight back; returns it and why it is not stored ("" when it is). */
  restore(deleted: { highlight: Highlight; unsaved: string }): { highlight: Highlight; unsaved: string } {
    let { highlight, unsaved } = deleted;
    if (!unsaved && this.store) {
      const result = this.store.restore(highlight);
      if (!result.ok && result.reason === 'exists') highlight = this.store.get(highlight.id) ?? highlight;
      else if (!result.ok) unsaved = failureText(result);
    }
    this._items.delete(highlight.id);
    this.add([highlight], unsaved);
    return { highlight, unsaved };
  }

  /** Deletes a stored entry that could not be read. */
  discard(entry: CorruptEntry): void {
    this.store?.discard(entry);
    this.corrupt = this.corrupt.filter((other) => other !== entry);
  }

  /**
   * Applies another tab's change; returns the id of the highlight it concerned, or undefined
   * when it reset everything (or concerned nothing of ours).
   */
  apply(change: StoreChange): string | undefined {
    const store = this.store;
    if (!store) return undefined;
    if (change.type === 'reset') {
      this.load();
      return undefined;
    }
    const id =
      change.type === 'corrupt'
        ? change.entry.key.slice(store.prefix.length)
        : change.type === 'saved'
          ? change.highlight.id
          : change.id;
    const key = store.keyOf(id);
    this.corrupt = this.corrupt.filter((entry) => entry.key !== key);
    if (this._items.get(id)?.unsaved) return undefined; // ours alone: not in storage
    this._items.delete(id);
    if (change.type === 'saved') this.add([change.highlight], '');
    else if (change.type === 'corrupt') this.corrupt = [...this.corrupt, change.entry];
    return id;
  }

  private _readText(): { text: ArticleText & { elements: Element[] }; starts: number[] } {
    if (!this._read) {
      const text = readArticleText(this._article);
      let start = 0;
      const starts = text.blocks.map((block) => {
        const at = start;
        start += block.length + blockSeparator.length;
        return at;
      });
      this._read = { text, starts };
    }
    return this._read;
  }

  /** The placed highlight whose passage is exactly this stretch of the document text. */
  private _itemAt(start: number, end: number): HighlightItem | undefined {
    const { starts } = this._readText();
    for (const item of this._items.values()) {
      if (item.anchor.status === 'orphan') continue;
      const { block, start: from, end: to } = item.anchor.span;
      const offset = starts[block] ?? 0;
      if (offset + from === start && offset + to === end) return item;
    }
    return undefined;
  }
}
