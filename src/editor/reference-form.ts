import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, type EditorApi } from './api.ts';
import { editorEvent, type ReferenceAddDetail } from './events.ts';
import type { ParseReferenceAnswer, ReferenceInput } from './protocol.ts';
import { formStyles } from './styles.ts';

/**
 * Adds references from pasted text: BibTeX, RIS, CSL-JSON, a DOI or a URL, read on the server
 * by citation-js. Each reference read is shown formatted, with its id and title to check; a DOI
 * alone can be looked up on doi.org (which needs the network, and says so when there is none).
 *
 * @summary Paste a reference, check it, add it.
 * @fires marginalia-reference-add - The references to add. `detail: {references}`.
 */
@customElement('marginalia-reference-form')
export class MarginaliaReferenceForm extends LitElement {
  static override styles = [formStyles];

  /** The API that reads the pasted text. */
  @property({ attribute: false }) api: EditorApi | undefined;

  @state() private _text = '';
  @state() private _read: ParseReferenceAnswer | undefined;
  @state() private _items: ReferenceInput[] = [];
  @state() private _error = '';
  @state() private _busy = false;

  protected override render() {
    const complete =
      this._items.length > 0 && this._items.every((item) => item.id.trim() && item.title.trim());
    return html`<div class="reference-form">
      <label for="paste">Paste BibTeX, RIS, CSL-JSON, a DOI or a URL</label>
      <textarea
        id="paste"
        spellcheck="false"
        .value=${this._text}
        @input=${(event: Event) => (this._text = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="actions">
        <button
          type="button"
          ?disabled=${this._busy || this._text.trim() === ''}
          @click=${() => this._parse(false)}
        >
          Read reference
        </button>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._read ? this._renderRead(this._read, complete) : nothing}
    </div>`;
  }

  private _renderRead(read: ParseReferenceAnswer, complete: boolean) {
    const doiOnly =
      read.note !== undefined && this._items.length === 1 && typeof this._items[0]?.['DOI'] === 'string';
    return html`${read.note ? html`<p class="hint">${read.note}</p>` : nothing}
      ${
        doiOnly
          ? html`<button type="button" ?disabled=${this._busy} @click=${() => this._parse(true)}>
              Look the DOI up on doi.org
            </button>`
          : nothing
      }
      ${
        read.dropped.length > 0
          ? html`<p class="hint">Left out (not fields of a claims file): ${read.dropped.join(', ')}</p>`
          : nothing
      }
      <ol class="read">
        ${this._items.map(
          (item, index) =>
            html`<li>
              <p class="hint">${read.previews[index] || `${item.type}`}</p>
              <label for="ref-id-${index}">Id</label>
              <input
                id="ref-id-${index}"
                type="text"
                .value=${item.id}
                @input=${(event: Event) => this._set(index, 'id', event)}
              />
              <label for="ref-title-${index}">Title</label>
              <input
                id="ref-title-${index}"
                type="text"
                .value=${item.title}
                @input=${(event: Event) => this._set(index, 'title', event)}
              />
            </li>`,
        )}
      </ol>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!complete} @click=${this._add}>
          Add ${this._items.length === 1 ? 'this reference' : `these ${this._items.length} references`}
        </button>
      </div>`;
  }

  private _set(index: number, field: 'id' | 'title', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this._items = this._items.map((item, at) => (at === index ? { ...item, [field]: value } : item));
  }

  private async _parse(lookup: boolean): Promise<void> {
    if (!this.api) return;
    this._busy = true;
    this._error = '';
    try {
      this._read = await this.api.parseReference(this._text, lookup);
      this._items = this._read.items;
    } catch (cause) {
      this._error = cause instanceof ApiError ? cause.message : String(cause);
      if (!lookup) this._read = undefined;
    } finally {
      this._busy = false;
    }
  }

  private _add = (): void => {
    const detail: ReferenceAddDetail = {
      references: this._items.map((item) => ({ ...item, id: item.id.trim(), title: item.title.trim() })),
    };
    this.dispatchEvent(editorEvent('marginalia-reference-add', detail));
    this._text = '';
    this._read = undefined;
    this._items = [];
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-reference-form': MarginaliaReferenceForm;
  }
}
