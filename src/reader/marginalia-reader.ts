import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CardLayoutController } from './card-layout-controller.ts';
import { ClaimFilters } from './claim-filters.ts';
import { overlapping, passageBounds, readClaims, type ReaderClaim } from './claim-index.ts';
import { ClaimMarksController } from './claim-marks-controller.ts';
import { DeepLinkController } from './deep-link-controller.ts';
import {
  type CardDetail,
  type CardStepDetail,
  type ClaimChooseDetail,
  type CommandDetail,
  type FilterDetail,
  type NoteOpenSource,
  type SettingsPickDetail,
} from './events.ts';
import { FeatureLoader } from './feature-loader.ts';
import { KeyboardController } from './keyboard-controller.ts';
import { LegendController } from './legend-controller.ts';
import { LiveRegion } from './live-region.ts';
import { StylesheetController } from './stylesheet-controller.ts';
import { OpenNotes } from './open-notes.ts';
import { PanelsController } from './panels-controller.ts';
import { parsePageData, readPageData, styleFor, type PageData } from './page-data.ts';
import { readerCommands } from './reader-commands.ts';
import { readerShortcuts } from './reader-shortcuts.ts';
import './reader-toolbar.ts';
import {
  onOff,
  SettingsController,
  type CopyFormat,
  type MarkStyle,
  type ThemeChoice,
} from './settings-controller.ts';

/**
 * An annotated article: highlights each claim's passage, opens its editor's note beside the
 * text (in the margin on wide screens, below the passage on narrow ones), and adds a claims
 * panel, a claim map, keyboard shortcuts and remembered reading settings. The article, the notes
 * and the sources stay the light DOM the build wrote; the element never re-renders or re-anchors
 * them, it only adds attributes to the marks (tabindex, role, aria-*, data-marginalia-*) and a
 * hidden list of short descriptions that the marks point to.
 *
 * It composes its parts, each an element or a controller of its own file: the toolbar, the
 * claim map, the marks, the open notes and where their cards go, the panels, the keyboard, the
 * deep links and the settings; and, loaded lazily (`feature-loader.ts`), the note cards and the
 * panels (`reader-parts.ts`), and copying, the selection toolbar and the reader's own highlights
 * (`selection-features.ts`). The parts ask for things with events (`events.ts`).
 *
 * @summary The Marginalia reader around a built article.
 *
 * @slot - The built page: `header.marginalia-header`, `article.marginalia-article`,
 *   `section.marginalia-notes`, `section.marginalia-references`.
 * @slot note-actions - Shown in the footer of the open note's card, beside "Copy quote" and
 *   "Copy note" (for example an editor's "Edit claim"; `marginalia-note-open` says which note).
 *
 * @fires marginalia-note-open - A note card opened. `detail: {claimId, number, source}`.
 * @fires marginalia-note-close - A note card closed. `detail: {claimId}`.
 * @fires marginalia-settings-change - A setting changed. `detail: {highlights, markStyle, theme,
 *   textSize, citationStyle, copyFormat}`.
 * @fires marginalia-copy - Before a copy is written to the clipboard; cancelable (then nothing of
 *   the reader's is written). `detail: {plain, markdown, html, quote, paragraphs, url, style,
 *   content, source}`: every flavour (a listener may change them) and what was copied, and how
 *   (see `events.ts`).
 * @fires marginalia-copy-error - The browser refused the clipboard to a copy button; the button
 *   says "Copy failed". `detail`: that of `marginalia-copy`, and `error`.
 *
 * Colours and fonts are the page stylesheet's custom properties (`src/page/marginalia.css` sets
 * them on `marginalia-reader`, for light and dark); the element reads them and sets none.
 * @cssprop --marginalia-bg - Page background.
 * @cssprop --marginalia-fg - Body text.
 * @cssprop --marginalia-muted - Secondary text (note metadata, counts).
 * @cssprop --marginalia-surface - Background of cards, panels and pressed buttons.
 * @cssprop --marginalia-rule - Hairlines and card borders.
 * @cssprop --marginalia-link - Link colour in notes.
 * @cssprop --marginalia-focus - Focus ring colour.
 * @cssprop --marginalia-font-ui - Font of the toolbar, panels and labels.
 * @cssprop --marginalia-verdict-supported - A verdict's colour (also `-partly-supported`,
 *   `-unsupported`, `-misleading`, `-disputed`, `-unverifiable`, `-none`): glyphs, card edges, the map.
 * @cssprop --marginalia-line-fact - A kind's underline colour (also `-statistic`, …); one grey by default.
 * @cssprop --marginalia-mark-fact - A kind's tint (same suffixes): the tint of its passages, chips.
 * @cssprop --marginalia-measure - Width of the text (default 38rem); the column adds 3rem.
 * @cssprop --marginalia-margin-width - Width of the margin notes (default 27rem, ~60 characters).
 * @cssprop --marginalia-side-width - Width of the panels' column beside the text (default 17rem).
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
 * Its styles are `marginalia-reader.css` beside its script, linked from its shadow root; its
 * interface stays hidden until they have loaded. It sets `data-enhanced` on itself once its
 * marks are wired and its styles loaded, `data-theme` (`light` or `dark`) and `data-layout`
 * (`wide` or `narrow`); the page stylesheet sizes its column on the light-DOM children.
 */
@customElement('marginalia-reader')
export class MarginaliaReader extends LitElement {
  /** Highlights shown (`on`) or hidden (`off`); remembered. */
  @property({ attribute: 'highlights', reflect: true, converter: onOff })
  highlights = true;

  /** How claim marks look: `calm` (a thin underline, tinted on hover) or `strong` (tinted); remembered. */
  @property({ attribute: 'mark-style', reflect: true })
  markStyle: MarkStyle = 'calm';

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

  private _claims: ReaderClaim[] = [];
  private _byId = new Map<string, ReaderClaim>();
  private _article: HTMLElement | null = null;
  private _marks: ClaimMarksController | undefined;
  private _data: PageData = parsePageData(null, '');
  private _features: FeatureLoader | undefined;

  private readonly _live = new LiveRegion(this);
  private readonly _stylesheet = new StylesheetController(this, () => this._onStyled());
  private readonly _settings = new SettingsController(this);
  /** While the help dialog is open only `?` works (the dialog closes itself on Escape). */
  private readonly _keyboard = new KeyboardController(this, () =>
    this._panels.help?.shown
      ? this._shortcuts.filter((shortcut) => shortcut.keys.includes('?'))
      : this._shortcuts,
  );
  private readonly _deepLinks = new DeepLinkController(this, {
    note: (claimId) => this.openNote(claimId, 'link'),
  });
  private readonly _notes = new OpenNotes(this, {
    claims: () => this._claims,
    byId: () => this._byId,
    follow: (claimId) => this._deepLinks.follow(claimId),
    announce: (message) => this._announce(message),
    rendered: () => this._loader().rendered('.cards > marginalia-note-card:last-of-type'),
  });
  private readonly _filters = new ClaimFilters(this, {
    claims: () => this._claims,
    byId: () => this._byId,
    article: () => this._article,
    announce: (message) => this._announce(message),
  });
  private readonly _legend = new LegendController(this, () => this._notes.ids.length > 0);
  private readonly _panels = new PanelsController(this, () => this._loader().parts());
  private readonly _layout = new CardLayoutController(this, {
    passage: ({ dataset: { card, highlight } }) =>
      card === undefined
        ? this._features?.highlighter?.passageOf(highlight ?? '')
        : passageBounds(this._byId.get(card)),
  });

  private readonly _commands = readerCommands({
    _panels: this._panels,
    _settings: this._settings,
    _features: () => this._features,
    _loader: () => this._loader(),
    _announce: (message) => this._announce(message),
    _focusedClaim: () =>
      this.shadowRoot?.activeElement?.closest<HTMLElement>('[data-card]')?.dataset['card'] ??
      this.activeClaimId,
    _close: (claimId) => this.closeNote(claimId),
  });

  /** The keyboard shortcuts, also listed in the help dialog. */
  private readonly _shortcuts = readerShortcuts({
    step: (delta) => this._notes.step(delta),
    escape: () => this._commands.escape(),
    command: (command) => this._commands.run(command),
  });

  /** The claim whose note is active (the last one opened), if any. */
  get activeClaimId(): string | undefined {
    return this._notes.active;
  }

  /** Opens a claim's note, as if the reader had chosen it; false when there is no such claim. */
  openNote(claimId: string, source: NoteOpenSource = 'api'): boolean {
    return this._notes.open(claimId, source);
  }

  /** Closes a claim's note, pinned or not; focus goes back to its passage unless told otherwise. */
  closeNote(claimId: string, returnFocus = true): void {
    this._notes.close(claimId, returnFocus);
  }

  /**
   * Parts of the page were replaced (`replaced`), as watch mode shows a rebuild: reads the claims
   * and the page's data again and wires what is new; false when the article itself was replaced.
   */
  refresh(replaced: readonly Element[]): boolean {
    if (this._marks && this.querySelector('.marginalia-article') !== this._article) return false;
    this._enhance();
    this._data = readPageData(document);
    this._legend.hostConnected();
    this._filters.refresh();
    this._features?.refresh(this._data, replaced);
    this.requestUpdate();
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._marks) this._enhance();
    void this._loader().parts();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.dataset['theme'] = this._settings.resolvedTheme;
    if (changed.has('textSize')) {
      this.style.fontSize =
        this.textSize === 100 ? '' : `calc(var(--marginalia-text-size, 1em) * ${this.textSize / 100})`;
    }
  }

  protected override updated(): void {
    this._marks?.markOpen(this._notes.ids);
  }

  protected override render(): TemplateResult {
    const { _features: features } = this;
    const { styled } = this._stylesheet;
    const mine = features?.highlighter;
    const views = mine?.views;
    const parts = features?.partsReady ?? false;
    return html`${this._stylesheet.render()}
      <marginalia-toolbar
        ?ready=${styled}
        claims=${this._claims.length}
        ?highlights=${this.highlights}
        theme=${this.theme}
        text-size=${this.textSize}
        ?panel-open=${this._panels.claimsOpen}
        ?settings-open=${this._panels.settingsOpen}
        ?panels=${parts}
        .mine=${mine ? { count: mine.count, open: mine.panelOpen } : undefined}
        @marginalia-command=${(event: CustomEvent<CommandDetail>) => this._commands.run(event.detail.command)}
      ></marginalia-toolbar>
      <div class="layout">
        <div class="side">
          ${
            parts
              ? html`<marginalia-claims-panel
                  ?open=${this._panels.claimsOpen}
                  .claims=${this._claims}
                  .kinds=${this._filters.kinds}
                  .verdict=${this._filters.verdict}
                  @marginalia-filter-change=${this._onFilterChange}
                  @marginalia-part-close=${() => this._panels.close('panel')}
                ></marginalia-claims-panel>`
              : nothing
          }
          ${views?.panel}
        </div>
        <div class="main"><slot></slot></div>
        <div
          class="cards"
          @marginalia-card-close=${(event: CustomEvent<CardDetail>) => this.closeNote(event.detail.claimId)}
          @marginalia-card-pin=${(event: CustomEvent<CardDetail>) => this._notes.togglePin(event.detail.claimId)}
          @marginalia-card-step=${(event: CustomEvent<CardStepDetail>) =>
            this._notes.step(event.detail.delta, this._byId.get(event.detail.claimId))}
          @marginalia-part-render=${() => this._layout.layout()}
        >
          ${this._notes.ids.map((id) => this._renderCard(id))} ${views?.card}
        </div>
      </div>
      ${
        features?.selection && styled
          ? html`<marginalia-selection-toolbar
              .range=${features.selection.range}
              .actions=${features.actions}
            ></marginalia-selection-toolbar>`
          : nothing
      }
      <marginalia-claim-map
        ?ready=${styled}
        .claims=${this._claims}
        .article=${this._article}
        .open=${this._notes.ids}
      ></marginalia-claim-map>
      ${
        parts
          ? html`<marginalia-settings-panel
                ?open=${this._panels.settingsOpen}
                .styles=${this._data.styles}
                .markStyle=${this.markStyle}
                .citationStyle=${styleFor(this._data, this.citationStyle)?.id ?? ''}
                .copyFormat=${this.copyFormat}
                @marginalia-settings-pick=${this._onSettingsPick}
                @marginalia-part-close=${() => this._panels.close('settings')}
              ></marginalia-settings-panel>
              <marginalia-help-dialog .shortcuts=${this._shortcuts}></marginalia-help-dialog>`
          : nothing
      }
      ${views?.margin} ${this._live.render()}`;
  }

  private _renderCard(claimId: string): TemplateResult | typeof nothing {
    const claim = this._byId.get(claimId);
    if (!claim) return nothing;
    return html`<marginalia-note-card
      .claim=${claim}
      .count=${this._claims.length}
      ?pinned=${this._notes.pinned.has(claimId)}
      ?active=${claimId === this.activeClaimId}
      .others=${overlapping(claim, this._claims, this._byId)}
      .copy=${(what: 'quote' | 'note', id: string) =>
        this._loader().withCopy((copy) => (what === 'quote' ? copy.copyQuote(id) : copy.copyNote(id)))}
    ></marginalia-note-card>`;
  }

  /** Reads the claims and wires their marks (again after a live rebuild). */
  private _enhance(): void {
    this._marks?.dispose();
    this._article = this.querySelector('.marginalia-article');
    this._claims = readClaims(this);
    this._byId = new Map(this._claims.map((claim) => [claim.id, claim]));
    this._marks = new ClaimMarksController(this, {
      article: this._article,
      claims: this._claims,
      byId: this._byId,
      active: () => this.activeClaimId,
      pinned: (claimId) => this._notes.pinned.has(claimId),
      open: (claimId, source) => this.openNote(claimId, source),
      close: (claimId, returnFocus) => this.closeNote(claimId, returnFocus),
    });
  }

  /** The stylesheet loaded (or failed to, or took too long): show the interface, follow the address. */
  private _onStyled(): void {
    // Read now rather than on connecting: the page's data comes after the element in the page.
    this._data = readPageData(document);
    this.toggleAttribute('data-enhanced', true);
    // After this update, so that opening a linked note is an update of its own.
    void this.updateComplete.then(() => {
      this._deepLinks.applyCurrent();
      this._loader().loadWhenIdle();
    });
  }

  /** What loads the lazily loaded parts (made once the page's data is read). */
  private _loader(): FeatureLoader {
    this._features ??= new FeatureLoader({
      host: this,
      article: this._article,
      data: () => this._data,
      settings: () => ({ style: styleFor(this._data, this.citationStyle), format: this.copyFormat }),
      announce: (message) => this._announce(message),
    });
    return this._features;
  }

  private readonly _onSettingsPick = (event: CustomEvent<SettingsPickDetail>): void => {
    this._announce(this._settings.pick(event.detail, (id) => styleFor(this._data, id)?.label ?? id));
  };

  private readonly _onFilterChange = (event: CustomEvent<FilterDetail>): void =>
    this._filters.set(event.detail.kinds, event.detail.verdict);

  /** A part asked for a claim's note: from the panel (which closes on narrow screens), the map, a card. */
  private readonly _onChoose = (event: CustomEvent<ClaimChooseDetail>): void => {
    const { claimId, source } = event.detail;
    if (source === 'panel' && !this._layout.wide) this._panels.claimsOpen = false;
    this.openNote(claimId, source);
  };

  private _announce(message: string): void {
    this._live.announce(message);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.addEventListener('marginalia-claim-choose', this._onChoose as EventListener);
    return root;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-reader': MarginaliaReader;
  }
}
