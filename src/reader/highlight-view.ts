import type { TemplateResult } from 'lit';
import { colourLabel } from '../highlights/model.ts';
import type { HighlightsState } from './highlights-state.ts';
import type { PartKit } from './part-kit.ts';

/**
 * What the reader's highlights add to the element's shadow root (see `highlight-controller.ts`):
 * a mark in the margin beside each highlighted passage, the open highlight's card
 * (`highlight-card.ts`), the "My highlights" panel (`highlights-panel.ts`) and the bar that
 * offers "Undo" after a deletion. Rendered with the element's Lit, lent in `kit`.
 */
export function renderHighlights(controller: HighlightsState, { html, nothing }: PartKit): TemplateResult {
  const { placed } = controller.items;
  const open = controller.cardId === undefined ? undefined : controller.item(controller.cardId);
  const { deleted, revision } = controller;
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
      open
        ? html`<marginalia-highlight-card
            .controller=${controller}
            .item=${open}
            .revision=${revision}
          ></marginalia-highlight-card>`
        : nothing
    }
    <marginalia-highlights-panel
      .controller=${controller}
      .revision=${revision}
    ></marginalia-highlights-panel>
    ${
      deleted
        ? html`<div class="hl-undo">
            Highlight deleted.
            <button class="tool small action" @click=${() => controller.undo()}>Undo</button>
          </div>`
        : nothing
    }`;
}
