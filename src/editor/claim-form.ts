import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EditorApi } from './api.ts';
import { editorEvent, type ClaimSaveDetail, type ReferenceAddEvent } from './events.ts';
import { previewNodes } from './hast-dom.ts';
import type { ClaimInput, ReferenceInput, ReferenceSummary } from './protocol.ts';
import './reference-form.ts';
import { formStyles } from './styles.ts';

/** How long typing in the note must pause before its preview is made again. */
const previewDelayMs = 250;

/**
 * A claim's form: the quote (exact words of the article) and the context that picks it, an id,
 * the kind and verdict, the note in Markdown with a preview made the way the build renders
 * notes (sanitised), and the sources, chosen from the references or added from pasted text.
 *
 * @summary The form of a new claim, or of a claim to change.
 * @fires marginalia-claim-save - "Save". `detail: {claim, references}` (references added here).
 * @fires marginalia-claim-cancel - "Cancel", or Escape.
 */
@customElement('marginalia-claim-form')
export class MarginaliaClaimForm extends LitElement {
  static override styles = [
    formStyles,
    css`
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.1rem;
      }
      .preview {
        margin-top: 0.4rem;
        padding: 0.2rem 0.7rem;
        border: 1px dashed #b9bcc4;
        border-radius: 4px;
        background: #fafafa;
        min-height: 2rem;
      }
      fieldset {
        margin: 0.8rem 0 0;
        padding: 0.4rem 0.7rem;
        border: 1px solid #d4d6db;
        border-radius: 4px;
      }
      fieldset label {
        overflow-wrap: anywhere;
        display: flex;
        gap: 0.4rem;
        font-weight: normal;
        margin: 0.3rem 0;
      }
      .context {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 0.6rem;
      }
    `,
  ];

  @property({ attribute: false }) api: EditorApi | undefined;
  /** `new` for a claim made from a selection, `edit` for a claim of the file. */
  @property() mode: 'new' | 'edit' = 'new';
  /** The claim to start from. */
  @property({ attribute: false }) claim: ClaimInput = {
    id: '',
    quote: '',
    kind: 'fact',
    note: '',
    cites: [],
  };
  /** References added earlier (a draft kept over a reload). */
  @property({ attribute: false }) added: ReferenceInput[] = [];
  @property({ attribute: false }) references: ReferenceSummary[] = [];
  @property({ attribute: false }) kinds: string[] = [];
  @property({ attribute: false }) verdicts: string[] = [];
  @property({ type: Boolean }) busy = false;
  /** Why the last save was refused, and the build's messages. */
  @property() error = '';
  @property({ attribute: false }) problems: string[] = [];

  @state() private _claim: ClaimInput = this.claim;
  @state() private _added: ReferenceInput[] = [];
  @state() private _preview: Node[] = [];
  @state() private _addingReference = false;
  private _previewTimer: ReturnType<typeof setTimeout> | undefined;

  /** The form as it is now, to keep as a draft. */
  get draft(): ClaimSaveDetail {
    return { claim: this._claim, references: this._added };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('claim')) {
      this._claim = { ...this.claim, cites: [...this.claim.cites] };
      this._schedulePreview(0);
    }
    if (changed.has('added')) this._added = [...this.added];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._previewTimer);
  }

  protected override render() {
    const claim = this._claim;
    const sources = [
      ...this.references,
      ...this._added.map((reference) => ({ id: reference.id, text: `${reference.title} (new)` })),
    ];
    return html`<form @submit=${this._save} @keydown=${this._onKeydown} aria-labelledby="form-title">
      <h2 id="form-title">${this.mode === 'new' ? 'New claim' : `Edit claim “${this.claim.id}”`}</h2>
      ${
        this.error
          ? html`<div class="error" role="alert">
              ${this.error}
              ${
                this.problems.length > 0
                  ? html`<ul>
                      ${this.problems.map((problem) => html`<li>${problem}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <label for="quote">Quote</label>
      <textarea id="quote" rows="3" required .value=${claim.quote} @input=${this._field('quote')}></textarea>
      <p class="hint">
        The article’s exact words. Prefix and suffix are needed only when they occur more than once.
      </p>
      <div class="context">
        <div>
          <label for="prefix">Prefix</label>
          <input id="prefix" type="text" .value=${claim.prefix ?? ''} @input=${this._field('prefix')} />
        </div>
        <div>
          <label for="suffix">Suffix</label>
          <input id="suffix" type="text" .value=${claim.suffix ?? ''} @input=${this._field('suffix')} />
        </div>
      </div>
      <label for="id">Id</label>
      <input
        id="id"
        type="text"
        required
        pattern="[a-z0-9\\-]+"
        .value=${claim.id}
        @input=${this._field('id')}
      />
      <p class="hint">Lower-case letters, digits and hyphens; it names the note’s link (#note-…).</p>
      <div class="context">
        <div>
          <label for="kind">Kind</label>
          <select id="kind" @change=${this._field('kind')}>
            ${this.kinds.map((kind) => html`<option value=${kind} ?selected=${kind === claim.kind}>${kind}</option>`)}
          </select>
        </div>
        <div>
          <label for="verdict">Verdict</label>
          <select id="verdict" @change=${this._field('verdict')}>
            <option value="" ?selected=${!claim.verdict}>(none)</option>
            ${this.verdicts.map(
              (verdict) =>
                html`<option value=${verdict} ?selected=${verdict === claim.verdict}>${verdict}</option>`,
            )}
          </select>
        </div>
      </div>
      <label for="note">Note (Markdown)</label>
      <textarea id="note" rows="6" .value=${claim.note} @input=${this._onNote}></textarea>
      <div class="preview" aria-label="Preview of the note" aria-live="polite">${this._preview}</div>
      <fieldset>
        <legend>Sources</legend>
        ${sources.length === 0 ? html`<p class="hint">No references yet: add one below.</p>` : nothing}
        ${sources.map(
          (source) =>
            html`<label
              ><input
                type="checkbox"
                value=${source.id}
                .checked=${claim.cites.includes(source.id)}
                @change=${(event: Event) => this._cite(source.id, (event.target as HTMLInputElement).checked)}
              /><span><strong>${source.id}</strong>: ${source.text}</span></label
            >`,
        )}
        <button
          type="button"
          aria-expanded=${this._addingReference}
          @click=${() => (this._addingReference = !this._addingReference)}
        >
          Add a reference…
        </button>
        ${
          this._addingReference
            ? html`<marginalia-reference-form
                .api=${this.api}
                @marginalia-reference-add=${this._onReferenceAdd}
              ></marginalia-reference-form>`
            : nothing
        }
      </fieldset>
      <div class="actions">
        <button type="button" @click=${this._cancel}>Cancel</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>
          ${this.busy ? 'Saving…' : 'Save claim'}
        </button>
      </div>
    </form>`;
  }

  private _field(name: 'quote' | 'prefix' | 'suffix' | 'id' | 'kind' | 'verdict') {
    return (event: Event): void => {
      const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
      const claim: ClaimInput = { ...this._claim, [name]: value };
      if ((name === 'prefix' || name === 'suffix' || name === 'verdict') && value === '') delete claim[name];
      this._claim = claim;
    };
  }

  private _onNote = (event: Event): void => {
    this._claim = { ...this._claim, note: (event.target as HTMLTextAreaElement).value };
    this._schedulePreview(previewDelayMs);
  };

  private _schedulePreview(delay: number): void {
    clearTimeout(this._previewTimer);
    this._previewTimer = setTimeout(() => void this._renderPreview(), delay);
  }

  private async _renderPreview(): Promise<void> {
    const markdown = this._claim.note;
    if (!this.api || markdown.trim() === '') {
      this._preview = [];
      return;
    }
    try {
      const { nodes } = await this.api.preview(markdown);
      if (markdown === this._claim.note) this._preview = previewNodes(nodes);
    } catch {
      // The preview is a help; the note is still saved and checked.
    }
  }

  private _cite(id: string, checked: boolean): void {
    const cites = this._claim.cites.filter((cited) => cited !== id);
    this._claim = { ...this._claim, cites: checked ? [...cites, id] : cites };
  }

  private _onReferenceAdd = (event: ReferenceAddEvent): void => {
    event.stopPropagation();
    const added = event.detail.references;
    this._added = [...this._added.filter((known) => !added.some((item) => item.id === known.id)), ...added];
    this._claim = {
      ...this._claim,
      cites: [...new Set([...this._claim.cites, ...added.map((item) => item.id)])],
    };
    this._addingReference = false;
  };

  private _save = (event: Event): void => {
    event.preventDefault();
    const detail: ClaimSaveDetail = {
      claim: this._claim,
      references: this._added.filter((reference) => this._claim.cites.includes(reference.id)),
    };
    this.dispatchEvent(editorEvent('marginalia-claim-save', detail));
  };

  private _cancel = (): void => {
    this.dispatchEvent(editorEvent('marginalia-claim-cancel', {}));
  };

  private _onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this._cancel();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-claim-form': MarginaliaClaimForm;
  }
}
