import type { PropertyValues, TemplateResult } from 'lit';
import { claimKinds, verdicts } from '../claims/types.ts';
import { filterClaims, type ReaderClaim } from './claim-index.ts';
import { claimTags } from './claim-tags.ts';
import { partEvent } from './events.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/**
 * How many claims the panel lists at first, and adds each time its end comes into view (or
 * "Show more" is chosen): thousands at once would take the browser seconds to lay out.
 */
export const panelStep = 200;

/** The claims panel, as the reader sets it. */
export interface ClaimsPanelElement extends HTMLElement {
  claims: readonly ReaderClaim[];
  open: boolean;
  /** The kinds the list is narrowed to (none: every kind). */
  kinds: ReadonlySet<string>;
  /** The verdict the list is narrowed to ("": every verdict; `none`: claims without one). */
  verdict: string;
}

/**
 * Defines `<marginalia-claims-panel>`: every claim of the article in reading order, narrowed by
 * kind and by verdict; choosing one opens its note. Its filters and list are rendered only
 * while it is open (an article may have thousands of claims; the closed panel costs nothing),
 * and a long list grows as it is scrolled. It takes focus when it opens.
 *
 * @fires marginalia-claim-choose - A claim was chosen. `detail: {claimId, source: 'panel'}`.
 * @fires marginalia-filter-change - A filter changed. `detail: {kinds, verdict}`.
 * @fires marginalia-part-close - The panel's × was chosen.
 */
export function defineClaimsPanel({ ReaderPart, html, nothing }: PartKit): void {
  class ClaimsPanel extends ReaderPart implements ClaimsPanelElement {
    static override properties = {
      claims: { attribute: false },
      open: { type: Boolean },
      kinds: { attribute: false },
      verdict: {},
      length: { state: true },
    };

    declare claims: readonly ReaderClaim[];
    declare open: boolean;
    declare kinds: ReadonlySet<string>;
    declare verdict: string;
    /** How many claims are listed (more as the list is scrolled). */
    declare length: number;

    private _observer: IntersectionObserver | undefined;
    private _end: Element | undefined;

    constructor() {
      super();
      this.claims = [];
      this.open = false;
      this.kinds = new Set();
      this.verdict = '';
      this.length = panelStep;
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      this._observer?.disconnect();
      this._observer = undefined;
      this._end = undefined;
    }

    protected override willUpdate(changed: PropertyValues<this>): void {
      if (changed.has('open') && this.open) this.length = panelStep;
    }

    protected override updated(changed: PropertyValues<this>): void {
      this._watchEnd();
      if (changed.has('open') && this.open) this.querySelector<HTMLElement>('.panel button')?.focus();
    }

    protected override render(): TemplateResult {
      if (!this.open) {
        return html`<aside id="panel" class="panel" part="panel" aria-labelledby="panel-title" hidden>
          <div class="panel-head"><h2 id="panel-title">Claims</h2></div>
        </aside>`;
      }
      const { claims, kinds, verdict } = this;
      const shown = filterClaims(claims, kinds, verdict);
      const label = (value: string, key: 'kind' | 'verdict'): string =>
        claims.find((claim) => claim[key] === value)?.[key === 'kind' ? 'kindLabel' : 'verdictLabel'] ??
        value;
      return html`<aside id="panel" class="panel" part="panel" aria-labelledby="panel-title">
        <div class="panel-head">
          <h2 id="panel-title">Claims</h2>
          <button
            class="tool small"
            aria-label="Close claims panel"
            @click=${() => this.dispatchEvent(partEvent('marginalia-part-close', {}))}
          >
            ×
          </button>
        </div>
        <div class="filters" role="group" aria-label="Kinds">
          ${claimKinds
            .filter((kind) => claims.some((claim) => claim.kind === kind))
            .map(
              (kind) =>
                html`<button
                  class="filter"
                  data-kind=${kind}
                  aria-pressed=${kinds.has(kind)}
                  @click=${() => this._toggleKind(kind)}
                >
                  ${label(kind, 'kind')}
                </button>`,
            )}
        </div>
        <label class="verdict-filter"
          >Verdict
          <select @change=${this._onVerdict}>
            <option value="">All verdicts</option>
            ${[...verdicts, 'none']
              .filter((value) => claims.some((claim) => claim.verdict === value))
              .map(
                (value) =>
                  html`<option value=${value} ?selected=${value === verdict}>
                    ${label(value, 'verdict')}
                  </option>`,
              )}
          </select></label
        >
        <p class="shown">${shown.length} of ${claims.length} claims</p>
        <ol class="claims">
          ${shown.slice(0, this.length).map(
            (claim) =>
              html`<li>
                <button
                  class="claim"
                  data-claim=${claim.id}
                  data-kind=${claim.kind}
                  data-verdict=${claim.verdict}
                  @click=${() =>
                    this.dispatchEvent(
                      partEvent('marginalia-claim-choose', { claimId: claim.id, source: 'panel' }),
                    )}
                >
                  <span class="card-head"
                    >${claimTags(html, claim)}<span class="para"
                      >${claim.paragraph ? `¶ ${claim.paragraph}` : ''}</span
                    ></span
                  >
                  <span class="excerpt">${claim.excerpt}</span>
                </button>
              </li>`,
          )}
        </ol>
        ${
          shown.length > this.length
            ? html`<button class="tool small more" @click=${this._showMore}>
                Show more (${shown.length - this.length} left)
              </button>`
            : nothing
        }
      </aside>`;
    }

    private _toggleKind(kind: string): void {
      const kinds = new Set(this.kinds);
      if (!kinds.delete(kind)) kinds.add(kind);
      this.dispatchEvent(partEvent('marginalia-filter-change', { kinds, verdict: this.verdict }));
    }

    private _onVerdict(event: Event): void {
      const verdict = (event.target as HTMLSelectElement).value;
      this.dispatchEvent(partEvent('marginalia-filter-change', { kinds: this.kinds, verdict }));
    }

    private _showMore(): void {
      this.length += panelStep;
    }

    /** Lists more claims when the "Show more" button scrolls into view. */
    private _watchEnd(): void {
      const more = this.querySelector('.panel .more');
      if (more === this._end) return;
      if (this._end) this._observer?.unobserve(this._end);
      this._end = more ?? undefined;
      if (!more || typeof IntersectionObserver !== 'function') return;
      this._observer ??= new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this._showMore();
      });
      this._observer.observe(more);
    }
  }
  defineOnce('marginalia-claims-panel', ClaimsPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-claims-panel': ClaimsPanelElement;
  }
}
