import type { TemplateResult } from 'lit';
import { colourLabel } from '../highlights/model.ts';
import type { HighlightsState } from './highlights-state.ts';
import type { PartKit } from './part-kit.ts';

/**
 * What the reader's highlights add to the element's shadow root (see `highlight-controller.ts`):
 * a mark in the margin beside each highlighted passage and the bar that offers "Undo" after a
 * deletion; the open highlight's card (`highlight-card.ts`), which the reader places with its
 * notes' cards; and the "My highlights" panel (`highlights-panel.ts`), in the reader's side
 * column. Rendered with the element's Lit, lent in `kit`.
 */
export interface HighlightViews {
  /** The margin's marks and the undo bar. */
  margin: TemplateResult;
  /** The open highlight's card, if any. */
  card: TemplateResult;
  /** The "My highlights" panel. */
  panel: TemplateResult;
}

export function renderHighlightViews(controller: HighlightsState, kit: PartKit): HighlightViews {
  return {
    margin: renderMargin(controller, kit),
    card: renderHighlightCard(controller, kit),
    panel: renderHighlightsPanel(controller, kit),
  };
}

function renderMargin(controller: HighlightsState, { html, nothing }: PartKit): TemplateResult {
  const { placed } = controller.items;
  const { deleted } = controller;
  return html`<div class="hl-gutter" aria-hidden="true">
      ${placed.map(
        (item) =>
          html`<button
            class="hl-tick"
            tabindex="-1"
            data-highlight=${item.highlight.id}
            data-colour=${item.highlight.colour}
            ?data-note=${item.highlight.note.trim() !== ''}
            title="Your highlight: ${colourLabel(item.highlight.colour)}"
            @click=${() => controller.open(item.highlight.id, 'pointer')}
          ></button>`,
      )}
    </div>
    ${
      deleted
        ? html`<div class="hl-undo">
            Highlight deleted.
            <button class="tool small action" @click=${() => controller.undo()}>Undo</button>
          </div>`
        : nothing
    }`;
}

/** The open highlight's card, for the reader's cards (placed with the notes' cards). */
function renderHighlightCard(controller: HighlightsState, { html, nothing }: PartKit): TemplateResult {
  const open = controller.cardId === undefined ? undefined : controller.item(controller.cardId);
  return open
    ? html`<marginalia-highlight-card
        .controller=${controller}
        .item=${open}
        .revision=${controller.revision}
      ></marginalia-highlight-card>`
    : html`${nothing}`;
}

/** The "My highlights" panel, for the reader's side column. */
function renderHighlightsPanel(controller: HighlightsState, { html }: PartKit): TemplateResult {
  return html`<marginalia-highlights-panel
    .controller=${controller}
    .revision=${controller.revision}
  ></marginalia-highlights-panel>`;
}
