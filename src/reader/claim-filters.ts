import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { claimsOfMark, filterClaims, type ReaderClaim } from './claim-index.ts';

/**
 * The reader's filters on the claims: by kind (none chosen: every kind) and by verdict ("":
 * every verdict; `none`: the claims without one). The claims panel lists what passes them, and
 * the text shows it: while a filter is on, the passages it picks are tinted
 * (`data-marginalia-match`) and every other passage loses its marks (`data-marginalia-dim`, its
 * glyph faded). The verdict summary at the top of the page (`a.marginalia-verdict-count`, which
 * the build writes as links to the legend) becomes a row of toggle buttons, one per verdict.
 */
export interface ClaimFiltersOptions {
  claims(): readonly ReaderClaim[];
  byId(): ReadonlyMap<string, ReaderClaim>;
  /** `article.marginalia-article`. */
  article(): HTMLElement | null;
  announce(message: string): void;
}

type Host = ReactiveControllerHost & HTMLElement;

export class ClaimFilters implements ReactiveController {
  kinds: ReadonlySet<string> = new Set();
  verdict = '';

  private readonly _host: Host;
  private readonly _options: ClaimFiltersOptions;
  /** Whether the text shows a filter now (so that turning it off touches the marks once). */
  private _shown = false;

  constructor(host: Host, options: ClaimFiltersOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this._wireCounts();
    this._host.addEventListener('click', this._onClick);
    this._host.addEventListener('keydown', this._onKeyDown);
  }

  /** Parts of the page were replaced (a live rebuild): shows the filters on them again. */
  refresh(): void {
    this._wireCounts();
    this._shown = false;
    if (this.active) this._showInText();
  }

  /** The summary's counts as toggle buttons, pressed for the verdict shown alone. */
  private _wireCounts(): void {
    for (const count of this._counts()) {
      count.setAttribute('role', 'button');
      count.setAttribute(
        'aria-pressed',
        String(count.dataset['verdict'] === this.verdict && this.kinds.size === 0),
      );
    }
  }

  hostDisconnected(): void {
    this._host.removeEventListener('click', this._onClick);
    this._host.removeEventListener('keydown', this._onKeyDown);
  }

  /** Whether any filter is on. */
  get active(): boolean {
    return this.kinds.size > 0 || this.verdict !== '';
  }

  /** The claims that pass the filters. */
  get shown(): ReaderClaim[] {
    return filterClaims(this._options.claims(), this.kinds, this.verdict);
  }

  /** Sets the filters, shows them in the text, and says how many claims pass them. */
  set(kinds: ReadonlySet<string>, verdict: string): void {
    this.kinds = kinds;
    this.verdict = verdict;
    this._host.requestUpdate();
    this._showInText();
    for (const count of this._counts()) {
      count.setAttribute('aria-pressed', String(count.dataset['verdict'] === verdict && kinds.size === 0));
    }
    const total = this._options.claims().length;
    this._options.announce(
      this.active ? `${this.shown.length} of ${total} claims shown.` : `All ${total} claims shown.`,
    );
  }

  /** The verdict summary's counts. */
  private _counts(): HTMLElement[] {
    return [...this._host.querySelectorAll<HTMLElement>('.marginalia-verdicts a.marginalia-verdict-count')];
  }

  /**
   * Marks each passage as picked or not: a mark is picked when one of its claims passes, and a
   * note number when its claim does. Touches nothing when no filter is on and none was.
   */
  private _showInText(): void {
    const article = this._options.article();
    if (!article || (!this.active && !this._shown)) return;
    this._shown = this.active;
    const passing = new Set(this.shown.map((claim) => claim.id));
    const byId = this._options.byId();
    for (const mark of article.querySelectorAll<HTMLElement>('mark[data-claims]')) {
      const picked = claimsOfMark(mark, byId).some((claim) => passing.has(claim.id));
      mark.toggleAttribute('data-marginalia-match', this.active && picked);
      mark.toggleAttribute('data-marginalia-dim', this.active && !picked);
    }
    for (const ref of article.querySelectorAll<HTMLAnchorElement>('a.marginalia-noteref')) {
      const claimId = decodeURIComponent(ref.hash.replace(/^#note-/, ''));
      ref.toggleAttribute('data-marginalia-dim', this.active && !passing.has(claimId));
    }
  }

  /** A count of the summary: its verdict alone, or every verdict when it was on already. */
  private _toggle(count: HTMLElement): void {
    const verdict = count.dataset['verdict'] ?? '';
    this.set(new Set(), this.verdict === verdict && this.kinds.size === 0 ? '' : verdict);
  }

  private readonly _onClick = (event: MouseEvent): void => {
    const count = (event.composedPath()[0] as Element).closest?.<HTMLElement>('a.marginalia-verdict-count');
    if (!count || !this._host.contains(count)) return;
    event.preventDefault();
    this._toggle(count);
  };

  /** Space presses a count as it would a button (Enter already clicks the link). */
  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    const origin = event.composedPath()[0];
    if (
      event.key !== ' ' ||
      !(origin instanceof HTMLElement) ||
      !origin.matches('a.marginalia-verdict-count')
    )
      return;
    event.preventDefault();
    this._toggle(origin);
  };
}
