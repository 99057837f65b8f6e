import type { TemplateResult } from 'lit';
import type { ActionOutcome } from './actions.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/** How long a button shows how its action went ("Copied", "Copy failed"), in milliseconds. */
const feedbackTime = 2500;

/** An action button, as its users set it. */
export interface ActionButtonElement extends HTMLElement {
  /** Tells the button apart: its `data-action`. */
  action: string;
  /** What the button says. */
  label: string;
  /** What it says for a moment after the action worked, or failed. */
  done: string;
  failed: string;
  /** Its accessible name, when it should say more than its label. */
  name: string;
  run: (() => Promise<ActionOutcome>) | undefined;
}

/**
 * Defines `<marginalia-action-button>`: a button that runs an action and then, for a moment,
 * says how it went ("Copied", "Copy failed"); a failure shows on the button as well as in the
 * reader's live region. Used by the note cards ("Copy quote", "Copy note") and the selection
 * toolbar ("Copy quote", "Highlight").
 */
export function defineActionButton({ ReaderPart, html, nothing }: PartKit): void {
  class ActionButton extends ReaderPart implements ActionButtonElement {
    static override properties = {
      action: {},
      label: {},
      done: {},
      failed: {},
      name: {},
      run: { attribute: false },
      outcome: { state: true },
    };

    declare action: string;
    declare label: string;
    declare done: string;
    declare failed: string;
    declare name: string;
    declare run: (() => Promise<ActionOutcome>) | undefined;
    /** How the last run went, while the button says so. */
    declare outcome: ActionOutcome | undefined;

    private _timer: ReturnType<typeof setTimeout> | undefined;

    constructor() {
      super();
      this.action = '';
      this.label = '';
      this.done = 'Copied';
      this.failed = 'Copy failed';
      this.name = '';
      this.run = undefined;
      this.outcome = undefined;
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      clearTimeout(this._timer);
    }

    protected override render(): TemplateResult {
      const { outcome } = this;
      return html`<button
        class="tool small action"
        data-action=${this.action}
        data-state=${outcome ?? nothing}
        aria-label=${this.name || nothing}
        @click=${this._onClick}
      >
        ${outcome === 'done' ? this.done : outcome === 'failed' ? this.failed : this.label}
      </button>`;
    }

    private async _onClick(): Promise<void> {
      const outcome = (await this.run?.()) ?? 'canceled';
      if (outcome === 'canceled') return;
      clearTimeout(this._timer);
      this.outcome = outcome;
      this._timer = setTimeout(() => {
        this.outcome = undefined;
      }, feedbackTime);
    }
  }
  defineOnce('marginalia-action-button', ActionButton);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-action-button': ActionButtonElement;
  }
}
