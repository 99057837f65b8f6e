import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stackCards } from './note-layout.ts';
import { wideQuery } from './theme.ts';

/**
 * The reader's layout, wide (notes in the margin) or narrow (`wideQuery`, followed as the window
 * changes; the reader's `data-layout`), and its open cards (its `.cards` container's
 * `[data-card]` elements) placed at their passages, stacked so that none overlaps another: in
 * the margin beside the passage's first line on wide screens, below its last line on narrow
 * ones. Positions are measured, so this runs after each update of the reader and whenever it
 * changes size.
 */
export interface CardLayoutOptions {
  /** The passage of a card: the elements whose boxes it belongs to. */
  passage(cardId: string): readonly Element[];
}

export class CardLayoutController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };
  private readonly _options: CardLayoutOptions;
  private _resizeObserver: ResizeObserver | undefined;
  private _media: MediaQueryList | undefined;
  /** Whether the reader is in its wide layout. */
  wide = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    options: CardLayoutOptions,
  ) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this._media = window.matchMedia?.(wideQuery);
    this.wide = this._media?.matches ?? false;
    this._media?.addEventListener('change', this._onChange);
    if (typeof ResizeObserver === 'function') {
      this._resizeObserver = new ResizeObserver(() => this.layout());
      this._resizeObserver.observe(this._host);
    }
    void document.fonts?.ready.then(() => this.layout());
  }

  hostDisconnected(): void {
    this._resizeObserver?.disconnect();
    this._media?.removeEventListener('change', this._onChange);
  }

  hostUpdate(): void {
    this._host.dataset['layout'] = this.wide ? 'wide' : 'narrow';
  }

  hostUpdated(): void {
    this.layout();
  }

  layout(): void {
    const container = this._host.renderRoot.querySelector<HTMLElement>('.cards');
    if (!container) return;
    const origin = container.getBoundingClientRect().top;
    const { wide } = this;
    const cards = [...container.querySelectorAll<HTMLElement>('[data-card]')];
    const boxes = cards.map((card) => {
      const id = card.dataset['card'] ?? '';
      const passage = this._options.passage(id);
      const anchor = wide
        ? (passage[0]?.getBoundingClientRect().top ?? origin) - origin - 4
        : (passage.at(-1)?.getBoundingClientRect().bottom ?? origin) - origin + 10;
      return { id, anchor, height: card.offsetHeight };
    });
    const tops = stackCards(boxes, 12);
    let bottom = 0;
    for (const card of cards) {
      const top = tops.get(card.dataset['card'] ?? '') ?? 0;
      card.style.top = `${top}px`;
      bottom = Math.max(bottom, top + card.offsetHeight);
    }
    container.style.minHeight = `${bottom}px`;
  }

  private readonly _onChange = (event: MediaQueryListEvent): void => {
    this.wide = event.matches;
    this._host.requestUpdate();
  };
}
