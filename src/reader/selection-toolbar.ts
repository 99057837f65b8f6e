import type { TemplateResult } from 'lit';
import type { SelectionAction } from './actions.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/** The selection toolbar, as the reader sets it. */
export interface SelectionToolbarElement extends HTMLElement {
  /** The selected passage of the article, or undefined (then the toolbar is not shown). */
  range: Range | undefined;
  actions: readonly SelectionAction[];
}

/**
 * Defines `<marginalia-selection-toolbar>`: the actions on a selected passage of the article
 * ("Copy quote", "Highlight"), each a `<marginalia-action-button>` that says how it went. It
 * sits above the selection's first line, or below its last when the reader's toolbar would cover
 * it, within the reader's width. A press on it keeps the selection.
 */
export function defineSelectionToolbar({ ReaderPart, html, nothing }: PartKit): void {
  class SelectionToolbar extends ReaderPart implements SelectionToolbarElement {
    static override properties = { range: { attribute: false }, actions: { attribute: false } };

    declare range: Range | undefined;
    declare actions: readonly SelectionAction[];

    constructor() {
      super();
      this.range = undefined;
      this.actions = [];
    }

    protected override render(): TemplateResult | typeof nothing {
      const { range } = this;
      if (!range) return nothing;
      return html`<div
        class="selection"
        part="selection"
        role="toolbar"
        aria-label="Selected passage"
        @mousedown=${(event: Event) => event.preventDefault()}
      >
        ${this.actions.map(
          (action) =>
            html`<marginalia-action-button
              action="selection-${action.id}"
              label=${action.label}
              done=${action.done}
              failed=${action.failed}
              .run=${() => action.run(range)}
            ></marginalia-action-button>`,
        )}
      </div>`;
    }

    protected override updated(): void {
      // Its buttons render after it: place it once they have (its height is theirs).
      const buttons = [...this.querySelectorAll('marginalia-action-button')] as Array<
        HTMLElement & { updateComplete?: Promise<boolean> }
      >;
      void Promise.all(buttons.map((button) => button.updateComplete)).then(() => this.place());
    }

    /** Puts the toolbar by the selection (measured: the reader calls it again when it changes size). */
    place(): void {
      const bar = this.querySelector<HTMLElement>('.selection');
      const rects = this.range?.getClientRects();
      const first = rects?.[0];
      const last = rects?.[rects.length - 1];
      const host = (this.getRootNode() as ShadowRoot).host?.getBoundingClientRect();
      if (!bar || !first || !last || !host) return;
      const above = first.top - bar.offsetHeight - 8;
      const top = above < 56 ? last.bottom + 8 : above;
      const left = Math.min(Math.max(first.left - host.left, 8), host.width - bar.offsetWidth - 8);
      bar.style.top = `${top - host.top}px`;
      bar.style.left = `${Math.max(left, 0)}px`;
    }
  }
  defineOnce('marginalia-selection-toolbar', SelectionToolbar);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-selection-toolbar': SelectionToolbarElement;
  }
}
