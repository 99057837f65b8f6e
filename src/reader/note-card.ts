import type { PropertyValues, TemplateResult } from 'lit';
import type { ActionOutcome, NoteCopy } from './actions.ts';
import { noteContent, type ReaderClaim } from './claim-index.ts';
import { claimTags } from './claim-tags.ts';
import { partEvent } from './events.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/** A note card, as the reader sets it. */
export interface NoteCardElement extends HTMLElement {
  claim: ReaderClaim | undefined;
  /** How many notes the article has. */
  count: number;
  pinned: boolean;
  /** The card of the note opened last. */
  active: boolean;
  /** Other claims that share the passage. */
  others: readonly ReaderClaim[];
  copy: NoteCopy | undefined;
}

/**
 * Defines `<marginalia-note-card>`: one claim's note, open beside its passage: its kind and
 * verdict, the editor's note and its sources (copies of the build-time note's nodes), the other
 * claims that share the passage, "Copy quote" and "Copy note", and Previous / Next.
 * `<marginalia-reader>` places it (see `card-layout-controller.ts`) and acts on what it asks for.
 *
 * The active card (the last one opened) holds the reader's `note-actions` slot: what a page
 * puts in `<marginalia-reader>` with `slot="note-actions"` shows in the card's footer, beside
 * the note that is open (an editor's "Edit claim", say).
 *
 * @fires marginalia-card-close - The card's × was chosen. `detail: {claimId}`.
 * @fires marginalia-card-pin - "Pin" was chosen: keep the card open, or not. `detail: {claimId}`.
 * @fires marginalia-card-step - "Previous" or "Next". `detail: {claimId, delta}`.
 * @fires marginalia-claim-choose - Another claim of the same passage was chosen. `detail: {claimId, source}`.
 * @fires marginalia-part-render - It rendered (its size may have changed: the reader places it again).
 */
export function defineNoteCard({ ReaderPart, html, nothing }: PartKit): void {
  class NoteCard extends ReaderPart implements NoteCardElement {
    static override properties = {
      claim: { attribute: false },
      count: { type: Number },
      pinned: { type: Boolean },
      active: { type: Boolean },
      others: { attribute: false },
      copy: { attribute: false },
    };

    declare claim: ReaderClaim | undefined;
    declare count: number;
    declare pinned: boolean;
    declare active: boolean;
    declare others: readonly ReaderClaim[];
    declare copy: NoteCopy | undefined;
    /** The note's body and sources, copied from the build-time note when the claim is set. */
    private _content: readonly Node[] = [];

    constructor() {
      super();
      this.claim = undefined;
      this.count = 0;
      this.pinned = false;
      this.active = false;
      this.others = [];
      this.copy = undefined;
    }

    protected override willUpdate(changed: PropertyValues<this>): void {
      if (changed.has('claim')) this._content = this.claim ? noteContent(this.claim) : [];
    }

    protected override updated(): void {
      this.dispatchEvent(partEvent('marginalia-part-render', {}));
    }

    protected override render(): TemplateResult | typeof nothing {
      const { claim, count, pinned } = this;
      if (!claim) return nothing;
      const { id, number } = claim;
      return html`<section
        class="card"
        part="card"
        role="dialog"
        aria-labelledby="title-${number}"
        tabindex="-1"
        data-card=${id}
        data-kind=${claim.kind}
        data-verdict=${claim.verdict}
        ?data-active=${this.active}
      >
        <header class="card-head">
          <h2 class="sr-only" id="title-${number}">
            Note ${number}: ${claim.kindLabel}, ${claim.verdictLabel}
          </h2>
          ${claimTags(html, claim)}
          <button
            class="tool small pin"
            aria-pressed=${pinned}
            @click=${() => this._send('marginalia-card-pin')}
          >
            ${pinned ? 'Pinned' : 'Pin'}
          </button>
          <button
            class="tool small"
            aria-label="Close note ${number}"
            @click=${() => this._send('marginalia-card-close')}
          >
            ×
          </button>
        </header>
        ${this._content}
        ${
          this.others.length > 0
            ? html`<p class="others">
                Also here:
                ${this.others.map(
                  (other) =>
                    html`<button
                      class="link"
                      @click=${() =>
                        this.dispatchEvent(
                          partEvent('marginalia-claim-choose', { claimId: other.id, source: 'keyboard' }),
                        )}
                    >
                      ${other.kindLabel}, note ${other.number}
                    </button>`,
                )}
              </p>`
            : nothing
        }
        <p class="card-actions">
          <marginalia-action-button
            action="quote-${id}"
            label="Copy quote"
            name="Copy quote of note ${number}, cited"
            .run=${() => this._copy('quote')}
          ></marginalia-action-button>
          <marginalia-action-button
            action="note-${id}"
            label="Copy note"
            name="Copy note ${number}"
            .run=${() => this._copy('note')}
          ></marginalia-action-button>
          ${this.active ? html`<slot name="note-actions"></slot>` : nothing}
        </p>
        <footer class="card-foot">
          <button class="tool small" ?disabled=${number <= 1} @click=${() => this._step(-1)}>
            ‹ Previous
          </button>
          <span>Note ${number} of ${count}${claim.paragraph ? ` · ¶ ${claim.paragraph}` : ''}</span>
          <button class="tool small" ?disabled=${number >= count} @click=${() => this._step(1)}>
            Next ›
          </button>
        </footer>
      </section>`;
    }

    private _send(type: 'marginalia-card-close' | 'marginalia-card-pin'): void {
      if (this.claim) this.dispatchEvent(partEvent(type, { claimId: this.claim.id }));
    }

    private _step(delta: 1 | -1): void {
      if (this.claim)
        this.dispatchEvent(partEvent('marginalia-card-step', { claimId: this.claim.id, delta }));
    }

    private _copy(what: 'quote' | 'note'): Promise<ActionOutcome> {
      return this.claim && this.copy ? this.copy(what, this.claim.id) : Promise.resolve('canceled');
    }
  }
  defineOnce('marginalia-note-card', NoteCard);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-note-card': NoteCardElement;
  }
}
