import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { claimsOfMark, type ReaderClaim } from './claim-index.ts';
import { parseHash } from './deep-link-controller.ts';
import type { NoteOpenSource } from './events.ts';

/**
 * The claims' marks in the article, as the reader uses them: each claim's first mark made a
 * button (one Tab stop per claim: focusable, with a role and its state, described by its note
 * reference as the build wrote it; the note numbers after the passages leave the Tab order),
 * every segment of the claims under the pointer lit up, and a click, a tap, Enter or Space on a
 * passage (or a click on its note number) asking for its note. It also marks the passages of
 * the open notes. The article stays as the build wrote it: only attributes are added.
 */
export interface ClaimMarksOptions {
  /** `article.marginalia-article`. */
  article: HTMLElement | null;
  claims: readonly ReaderClaim[];
  byId: ReadonlyMap<string, ReaderClaim>;
  /** The note opened last, if any. */
  active(): string | undefined;
  /** Whether a note is pinned (a click elsewhere in the text leaves it open). */
  pinned(claimId: string): boolean;
  open(claimId: string, source: NoteOpenSource): void;
  close(claimId: string, returnFocus: boolean): void;
}

export class ClaimMarksController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _options: ClaimMarksOptions;
  /** The claims whose marks were last marked open (`aria-expanded`, `data-marginalia-active`). */
  private _expanded: ReadonlySet<string> = new Set();

  constructor(host: ReactiveControllerHost & HTMLElement, options: ClaimMarksOptions) {
    this._host = host;
    this._options = options;
    this._wire();
    host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('click', this._onClick);
    this._host.addEventListener('keydown', this._onKeyDown);
    this._host.addEventListener('pointerover', this._onPointerOver);
    this._host.addEventListener('pointerout', this._onPointerOut);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('click', this._onClick);
    this._host.removeEventListener('keydown', this._onKeyDown);
    this._host.removeEventListener('pointerover', this._onPointerOver);
    this._host.removeEventListener('pointerout', this._onPointerOut);
  }

  /** Lets go of the host, for a controller wiring the marks anew. */
  dispose(): void {
    this.hostDisconnected();
    this._host.removeController(this);
  }

  /**
   * Marks the passages of the open notes (`aria-expanded` on a claim's first mark,
   * `data-marginalia-active` on every mark of an open claim), touching only the claims that
   * opened or closed since the last time.
   */
  markOpen(openIds: readonly string[]): void {
    const { byId } = this._options;
    const open = new Set(openIds);
    const was = this._expanded;
    this._expanded = open;
    const changed = [...open, ...was].filter((id) => open.has(id) !== was.has(id));
    for (const id of changed) {
      const claim = byId.get(id);
      claim?.marks[0]?.setAttribute('aria-expanded', String(open.has(id)));
      for (const mark of claim?.marks ?? []) {
        mark.toggleAttribute(
          'data-marginalia-active',
          claimsOfMark(mark, byId).some((other) => open.has(other.id)),
        );
      }
    }
  }

  /**
   * Wires the marks once: focus, role and state for the first mark of each claim, and each
   * mark's label. What names the note and describes the passage (`aria-details`,
   * `aria-describedby`: the note reference's label) the build wrote; a page without them gets
   * them here. Values are constants or shared strings: on a page of 10,000 claims, a string read
   * from or written to each element costs the browser's garbage collector tens of milliseconds
   * after the page has loaded.
   */
  private _wire(): void {
    const { claims, byId, article } = this._options;
    // Marks the build left without them, and the claims that start at each.
    const unpointed = new Map<HTMLElement, ReaderClaim[]>();
    for (const claim of claims) {
      const first = claim.marks[0];
      if (!first) continue;
      setAttribute(first, 'tabindex', '0');
      setAttribute(first, 'role', 'button');
      setAttribute(first, 'aria-expanded', 'false');
      const starting = unpointed.get(first) ?? (first.hasAttribute('aria-details') ? undefined : []);
      if (starting) unpointed.set(first, [...starting, claim]);
    }
    for (const [mark, starting] of unpointed) {
      mark.setAttribute('aria-details', starting.map((claim) => claim.note.id).join(' '));
      mark.setAttribute('aria-describedby', starting.map((claim) => `ref-${claim.id}`).join(' '));
    }
    // One string per distinct label, handed to every mark that has it.
    const labels = new Map<string, string>();
    for (const mark of article?.querySelectorAll<HTMLElement>('mark[data-claims]') ?? []) {
      const text = claimsOfMark(mark, byId)
        .map((claim) =>
          claim.verdict === 'none' ? claim.kindLabel : `${claim.kindLabel} · ${claim.verdictLabel}`,
        )
        .join(' + ');
      let label = labels.get(text);
      if (label === undefined) labels.set(text, (label = text));
      setAttribute(mark, 'data-marginalia-label', label);
    }
    // One Tab stop per claim: its passage. The note number after it (the link that takes a
    // reader without JavaScript to the note) stays clickable but leaves the Tab order.
    for (const ref of article?.querySelectorAll<HTMLElement>('a.marginalia-noteref') ?? []) {
      setAttribute(ref, 'tabindex', '-1');
    }
  }

  /** Which of a mark's claims a click opens: one that starts here first, then the next each click. */
  private _activate(mark: Element, source: NoteOpenSource): void {
    const { byId, active } = this._options;
    const claims = claimsOfMark(mark, byId);
    const ordered = [
      ...claims.filter((claim) => claim.marks[0] === mark),
      ...claims.filter((claim) => claim.marks[0] !== mark),
    ];
    const current = active();
    const index = ordered.findIndex((claim) => claim.id === current);
    const next =
      index === -1 ? ordered[0] : ordered.length > 1 ? ordered[(index + 1) % ordered.length] : undefined;
    if (next) this._options.open(next.id, source);
    else if (current !== undefined) this._options.close(current, true);
  }

  private readonly _onClick = (event: MouseEvent): void => {
    const { article, byId } = this._options;
    const origin = event.composedPath()[0];
    if (!(origin instanceof Element) || origin.getRootNode() === this._host.shadowRoot) return;
    const source = event.detail === 0 ? 'keyboard' : 'pointer';
    const noteref = origin.closest<HTMLAnchorElement>('a.marginalia-noteref');
    const link = noteref ? parseHash(noteref.hash) : undefined;
    if (link?.type === 'note' && byId.has(link.claimId)) {
      event.preventDefault();
      this._options.open(link.claimId, source);
      return;
    }
    const mark = origin.closest('mark[data-claims]');
    const active = this._options.active();
    if (mark && article?.contains(mark)) this._activate(mark, source);
    else if (
      active &&
      !this._options.pinned(active) &&
      article?.contains(origin) &&
      document.getSelection()?.isCollapsed !== false
    ) {
      this._options.close(active, false);
    }
  };

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    const origin = event.composedPath()[0];
    if (
      (event.key === 'Enter' || event.key === ' ') &&
      origin instanceof HTMLElement &&
      origin.matches('mark[data-claims]')
    ) {
      event.preventDefault();
      this._activate(origin, 'keyboard');
    }
  };

  /** Hover (a mouse or a pen, not a finger) lights up every segment of the claims under the pointer. */
  private readonly _onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    const mark = (event.composedPath()[0] as Element).closest?.('mark[data-claims]');
    for (const claim of mark ? claimsOfMark(mark, this._options.byId) : []) {
      for (const segment of claim.marks) segment.toggleAttribute('data-marginalia-hover', true);
    }
  };

  private readonly _onPointerOut = (): void => {
    for (const mark of this._options.article?.querySelectorAll('[data-marginalia-hover]') ?? []) {
      mark.removeAttribute('data-marginalia-hover');
    }
  };
}

/**
 * Sets an attribute unless it has that value already: wired again after a live rebuild, most
 * marks are as they were, and a write would make the browser style them again.
 */
function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
