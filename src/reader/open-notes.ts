import type { ReactiveControllerHost } from 'lit';
import { claimsOfMark, type ReaderClaim } from './claim-index.ts';
import { readerEvent, type NoteOpenSource } from './events.ts';

/**
 * Which notes are open, and what opening, closing, pinning and stepping do: one note open at a
 * time unless pinned (the last one opened is the active one), `marginalia-note-open` and
 * `marginalia-note-close` fired for each, the address made to name the active note, the change
 * said in the live region, and the opened note's passage and card brought into view with focus
 * in the card. The reader renders the cards from `ids`, and renders again on each change.
 */
export interface OpenNotesOptions {
  /** The claims, in note order (read once the reader has connected). */
  claims(): readonly ReaderClaim[];
  byId(): ReadonlyMap<string, ReaderClaim>;
  /** Makes the address name the active note, or none. */
  follow(claimId: string | undefined): void;
  announce(message: string): void;
  /** Resolves once the card of the note opened last has rendered. */
  rendered(): Promise<void>;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class OpenNotes {
  /** Ids of the open notes, oldest first; the last one is the active note. */
  ids: readonly string[] = [];
  pinned: ReadonlySet<string> = new Set();

  private readonly _host: Host;
  private readonly _options: OpenNotesOptions;

  constructor(host: Host, options: OpenNotesOptions) {
    this._host = host;
    this._options = options;
  }

  /** The note opened last, if any. */
  get active(): string | undefined {
    return this.ids.at(-1);
  }

  /** Opens a claim's note; false when there is no such claim. */
  open(claimId: string, source: NoteOpenSource): boolean {
    const claim = this._options.byId().get(claimId);
    if (!claim) return false;
    const closing = this.ids.filter((id) => id !== claimId && !this.pinned.has(id));
    this.ids = [...this.ids.filter((id) => id !== claimId && this.pinned.has(id)), claimId];
    this._host.requestUpdate();
    for (const id of closing) this._host.dispatchEvent(readerEvent('marginalia-note-close', { claimId: id }));
    this._options.follow(claimId);
    const count = this._options.claims().length;
    this._options.announce(`Note ${claim.number} of ${count}: ${claim.kindLabel}, ${claim.verdictLabel}.`);
    this._host.dispatchEvent(readerEvent('marginalia-note-open', { claimId, number: claim.number, source }));
    void this._reveal(claim, source);
    return true;
  }

  /** Closes a claim's note, pinned or not; focus goes back to its passage unless told otherwise. */
  close(claimId: string, returnFocus = true): void {
    if (!this.ids.includes(claimId)) return;
    this.ids = this.ids.filter((id) => id !== claimId);
    this.pinned = new Set([...this.pinned].filter((id) => id !== claimId));
    this._host.requestUpdate();
    this._options.follow(this.active);
    this._host.dispatchEvent(readerEvent('marginalia-note-close', { claimId }));
    if (returnFocus) this._options.byId().get(claimId)?.marks[0]?.focus();
  }

  togglePin(claimId: string): void {
    const pinned = new Set(this.pinned);
    if (!pinned.delete(claimId)) pinned.add(claimId);
    this.pinned = pinned;
    this._host.requestUpdate();
    this._options.announce(pinned.has(claimId) ? 'Note pinned: it stays open.' : 'Note unpinned.');
  }

  /** Goes to the next (1) or previous (-1) claim from a claim, the active note, the focused mark or the view. */
  step(delta: 1 | -1, from?: ReaderClaim): boolean {
    const claims = this._options.claims();
    const byId = this._options.byId();
    const focused = document.activeElement?.closest('mark[data-claims]');
    const base =
      from ?? byId.get(this.active ?? '') ?? (focused ? claimsOfMark(focused, byId)[0] : undefined);
    let index: number;
    if (base) {
      index = claims.indexOf(base) + delta;
    } else {
      const line = this._host.renderRoot.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
      const tops = claims.map((claim) => claim.marks[0]?.getBoundingClientRect().top ?? Infinity);
      index = delta > 0 ? tops.findIndex((top) => top >= line) : tops.findLastIndex((top) => top < line);
    }
    const target = claims[index];
    if (target) this.open(target.id, 'keyboard');
    else this._options.announce(delta > 0 ? 'No later claim.' : 'No earlier claim.');
    return true;
  }

  /**
   * Brings the open note's passage and its card into view, and focus into the card. A passage
   * chosen elsewhere (panel, map, link) is centred; one reached by keyboard moves only as far as
   * needed; one clicked is already in view.
   */
  private async _reveal(claim: ReaderClaim, source: NoteOpenSource): Promise<void> {
    await this._options.rendered();
    const card = this._host.renderRoot.querySelector<HTMLElement>(`[data-card="${CSS.escape(claim.id)}"]`);
    if (source !== 'pointer') {
      claim.marks[0]?.scrollIntoView({ block: source === 'keyboard' ? 'nearest' : 'center' });
    }
    card?.scrollIntoView({
      block: 'nearest',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth',
    });
    card?.focus({ preventScroll: true });
  }
}
