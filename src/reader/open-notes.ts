import type { ReactiveControllerHost } from 'lit';
import { claimsOfMark, passageBounds, type ReaderClaim } from './claim-index.ts';
import { readerEvent, type NoteOpenSource } from './events.ts';

/**
 * Which notes are open, and what opening, closing, pinning and stepping do: one note open at a
 * time unless pinned (the last one opened is the active one), `marginalia-note-open` and
 * `marginalia-note-close` fired for each, the address made to name the active note, the change
 * said in the live region, and focus in the opened card. The reader renders the cards from
 * `ids`, and renders again on each change.
 *
 * Nothing moves under the reader: a note opened on its passage (a click, a tap, Enter) never
 * scrolls the page, and its card is placed where it covers nothing of the passage (see
 * `card-layout-controller.ts`). Stepping with j and k scrolls only when the next passage is out
 * of view, and only as far as needed to bring it in; a note chosen elsewhere (the claims panel,
 * the claim map, a link) brings its passage into view.
 */

/** How far opening a note may scroll: not at all, as little as needed, or to its passage. */
export type Reveal = 'none' | 'nearest' | 'passage';
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
  open(claimId: string, source: NoteOpenSource, reveal: Reveal = revealFor(source)): boolean {
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
    void this._reveal(claim, reveal);
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
    if (target) this.open(target.id, 'keyboard', 'nearest');
    else this._options.announce(delta > 0 ? 'No later claim.' : 'No earlier claim.');
    return true;
  }

  /** Brings the opened note's passage into view as far as `reveal` says, then focus into its card. */
  private async _reveal(claim: ReaderClaim, reveal: Reveal): Promise<void> {
    const first = claim.marks[0];
    if (first && reveal !== 'none') {
      // Read where the passage is before the card is drawn: drawing it moves nothing, but reading
      // after would wait for its layout.
      const { top, bottom } = passageBounds(claim) ?? { top: 0, bottom: 0 };
      const below = this._host.renderRoot.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
      const wide = this._host.dataset['layout'] === 'wide';
      // On a narrow screen the note opens as a sheet under the passage: keep the passage high.
      const limit = wide ? innerHeight - 16 : innerHeight * 0.55;
      const inView = top >= below + 8 && bottom <= limit;
      if (!(reveal === 'nearest' && inView)) {
        const target = wide && reveal === 'passage' ? (innerHeight + below - (bottom - top)) / 2 : below + 48;
        window.scrollBy({ top: top - target, behavior: 'instant' });
      }
    }
    await this._options.rendered();
    this._host.renderRoot
      .querySelector<HTMLElement>(`[data-card="${CSS.escape(claim.id)}"]`)
      ?.focus({ preventScroll: true });
  }
}

/** How far a note opened from `source` may scroll: one opened on its passage, not at all. */
export function revealFor(source: NoteOpenSource): Reveal {
  return source === 'pointer' || source === 'keyboard' ? 'none' : 'passage';
}
