import type { TemplateResult } from 'lit';
import { colourLabel } from '../highlights/model.ts';
import type { HighlightItem } from './highlight-collection.ts';
import type { HighlightsState } from './highlights-state.ts';
import { countOf, excerpt } from './highlight-messages.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/** The "My highlights" panel, as the highlights' controller sets it. */
export interface HighlightsPanelElement extends HTMLElement {
  controller: HighlightsState | undefined;
  /** The controller's `revision`: the panel renders again when it changes. */
  revision: number;
}

/**
 * Defines `<marginalia-highlights-panel>`: "My highlights", in reading order (the colour's
 * label, the start of the passage, the note, the paragraph; choosing one opens its card), then
 * those that could not be placed in the current text and the stored entries that could not be
 * read, with export and import. Every text (quotes, notes, file names, stored values) goes in
 * as text, never as HTML.
 */
export function defineHighlightsPanel({ ReaderPart, html, nothing }: PartKit): void {
  class HighlightsPanel extends ReaderPart implements HighlightsPanelElement {
    static override properties = { controller: { attribute: false }, revision: { type: Number } };

    declare controller: HighlightsState | undefined;
    declare revision: number;

    constructor() {
      super();
      this.controller = undefined;
      this.revision = 0;
    }

    protected override render(): TemplateResult | typeof nothing {
      const { controller } = this;
      if (!controller) return nothing;
      const { placed, orphans } = controller.items;
      const { corrupt, message } = controller;
      return html`<aside
        id="highlights"
        class="hl-panel"
        part="highlights"
        aria-labelledby="highlights-title"
        ?hidden=${!controller.panelOpen}
      >
        <div class="panel-head">
          <h2 id="highlights-title">My highlights</h2>
          <button class="tool small" aria-label="Close my highlights" @click=${() => controller.closePanel()}>
            ×
          </button>
        </div>
        ${controller.storageProblem ? html`<p class="hl-problem">${controller.storageProblem} Highlights last until you leave the page; export them to keep them.</p>` : nothing}
        ${this._tools(controller)}
        ${message ? html`<p class="hl-message" ?data-error=${message.error}>${message.text}</p>` : nothing}
        ${
          controller.count === 0
            ? html`<p class="shown">
                Select a passage of the article and choose “Highlight” to keep it here, with a colour and a
                note. Your highlights stay in this browser.
              </p>`
            : html`<p class="shown">${countOf(controller.count)}, in reading order</p>`
        }
        <ol class="hl-list">
          ${placed.map((item) => this._item(controller, item, false))}
        </ol>
        ${
          orphans.length > 0
            ? html`<section class="hl-orphans" aria-labelledby="highlights-orphans">
                <h3 id="highlights-orphans">Could not be placed in the current text</h3>
                <p class="hint">
                  The article has changed since
                  ${orphans.length === 1 ? 'this passage was' : 'these passages were'} highlighted.
                  ${orphans.length === 1 ? 'It is' : 'They are'} kept, with the words you highlighted.
                </p>
                <ol class="hl-list">
                  ${orphans.map((item) => this._item(controller, item, true))}
                </ol>
              </section>`
            : nothing
        }
        ${
          corrupt.length > 0
            ? html`<section class="hl-corrupt">
                <p class="hl-problem">
                  ${
                    corrupt.length === 1
                      ? '1 stored highlight could not be read; it was kept in storage.'
                      : `${corrupt.length} stored highlights could not be read; they were kept in storage.`
                  }
                </p>
                <details>
                  <summary>Details</summary>
                  <ul>
                    ${corrupt.map(
                      (entry) =>
                        html`<li>
                          <code>${excerpt(entry.value, 80)}</code>: ${entry.reason}.
                          <button class="link" @click=${() => controller.discard(entry)}>Remove it</button>
                        </li>`,
                    )}
                  </ul>
                </details>
              </section>`
            : nothing
        }
        ${
          controller.painting
            ? nothing
            : html`<p class="hint">
                This browser cannot colour the passages; the bars in the margin show where they are.
              </p>`
        }
      </aside>`;
    }

    private _item(controller: HighlightsState, item: HighlightItem, whole: boolean): TemplateResult {
      const { id, note, colour } = item.highlight;
      return html`<li>
        <button
          class="hl-item"
          data-highlight=${id}
          data-colour=${colour}
          aria-current=${id === controller.cardId ? 'true' : nothing}
          @click=${() => controller.open(id, 'panel')}
        >
          <span class="hl-meta"
            ><span class="hl-colour-name" data-colour=${colour}
              ><span class="swatch" aria-hidden="true"></span>${colourLabel(colour)}</span
            >${item.unsaved ? html`<span class="hl-unsaved">Not saved</span>` : nothing}<span class="para"
              >${item.paragraph ? `¶ ${item.paragraph}` : ''}</span
            ></span
          >
          <span class="excerpt">“${whole ? item.text : excerpt(item.text)}”</span>
          ${note.trim() ? html`<span class="hl-note">${excerpt(note, 200)}</span>` : nothing}
        </button>
      </li>`;
    }

    private _tools(controller: HighlightsState): TemplateResult {
      return html`<div class="hl-tools" role="group" aria-label="Export or import highlights">
        <button
          class="tool small action"
          ?disabled=${controller.count === 0}
          @click=${() => controller.exportMarkdown()}
        >
          Export Markdown
        </button>
        <button
          class="tool small action"
          ?disabled=${controller.count === 0}
          @click=${() => controller.exportJsonLd()}
        >
          Export JSON-LD
        </button>
        <button
          class="tool small action"
          @click=${() => this.querySelector<HTMLInputElement>('.hl-tools input')?.click()}
        >
          Import…
        </button>
        <input
          type="file"
          hidden
          tabindex="-1"
          aria-label="Import a Web Annotation file"
          accept=".jsonld,.json,application/ld+json,application/json"
          @change=${(event: Event) => {
            const input = event.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void controller.importFile(file);
          }}
        />
      </div>`;
    }
  }
  defineOnce('marginalia-highlights-panel', HighlightsPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-highlights-panel': HighlightsPanelElement;
  }
}
