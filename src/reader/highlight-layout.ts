import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { boundsOf } from './highlight-paint.ts';

/**
 * Where the reader's highlights show beside the text: a mark in the left margin beside each
 * highlighted passage (as tall as the passage), measured against the reader element. Every
 * position is read before anything is written.
 */
export interface PlacedPassage {
  /** The highlight's id (its mark's `data-highlight`). */
  id: string;
  range: Range | undefined;
  /** The block the passage is in, whose left edge the mark sits beside. */
  block: Element | undefined;
}

/** Places the margin's marks (`.hl-tick`) beside their passages. */
export function placeMarginMarks(
  host: Element,
  ticks: Iterable<HTMLElement>,
  passageOf: (id: string) => PlacedPassage | undefined,
): void {
  const origin = host.getBoundingClientRect();
  const places = [...ticks].map((tick) => {
    const passage = passageOf(tick.dataset['highlight'] ?? '');
    const bounds = passage?.range && boundsOf(passage.range);
    const column = passage?.block?.getBoundingClientRect();
    return { tick, bounds, column };
  });
  for (const { tick, bounds, column } of places) {
    tick.hidden = !bounds || !column;
    if (!bounds || !column) continue;
    tick.style.top = `${bounds.top - origin.top}px`;
    tick.style.height = `${bounds.bottom - bounds.top}px`;
    tick.style.left = `${column.left - origin.left - 16}px`;
  }
}

/** What the highlights' layout measures: their passages. */
export interface HighlightLayoutOptions {
  passageOf(id: string): PlacedPassage | undefined;
}

/**
 * Places the margin's marks after each update of the reader and whenever it changes size (the
 * open highlight's card is placed with the notes' cards: `card-layout-controller.ts`).
 */
export class HighlightLayoutController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };
  private readonly _options: HighlightLayoutOptions;
  private _resizeObserver: ResizeObserver | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    options: HighlightLayoutOptions,
  ) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'function') {
      this._resizeObserver = new ResizeObserver(() => this.layout());
      this._resizeObserver.observe(this._host);
    }
  }

  hostDisconnected(): void {
    this._resizeObserver?.disconnect();
  }

  hostUpdated(): void {
    this.layout();
  }

  layout(): void {
    const root = this._host.renderRoot;
    const ticks = root.querySelectorAll<HTMLElement>('.hl-tick');
    // Nothing to place: measure nothing (a measurement may make the browser lay out the page).
    if (ticks.length > 0) placeMarginMarks(this._host, ticks, this._options.passageOf);
  }
}
