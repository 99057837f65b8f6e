import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { colourLabel, defaultColour, type Highlight, type HighlightColour } from '../highlights/model.ts';
import type { CorruptEntry, StorageEventSource, StorageLike, StoreChange } from '../highlights/store.ts';
import type { ActionOutcome, SelectionAction } from './actions.ts';
import { HighlightCollection, type HighlightItem } from './highlight-collection.ts';
import { HighlightLayoutController } from './highlight-layout.ts';
import { countOf } from './highlight-messages.ts';
import { boundsOf, canPaint, HighlightPainter } from './highlight-paint.ts';
import { HighlightPointer } from './highlight-pointer.ts';
import { exportJsonLd, exportMarkdown, importFile } from './highlight-transfer.ts';
import { renderHighlightViews, type HighlightViews } from './highlight-view.ts';
import type { CardSource, HighlightsState, PanelMessage } from './highlights-state.ts';
import type { PageData, StyledReference } from './page-data.ts';
import type { PartKit } from './part-kit.ts';

/**
 * The reader's own highlights, as the reader shows them: "Highlight" in the selection toolbar,
 * the passages painted in their colours (`highlight-paint.ts`), a card to change a highlight's
 * colour, write its note or delete it (with undo), and the "My highlights" panel, which lists
 * them in reading order, lists those that can no longer be placed and the stored entries that
 * cannot be read, and exports and imports them (`highlight-transfer.ts`). The highlights
 * themselves, stored and placed, are `highlight-collection.ts`'s; the work underneath is
 * `src/highlights/`'s.
 *
 * - **Other tabs**: the store reports their writes (the `storage` event), applied at once.
 * - **Failures** are shown, never thrown: a highlight the browser would not store (a full quota,
 *   storage refused) stays on the page, marked "Not saved", until the reader leaves; the card and
 *   the panel say why, and the export still holds it.
 *
 * Loaded lazily with `selection-features.ts`; its card and panel are parts defined with the Lit
 * the element lends it (`kit`), so the chunk carries no second copy of Lit.
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
  /** What the element lends its lazily loaded parts: Lit's `html`, `nothing` and the parts' base class. */
  kit: PartKit;
  /** Where highlights are kept: `localStorage` by default. */
  storage?: StorageLike | undefined;
  /** Where other tabs' changes are heard of (`storage` events): the window by default. */
  events?: StorageEventSource;
}

/** How long "Undo" is offered after a deletion, in milliseconds. */
export const undoTime = 8000;

export class HighlightController implements ReactiveController, HighlightsState {
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
  /** The highlight just deleted, while it can be restored. */
  deleted: { highlight: Highlight; unsaved: string } | undefined;
  /** Whether the browser paints highlights (the CSS Custom Highlight API). */
  readonly painting = canPaint();
  /** Counts the changes: the views render again when it changes. */
  revision = 0;

  private readonly _host: Host;
  private readonly _options: HighlightOptions;
  private readonly _mine: HighlightCollection;
  private readonly _painter = new HighlightPainter();
  /** The colour a new highlight gets: the last one chosen. */
  private _colour: HighlightColour = defaultColour;
  private _cardSource: CardSource = 'api';
  private _unsubscribe: (() => void) | undefined;
  private _undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: Host, options: HighlightOptions) {
    this._host = host;
    this._options = options;
    this._mine = new HighlightCollection({
      article: options.article,
      slug: options.data.slug || location.pathname,
      ...('storage' in options ? { storage: options.storage } : {}),
      ...(options.events ? { events: options.events } : {}),
    });
    new HighlightLayoutController(host, {
      passageOf: (id) => {
        const item = this._mine.get(id);
        return item && { id, range: item.range, block: this._mine.blockOf(item) };
      },
    });
    new HighlightPointer(host, {
      article: options.article,
      passages: () => [...this._mine.values()].map((item) => ({ id: item.highlight.id, range: item.range })),
      open: (id) => this.open(id, 'pointer'),
      close: () => this.closeCard(false),
    });
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
    this._mine.load();
    this._changed();
    this._unsubscribe = this._mine.store?.subscribe(this._onStoreChange);
  }

  hostDisconnected(): void {
    this._unsubscribe?.();
    this._painter.clear();
    clearTimeout(this._undoTimer);
  }

  /**
   * What the reader renders: the margin's marks and the undo bar, the open highlight's card (placed
   * with the notes' cards) and the "My highlights" panel (in the side column).
   */
  get views(): HighlightViews {
    return renderHighlightViews(this, this._options.kit);
  }

  /** The top and bottom of a highlight's passage in the window, when it is placed. */
  passageOf(id: string): { top: number; bottom: number } | undefined {
    const range = this._mine.get(id)?.range;
    return range && boundsOf(range);
  }

  /** How many highlights the reader has here (placed or not). */
  get count(): number {
    return this._mine.size;
  }

  /** The highlights placed in the text, in reading order, and those that could not be placed. */
  get items(): { placed: HighlightItem[]; orphans: HighlightItem[] } {
    return this._mine.items;
  }

  /** Stored entries that could not be read (kept in storage). */
  get corrupt(): readonly CorruptEntry[] {
    return this._mine.corrupt;
  }

  /** Why highlights cannot be stored at all in this browser; "" when they can. */
  get storageProblem(): string {
    return this._mine.storageProblem;
  }

  /** The highlight with this id. */
  item(id: string): HighlightItem | undefined {
    return this._mine.get(id);
  }

  /**
   * Highlights the passage `range` selects in the article, in the last colour chosen: one
   * highlight per paragraph it touches, each widened to whole words. A passage highlighted
   * already opens its card instead. The selection is cleared, so that the colour shows.
   */
  highlight(range: Range): ActionOutcome {
    const { created, existing } = this._mine.describe(range, this._colour);
    document.getSelection()?.removeAllRanges();
    const first = created[0];
    if (!first) {
      if (!existing) return 'canceled';
      this.open(existing.highlight.id, 'create');
      return 'done';
    }
    const unsaved = this._mine.saveNew(created);
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
    const item = this._mine.get(id);
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
    if (source !== 'pointer') this._focusLater('.hl-card', { preventScroll: true });
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
      this._focusLater(`.hl-item[data-highlight="${CSS.escape(id)}"]`);
    }
  }

  /** Changes a highlight's colour (and the colour of the next new one). */
  setColour(id: string, colour: HighlightColour): void {
    const item = this._mine.get(id);
    if (!item || item.highlight.colour === colour) return;
    this._colour = colour;
    const saved = this._change(item, { colour });
    this.cardStatus = saved ? '' : item.unsaved;
    this._options.announce(saved ? `Colour: ${colourLabel(colour)}.` : item.unsaved);
  }

  /** Saves a highlight's note, as the reader wrote it in its card. */
  saveNote(id: string, note: string): void {
    const item = this._mine.get(id);
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
    if (!this._mine.get(id)) return;
    const removed = this._mine.remove(id);
    if (!removed) {
      this.cardStatus = 'The browser would not delete this highlight.';
      this._options.announce(this.cardStatus);
      this._changed();
      return;
    }
    if (id === this.cardId) this.cardId = undefined;
    this.deleted = removed;
    clearTimeout(this._undoTimer);
    this._undoTimer = setTimeout(() => {
      this.deleted = undefined;
      this._changed();
    }, undoTime);
    this._changed();
    this._options.announce('Highlight deleted. Undo restores it.');
    this._focusLater('.hl-undo button');
  }

  /** Restores the highlight just deleted. */
  undo(): void {
    const deleted = this.deleted;
    if (!deleted) return;
    clearTimeout(this._undoTimer);
    this.deleted = undefined;
    const { highlight, unsaved } = this._mine.restore(deleted);
    this._options.announce(unsaved ? `Highlight restored on this page. ${unsaved}` : 'Highlight restored.');
    this.open(highlight.id, 'api', false);
  }

  togglePanel(): void {
    if (this.panelOpen) this.closePanel();
    else {
      this.panelOpen = true;
      this._changed();
      this._focusLater('.hl-panel button');
    }
  }

  closePanel(): void {
    this.panelOpen = false;
    this._changed();
    this._focusLater('[aria-controls="highlights"]');
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
    exportMarkdown(this._transfer());
  }

  /** Downloads every highlight as a W3C Web Annotation collection (JSON-LD). */
  exportJsonLd(): void {
    exportJsonLd(this._transfer());
  }

  /** Imports a Web Annotation JSON-LD file (see `highlight-transfer.ts`). */
  importFile(file: File): Promise<void> {
    return importFile(this._transfer(), file);
  }

  /** Deletes a stored entry that could not be read, when the reader asks to. */
  discard(entry: CorruptEntry): void {
    this._mine.discard(entry);
    this._options.announce('The unreadable entry was removed from storage.');
    this._changed();
  }

  /** Changes a highlight; true when it is stored. */
  private _change(item: HighlightItem, changes: { colour?: HighlightColour; note?: string }): boolean {
    const result = this._mine.change(item, changes);
    if (result === 'missing') {
      if (this.cardId === item.highlight.id) this.cardId = undefined;
      this._tell('This highlight was deleted in another tab.', true);
      return false;
    }
    this._changed();
    return result === 'saved';
  }

  /** Saves the open card's note if the reader changed it. */
  private _saveCardNote(): void {
    const id = this.cardId;
    const field = this._host.renderRoot.querySelector<HTMLTextAreaElement>('.hl-card textarea');
    if (id !== undefined && field && field.value !== this.cardNote) this.saveNote(id, field.value);
  }

  /** What export and import work on. */
  private _transfer(): Parameters<typeof importFile>[0] {
    const { _mine: mine, _options: options } = this;
    return {
      data: options.data,
      style: options.style,
      store: mine.store,
      storageProblem: mine.storageProblem,
      text: () => mine.text,
      all: () => mine.all(),
      add: (highlights, unsaved) => {
        const items = mine.add(highlights, unsaved);
        this._changed();
        return items;
      },
      tell: (text, error) => this._tell(text, error),
    };
  }

  private _tell(text: string, error: boolean): void {
    this.message = { text, error };
    this._options.announce(text);
    this._changed();
  }

  /** Focuses an element of the reader's interface once it has rendered. */
  private _focusLater(selector: string, options?: FocusOptions): void {
    void this._host.updateComplete.then(() =>
      this._host.renderRoot.querySelector<HTMLElement>(selector)?.focus(options),
    );
  }

  /** Repaints the passages and renders the reader again. */
  private _changed(): void {
    const passages = [...this._mine.values()].flatMap((item) =>
      item.range ? [{ colour: item.highlight.colour, range: item.range }] : [],
    );
    const open = this.cardId === undefined ? undefined : this._mine.get(this.cardId);
    this._painter.paint(passages, open?.range && { colour: open.highlight.colour, range: open.range });
    this.revision += 1;
    this._host.requestUpdate();
  }

  /** Another tab changed this article's highlights. */
  private readonly _onStoreChange = (change: StoreChange): void => {
    const id = this._mine.apply(change);
    if (id !== undefined && this.cardId === id && !this._mine.get(id)) {
      this.cardId = undefined;
      this._options.announce('The open highlight was deleted in another tab.');
    }
    this._changed();
  };
}
