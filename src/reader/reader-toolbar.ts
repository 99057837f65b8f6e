import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { partEvent, type ToolbarCommand } from './events.ts';
import { ReaderPart } from './reader-part.ts';
import { textSizes, type ThemeChoice } from './settings-controller.ts';

/**
 * The bar at the top of the reader: the claims panel, the claims' marks in the text on or off,
 * the reader's own highlights ("My highlights"), the theme, the text size, the settings and the keyboard shortcuts. It only says
 * what was asked for (`marginalia-command`); `<marginalia-reader>` does it.
 *
 * @summary The reader's toolbar.
 * @fires marginalia-command - A button was chosen. `detail: {command}`.
 */
@customElement('marginalia-toolbar')
export class ReaderToolbar extends ReaderPart {
  /** False until the reader's styles have loaded: the bar keeps its place, unseen. */
  @property({ type: Boolean }) ready = false;
  @property({ type: Number }) claims = 0;
  @property({ type: Boolean }) highlights = true;
  @property() theme: ThemeChoice = 'system';
  @property({ type: Number, attribute: 'text-size' }) textSize = 100;
  @property({ type: Boolean, attribute: 'panel-open' }) panelOpen = false;
  @property({ type: Boolean, attribute: 'settings-open' }) settingsOpen = false;
  /** True once the panels are defined: only then do the buttons name what they control. */
  @property({ type: Boolean }) panels = false;
  /** The reader's own highlights: how many, and whether their panel is open; undefined until their code has loaded. */
  @property({ attribute: false }) mine: { count: number; open: boolean } | undefined;

  protected override render(): TemplateResult {
    const { theme, textSize, mine } = this;
    const command = (name: ToolbarCommand) => () =>
      this.dispatchEvent(partEvent('marginalia-command', { command: name }));
    return html`<div class="toolbar" part="toolbar" ?hidden=${!this.ready}>
      <span class="brand">Marginalia</span>
      <button
        class="tool"
        aria-expanded=${this.panelOpen}
        aria-controls=${this.panels ? 'panel' : nothing}
        @click=${command('panel')}
      >
        Claims <span class="count">${this.claims}</span>
      </button>
      <button
        class="tool"
        aria-label="Claim marks"
        aria-pressed=${this.highlights}
        @click=${command('highlights')}
      >
        <span class="label">Claim marks</span><span class="short" aria-hidden="true">Marks</span>
      </button>
      <button
        class="tool"
        aria-label="My highlights${mine ? `: ${mine.count}` : ''}"
        aria-expanded=${mine?.open ?? false}
        aria-controls=${mine ? 'highlights' : nothing}
        @click=${command('mine')}
      >
        <span aria-hidden="true">✎</span><span class="label">My highlights</span>
        ${mine ? html`<span class="count">${mine.count}</span>` : nothing}
      </button>
      <button class="tool" aria-label="Theme: ${theme}" @click=${command('theme')}>
        <span class="label">Theme:</span> ${theme[0]?.toUpperCase()}${theme.slice(1)}
      </button>
      <span class="tool-group" role="group" aria-label="Text size">
        <button class="tool" ?disabled=${textSize <= textSizes[0]} @click=${command('smaller')}>
          <span aria-hidden="true">A−</span><span class="sr-only">Smaller text</span></button
        ><button class="tool" ?disabled=${textSize >= textSizes[4]} @click=${command('larger')}>
          <span aria-hidden="true">A+</span><span class="sr-only">Larger text</span>
        </button>
      </span>
      <button
        class="tool"
        aria-label="Settings"
        aria-expanded=${this.settingsOpen}
        aria-controls=${this.panels ? 'settings' : nothing}
        @click=${command('settings')}
      >
        <span aria-hidden="true">⚙</span><span class="label">Settings</span>
      </button>
      <button class="tool" aria-label="Keyboard shortcuts" aria-haspopup="dialog" @click=${command('help')}>
        ?
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-toolbar': ReaderToolbar;
  }
}
