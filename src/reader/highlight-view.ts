import type { TemplateResult, html as litHtml, nothing as litNothing } from 'lit';
import { colourLabel, highlightColours } from '../highlights/model.ts';
import type { HighlightController, HighlightItem } from './highlight-controller.ts';

/**
 * What the reader's highlights add to the element's shadow root (see `highlight-controller.ts`):
 * a mark in the margin beside each highlighted passage, the open highlight's card, the "My
 * highlights" panel and the bar that offers "Undo" after a deletion. Rendered with the element's
 * Lit `html`, passed in, so that this lazily loaded module carries no Lit of its own. Every text
 * (quotes, notes, file names, stored values) goes in as text, never as HTML.
 */
export function renderHighlights(
  controller: HighlightController,
  html: typeof litHtml,
  nothing: typeof litNothing,
): TemplateResult {
  const { placed, orphans } = controller.items;
  const open = controller.cardId === undefined ? undefined : controller.item(controller.cardId);

  /** Colour chip and label, so that colour is never the only cue. */
  const colour = (item: HighlightItem): TemplateResult =>
    html`<span class="hl-colour-name" data-colour=${item.highlight.colour}
      ><span class="swatch" aria-hidden="true"></span>${colourLabel(item.highlight.colour)}</span
    >`;

  const listItem = (item: HighlightItem, whole: boolean): TemplateResult => {
    const { id, note } = item.highlight;
    return html`<li>
      <button
        class="hl-item"
        data-highlight=${id}
        data-colour=${item.highlight.colour}
        aria-current=${id === controller.cardId ? 'true' : nothing}
        @click=${() => controller.open(id, 'panel')}
      >
        <span class="hl-meta"
          >${colour(item)}${item.unsaved ? html`<span class="hl-unsaved">Not saved</span>` : nothing}<span
            class="para"
            >${item.paragraph ? `¶ ${item.paragraph}` : ''}</span
          ></span
        >
        <span class="excerpt">“${whole ? item.text : excerpt(item.text)}”</span>
        ${note.trim() ? html`<span class="hl-note">${excerpt(note, 200)}</span>` : nothing}
      </button>
    </li>`;
  };

  const card = (item: HighlightItem): TemplateResult => {
    const { id, colour: current } = item.highlight;
    const label = colourLabel(current);
    const saveNote = (event: Event): void => {
      const field = (event.currentTarget as Element).closest('.hl-card')?.querySelector('textarea');
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
              saveNote(event);
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
  };

  const tools = html`<div class="hl-tools" role="group" aria-label="Export or import highlights">
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
      @click=${(event: Event) =>
        (event.currentTarget as Element).parentElement?.querySelector<HTMLInputElement>('input')?.click()}
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

  const { corrupt, message } = controller;
  const panel = html`<aside
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
    ${tools}
    ${message ? html`<p class="hl-message" ?data-error=${message.error}>${message.text}</p>` : nothing}
    ${
      controller.count === 0
        ? html`<p class="shown">
            Select a passage of the article and choose “Highlight” to keep it here, with a colour and a note.
            Your highlights stay in this browser.
          </p>`
        : html`<p class="shown">${countOf(controller.count)}, in reading order</p>`
    }
    <ol class="hl-list">
      ${placed.map((item) => listItem(item, false))}
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
              ${orphans.map((item) => listItem(item, true))}
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
    ${open ? card(open) : nothing} ${panel}
    ${
      deleted
        ? html`<div class="hl-undo">
            Highlight deleted.
            <button class="tool small action" @click=${() => controller.undo()}>Undo</button>
          </div>`
        : nothing
    }`;
}

/** "1 highlight", "3 highlights". */
export function countOf(count: number, noun = 'highlight'): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The start of a text, on one line, cut at a word with an ellipsis when it is longer than `length`. */
export function excerpt(text: string, length = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
