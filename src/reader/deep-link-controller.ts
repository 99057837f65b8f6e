import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Deep links into the page: `#note-ID` opens that claim's note and brings its passage into
 * view, `#p-N` brings paragraph N into view. The address follows the open note (with
 * `history.replaceState`, so it neither scrolls nor fills the history), so it can be shared.
 * Text fragments (`#:~:text=`) are the browser's own: the reader only takes care not to move the
 * page after the browser scrolled to them.
 */

export type DeepLink = { type: 'note'; claimId: string } | { type: 'paragraph'; id: string };

/** Reads a location hash (`#note-x`, `#p-3`); anything else is left to the browser. */
export function parseHash(hash: string): DeepLink | undefined {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (id.startsWith('note-') && id.length > 'note-'.length) return { type: 'note', claimId: id.slice(5) };
  if (/^p-\d+$/.test(id)) return { type: 'paragraph', id };
  return undefined;
}

/** The address of the page with the hash for an open note, or without a hash. */
export function addressFor(
  location: Pick<Location, 'pathname' | 'search'>,
  claimId: string | undefined,
): string {
  const base = `${location.pathname}${location.search}`;
  return claimId === undefined ? base : `${base}#note-${encodeURIComponent(claimId)}`;
}

export interface DeepLinkHandlers {
  /** Opens a claim's note from a link; returns false when there is no such claim. */
  note(claimId: string): boolean;
  /** Brings a paragraph into view: by default scrolls to it and flashes it for a moment. */
  paragraph?(element: HTMLElement): void;
}

/** Scrolls to a paragraph and marks it (`data-marginalia-flash`) for a moment. */
function flash(element: HTMLElement): void {
  element.scrollIntoView();
  element.toggleAttribute('data-marginalia-flash', true);
  setTimeout(() => element.removeAttribute('data-marginalia-flash'), 2500);
}

export class DeepLinkController implements ReactiveController {
  private readonly _handlers: DeepLinkHandlers;

  constructor(host: ReactiveControllerHost, handlers: DeepLinkHandlers) {
    this._handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this._onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this._onHashChange);
  }

  /** Follows the address the page was opened at; the host calls it once it has laid out. */
  applyCurrent(): void {
    const link = parseHash(window.location.hash);
    if (link?.type === 'note') {
      if (!this._handlers.note(link.claimId)) this.follow(undefined);
    } else if (link?.type === 'paragraph') {
      const element = document.getElementById(link.id);
      if (element) (this._handlers.paragraph ?? flash)(element);
    }
  }

  /** Makes the address name the open note, or no note. */
  follow(claimId: string | undefined): void {
    const link = parseHash(window.location.hash);
    const current = link?.type === 'note' ? link.claimId : undefined;
    if (current === claimId) return;
    window.history.replaceState(window.history.state, '', addressFor(window.location, claimId));
  }

  private readonly _onHashChange = (): void => {
    this.applyCurrent();
  };
}
