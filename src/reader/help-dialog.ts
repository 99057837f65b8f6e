import type { TemplateResult } from 'lit';
import type { Shortcut } from './keyboard-controller.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/** The help dialog, as the reader uses it. */
export interface HelpDialogElement extends HTMLElement {
  /** The shortcuts to list: the reader's keyboard table, so what is listed is what works. */
  shortcuts: readonly Shortcut[];
  /** Whether the dialog is open. */
  readonly shown: boolean;
  /** Opens the dialog (modal), or closes it when it is open. */
  toggle(): void;
}

/**
 * Defines `<marginalia-help-dialog>`: the keyboard shortcuts, in a modal dialog (`?`). The
 * dialog closes itself on Escape, and gives focus back to where it was.
 */
export function defineHelpDialog({ ReaderPart, html }: PartKit): void {
  class HelpDialog extends ReaderPart implements HelpDialogElement {
    static override properties = { shortcuts: { attribute: false } };

    declare shortcuts: readonly Shortcut[];

    constructor() {
      super();
      this.shortcuts = [];
    }

    get shown(): boolean {
      return this.querySelector('dialog')?.open ?? false;
    }

    toggle(): void {
      const dialog = this.querySelector('dialog');
      if (dialog?.open) dialog.close();
      else dialog?.showModal();
    }

    protected override render(): TemplateResult {
      return html`<dialog class="help" aria-labelledby="help-title">
        <div class="panel-head">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button class="tool small" aria-label="Close help" @click=${() => this.toggle()}>×</button>
        </div>
        <dl>
          ${this.shortcuts.map(
            (shortcut) =>
              html`<dt>${shortcut.keys.map((key) => html`<kbd>${key === 'Escape' ? 'Esc' : key}</kbd>`)}</dt>
                <dd>${shortcut.label}</dd>`,
          )}
        </dl>
        <p>Tab moves from claim to claim in the text; Enter or Space opens its note.</p>
      </dialog>`;
    }
  }
  defineOnce('marginalia-help-dialog', HelpDialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-help-dialog': HelpDialogElement;
  }
}
