import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { claimKinds, verdicts } from '../claims/types.ts';
import { claimsOfMark, readClaims, type ReaderClaim } from './claim-index.ts';
import { DeepLinkController, parseHash } from './deep-link-controller.ts';
import { readerEvent, type NoteOpenSource } from './events.ts';
import { KeyboardController, type Shortcut } from './keyboard-controller.ts';
import { stackCards } from './note-layout.ts';
import { parsePageData, readPageData, styleFor, type PageData } from './page-data.ts';
import type {
  CopyController,
  CopyOutcome,
  HighlightController,
  SelectionController,
} from './selection-features.ts';
import {
  SettingsController,
  stepTextSize,
  textSizes,
  themeChoices,
  type CopyFormat,
  type ThemeChoice,
} from './settings-controller.ts';
import { verdictGlyphs, wideQuery } from './theme.ts';

/** The element's stylesheet, beside the script (the build writes it there; see `build-bundle.ts`). */
const stylesheet = new URL('marginalia-reader.css', import.meta.url).href;

/**
 * The lazily loaded part (copying, the selection toolbar, highlights). A function at the
 * module's top level: TypeScript does not rewrite the `.ts` of an `import()` inside a class
 * with decorators when it compiles the package.
 */
const loadSelectionFeatures = () => import('./selection-features.ts');

/** How long the interface waits for its stylesheet before it shows itself anyway, in milliseconds. */
const stylesheetPatience = 3000;

/**
 * The most ticks the claim map shows: up to this many claims get a tick each; more are grouped by
 * where they sit, one tick per stretch of the article (the map is a few hundred pixels tall, so
 * finer ticks could not be told apart anyway).
 */
const mapTicks = 200;

/** A tick of the claim map: its claims (a click opens the first) and where it sits. */
export interface MapTick {
  /** Its claims, in note order: one, unless the article has more claims than `mapTicks`. */
  claims: [ReaderClaim, ...ReaderClaim[]];
  /** Its place as a fraction of the article's height; undefined while unmeasured or unplaced. */
  top: number | undefined;
}

/**
 * How many claims the claims panel lists at first, and adds each time its end comes into view
 * (or "Show more" is chosen): thousands at once would take the browser seconds to lay out.
 */
const panelStep = 200;

/** How long a button shows how its action went ("Copied", "Copy failed"), in milliseconds. */
const feedbackTime = 2500;

/** How an action of a button went: `canceled` (by the page, or nothing to do) shows nothing. */
export type ActionOutcome = 'done' | 'canceled' | 'failed';

/** An action of the selection toolbar, on the selected passage of the article. */
export interface SelectionAction {
  /** Tells its button apart (for the feedback it shows). */
  id: string;
  label: string;
  /** What its button says for a moment after it worked, or failed. */
  done: string;
  failed: string;
  run(range: Range): Promise<ActionOutcome>;
}

/**
 * An annotated article: highlights each claim's passage, opens its editor's note beside the
 * text (in the margin on wide screens, below the passage on narrow ones), and adds a claims
 * panel, a claim map, keyboard shortcuts and remembered reading settings. The article, the notes
 * and the sources stay the light DOM the build wrote; the element never re-renders or re-anchors
 * them, it only adds attributes to the marks (tabindex, role, aria-*, data-marginalia-*) and a
 * hidden list of short descriptions that the marks point to.
 *
 * @summary The Marginalia reader around a built article.
 *
 * @slot - The built page: `header.marginalia-header`, `article.marginalia-article`,
 *   `section.marginalia-notes`, `section.marginalia-references`.
 *
 * @fires marginalia-note-open - A note card opened. `detail: {claimId, number, source}`.
 * @fires marginalia-note-close - A note card closed. `detail: {claimId}`.
 * @fires marginalia-settings-change - Highlights, theme, text size, citation style or copy format
 *   changed. `detail: {highlights, theme, textSize, citationStyle, copyFormat}`.
 * @fires marginalia-copy - Before a copy is written to the clipboard; cancelable (then nothing of
 *   the reader's is written: a copy command is left to the browser, a button writes nothing).
 *   `detail: {plain, markdown, html, quote, paragraphs, url, style, content, source}`: every
 *   flavour (a listener may change them), the quotation, `[first, last]` paragraph (or null), the
 *   link, the citation style, what was copied (`quote`, `note`, `reference`, `bibtex`,
 *   `csl-json`) and how (`keyboard`, `button`, `note`, `citation`). See `events.ts`.
 * @fires marginalia-copy-error - The browser refused the clipboard to a copy button; the button
 *   says "Copy failed". `detail`: that of `marginalia-copy`, and `error`.
 *
 * Colours and fonts are the page stylesheet's custom properties (`src/page/marginalia.css` sets
 * them on `marginalia-reader`, for light and dark); the element reads them and sets none.
 * @cssprop --marginalia-bg - Page background; also the text colour of the kind label.
 * @cssprop --marginalia-fg - Body text colour.
 * @cssprop --marginalia-muted - Secondary text (note metadata, counts).
 * @cssprop --marginalia-surface - Background of cards, panels and the toolbar's pressed buttons.
 * @cssprop --marginalia-rule - Hairlines and card borders.
 * @cssprop --marginalia-link - Link colour in notes.
 * @cssprop --marginalia-focus - Focus ring colour.
 * @cssprop --marginalia-font-ui - Font of the toolbar, panels and labels.
 * @cssprop --marginalia-line-fact - Strong colour of a kind (also `-statistic`, `-comparison`,
 *   `-causal`, `-prediction`, `-opinion`, `-recommendation`): card edges, chips, the claim map.
 * @cssprop --marginalia-mark-fact - Tint of a kind (same suffixes): chips, filters.
 * @cssprop --marginalia-mark - On each mark, its first kind's tint (set by the page stylesheet).
 * @cssprop --marginalia-line - On each mark, its first kind's strong colour.
 * @cssprop --marginalia-measure - Width of the text (default 38rem); the column adds 3rem.
 * @cssprop --marginalia-margin-width - Width of the margin notes (default 19rem).
 * @cssprop --marginalia-note-font - Font of the note cards (default: the article's).
 * @cssprop --marginalia-text-size - The page's text size; the text size setting scales it.
 *
 * @csspart toolbar - The bar with the reader's controls.
 * @csspart card - A note card.
 * @csspart panel - The claims panel.
 * @csspart settings - The settings panel (citation style, copy format).
 * @csspart selection - The selection toolbar ("Copy quote", "Highlight") by a selected passage.
 * @csspart map - The claim map beside the article.
 * @csspart highlights - The "My highlights" panel.
 * @csspart highlight-card - The card of one of the reader's own highlights (colour, note, delete).
 *
 * Copying: a selection in the article, copied with the keyboard, the context menu or the
 * selection toolbar's "Copy quote", goes on the clipboard as a quotation with its citation (in
 * the reader's citation style, formatted at build time: the page's `#marginalia-data`), the pin
 * cite and a link to the passage; each note can copy its quote and itself, and "Cite this
 * article" gets copy buttons. This part is a chunk of its own (`selection-features.ts`), loaded
 * when the browser is idle after the reader is ready; until then, a copy is the browser's own.
 *
 * The reader's own highlights come in the same chunk (`highlight-controller.ts`): "Highlight" in
 * the selection toolbar, the passages painted with the CSS Custom Highlight API (the article's
 * DOM is never changed for them), a card per highlight, and the "My highlights" panel (`m`),
 * kept in `localStorage` per article. The element only holds the toolbar's button and shortcut,
 * and lends the chunk its Lit `html` to render with.
 *
 * Its styles are `marginalia-reader.css`, beside its script, linked from its shadow root (the
 * page's Content-Security-Policy allows style sheets of its own origin); its interface stays
 * hidden until they have loaded, so it never shows unstyled.
 *
 * Attributes it sets on itself: `data-enhanced` once the marks are wired and its styles have
 * loaded, `data-theme`
 * (`light` or `dark`, from the `theme` setting and the system's colour scheme) and `data-layout`
 * (`wide` or `narrow`). The page stylesheet should size its column on the light-DOM children or
 * on `marginalia-reader:not([data-enhanced])`, so that the wide layout can take its place.
 */
@customElement('marginalia-reader')
export class MarginaliaReader extends LitElement {
  /** Highlights shown (`on`) or hidden (`off`); remembered. */
  @property({
    attribute: 'highlights',
    reflect: true,
    converter: {
      fromAttribute: (value: string | null) => value !== 'off',
      toAttribute: (value: boolean) => (value ? 'on' : 'off'),
    },
  })
  highlights = true;

  /** `system` (follow `prefers-color-scheme`), `light` or `dark`; remembered. */
  @property({ attribute: 'theme', reflect: true })
  theme: ThemeChoice = 'system';

  /** Text size in percent of the page's (87.5, 100, 112.5, 125 or 150); remembered. */
  @property({ attribute: 'text-size', type: Number, reflect: true })
  textSize = 100;

  /** The citation style of copied quotes: a style id of the page's data, "" for its default; remembered. */
  @property({ attribute: 'citation-style' })
  citationStyle = '';

  /** What a copy puts beside its HTML: `plain` text or `markdown`; remembered. */
  @property({ attribute: 'copy-format' })
  copyFormat: CopyFormat = 'plain';

  /** Ids of the open notes, oldest first; the last one is the active note. */
  @state() private openIds: readonly string[] = [];
  @state() private pinned: ReadonlySet<string> = new Set();
  @state() private panelOpen = false;
  @state() private settingsOpen = false;
  /** True once the stylesheet has loaded (or failed to): the interface shows from then on. */
  @state() private styled = false;
  /** The button that shows how its copy went, for a moment. */
  @state() private feedback: { key: string; outcome: ActionOutcome } | undefined;
  @state() private kindFilter: ReadonlySet<string> = new Set();
  @state() private verdictFilter = '';
  @state() private wide = false;
  @state() private announcement = '';
  /** How many claims the panel lists (more as the list is scrolled; see `panelStep`). */
  @state() private panelLength = panelStep;
  /** The claim map's ticks (see `mapTicks`). */
  @state() private mapTicks: readonly MapTick[] = [];

  private _claims: ReaderClaim[] = [];
  private _byId = new Map<string, ReaderClaim>();
  /** The article's size when the claim map's ticks were last measured. */
  private _tickSize = '';
  /** False when the rendered ticks still need their places written. */
  private _ticksPlaced = false;
  /** The claims whose marks were last marked open (`aria-expanded`, `data-marginalia-active`). */
  private _expanded: ReadonlySet<string> = new Set();
  private _article: HTMLElement | null = null;
  private readonly _clones = new Map<string, Node[]>();
  private _wideMedia: MediaQueryList | undefined;
  private _resizeObserver: ResizeObserver | undefined;
  private _panelObserver: IntersectionObserver | undefined;
  private _panelEnd: Element | undefined;
  private _frame = 0;
  private _said = 0;
  private _wired = false;
  private _data: PageData = parsePageData(null, '');
  private _features: Promise<void> | undefined;
  private _copy: CopyController | undefined;
  private _selection: SelectionController | undefined;
  private _highlighter: HighlightController | undefined;
  private _feedbackTimer: ReturnType<typeof setTimeout> | undefined;
  private _stylesTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly _settings = new SettingsController(this);
  /** While the help overlay is open only `?` works (the dialog closes itself on Escape). */
  private readonly _keyboard = new KeyboardController(this, () =>
    this._help()?.open ? this._shortcuts.filter((shortcut) => shortcut.keys.includes('?')) : this._shortcuts,
  );
  private readonly _deepLinks = new DeepLinkController(this, {
    note: (claimId) => this.openNote(claimId, 'link'),
    paragraph: (element) => {
      element.scrollIntoView();
      element.toggleAttribute('data-marginalia-flash', true);
      setTimeout(() => element.removeAttribute('data-marginalia-flash'), 2500);
    },
  });

  /**
   * The selection toolbar's actions, in order. Another feature adds its own here (an action
   * gets the selected range, and says how it went).
   */
  private readonly _selectionActions: SelectionAction[] = [
    {
      id: 'copy',
      label: 'Copy quote',
      done: 'Copied',
      failed: 'Copy failed',
      run: (range) => this._withCopy((copy) => copy.copyRange(range)),
    },
  ];

  /** The keyboard shortcuts, also listed in the help overlay. */
  private readonly _shortcuts: readonly Shortcut[] = [
    { keys: ['j', 'n'], label: 'Next claim', run: () => this._step(1) },
    { keys: ['k', 'p'], label: 'Previous claim', run: () => this._step(-1) },
    { keys: ['Escape'], label: 'Close the note or panel', run: () => this._escape(), inFields: true },
    { keys: ['c'], label: 'Claims panel', run: () => this._togglePanel() },
    { keys: ['h'], label: 'Highlights on or off', run: () => this._toggleHighlights() },
    {
      keys: ['m'],
      label: 'My highlights',
      run: () => void this._withHighlights((mine) => mine.togglePanel()),
    },
    { keys: ['t'], label: 'Theme: system, light, dark', run: () => this._cycleTheme() },
    { keys: ['s'], label: 'Settings: citation style, copy format', run: () => this._toggleSettings() },
    { keys: ['+', '='], label: 'Larger text', run: () => this._resize(1) },
    { keys: ['-'], label: 'Smaller text', run: () => this._resize(-1) },
    { keys: ['?'], label: 'This help', run: () => this._toggleHelp() },
  ];

  /** The claim whose note is active (the last one opened), if any. */
  get activeClaimId(): string | undefined {
    return this.openIds.at(-1);
  }

  /** Opens a claim's note, as if the reader had chosen it; false when there is no such claim. */
  openNote(claimId: string, source: NoteOpenSource = 'api'): boolean {
    const claim = this._byId.get(claimId);
    if (!claim) return false;
    const closing = this.openIds.filter((id) => id !== claimId && !this.pinned.has(id));
    this.openIds = [...this.openIds.filter((id) => id !== claimId && this.pinned.has(id)), claimId];
    for (const id of closing) this.dispatchEvent(readerEvent('marginalia-note-close', { claimId: id }));
    this._deepLinks.follow(claimId);
    this._announce(
      `Note ${claim.number} of ${this._claims.length}: ${claim.kindLabel}, ${claim.verdictLabel}.`,
    );
    this.dispatchEvent(readerEvent('marginalia-note-open', { claimId, number: claim.number, source }));
    void this._reveal(claim, source);
    return true;
  }

  /** Closes a claim's note, pinned or not; focus goes back to its passage unless told otherwise. */
  closeNote(claimId: string, returnFocus = true): void {
    if (!this.openIds.includes(claimId)) return;
    this.openIds = this.openIds.filter((id) => id !== claimId);
    this.pinned = new Set([...this.pinned].filter((id) => id !== claimId));
    this._deepLinks.follow(this.activeClaimId);
    this.dispatchEvent(readerEvent('marginalia-note-close', { claimId }));
    if (returnFocus) this._byId.get(claimId)?.marks[0]?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._wired) this._enhance();
    this._stylesTimer = setTimeout(() => this._onStyled(), stylesheetPatience);
    this._wideMedia = window.matchMedia?.(wideQuery);
    this.wide = this._wideMedia?.matches ?? false;
    this._wideMedia?.addEventListener('change', this._onWideChange);
    this.addEventListener('click', this._onClick);
    this.addEventListener('keydown', this._onKeyDown);
    this.addEventListener('pointerover', this._onPointerOver);
    this.addEventListener('pointerout', this._onPointerOut);
    window.addEventListener('scroll', this._onScroll, { passive: true });
    if (typeof ResizeObserver === 'function') {
      this._resizeObserver = new ResizeObserver(() => this._layout());
      this._resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._wideMedia?.removeEventListener('change', this._onWideChange);
    this.removeEventListener('click', this._onClick);
    this.removeEventListener('keydown', this._onKeyDown);
    this.removeEventListener('pointerover', this._onPointerOver);
    this.removeEventListener('pointerout', this._onPointerOut);
    window.removeEventListener('scroll', this._onScroll);
    this._resizeObserver?.disconnect();
    this._panelObserver?.disconnect();
    this._panelObserver = undefined;
    this._panelEnd = undefined;
    cancelAnimationFrame(this._frame);
    clearTimeout(this._stylesTimer);
    clearTimeout(this._feedbackTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.dataset['theme'] = this._settings.resolvedTheme;
    this.dataset['layout'] = this.wide ? 'wide' : 'narrow';
    if (changed.has('textSize')) {
      this.style.fontSize =
        this.textSize === 100 ? '' : `calc(var(--marginalia-text-size, 1em) * ${this.textSize / 100})`;
    }
  }

  protected override firstUpdated(): void {
    void document.fonts?.ready.then(() => this._layout());
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('openIds')) this._markOpen();
    if (changed.has('mapTicks')) this._ticksPlaced = false;
    this._watchPanelEnd();
    this._layout();
  }

  protected override render(): TemplateResult {
    const { theme, textSize, styled, _highlighter: mine } = this;
    return html`<link rel="stylesheet" href=${stylesheet} @load=${this._onStyled} @error=${this._onStyled} />
      <div class="toolbar" part="toolbar" ?hidden=${!styled}>
        <span class="brand">Marginalia</span>
        <button
          class="tool"
          aria-expanded=${this.panelOpen}
          aria-controls="panel"
          @click=${this._togglePanel}
        >
          Claims <span class="count">${this._claims.length}</span>
        </button>
        <button class="tool" aria-pressed=${this.highlights} @click=${this._toggleHighlights}>
          Highlights
        </button>
        <button
          class="tool"
          aria-label="My highlights${mine ? `: ${mine.count}` : ''}"
          aria-expanded=${mine?.panelOpen ?? false}
          aria-controls=${mine ? 'highlights' : nothing}
          @click=${() => this._withHighlights((mine) => mine.togglePanel())}
        >
          <span aria-hidden="true">✎</span><span class="label">My highlights</span>
          ${mine ? html`<span class="count">${mine.count}</span>` : nothing}
        </button>
        <button class="tool" aria-label="Theme: ${theme}" @click=${this._cycleTheme}>
          <span class="label">Theme:</span> ${theme[0]?.toUpperCase()}${theme.slice(1)}
        </button>
        <span class="tool-group" role="group" aria-label="Text size">
          <button class="tool" ?disabled=${textSize <= textSizes[0]} @click=${() => this._resize(-1)}>
            <span aria-hidden="true">A−</span><span class="sr-only">Smaller text</span></button
          ><button class="tool" ?disabled=${textSize >= textSizes[4]} @click=${() => this._resize(1)}>
            <span aria-hidden="true">A+</span><span class="sr-only">Larger text</span>
          </button>
        </span>
        <button
          class="tool"
          aria-label="Settings"
          aria-expanded=${this.settingsOpen}
          aria-controls="settings"
          @click=${this._toggleSettings}
        >
          <span aria-hidden="true">⚙</span><span class="label">Settings</span>
        </button>
        <button
          class="tool"
          aria-label="Keyboard shortcuts"
          aria-haspopup="dialog"
          @click=${this._toggleHelp}
        >
          ?
        </button>
      </div>
      <div class="layout">
        <div class="main"><slot></slot></div>
        <div class="cards">${this.openIds.map((id) => this._renderCard(id))}</div>
      </div>
      ${this._renderSelectionBar()}
      <div class="map" part="map" aria-hidden="true" ?hidden=${!styled}>
        ${this.mapTicks.map(({ claims: [claim, ...others] }) => {
          const more = others.length > 0 ? ` and ${others.length} more` : '';
          return html`<button
            class="tick"
            tabindex="-1"
            data-claim=${claim.id}
            data-kind=${claim.kind}
            ?data-active=${this.openIds.some((id) => id === claim.id || others.some((other) => other.id === id))}
            title="Note ${claim.number}: ${claim.kindLabel}${more}"
            @click=${() => this.openNote(claim.id, 'map')}
          ></button>`;
        })}
        <div class="thumb"></div>
      </div>
      ${this._renderPanel()} ${this._renderSettings()} ${mine?.render()} ${this._renderHelp()}
      <div class="sr-only" role="status">${this.announcement}</div>`;
  }

  /** The selection toolbar, by the selected passage of the article (placed by `_layout`). */
  private _renderSelectionBar(): TemplateResult | typeof nothing {
    const range = this._selection?.range;
    if (!range || !this.styled) return nothing;
    return html`<div
      class="selection"
      part="selection"
      role="toolbar"
      aria-label="Selected passage"
      @mousedown=${(event: Event) => event.preventDefault()}
    >
      ${this._selectionActions.map((action) =>
        this._actionButton(`selection-${action.id}`, action.label, () => action.run(range), action),
      )}
    </div>`;
  }

  /**
   * A button that runs an action and then, for a moment, says how it went ("Copied", "Copy
   * failed"); a failure stays visible on the button as well as in the live region.
   */
  private _actionButton(
    key: string,
    label: string,
    run: () => Promise<ActionOutcome>,
    says: { done: string; failed: string } = { done: 'Copied', failed: 'Copy failed' },
    name?: string,
  ): TemplateResult {
    const outcome = this.feedback?.key === key ? this.feedback.outcome : undefined;
    return html`<button
      class="tool small action"
      data-action=${key}
      data-state=${outcome ?? nothing}
      aria-label=${name ?? nothing}
      @click=${async () => this._showFeedback(key, await run())}
    >
      ${outcome === 'done' ? says.done : outcome === 'failed' ? says.failed : label}
    </button>`;
  }

  private _renderSettings(): TemplateResult {
    const { styles } = this._data;
    const chosen = styleFor(this._data, this.citationStyle)?.id ?? '';
    return html`<div
      id="settings"
      class="settings"
      part="settings"
      role="group"
      aria-labelledby="settings-title"
      ?hidden=${!this.settingsOpen}
    >
      <div class="panel-head">
        <h2 id="settings-title">Copying quotes</h2>
        <button class="tool small" aria-label="Close settings" @click=${this._closeSettings}>×</button>
      </div>
      ${
        styles.length > 0
          ? html`<label class="field"
              >Citation style
              <select @change=${this._onStyleChange}>
                ${styles.map(
                  (style) =>
                    html`<option value=${style.id} ?selected=${style.id === chosen}>${style.label}</option>`,
                )}
              </select></label
            >`
          : nothing
      }
      <label class="field"
        >Copy as
        <select @change=${this._onFormatChange}>
          <option value="plain" ?selected=${this.copyFormat === 'plain'}>Rich text and plain text</option>
          <option value="markdown" ?selected=${this.copyFormat === 'markdown'}>Rich text and Markdown</option>
        </select></label
      >
      <p class="hint">
        Select a passage, then copy it (Ctrl+C or ⌘C) or choose “Copy quote”: it is pasted as a quotation with
        its citation and a link back to it.
      </p>
    </div>`;
  }

  private _renderCard(claimId: string): TemplateResult | typeof nothing {
    const claim = this._byId.get(claimId);
    if (!claim) return nothing;
    const { number } = claim;
    const count = this._claims.length;
    const pinned = this.pinned.has(claimId);
    const others = this._overlapping(claim);
    return html`<section
      class="card"
      part="card"
      role="dialog"
      aria-labelledby="title-${number}"
      tabindex="-1"
      data-card=${claimId}
      data-kind=${claim.kind}
      ?data-active=${claimId === this.activeClaimId}
    >
      <header class="card-head">
        <h2 class="sr-only" id="title-${number}">
          Note ${number}: ${claim.kindLabel}, ${claim.verdictLabel}
        </h2>
        ${this._describe(claim)}
        <button class="tool small pin" aria-pressed=${pinned} @click=${() => this._togglePin(claimId)}>
          ${pinned ? 'Pinned' : 'Pin'}
        </button>
        <button class="tool small" aria-label="Close note ${number}" @click=${() => this.closeNote(claimId)}>
          ×
        </button>
      </header>
      ${this._noteContent(claim)}
      ${
        others.length > 0
          ? html`<p class="others">
              Also here:
              ${others.map(
                (other) =>
                  html`<button class="link" @click=${() => this.openNote(other.id, 'keyboard')}>
                    ${other.kindLabel}, note ${other.number}
                  </button>`,
              )}
            </p>`
          : nothing
      }
      <p class="card-actions">
        ${this._actionButton(
          `quote-${claimId}`,
          'Copy quote',
          () => this._withCopy((copy) => copy.copyQuote(claimId)),
          undefined,
          `Copy quote of note ${number}, cited`,
        )}
        ${this._actionButton(
          `note-${claimId}`,
          'Copy note',
          () => this._withCopy((copy) => copy.copyNote(claimId)),
          undefined,
          `Copy note ${number}`,
        )}
      </p>
      <footer class="card-foot">
        <button class="tool small" ?disabled=${number <= 1} @click=${() => this._step(-1, claim)}>
          ‹ Previous
        </button>
        <span>Note ${number} of ${count}${claim.paragraph ? ` · ¶ ${claim.paragraph}` : ''}</span>
        <button class="tool small" ?disabled=${number >= count} @click=${() => this._step(1, claim)}>
          Next ›
        </button>
      </footer>
    </section>`;
  }

  /** Kind chip, verdict (with a glyph, so colour is never the only cue) and paragraph. */
  private _describe(claim: ReaderClaim): TemplateResult {
    return html`<span class="tags"
      ><span class="chip" data-kind=${claim.kind}>${claim.kindLabel}</span>
      <span class="verdict" data-verdict=${claim.verdict}
        ><span aria-hidden="true">${verdictGlyphs[claim.verdict] ?? '–'}</span> ${claim.verdictLabel}</span
      ></span
    >`;
  }

  /**
   * The claims panel: its filters and list are rendered only while it is open (an article may
   * have thousands of claims; the closed panel costs nothing).
   */
  private _renderPanel(): TemplateResult {
    if (!this.panelOpen) {
      return html`<aside id="panel" class="panel" part="panel" aria-labelledby="panel-title" hidden>
        <div class="panel-head"><h2 id="panel-title">Claims</h2></div>
      </aside>`;
    }
    const claims = this._claims;
    const shown = this._filtered();
    const label = (value: string, key: 'kind' | 'verdict'): string =>
      claims.find((claim) => claim[key] === value)?.[key === 'kind' ? 'kindLabel' : 'verdictLabel'] ?? value;
    return html`<aside id="panel" class="panel" part="panel" aria-labelledby="panel-title">
      <div class="panel-head">
        <h2 id="panel-title">Claims</h2>
        <button class="tool small" aria-label="Close claims panel" @click=${this._closePanel}>×</button>
      </div>
      <div class="filters" role="group" aria-label="Kinds">
        ${claimKinds
          .filter((kind) => claims.some((claim) => claim.kind === kind))
          .map(
            (kind) =>
              html`<button
                class="filter"
                data-kind=${kind}
                aria-pressed=${this.kindFilter.has(kind)}
                @click=${() => this._toggleKind(kind)}
              >
                ${label(kind, 'kind')}
              </button>`,
          )}
      </div>
      <label class="verdict-filter"
        >Verdict
        <select @change=${this._onVerdictFilter}>
          <option value="">All verdicts</option>
          ${[...verdicts, 'none']
            .filter((verdict) => claims.some((claim) => claim.verdict === verdict))
            .map((verdict) => html`<option value=${verdict}>${label(verdict, 'verdict')}</option>`)}
        </select></label
      >
      <p class="shown">${shown.length} of ${claims.length} claims</p>
      <ol class="claims">
        ${shown.slice(0, this.panelLength).map(
          (claim) =>
            html`<li>
              <button
                class="claim"
                data-claim=${claim.id}
                data-kind=${claim.kind}
                @click=${() => this._choose(claim.id)}
              >
                <span class="card-head"
                  >${this._describe(claim)}<span class="para"
                    >${claim.paragraph ? `¶ ${claim.paragraph}` : ''}</span
                  ></span
                >
                <span class="excerpt">${claim.excerpt}</span>
              </button>
            </li>`,
        )}
      </ol>
      ${
        shown.length > this.panelLength
          ? html`<button class="tool small more" @click=${this._showMore}>
              Show more (${shown.length - this.panelLength} left)
            </button>`
          : nothing
      }
    </aside>`;
  }

  private _renderHelp(): TemplateResult {
    return html`<dialog class="help" aria-labelledby="help-title">
      <div class="panel-head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button class="tool small" aria-label="Close help" @click=${this._toggleHelp}>×</button>
      </div>
      <dl>
        ${this._keyboard.table.map(
          (shortcut) =>
            html`<dt>${shortcut.keys.map((key) => html`<kbd>${key === 'Escape' ? 'Esc' : key}</kbd>`)}</dt>
              <dd>${shortcut.label}</dd>`,
        )}
      </dl>
      <p>Tab moves from claim to claim in the text; Enter or Space opens its note.</p>
    </dialog>`;
  }

  /** Wires the marks once: focus, role, state and descriptions for the first mark of each claim. */
  private _enhance(): void {
    this._wired = true;
    this._article = this.querySelector('.marginalia-article');
    this._claims = readClaims(this);
    this._byId = new Map(this._claims.map((claim) => [claim.id, claim]));
    this.mapTicks = groupTicks(this._claims, [], mapTicks);
    const descriptions = document.createElement('div');
    descriptions.hidden = true;
    for (const claim of this._claims) {
      const description = document.createElement('span');
      description.id = `marginalia-describe-${claim.id}`;
      description.textContent = `${claim.kindLabel} claim, ${claim.verdictLabel.toLowerCase()}; editor's note ${claim.number}.`;
      descriptions.append(description);
      const first = claim.marks[0];
      if (!first) continue;
      first.tabIndex = 0;
      first.setAttribute('role', 'button');
      first.setAttribute('aria-expanded', 'false');
      first.setAttribute(
        'aria-describedby',
        `${first.getAttribute('aria-describedby') ?? ''} ${description.id}`.trim(),
      );
      if (!first.hasAttribute('aria-details')) first.setAttribute('aria-details', claim.note.id);
    }
    for (const mark of this._marks()) {
      mark.dataset['marginaliaLabel'] = claimsOfMark(mark, this._byId)
        .map((claim) =>
          claim.verdict === 'none' ? claim.kindLabel : `${claim.kindLabel} · ${claim.verdictLabel}`,
        )
        .join(' + ');
    }
    this.append(descriptions);
  }

  /** The stylesheet loaded (or failed to, or took too long): show the interface, follow the address. */
  private _onStyled(): void {
    clearTimeout(this._stylesTimer);
    if (this.styled) return;
    this.styled = true;
    // Read now rather than on connecting: the page's data comes after the element in the page.
    this._data = readPageData(document);
    this.toggleAttribute('data-enhanced', true);
    // After this update, so that opening a linked note is an update of its own.
    void this.updateComplete.then(() => {
      this._deepLinks.applyCurrent();
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(() => void this._loadFeatures(), { timeout: 2000 });
      } else {
        setTimeout(() => void this._loadFeatures(), 200);
      }
    });
  }

  /** Loads the selection features (copying, the selection toolbar) once; see `selection-features.ts`. */
  private _loadFeatures(): Promise<void> {
    this._features ??= loadSelectionFeatures().then(
      (features) => {
        const article = this._article;
        if (!article || this._copy) return;
        const pages = new features.PageTextSource(this, document.body);
        this._selection = new features.SelectionController(this, { article, pages });
        this._copy = new features.CopyController(this, {
          article,
          data: this._data,
          pages,
          settings: () => ({ style: styleFor(this._data, this.citationStyle), format: this.copyFormat }),
          announce: (message) => this._announce(message),
        });
        this._highlighter = new features.HighlightController(this, {
          article,
          data: this._data,
          actions: this._selectionActions,
          style: () => styleFor(this._data, this.citationStyle),
          announce: (message) => this._announce(message),
          html,
          nothing,
        });
      },
      () => {
        // Offline, or the chunk is gone: the next copy tries again.
        this._features = undefined;
      },
    );
    return this._features;
  }

  /** Runs a copy once the copying code is loaded; `failed` when it cannot be loaded. */
  private async _withCopy(run: (copy: CopyController) => Promise<CopyOutcome>): Promise<ActionOutcome> {
    await this._loadFeatures();
    if (!this._copy) {
      this._announce('Could not copy: the copying code did not load.');
      return 'failed';
    }
    try {
      const outcome = await run(this._copy);
      return outcome === 'copied' ? 'done' : outcome;
    } catch (error) {
      console.error(error);
      this._announce('Could not copy.');
      return 'failed';
    }
  }

  /** Runs something on the reader's highlights once their code is loaded. */
  private async _withHighlights(run: (highlights: HighlightController) => void): Promise<void> {
    await this._loadFeatures();
    if (this._highlighter) run(this._highlighter);
    else this._announce('Could not open your highlights: their code did not load.');
  }

  private _showFeedback(key: string, outcome: ActionOutcome): void {
    if (outcome === 'canceled') return;
    clearTimeout(this._feedbackTimer);
    this.feedback = { key, outcome };
    this._feedbackTimer = setTimeout(() => {
      this.feedback = undefined;
    }, feedbackTime);
  }

  private _marks(): NodeListOf<HTMLElement> | [] {
    return this._article?.querySelectorAll('mark[data-claims]') ?? [];
  }

  /** The note's body and sources, cloned once from the build-time note (ids removed). */
  private _noteContent(claim: ReaderClaim): Node[] {
    let nodes = this._clones.get(claim.id);
    if (!nodes) {
      nodes = [];
      for (const source of claim.note.querySelectorAll('.marginalia-note-body, .marginalia-note-sources')) {
        const copy = source.cloneNode(true) as Element;
        for (const element of [copy, ...copy.querySelectorAll('[id]')]) element.removeAttribute('id');
        nodes.push(copy);
      }
      this._clones.set(claim.id, nodes);
    }
    return nodes;
  }

  /** Other claims that share a passage with this one. */
  private _overlapping(claim: ReaderClaim): ReaderClaim[] {
    const ids = new Set(
      claim.marks.flatMap((mark) => claimsOfMark(mark, this._byId)).map((other) => other.id),
    );
    return this._claims.filter((other) => other !== claim && ids.has(other.id));
  }

  private _filtered(): ReaderClaim[] {
    return this._claims.filter(
      (claim) =>
        (this.kindFilter.size === 0 || this.kindFilter.has(claim.kind)) &&
        (this.verdictFilter === '' || claim.verdict === this.verdictFilter),
    );
  }

  /**
   * Brings the open note's passage and its card into view, and focus into the card. A passage
   * chosen elsewhere (panel, map, link) is centred; one reached by keyboard moves only as far as
   * needed; one clicked is already in view.
   */
  private async _reveal(claim: ReaderClaim, source: NoteOpenSource): Promise<void> {
    while (!(await this.updateComplete));
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-card="${CSS.escape(claim.id)}"]`);
    if (source !== 'pointer')
      claim.marks[0]?.scrollIntoView({ block: source === 'keyboard' ? 'nearest' : 'center' });
    card?.scrollIntoView({
      block: 'nearest',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth',
    });
    card?.focus({ preventScroll: true });
  }

  /** Goes to the next (1) or previous (-1) claim from a claim, the active note, the focused mark or the view. */
  private _step(delta: 1 | -1, from?: ReaderClaim): boolean {
    const claims = this._claims;
    const focused = document.activeElement?.closest('mark[data-claims]');
    const base =
      from ??
      this._byId.get(this.activeClaimId ?? '') ??
      (focused ? claimsOfMark(focused, this._byId)[0] : undefined);
    let index: number;
    if (base) {
      index = claims.indexOf(base) + delta;
    } else {
      const line = this.renderRoot.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
      const tops = claims.map((claim) => claim.marks[0]?.getBoundingClientRect().top ?? Infinity);
      index = delta > 0 ? tops.findIndex((top) => top >= line) : tops.findLastIndex((top) => top < line);
    }
    const target = claims[index];
    if (target) this.openNote(target.id, 'keyboard');
    else this._announce(delta > 0 ? 'No later claim.' : 'No earlier claim.');
    return true;
  }

  private _escape(): boolean {
    if (this._help()?.open) return false;
    if (this._highlighter?.escape()) return true;
    if (this.settingsOpen) {
      this._closeSettings();
      return true;
    }
    if (this.panelOpen) {
      this._closePanel();
      return true;
    }
    const card = this.shadowRoot?.activeElement?.closest<HTMLElement>('[data-card]');
    const claimId = card?.dataset['card'] ?? this.activeClaimId;
    if (claimId === undefined) return false;
    this.closeNote(claimId);
    return true;
  }

  private _togglePin(claimId: string): void {
    const pinned = new Set(this.pinned);
    if (!pinned.delete(claimId)) pinned.add(claimId);
    this.pinned = pinned;
    this._announce(pinned.has(claimId) ? 'Note pinned: it stays open.' : 'Note unpinned.');
  }

  private _togglePanel(): boolean {
    if (this.panelOpen) this._closePanel();
    else {
      this.panelOpen = true;
      this.panelLength = panelStep;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('.panel button')?.focus(),
      );
    }
    return true;
  }

  private _closePanel(): void {
    this.panelOpen = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[aria-controls="panel"]')?.focus(),
    );
  }

  private _toggleSettings(): boolean {
    if (this.settingsOpen) this._closeSettings();
    else {
      this.settingsOpen = true;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('.settings select')?.focus(),
      );
    }
    return true;
  }

  private _closeSettings(): void {
    this.settingsOpen = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[aria-controls="settings"]')?.focus(),
    );
  }

  private _onStyleChange(event: Event): void {
    this.citationStyle = (event.target as HTMLSelectElement).value;
    const label = styleFor(this._data, this.citationStyle)?.label ?? this.citationStyle;
    this._announce(`Quotes are cited in ${label}.`);
  }

  private _onFormatChange(event: Event): void {
    this.copyFormat = (event.target as HTMLSelectElement).value === 'markdown' ? 'markdown' : 'plain';
    this._announce(
      this.copyFormat === 'markdown'
        ? 'Copies hold rich text and Markdown.'
        : 'Copies hold rich text and plain text.',
    );
  }

  private _choose(claimId: string): void {
    if (!this.wide) this.panelOpen = false;
    this.openNote(claimId, 'panel');
  }

  private _showMore(): void {
    this.panelLength += panelStep;
  }

  /** Lists more claims in the panel when its "Show more" button scrolls into view. */
  private _watchPanelEnd(): void {
    const more = this.renderRoot.querySelector('.panel .more');
    if (more === this._panelEnd) return;
    if (this._panelEnd) this._panelObserver?.unobserve(this._panelEnd);
    this._panelEnd = more ?? undefined;
    if (!more || typeof IntersectionObserver !== 'function') return;
    this._panelObserver ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this._showMore();
    });
    this._panelObserver.observe(more);
  }

  private _toggleKind(kind: string): void {
    const filter = new Set(this.kindFilter);
    if (!filter.delete(kind)) filter.add(kind);
    this.kindFilter = filter;
    this._announceShown();
  }

  private _onVerdictFilter(event: Event): void {
    this.verdictFilter = (event.target as HTMLSelectElement).value;
    this._announceShown();
  }

  private _announceShown(): void {
    void this.updateComplete.then(() =>
      this._announce(`${this._filtered().length} of ${this._claims.length} claims shown.`),
    );
  }

  private _toggleHighlights(): boolean {
    this.highlights = !this.highlights;
    this._announce(this.highlights ? 'Highlights shown.' : 'Highlights hidden.');
    return true;
  }

  private _cycleTheme(): boolean {
    this.theme = themeChoices[(themeChoices.indexOf(this.theme) + 1) % 3] ?? 'system';
    this._announce(`Theme: ${this.theme}.`);
    return true;
  }

  private _resize(step: 1 | -1): boolean {
    this.textSize = stepTextSize(this.textSize, step);
    this._announce(`Text size ${this.textSize}%.`);
    return true;
  }

  private _help(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private _toggleHelp(): boolean {
    const help = this._help();
    if (help?.open) help.close();
    else help?.showModal();
    return true;
  }

  /**
   * Places the open cards at their passages (stacked so that none overlaps another) and the
   * claim map's ticks at their claims. Positions are measured, so this runs after each render
   * and whenever the element changes size.
   */
  private _layout(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.cards');
    if (!container) return;
    const origin = container.getBoundingClientRect().top;
    const cards = [...container.querySelectorAll<HTMLElement>('[data-card]')];
    const boxes = cards.flatMap((card) => {
      const id = card.dataset['card'] ?? '';
      const marks = this._byId.get(id)?.marks ?? [];
      const anchor = this.wide
        ? (marks[0]?.getBoundingClientRect().top ?? origin) - origin - 4
        : (marks.at(-1)?.getBoundingClientRect().bottom ?? origin) - origin + 10;
      return [{ id, anchor, height: card.offsetHeight }];
    });
    const tops = stackCards(boxes, 12);
    let bottom = 0;
    for (const card of cards) {
      const top = tops.get(card.dataset['card'] ?? '') ?? 0;
      card.style.top = `${top}px`;
      bottom = Math.max(bottom, top + card.offsetHeight);
    }
    container.style.minHeight = `${bottom}px`;
    this._placeSelectionBar();
    this._placeTicks();
    this._placeThumb();
  }

  /**
   * Measures where the claims sit, when the article's size changed since the last time (the
   * ticks' places are fractions of its height), and writes the ticks' places once they are
   * rendered. Every position is read before anything is written: a write between reads would
   * make the browser lay out the page again for each claim.
   */
  private _placeTicks(): void {
    const area = this._article?.getBoundingClientRect();
    if (!area || area.height <= 0) return;
    const size = `${area.width}x${area.height}`;
    if (size !== this._tickSize) {
      this._tickSize = size;
      const tops = this._claims.map((claim) => {
        const top = claim.marks[0]?.getBoundingClientRect().top;
        return top === undefined ? undefined : (top - area.top) / area.height;
      });
      const ticks = groupTicks(this._claims, tops, mapTicks);
      const same =
        ticks.length === this.mapTicks.length &&
        ticks.every((tick, index) => tick.claims[0] === this.mapTicks[index]?.claims[0]);
      if (same) ticks.forEach((tick, index) => Object.assign(this.mapTicks[index] ?? {}, tick));
      else this.mapTicks = ticks;
      this._ticksPlaced = false;
    }
    if (this._ticksPlaced) return;
    const elements = this.renderRoot.querySelectorAll<HTMLElement>('.map .tick');
    if (elements.length !== this.mapTicks.length) return; // rendered on the next update
    this._ticksPlaced = true;
    elements.forEach((element, index) => {
      const top = this.mapTicks[index]?.top;
      element.hidden = top === undefined;
      element.style.top = `${(top ?? 0) * 100}%`;
    });
  }

  /**
   * Marks the passages of the open notes (`aria-expanded` on a claim's first mark,
   * `data-marginalia-active` on every mark of an open claim), touching only the claims that
   * opened or closed since the last time.
   */
  private _markOpen(): void {
    const open = new Set(this.openIds);
    const was = this._expanded;
    this._expanded = open;
    const changed = [...open, ...was].filter((id) => open.has(id) !== was.has(id));
    for (const id of changed) {
      const claim = this._byId.get(id);
      claim?.marks[0]?.setAttribute('aria-expanded', String(open.has(id)));
      for (const mark of claim?.marks ?? []) {
        mark.toggleAttribute(
          'data-marginalia-active',
          claimsOfMark(mark, this._byId).some((other) => open.has(other.id)),
        );
      }
    }
  }

  /**
   * Puts the selection toolbar above the selection's first line, or below its last when the
   * reader's toolbar would cover it, within the element's width.
   */
  private _placeSelectionBar(): void {
    const bar = this.renderRoot.querySelector<HTMLElement>('.selection');
    const rects = this._selection?.range?.getClientRects();
    const first = rects?.[0];
    const last = rects?.[rects.length - 1];
    if (!bar || !first || !last) return;
    const host = this.getBoundingClientRect();
    const above = first.top - bar.offsetHeight - 8;
    const top = above < 56 ? last.bottom + 8 : above;
    const left = Math.min(Math.max(first.left - host.left, 8), host.width - bar.offsetWidth - 8);
    bar.style.top = `${top - host.top}px`;
    bar.style.left = `${Math.max(left, 0)}px`;
  }

  /** Shows on the claim map which stretch of the article is in view. */
  private _placeThumb(): void {
    const area = this._article?.getBoundingClientRect();
    const thumb = this.renderRoot.querySelector<HTMLElement>('.thumb');
    if (!area || !thumb || area.height <= 0) return;
    const start = Math.min(1, Math.max(0, -area.top / area.height));
    const end = Math.min(1, Math.max(start, (innerHeight - area.top) / area.height));
    thumb.style.top = `${start * 100}%`;
    thumb.style.height = `${(end - start) * 100}%`;
  }

  /** Which of a mark's claims a click opens: one that starts here first, then the next each click. */
  private _activate(mark: Element, source: NoteOpenSource): void {
    const claims = claimsOfMark(mark, this._byId);
    const ordered = [
      ...claims.filter((claim) => claim.marks[0] === mark),
      ...claims.filter((claim) => claim.marks[0] !== mark),
    ];
    const active = ordered.findIndex((claim) => claim.id === this.activeClaimId);
    const next =
      active === -1 ? ordered[0] : ordered.length > 1 ? ordered[(active + 1) % ordered.length] : undefined;
    if (next) this.openNote(next.id, source);
    else if (this.activeClaimId !== undefined) this.closeNote(this.activeClaimId);
  }

  private _onClick = (event: MouseEvent): void => {
    const origin = event.composedPath()[0];
    if (!(origin instanceof Element) || origin.getRootNode() === this.shadowRoot) return;
    const source = event.detail === 0 ? 'keyboard' : 'pointer';
    const noteref = origin.closest<HTMLAnchorElement>('a.marginalia-noteref');
    const link = noteref ? parseHash(noteref.hash) : undefined;
    if (link?.type === 'note' && this._byId.has(link.claimId)) {
      event.preventDefault();
      this.openNote(link.claimId, source);
      return;
    }
    const mark = origin.closest('mark[data-claims]');
    const active = this.activeClaimId;
    if (mark && this._article?.contains(mark)) this._activate(mark, source);
    else if (
      active &&
      !this.pinned.has(active) &&
      this._article?.contains(origin) &&
      document.getSelection()?.isCollapsed !== false
    ) {
      this.closeNote(active, false);
    }
  };

  private _onKeyDown = (event: KeyboardEvent): void => {
    const origin = event.composedPath()[0];
    if (
      (event.key === 'Enter' || event.key === ' ') &&
      origin instanceof HTMLElement &&
      origin.matches('mark[data-claims]')
    ) {
      event.preventDefault();
      this._activate(origin, 'keyboard');
    }
  };

  /** Hover (a mouse or a pen, not a finger) lights up every segment of the claims under the pointer. */
  private _onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    const mark = (event.composedPath()[0] as Element).closest?.('mark[data-claims]');
    for (const claim of mark ? claimsOfMark(mark, this._byId) : []) {
      for (const segment of claim.marks) segment.toggleAttribute('data-marginalia-hover', true);
    }
  };

  private _onPointerOut = (): void => {
    for (const mark of this._article?.querySelectorAll('[data-marginalia-hover]') ?? []) {
      mark.removeAttribute('data-marginalia-hover');
    }
  };

  private _onScroll = (): void => {
    cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(() => this._placeThumb());
  };

  private _onWideChange = (event: MediaQueryListEvent): void => {
    this.wide = event.matches;
  };

  private _announce(message: string): void {
    // Every other message gets a trailing no-break space, so that a repeated message is a change.
    this._said += 1;
    this.announcement = this._said % 2 ? message : `${message}\u00a0`;
  }
}

/**
 * The claim map's ticks from the claims' places (fractions of the article's height, undefined
 * for a claim without marks): a tick per claim when there are at most `most` claims (a claim
 * without marks gets one too, never placed), else one per stretch of `1 / most` of the article
 * that holds claims, standing for all of them.
 */
export function groupTicks(
  claims: readonly ReaderClaim[],
  tops: ReadonlyArray<number | undefined>,
  most: number,
): MapTick[] {
  if (claims.length <= most) return claims.map((claim, index) => ({ claims: [claim], top: tops[index] }));
  const stretches = new Map<number, MapTick>();
  claims.forEach((claim, index) => {
    const top = tops[index];
    if (top === undefined) return;
    const stretch = Math.min(most - 1, Math.max(0, Math.floor(top * most)));
    const tick = stretches.get(stretch);
    if (!tick) stretches.set(stretch, { claims: [claim], top });
    else {
      tick.claims.push(claim);
      tick.top = Math.min(tick.top ?? top, top);
    }
  });
  return [...stretches.entries()].sort(([a], [b]) => a - b).map(([, tick]) => tick);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-reader': MarginaliaReader;
  }
}
