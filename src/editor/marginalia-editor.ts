import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, EditorApi } from './api.ts';
import './claim-form.ts';
import type { ClaimCancelEvent, ClaimSaveDetail, ClaimSaveEvent } from './events.ts';
import { keepDraft, reloadKeepingPlace, takeDraft } from './page-reload.ts';
import type { ClaimInput, ClaimsState, EditChange } from './protocol.ts';
import { selectedPassage, type SelectedPassage } from './selection.ts';
import { editorStyles, formStyles } from './styles.ts';
import type { NoteCloseEvent, NoteOpenEvent } from '../reader/events.ts';

/** How long a message for information stays in the status line. */
const statusMs = 8000;

/** A form open in the panel: a new claim, or a claim of the file (by its id there). */
type OpenForm = { mode: 'new'; claim: ClaimInput } | { mode: 'edit'; id: string; claim: ClaimInput };

/** What is kept over a reload when a change was refused because the file had changed. */
interface Draft {
  form: OpenForm;
  detail: ClaimSaveDetail;
}

/**
 * The editing layer of edit mode (`marginalia serve --edit`): select a passage of the article
 * and choose "New claim"; open a note and choose "Edit claim" or "Delete claim" beside it. Every
 * change goes to the server, which writes it into the claims file (keeping its comments and
 * formatting) and rebuilds the page, which then reloads where it was.
 *
 * It listens to the reader's `marginalia-note-open` and `marginalia-note-close`, and changes
 * nothing of the reader or the article.
 *
 * @summary The editor's tools over a served page.
 * @csspart new-claim - The "New claim" button by a selection.
 * @csspart note-tools - "Edit claim" and "Delete claim" beside the open note.
 * @csspart panel - The panel that holds the claim's form.
 * @csspart status - The status line.
 */
@customElement('marginalia-editor')
export class MarginaliaEditor extends LitElement {
  static override styles = [formStyles, editorStyles];

  /** The run's token (from the page's `<meta name="marginalia-serve">`). */
  @property() token = '';
  /** The article's slug. */
  @property() slug = '';

  @state() private _state: ClaimsState | undefined;
  @state() private _passage: SelectedPassage | undefined;
  @state() private _passageBox: DOMRect | undefined;
  @state() private _noteId: string | undefined;
  @state() private _noteBox: { top: number; left: number } | undefined;
  @state() private _confirmDelete = false;
  @state() private _form: OpenForm | undefined;
  @state() private _added: ClaimSaveDetail['references'] = [];
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _problems: string[] = [];
  @state() private _status = '';
  @state() private _tone: 'info' | 'error' = 'info';
  private _api: EditorApi | undefined;
  private _reloadWaiting = false;
  private _frame = 0;
  private _statusTimer: ReturnType<typeof setTimeout> | undefined;

  /** Whether a form is open (a rebuild then waits to reload the page until it closes). */
  get busy(): boolean {
    return this._form !== undefined;
  }

  /** Reloads the page now, or once the open form is closed. */
  requestReload(): void {
    if (!this._form) return reloadKeepingPlace();
    this._reloadWaiting = true;
    this._say('The article was rebuilt: the page reloads when you close the form.', 'info', true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._api = new EditorApi(this.token, this.slug);
    document.addEventListener('selectionchange', this._onSelectionChange);
    document.addEventListener('marginalia-note-open', this._onNoteOpen);
    document.addEventListener('marginalia-note-close', this._onNoteClose);
    window.addEventListener('scroll', this._onViewportChange, { passive: true });
    window.addEventListener('resize', this._onViewportChange);
    void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this._onSelectionChange);
    document.removeEventListener('marginalia-note-open', this._onNoteOpen);
    document.removeEventListener('marginalia-note-close', this._onNoteClose);
    window.removeEventListener('scroll', this._onViewportChange);
    window.removeEventListener('resize', this._onViewportChange);
    cancelAnimationFrame(this._frame);
    clearTimeout(this._statusTimer);
  }

  protected override render() {
    return html`${this._renderNewClaim()}${this._renderNoteTools()}${this._renderPanel()}
      <div class="status" part="status" role="status" data-tone=${this._tone} ?hidden=${this._status === ''}>
        ${this._status}
      </div>`;
  }

  /**
   * Places the floating tools through the CSS object model: the page's Content-Security-Policy
   * forbids style attributes (`style-src 'self'`), not styles set from a script.
   */
  protected override updated(): void {
    const button = this.renderRoot.querySelector<HTMLElement>('.new-claim');
    const box = this._passageBox;
    if (button && box) {
      button.style.top = `${Math.min(box.bottom + 8, innerHeight - 44)}px`;
      button.style.left = `${Math.max(8, box.left)}px`;
    }
    const tools = this.renderRoot.querySelector<HTMLElement>('.note-tools');
    if (tools) {
      const place = this._noteBox;
      tools.style.top = place ? `${place.top}px` : '';
      tools.style.left = place ? `${place.left}px` : '';
      tools.style.right = place ? '' : '0.75rem';
      tools.style.bottom = place ? '' : '3rem';
    }
  }

  private _renderNewClaim() {
    const box = this._passageBox;
    if (!this._passage || !box || this._form || !this._state) return nothing;
    return html`<button
      class="new-claim primary"
      part="new-claim"
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${this._newClaim}
    >
      New claim
    </button>`;
  }

  private _renderNoteTools() {
    const id = this._noteId;
    if (id === undefined || this._form || !this._state) return nothing;
    return html`<div
      class="note-tools"
      part="note-tools"
      role="group"
      aria-label="Edit the claim of this note"
    >
      ${
        this._confirmDelete
          ? html`<span>Delete claim “${id}” from ${this._state.file}?</span>
              <button class="danger" ?disabled=${this._busy} @click=${() => this._delete(id)}>Delete</button>
              <button @click=${() => (this._confirmDelete = false)}>Keep it</button>`
          : html`<button @click=${() => this._editClaim(id)}>Edit claim</button>
              <button @click=${() => (this._confirmDelete = true)}>Delete claim</button>`
      }
    </div>`;
  }

  private _renderPanel() {
    const form = this._form;
    const state = this._state;
    if (!form || !state) return nothing;
    return html`<aside
      class="panel"
      part="panel"
      role="dialog"
      aria-label=${form.mode === 'new' ? 'New claim' : 'Edit claim'}
    >
      <marginalia-claim-form
        .api=${this._api}
        .mode=${form.mode}
        .claim=${form.claim}
        .added=${this._added}
        .references=${state.references}
        .kinds=${state.kinds}
        .verdicts=${state.verdicts}
        .busy=${this._busy}
        .error=${this._error}
        .problems=${this._problems}
        @marginalia-claim-save=${this._onSave}
        @marginalia-claim-cancel=${this._onCancel}
      ></marginalia-claim-form>
      <p class="hint">Saved into ${state.file}, keeping its comments and layout.</p>
    </aside>`;
  }

  private async _load(): Promise<void> {
    if (!this._api) return;
    try {
      this._state = await this._api.claims();
    } catch (cause) {
      this._say(`Edit mode is off for this page: ${(cause as Error).message}`, 'error');
      return;
    }
    const draft = takeDraft<Draft>();
    if (draft) {
      this._open(
        draft.form.mode === 'edit'
          ? { ...draft.form, claim: draft.detail.claim }
          : { mode: 'new', claim: draft.detail.claim },
      );
      this._added = draft.detail.references;
      this._error =
        'Not saved: the claims file had changed on disk. Your draft is here: check it against the file as it is now, and save again.';
    } else {
      this._say(`Edit mode: select a passage to make a claim; changes go to ${this._state.file}.`);
    }
  }

  /** Shows a message in the status line; one for information goes after a while. */
  private _say(text: string, tone: 'info' | 'error' = 'info', lasting = tone === 'error'): void {
    this._status = text;
    this._tone = tone;
    clearTimeout(this._statusTimer);
    if (!lasting) this._statusTimer = setTimeout(() => (this._status = ''), statusMs);
  }

  private _onSelectionChange = (): void => {
    cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(() => {
      const passage = selectedPassage(document.getSelection());
      this._passage = passage;
      this._passageBox = passage?.ok ? lastRect(passage.range) : passage ? selectionRect() : undefined;
    });
  };

  private _onViewportChange = (): void => {
    if (this._passage?.ok) this._passageBox = lastRect(this._passage.range);
    if (this._noteId !== undefined) this._placeNoteTools();
  };

  private _onNoteOpen = (event: NoteOpenEvent): void => {
    this._noteId = event.detail.claimId;
    this._confirmDelete = false;
    this._noteBox = undefined;
    requestAnimationFrame(() => requestAnimationFrame(() => this._placeNoteTools()));
  };

  private _onNoteClose = (event: NoteCloseEvent): void => {
    if (event.detail.claimId === this._noteId) this._noteId = undefined;
  };

  /** Beside the reader's open card (found by its `card` part), or docked when there is none. */
  private _placeNoteTools(): void {
    const id = this._noteId;
    const reader = document.querySelector('marginalia-reader');
    const card =
      id === undefined
        ? null
        : reader?.shadowRoot?.querySelector(`[part~="card"][data-card="${CSS.escape(id)}"]`);
    const box = card?.getBoundingClientRect();
    if (!box || box.width === 0) {
      this._noteBox = undefined;
      return;
    }
    const below = box.bottom + 6;
    this._noteBox = {
      top: below + 48 < innerHeight ? below : Math.max(8, box.top - 52),
      left: Math.max(8, box.left),
    };
  }

  private _newClaim = async (): Promise<void> => {
    const passage = this._passage;
    if (!passage || !this._api) return;
    if (!passage.ok) return this._say(passage.reason, 'error');
    try {
      const answer = await this._api.quote(passage.request);
      this._open({
        mode: 'new',
        claim: {
          id: answer.id,
          quote: answer.quote,
          ...(answer.prefix === undefined ? {} : { prefix: answer.prefix }),
          ...(answer.suffix === undefined ? {} : { suffix: answer.suffix }),
          kind: 'fact',
          note: '',
          cites: [],
        },
      });
    } catch (cause) {
      this._say((cause as Error).message, 'error');
    }
  };

  private _editClaim(id: string): void {
    const claim = this._state?.claims.find((candidate) => candidate.id === id);
    if (!claim)
      return this._say(`Claim “${id}” is not in the claims file as it is now: reload the page.`, 'error');
    this._open({ mode: 'edit', id, claim });
  }

  private _open(form: OpenForm): void {
    this._form = form;
    this._added = [];
    this._error = '';
    this._problems = [];
    this._passage = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('marginalia-claim-form')?.updateComplete.then((done) => {
        const field = this.renderRoot
          .querySelector('marginalia-claim-form')
          ?.renderRoot.querySelector<HTMLElement>('#note');
        field?.focus();
        return done;
      }),
    );
  }

  private _onCancel = (event: ClaimCancelEvent): void => {
    event.stopPropagation();
    this._form = undefined;
    if (this._reloadWaiting) reloadKeepingPlace();
  };

  private _onSave = (event: ClaimSaveEvent): void => {
    event.stopPropagation();
    const form = this._form;
    if (!form) return;
    const { claim, references } = event.detail;
    const extra = references.length > 0 ? { references } : {};
    const change: EditChange =
      form.mode === 'new'
        ? { type: 'add-claim', claim, ...extra }
        : { type: 'update-claim', id: form.id, claim, ...extra };
    void this._write(change, { form, detail: event.detail });
  };

  private _delete(id: string): void {
    void this._write({ type: 'delete-claim', id });
  }

  /** Sends a change; on success the page reloads; a stale file reloads it with the draft kept. */
  private async _write(change: EditChange, draft?: Draft): Promise<void> {
    if (!this._api || !this._state) return;
    this._busy = true;
    this._error = '';
    this._problems = [];
    try {
      await this._api.edit(this._state.hash, change);
      this._say(`Saved to ${this._state.file}. Reloading…`);
      this._form = undefined;
      reloadKeepingPlace();
    } catch (cause) {
      const refusal = cause instanceof ApiError ? cause.answer : undefined;
      if (refusal?.error === 'stale') {
        if (draft) keepDraft(draft);
        this._say(refusal.message, 'error');
        this._form = undefined;
        setTimeout(reloadKeepingPlace, 1500);
        return;
      }
      const message = (cause as Error).message;
      if (this._form) {
        this._error = message;
        this._problems = refusal?.problems ?? [];
      } else this._say(message, 'error');
    } finally {
      this._busy = false;
    }
  }
}

/** The last line box of a range (where a button below it should go). */
function lastRect(range: Range): DOMRect | undefined {
  const rects = range.getClientRects();
  return rects.item(rects.length - 1) ?? range.getBoundingClientRect();
}

function selectionRect(): DOMRect | undefined {
  const selection = document.getSelection();
  return selection && selection.rangeCount > 0 ? lastRect(selection.getRangeAt(0)) : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-editor': MarginaliaEditor;
  }
}
