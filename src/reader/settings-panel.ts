import type { PropertyValues, TemplateResult } from 'lit';
import { partEvent } from './events.ts';
import type { StyledReference } from './page-data.ts';
import { defineOnce, type PartKit } from './part-kit.ts';
import type { CopyFormat, MarkStyle } from './settings-controller.ts';

/** The settings panel, as the reader sets it. */
export interface SettingsPanelElement extends HTMLElement {
  open: boolean;
  /** How claim marks look. */
  markStyle: MarkStyle;
  /** The citation styles the page offers, and the one in use. */
  styles: readonly StyledReference[];
  citationStyle: string;
  copyFormat: CopyFormat;
}

/**
 * Defines `<marginalia-settings-panel>`: how the claims' marks look (underlined, or tinted in
 * their verdicts' colours), and how copies are made: the citation style of copied quotes and
 * what a copy holds beside its HTML (plain text or Markdown). It takes focus when it
 * opens; the reader remembers what is chosen.
 *
 * @fires marginalia-settings-pick - A choice was made. `detail: {citationStyle}` or `{copyFormat}`.
 * @fires marginalia-part-close - The panel's × was chosen.
 */
export function defineSettingsPanel({ ReaderPart, html, nothing }: PartKit): void {
  class SettingsPanel extends ReaderPart implements SettingsPanelElement {
    static override properties = {
      open: { type: Boolean },
      markStyle: {},
      styles: { attribute: false },
      citationStyle: {},
      copyFormat: {},
    };

    declare open: boolean;
    declare markStyle: MarkStyle;
    declare styles: readonly StyledReference[];
    declare citationStyle: string;
    declare copyFormat: CopyFormat;

    constructor() {
      super();
      this.open = false;
      this.markStyle = 'calm';
      this.styles = [];
      this.citationStyle = '';
      this.copyFormat = 'plain';
    }

    protected override updated(changed: PropertyValues<this>): void {
      if (changed.has('open') && this.open) this.querySelector<HTMLElement>('.settings select')?.focus();
    }

    protected override render(): TemplateResult {
      const { styles, copyFormat } = this;
      const pick = (
        detail: { markStyle: MarkStyle } | { citationStyle: string } | { copyFormat: CopyFormat },
      ) => this.dispatchEvent(partEvent('marginalia-settings-pick', detail));
      return html`<div
        id="settings"
        class="settings"
        part="settings"
        role="group"
        aria-labelledby="settings-title"
        ?hidden=${!this.open}
      >
        <div class="panel-head">
          <h2 id="settings-title">Settings</h2>
          <button
            class="tool small"
            aria-label="Close settings"
            @click=${() => this.dispatchEvent(partEvent('marginalia-part-close', {}))}
          >
            ×
          </button>
        </div>
        <fieldset class="field choices">
          <legend>Claim marks in the text</legend>
          ${(
            [
              ['calm', 'Underlined, tinted on hover'],
              ['strong', 'Tinted, underlined in the verdicts’ colours'],
            ] as const
          ).map(
            ([value, label]) =>
              html`<label
                ><input
                  type="radio"
                  name="mark-style"
                  value=${value}
                  .checked=${this.markStyle === value}
                  @change=${() => pick({ markStyle: value })}
                />
                ${label}</label
              >`,
          )}
        </fieldset>
        <h3 class="field-group">Copying quotes</h3>
        ${
          styles.length > 0
            ? html`<label class="field"
                >Citation style
                <select
                  @change=${(event: Event) =>
                    pick({ citationStyle: (event.target as HTMLSelectElement).value })}
                >
                  ${styles.map(({ id, label }) => {
                    const chosen = id === this.citationStyle;
                    return html`<option value=${id} ?selected=${chosen}>${label}</option>`;
                  })}
                </select></label
              >`
            : nothing
        }
        <label class="field"
          >Copy as
          <select
            @change=${(event: Event) =>
              pick({
                copyFormat: (event.target as HTMLSelectElement).value === 'markdown' ? 'markdown' : 'plain',
              })}
          >
            <option value="plain" ?selected=${copyFormat === 'plain'}>Rich text and plain text</option>
            <option value="markdown" ?selected=${copyFormat === 'markdown'}>Rich text and Markdown</option>
          </select></label
        >
        <p class="hint">
          Select a passage, then copy it (Ctrl+C or ⌘C) or choose “Copy quote”: it is pasted as a quotation
          with its citation and a link back to it.
        </p>
      </div>`;
    }
  }
  defineOnce('marginalia-settings-panel', SettingsPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-settings-panel': SettingsPanelElement;
  }
}
