import type { TemplateResult } from 'lit';
import { colourLabel, highlightColours } from '../highlights/model.ts';
import type { HighlightItem } from './highlight-collection.ts';
import type { HighlightsState } from './highlights-state.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/** The card of one of the reader's highlights, as the highlights' controller sets it. */
export interface HighlightCardElement extends HTMLElement {
  controller: HighlightsState | undefined;
  item: HighlightItem | undefined;
  /** The controller's `revision`: the card renders again when it changes. */
  revision: number;
}

/**
 * Defines `<marginalia-highlight-card>`: one of the reader's highlights, open beside its
 * passage: its colours (named, so colour is never the only cue), its note (saved when the field
 * is left, with Ctrl+Enter or "Save"), and "Delete". Every text goes in as text, never as HTML.
 */
export function defineHighlightCard({ ReaderPart, html, nothing }: PartKit): void {
  class HighlightCard extends ReaderPart implements HighlightCardElement {
    static override properties = {
      controller: { attribute: false },
      item: { attribute: false },
      revision: { type: Number },
    };

    declare controller: HighlightsState | undefined;
    declare item: HighlightItem | undefined;
    declare revision: number;

    constructor() {
      super();
      this.controller = undefined;
      this.item = undefined;
      this.revision = 0;
    }

    protected override updated(): void {
      this.dispatchEvent(new CustomEvent('marginalia-part-render', { bubbles: true }));
    }

    protected override render(): TemplateResult | typeof nothing {
      const { controller, item } = this;
      if (!controller || !item) return nothing;
      const { id, colour: current } = item.highlight;
      const label = colourLabel(current);
      const saveNote = (): void => {
        const field = this.querySelector('textarea');
        if (field) controller.saveNote(id, field.value);
      };
      return html`<section
        class="hl-card"
        part="highlight-card"
        role="dialog"
        aria-label="Your highlight: ${label}"
        tabindex="-1"
        data-highlight=${id}
        data-colour=${current}
        ?data-floating=${!item.range}
      >
        <header class="card-head">
          <span class="tags"
            ><span class="hl-kicker">Your highlight</span>${
              item.paragraph ? html`<span>¶ ${item.paragraph}</span>` : nothing
            }</span
          >
          <button class="tool small" aria-label="Close your highlight" @click=${() => controller.closeCard()}>
            ×
          </button>
        </header>
        ${
          item.range
            ? nothing
            : html`<p class="hl-problem">
                Could not be placed in the current text: “${item.highlight.quote.exact}”
              </p>`
        }
        <div class="hl-colours" role="group" aria-label="Colour">
          ${highlightColours.map(
            ({ id: choice, label: name }) =>
              html`<button
                class="hl-colour"
                data-colour=${choice}
                aria-pressed=${choice === current}
                @click=${() => controller.setColour(id, choice)}
              >
                <span class="swatch" aria-hidden="true"></span>${name}
              </button>`,
          )}
        </div>
        <label class="field"
          >Note
          <textarea
            rows="3"
            placeholder="Optional: why this passage matters to you"
            .value=${controller.cardNote}
            @blur=${(event: FocusEvent) => {
              const field = event.currentTarget as HTMLTextAreaElement;
              // Leaving the field saves a changed note (also on the way to Save, Delete or a colour).
              if (field.value !== controller.cardNote) controller.saveNote(id, field.value);
            }}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                saveNote();
              }
            }}
          ></textarea>
        </label>
        ${
          item.unsaved
            ? html`<p class="hl-problem" role="alert">
                ${item.unsaved} It stays on this page until you leave it: export your highlights from “My
                highlights” to keep them.
              </p>`
            : nothing
        }
        <p class="hl-card-foot">
          <span class="hl-status" aria-live="polite"
            >${controller.cardStatus || 'Ctrl+Enter saves the note.'}</span
          >
          <button class="tool small action" @click=${() => controller.remove(id)}>Delete</button>
          <button class="tool small action" @click=${saveNote}>Save</button>
        </p>
      </section>`;
    }
  }
  defineOnce('marginalia-highlight-card', HighlightCard);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-highlight-card': HighlightCardElement;
  }
}
