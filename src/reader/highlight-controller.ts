import type { ReactiveController, ReactiveControllerHost, TemplateResult, html, nothing } from 'lit';
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
import { fromJsonLd, toJsonLd, toMarkdown } from '../highlights/exchange.ts';
import {
  colourLabel,
  createHighlight,
  defaultColour,
  type Highlight,
  type HighlightColour,
} from '../highlights/model.ts';
import {
  browserStorage,
  HighlightStore,
  type CorruptEntry,
  type StorageEventSource,
  type StorageLike,
  type StoreChange,
  type WriteFailure,
} from '../highlights/store.ts';
import { citationStyleOf, linkBase } from './copy-content.ts';
import { boundsOf, canPaint, HighlightPainter, passageAt } from './highlight-paint.ts';
import { countOf, renderHighlights } from './highlight-view.ts';
import type { ActionOutcome, SelectionAction } from './marginalia-reader.ts';
import type { PageData, StyledReference } from './page-data.ts';
import { saveFile } from './save-file.ts';

/**
 * The reader's own highlights: "Highlight" in the selection toolbar, the passages painted in
 * their colours (`highlight-paint.ts`), a card to change a highlight's colour, write its note or
 * delete it (with undo), and the "My highlights" panel, which lists them in reading order, lists
 * those that can no longer be placed and the stored entries that cannot be read, and exports and
 * imports them. The work is `src/highlights/`'s: storage per article in `localStorage`,
 * anchoring, Markdown and Web Annotation JSON-LD; this controller wires it to the page.
 *
 * - **On load** (when the reader connects), the article's text is read once and every stored
 *   highlight is anchored in it: at its saved position while the text is unchanged, else by its
 *   quote, fuzzily when the passage itself was edited. Stored selectors are never rewritten on
 *   load: they keep the words the reader highlighted, so a wrong guess or an edit that is undone
 *   later loses nothing, and anchoring runs again on every load anyway.
 * - **Other tabs**: the store reports their writes (the `storage` event), applied here at once.
 *   Each highlight is its own entry, and an edit changes only the field edited, on the entry as
 *   stored, so two tabs never overwrite each other's highlights.
 * - **Failures** are shown, never thrown: a highlight the browser would not store (a full quota,
 *   storage refused) stays on the page, marked "Not saved", until the reader leaves; the card and
 *   the panel say why, and the export still holds it.
 *
 * Loaded lazily with `selection-features.ts`: it imports only types from the element's modules,
 * and renders with the element's own Lit `html` (given in its options), so the chunk carries no
 * second copy of Lit.
 */

/** The element: a Lit host with its shadow root. */
type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface HighlightOptions {
  /** `article.marginalia-article`. */
  article: HTMLElement;
  data: PageData;
  /** The selection toolbar's actions: "Highlight" is added to them. */
  actions: SelectionAction[];
  /** The reader's citation style now (the page's default when it chose none). */
  style(): StyledReference | undefined;
  /** Says something in the reader's live region. */
  announce(message: string): void;
  /** The element's Lit template tag and its `nothing`. */
  html: typeof html;
  nothing: typeof nothing;
  /** Where highlights are kept: `localStorage` by default. */
  storage?: StorageLike | undefined;
  /** Where other tabs' changes are heard of (`storage` events): the window by default. */
  events?: StorageEventSource;
}

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

/** What the panel says about the last export or import. */
export interface PanelMessage {
  text: string;
  error: boolean;
}

/** How a card came to open: it takes focus unless it was opened with the pointer on the passage. */
export type CardSource = 'pointer' | 'panel' | 'create' | 'api';

/** How long "Undo" is offered after a deletion, in milliseconds. */
export const undoTime = 8000;

/** The largest file the import reads, in bytes. */
const importLimit = 5 * 1024 * 1024;

const unavailable: WriteFailure = {
  ok: false,
  reason: 'unavailable',
  message: 'The browser does not let this page store highlights.',
};

/** What the reader is told when a highlight could not be stored. */
export function failureText(failure: WriteFailure): string {
  switch (failure.reason) {
    case 'quota':
      return 'Your browser’s storage for this site is full: the highlight was not saved.';
    case 'unavailable':
      return 'Your browser does not let this page store highlights: the highlight was not saved.';
    default:
      return failure.message;
  }
}

/** What the panel says after an import that worked. */
export function importedText(added: number, duplicates: number, orphans: number): string {
  if (added === 0) {
    return duplicates === 0
      ? 'The file holds no highlights.'
      : `Nothing new: ${duplicates === 1 ? 'its highlight is' : `all ${duplicates} of its highlights are`} already here.`;
  }
  const parts = [`Imported ${countOf(added)}`];
  if (duplicates > 0) parts.push(`${duplicates} already there`);
  if (orphans > 0) parts.push(`${orphans} could not be placed in the current text`);
  return `${parts.join(', ')}.`;
}

/** Compares two spans in reading order. */
function compareSpans(a: Span, b: Span): number {
  return a.block - b.block || a.start - b.start || a.end - b.end;
}

export class HighlightController implements ReactiveController {
  /** Whether the "My highlights" panel is open. */
  panelOpen = false;
  /** The highlight whose card is open. */
  cardId: string | undefined;
  /** The note as the card showed it when it opened or last saved (another tab's edit does not overwrite what the reader types). */
  cardNote = '';
  /** What the card says about its last change ("Note saved.", or why it was not). */
  cardStatus = '';
  /** What the panel says about the last export or import. */
  message: PanelMessage | undefined;
  /** Stored entries that could not be read (kept in storage). */
  corrupt: CorruptEntry[] = [];
  /** Why highlights cannot be stored at all in this browser; "" when they can. */
  storageProblem = '';
  /** The highlight just deleted, while it can be restored. */
  deleted: { highlight: Highlight; unsaved: string } | undefined;
  /** Whether the browser paints highlights (the CSS Custom Highlight API). */
  readonly painting = canPaint();

  private readonly _host: Host;
  private readonly _options: HighlightOptions;
  private readonly _store: HighlightStore | undefined;
  private readonly _painter = new HighlightPainter();
  private readonly _items = new Map<string, HighlightItem>();
  /** The article's text and where each block starts in it; read when first needed. */
  private _read: { text: ArticleText & { elements: Element[] }; starts: number[] } | undefined;
  /** The colour a new highlight gets: the last one chosen. */
  private _colour: HighlightColour = defaultColour;
  private _cardSource: CardSource = 'api';
  private _unsubscribe: (() => void) | undefined;
  private _undoTimer: ReturnType<typeof setTimeout> | undefined;
  private _resizeObserver: ResizeObserver | undefined;
  /** The highlight under the pointer when it was pressed in the article (`null`: none; `undefined`: pressed elsewhere). */
  private _pressed: HighlightItem | null | undefined;

  constructor(host: Host, options: HighlightOptions) {
    this._host = host;
    this._options = options;
    const storage = 'storage' in options ? options.storage : browserStorage();
    const slug = options.data.slug || location.pathname;
    this._store = storage ? new HighlightStore(slug, storage, options.events ?? window) : undefined;
    if (!storage) this.storageProblem = 'Your browser does not let this page store highlights.';
    options.actions.push({
      id: 'highlight',
      label: 'Highlight',
      done: 'Highlighted',
      failed: 'Not saved',
      run: (range) => Promise.resolve(this.highlight(range)),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this._load();
    this._unsubscribe = this._store?.subscribe(this._onStoreChange);
    this._host.addEventListener('pointerdown', this._onPointerDown, true);
    this._host.addEventListener('click', this._onClick);
    if (typeof ResizeObserver === 'function') {
      this._resizeObserver = new ResizeObserver(() => this._layout());
      this._resizeObserver.observe(this._host);
    }
  }

  hostDisconnected(): void {
    this._unsubscribe?.();
    this._host.removeEventListener('pointerdown', this._onPointerDown, true);
    this._host.removeEventListener('click', this._onClick);
    this._resizeObserver?.disconnect();
    this._painter.clear();
    clearTimeout(this._undoTimer);
  }

  hostUpdated(): void {
    this._layout();
  }

  /** The panel, the open card, the margin's marks and the undo bar. */
  render(): TemplateResult {
    return renderHighlights(this, this._options.html, this._options.nothing);
  }

  /** How many highlights the reader has here (placed or not). */
  get count(): number {
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

  /** The highlight with this id. */
  item(id: string): HighlightItem | undefined {
    return this._items.get(id);
  }

  /**
   * Highlights the passage `range` selects in the article, in the last colour chosen: one
   * highlight per paragraph it touches, each widened to whole words. A passage highlighted
   * already opens its card instead. The selection is cleared, so that the colour shows.
   */
  highlight(range: Range): ActionOutcome {
    const { blocks, elements } = this._text;
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
      else created.push(createHighlight(target, this._colour));
    }
    document.getSelection()?.removeAllRanges();
    const first = created[0];
    if (!first) {
      if (!existing) return 'canceled';
      this.open(existing.highlight.id, 'create');
      return 'done';
    }
    const result = this._store ? this._store.saveAll(created) : unavailable;
    const unsaved = result.ok ? '' : failureText(result);
    this._add(created, unsaved);
    this.open(first.id, 'create', false);
    const made =
      created.length === 1
        ? `Highlighted in ${colourLabel(first.colour)}: choose a colour or add a note in its card.`
        : `${countOf(created.length)} made, one per paragraph.`;
    this._options.announce(unsaved ? `${unsaved} It stays on this page until you leave.` : made);
    return unsaved ? 'failed' : 'done';
  }

  /** Opens a highlight's card; the passage is brought into view when chosen in the panel. */
  open(id: string, source: CardSource, announce = true): void {
    const item = this._items.get(id);
    if (!item) return;
    if (this.cardId !== undefined && this.cardId !== id) this._saveCardNote();
    this.cardId = id;
    this.cardNote = item.highlight.note;
    this.cardStatus = '';
    this._cardSource = source;
    if (source === 'panel' && this._host.dataset['layout'] !== 'wide') this.panelOpen = false;
    if (source === 'panel' && item.range) {
      const top = item.range.getBoundingClientRect().top;
      window.scrollBy({ top: top - innerHeight / 3, behavior: 'instant' });
    }
    this._changed();
    if (announce) {
      const where = item.paragraph ? `, paragraph ${item.paragraph}` : '';
      const note = item.highlight.note.trim() ? ', with a note' : '';
      this._options.announce(`Your highlight${where}: ${colourLabel(item.highlight.colour)}${note}.`);
    }
    if (source !== 'pointer') {
      void this._host.updateComplete.then(() =>
        this._host.renderRoot.querySelector<HTMLElement>('.hl-card')?.focus({ preventScroll: true }),
      );
    }
  }

  /** Closes the open card, saving a changed note; focus goes back to where the card was chosen. */
  closeCard(returnFocus = true): void {
    const id = this.cardId;
    if (id === undefined) return;
    this._saveCardNote();
    this.cardId = undefined;
    this.cardStatus = '';
    this._changed();
    if (returnFocus && this._cardSource === 'panel' && this.panelOpen) {
      void this._host.updateComplete.then(() =>
        this._host.renderRoot
          .querySelector<HTMLElement>(`.hl-item[data-highlight="${CSS.escape(id)}"]`)
          ?.focus(),
      );
    }
  }

  /** Changes a highlight's colour (and the colour of the next new one). */
  setColour(id: string, colour: HighlightColour): void {
    const item = this._items.get(id);
    if (!item || item.highlight.colour === colour) return;
    this._colour = colour;
    const saved = this._change(item, { colour });
    this.cardStatus = saved ? '' : item.unsaved;
    this._options.announce(saved ? `Colour: ${colourLabel(colour)}.` : item.unsaved);
  }

  /** Saves a highlight's note, as the reader wrote it in its card. */
  saveNote(id: string, note: string): void {
    const item = this._items.get(id);
    if (!item) return;
    const saved = this._change(item, { note });
    if (id === this.cardId) {
      this.cardNote = note;
      this.cardStatus = saved ? 'Note saved.' : item.unsaved;
    }
    this._options.announce(saved ? 'Note saved.' : item.unsaved);
  }

  /** Deletes a highlight; "Undo" restores it for a few seconds. */
  remove(id: string): void {
    if (id === this.cardId) this._saveCardNote();
    const item = this._items.get(id);
    if (!item) return;
    let removed = item.highlight;
    if (!item.unsaved && this._store) {
      const stored = this._store.remove(id);
      if (!stored && this._store.get(id)) {
        this.cardStatus = 'The browser would not delete this highlight.';
        this._options.announce(this.cardStatus);
        this._changed();
        return;
      }
      removed = stored ?? removed;
    }
    this._items.delete(id);
    if (id === this.cardId) this.cardId = undefined;
    this.deleted = { highlight: removed, unsaved: item.unsaved };
    clearTimeout(this._undoTimer);
    this._undoTimer = setTimeout(() => {
      this.deleted = undefined;
      this._changed();
    }, undoTime);
    this._changed();
    this._options.announce('Highlight deleted. Undo restores it.');
    void this._host.updateComplete.then(() =>
      this._host.renderRoot.querySelector<HTMLElement>('.hl-undo button')?.focus(),
    );
  }

  /** Restores the highlight just deleted. */
  undo(): void {
    const deleted = this.deleted;
    if (!deleted) return;
    clearTimeout(this._undoTimer);
    this.deleted = undefined;
    let { highlight, unsaved } = deleted;
    if (!unsaved && this._store) {
      const result = this._store.restore(highlight);
      if (!result.ok && result.reason === 'exists') highlight = this._store.get(highlight.id) ?? highlight;
      else if (!result.ok) unsaved = failureText(result);
    }
    this._items.delete(highlight.id);
    this._add([highlight], unsaved);
    this._options.announce(unsaved ? `Highlight restored on this page. ${unsaved}` : 'Highlight restored.');
    this.open(highlight.id, 'api', false);
  }

  togglePanel(): void {
    if (this.panelOpen) this.closePanel();
    else {
      this.panelOpen = true;
      this._changed();
      void this._host.updateComplete.then(() =>
        this._host.renderRoot.querySelector<HTMLElement>('.hl-panel button')?.focus(),
      );
    }
  }

  closePanel(): void {
    this.panelOpen = false;
    this._changed();
    void this._host.updateComplete.then(() =>
      this._host.renderRoot.querySelector<HTMLElement>('[aria-controls="highlights"]')?.focus(),
    );
  }

  /** Escape: closes the card, else the panel; false when neither was open. */
  escape(): boolean {
    if (this.cardId !== undefined) this.closeCard();
    else if (this.panelOpen) this.closePanel();
    else return false;
    return true;
  }

  /** Downloads every highlight as Markdown: cited quotes in the reader's citation style, with their notes. */
  exportMarkdown(): void {
    const { title, slug } = this._options.data;
    const style = this._options.style();
    const text = toMarkdown(this._all(), {
      title,
      url: linkBase(this._options.data, location.href),
      style: citationStyleOf(title, style),
      text: this._text,
    });
    this._exported(`${slug || 'article'}-highlights.md`, text, 'text/markdown', 'Markdown');
  }

  /** Downloads every highlight as a W3C Web Annotation collection (JSON-LD). */
  exportJsonLd(): void {
    const { title, slug } = this._options.data;
    const text = `${JSON.stringify(toJsonLd(this._all(), { title, url: location.href }), null, 2)}\n`;
    this._exported(`${slug || 'article'}-highlights.jsonld`, text, 'application/ld+json', 'JSON-LD');
  }

  /**
   * Imports a Web Annotation JSON-LD file: its highlights that are not here yet are added (and
   * stored, all or none). A file with any problem changes nothing, and the panel says why.
   */
  async importFile(file: File): Promise<void> {
    const failed = (why: string): void =>
      this._tell(`Could not import “${file.name}”: ${why} Nothing was changed.`, true);
    if (file.size > importLimit) return failed('the file is larger than 5 MB.');
    let text: string;
    try {
      text = await file.text();
    } catch {
      return failed('the browser could not read it.');
    }
    const result = fromJsonLd(text, this._all());
    if (!result.ok) return failed(result.message);
    if (result.added.length > 0 && this._store) {
      const written = this._store.saveAll(result.added);
      if (!written.ok) return failed(failureText(written).replace('the highlight was', 'they were'));
    }
    const items = this._add(result.added, this._store ? '' : this.storageProblem);
    const orphans = items.filter((item) => item.anchor.status === 'orphan').length;
    this._tell(importedText(result.added.length, result.duplicates, orphans), false);
  }

  /** Deletes a stored entry that could not be read, when the reader asks to. */
  discard(entry: CorruptEntry): void {
    this._store?.discard(entry);
    this.corrupt = this.corrupt.filter((other) => other !== entry);
    this._options.announce('The unreadable entry was removed from storage.');
    this._changed();
  }

  /**
   * The article's text, read on first use (a long article takes a while to read, and a reader
   * without highlights may never need it).
   */
  private get _text(): ArticleText & { elements: Element[] } {
    return this._readText().text;
  }

  /** Where each block starts in the document text. */
  private get _starts(): number[] {
    return this._readText().starts;
  }

  private _readText(): { text: ArticleText & { elements: Element[] }; starts: number[] } {
    if (!this._read) {
      const text = readArticleText(this._options.article);
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

  /** Reads every stored highlight and places them; unsaved ones stay. The text is read again. */
  private _load(): void {
    this._read = undefined;
    const unsaved = [...this._items.values()].filter((item) => item.unsaved);
    this._items.clear();
    this.corrupt = [];
    if (this._store) {
      const loaded = this._store.load();
      this.corrupt = loaded.corrupt;
      if (loaded.failure)
        this.storageProblem = failureText(loaded.failure).replace(': the highlight was not saved', '');
      this._add(loaded.highlights, '');
    }
    for (const item of unsaved)
      if (!this._items.has(item.highlight.id)) this._items.set(item.highlight.id, item);
    this._changed();
  }

  /** Anchors highlights in the text and adds them to the page. */
  private _add(highlights: readonly Highlight[], unsaved: string): HighlightItem[] {
    if (highlights.length === 0) return [];
    const anchors = anchorHighlights(this._text.blocks, highlights);
    const items = highlights.map((highlight, index): HighlightItem => {
      const anchor = anchors[index] ?? { status: 'orphan' };
      const span = anchor.status === 'orphan' ? undefined : anchor.span;
      return {
        highlight,
        anchor,
        range: span && rangeOfSpan(this._text.elements, span),
        text: span
          ? (this._text.blocks[span.block] ?? '').slice(span.start, span.end)
          : highlight.quote.exact,
        paragraph: span ? paragraphOf(this._text, span) : 0,
        unsaved,
      };
    });
    for (const item of items) this._items.set(item.highlight.id, item);
    this._changed();
    return items;
  }

  /** The placed highlight whose passage is exactly this stretch of the document text. */
  private _itemAt(start: number, end: number): HighlightItem | undefined {
    for (const item of this._items.values()) {
      if (item.anchor.status === 'orphan') continue;
      const { block, start: from, end: to } = item.anchor.span;
      const offset = this._starts[block] ?? 0;
      if (offset + from === start && offset + to === end) return item;
    }
    return undefined;
  }

  /**
   * Changes a highlight's colour or note: on the stored entry (so that another tab's change to
   * its other field stays), or, for one not stored, by storing it whole. True when it is stored.
   */
  private _change(item: HighlightItem, changes: { colour?: HighlightColour; note?: string }): boolean {
    const { id } = item.highlight;
    const result = item.unsaved || !this._store ? undefined : this._store.update(id, changes);
    if (result?.ok) {
      item.highlight = result.highlight;
    } else if (result?.reason === 'missing') {
      // Deleted in another tab meanwhile: that deletion stands.
      this._items.delete(id);
      if (this.cardId === id) this.cardId = undefined;
      this._tell('This highlight was deleted in another tab.', true);
      return false;
    } else {
      item.highlight = { ...item.highlight, ...changes, modified: new Date().toISOString() };
      const saved = result ?? (this._store ? this._store.save(item.highlight) : unavailable);
      item.unsaved = saved.ok ? '' : failureText(saved);
    }
    this._changed();
    return item.unsaved === '';
  }

  /** Saves the open card's note if the reader changed it. */
  private _saveCardNote(): void {
    const id = this.cardId;
    const field = this._host.renderRoot.querySelector<HTMLTextAreaElement>('.hl-card textarea');
    if (id !== undefined && field && field.value !== this.cardNote) this.saveNote(id, field.value);
  }

  private _all(): Highlight[] {
    const { placed, orphans } = this.items;
    return [...placed, ...orphans].map((item) => item.highlight);
  }

  private _exported(name: string, text: string, type: string, format: string): void {
    try {
      saveFile(name, text, type);
    } catch (error) {
      console.error(error);
      this._tell(`Could not export: the browser refused the download.`, true);
      return;
    }
    this._tell(`Exported ${countOf(this._items.size)} as ${format}: ${name}.`, false);
  }

  private _tell(text: string, error: boolean): void {
    this.message = { text, error };
    this._options.announce(text);
    this._changed();
  }

  /** Repaints the passages and renders the reader again. */
  private _changed(): void {
    const passages = [...this._items.values()].flatMap((item) =>
      item.range ? [{ colour: item.highlight.colour, range: item.range }] : [],
    );
    const open = this.cardId === undefined ? undefined : this._items.get(this.cardId);
    this._painter.paint(passages, open?.range && { colour: open.highlight.colour, range: open.range });
    this._host.requestUpdate();
  }

  /** Another tab changed this article's highlights. */
  private readonly _onStoreChange = (change: StoreChange): void => {
    const store = this._store;
    if (!store) return;
    if (change.type === 'reset') {
      this._load();
      return;
    }
    const id =
      change.type === 'corrupt'
        ? change.entry.key.slice(store.prefix.length)
        : change.type === 'saved'
          ? change.highlight.id
          : change.id;
    const key = store.keyOf(id);
    this.corrupt = this.corrupt.filter((entry) => entry.key !== key);
    if (this._items.get(id)?.unsaved) return; // ours alone: not in storage
    this._items.delete(id);
    if (change.type === 'saved') this._add([change.highlight], '');
    else if (change.type === 'corrupt') this.corrupt = [...this.corrupt, change.entry];
    if (this.cardId === id && !this._items.has(id)) {
      this.cardId = undefined;
      this._options.announce('The open highlight was deleted in another tab.');
    }
    this._changed();
  };

  /**
   * What the pointer pressed in the article: found at once, because pressing a claim's passage
   * focuses it, and focusing may scroll the page before the click arrives.
   */
  private readonly _onPointerDown = (event: PointerEvent): void => {
    const origin = event.composedPath()[0];
    const inArticle =
      event.button === 0 &&
      origin instanceof Element &&
      this._options.article.contains(origin) &&
      !origin.closest('a');
    this._pressed = inArticle
      ? (passageAt(this._items.values(), event.clientX, event.clientY) ?? null)
      : undefined;
  };

  /** A click on a highlighted passage (with no text selected) opens its card; elsewhere in the article, closes it. */
  private readonly _onClick = (): void => {
    const pressed = this._pressed;
    this._pressed = undefined;
    if (pressed === undefined || document.getSelection()?.isCollapsed === false) return;
    if (pressed && this._items.get(pressed.highlight.id) === pressed)
      this.open(pressed.highlight.id, 'pointer');
    else this.closeCard(false);
  };

  /** Places the margin's marks beside their passages, and the open card by its passage. */
  private _layout(): void {
    const root = this._host.renderRoot;
    const ticks = root.querySelectorAll<HTMLElement>('.hl-tick');
    const card = root.querySelector<HTMLElement>('.hl-card');
    // Nothing to place: measure nothing (a measurement may make the browser lay out the page).
    if (ticks.length === 0 && !card) return;
    const host = this._host.getBoundingClientRect();
    for (const tick of ticks) {
      const item = this._items.get(tick.dataset['highlight'] ?? '');
      const bounds = item?.range && boundsOf(item.range);
      const block = item?.anchor.status === 'orphan' ? undefined : item?.anchor.span.block;
      const column = block === undefined ? undefined : this._text.elements[block]?.getBoundingClientRect();
      tick.hidden = !bounds || !column;
      if (!bounds || !column) continue;
      tick.style.top = `${bounds.top - host.top}px`;
      tick.style.height = `${bounds.bottom - bounds.top}px`;
      tick.style.left = `${column.left - host.left - 16}px`;
    }
    const range = this.cardId === undefined ? undefined : this._items.get(this.cardId)?.range;
    const bounds = range && boundsOf(range);
    if (!card || !bounds) return;
    const height = card.offsetHeight;
    const below = bounds.bottom + 8;
    const above = bounds.top - height - 8;
    const top = below + height <= innerHeight || above < 56 ? below : above;
    const left = Math.min(bounds.left - host.left, host.width - card.offsetWidth - 8);
    card.style.top = `${top - host.top}px`;
    card.style.left = `${Math.max(left, 8)}px`;
  }
}
