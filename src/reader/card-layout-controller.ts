import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stackCards } from './note-layout.ts';
import { wideQuery } from './theme.ts';

/**
 * The reader's layout, wide (the margin beside the text) or narrow (`wideQuery`, followed as
 * the window changes; the reader's `data-layout`), and where its open cards go (every element
 * of its `.cards` container: a note's `[data-card]`, or the `.hl-card` of one of the reader's own
 * highlights).
 * No card ever covers its passage, and placing one never scrolls the page:
 *
 * - **wide**: each card in the margin, level with the first line of its passage, stacked so
 *   that none overlaps another;
 * - **narrow**: the container is a sheet fixed to the bottom of the window, as tall as its cards
 *   but never reaching above the bottom of their passages (nor above three quarters of the
 *   window; the cards scroll inside it); when there is too little room under the passages, the
 *   sheet hangs from the toolbar instead and ends just above them.
 *
 * Positions are measured, so this runs after each update of the reader, whenever it changes
 * size, and when a card has rendered.
 */
export interface CardLayoutOptions {
  /** The passage of a card: the top and bottom of its lines in the window, if it has any. */
  passage(card: HTMLElement): { top: number; bottom: number } | undefined;
}

/** The smallest sheet worth opening under a passage, in pixels; with less room it opens above. */
const smallestSheet = 220;
/** The most of the window a sheet takes. */
const largestSheet = 0.75;
const gap = 8;

export class CardLayoutController implements ReactiveController {
  /** Whether the reader is in its wide layout. */
  wide = false;

  private readonly _host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };
  private readonly _options: CardLayoutOptions;
  private _resizeObserver: ResizeObserver | undefined;
  private _media: MediaQueryList | undefined;

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
    const cards = [...container.querySelectorAll<HTMLElement>('[data-card], .hl-card')];
    container.hidden = cards.length === 0;
    if (cards.length === 0) return;
    if (this.wide) this._margin(container, cards);
    else this._sheet(container, cards);
  }

  /** Wide: each card beside its passage's first line, none over another. */
  private _margin(container: HTMLElement, cards: HTMLElement[]): void {
    for (const property of ['top', 'bottom', 'max-height']) container.style.removeProperty(property);
    container.removeAttribute('data-dock');
    const origin = container.getBoundingClientRect().top;
    const boxes = cards.map((card, index) => {
      const passage = this._options.passage(card);
      return {
        id: String(index),
        anchor: passage ? passage.top - origin - 4 : 0,
        height: card.offsetHeight,
        floating: passage === undefined,
      };
    });
    const tops = stackCards(
      boxes.filter((box) => !box.floating),
      12,
    );
    let bottom = 0;
    cards.forEach((card, index) => {
      const top = tops.get(String(index));
      if (top === undefined) return; // a card without a passage floats (its own style)
      card.style.top = `${top}px`;
      bottom = Math.max(bottom, top + card.offsetHeight);
    });
    container.style.minHeight = `${bottom}px`;
  }

  /** Narrow: a sheet under the passages (or above them, when there is no room under). */
  private _sheet(container: HTMLElement, cards: HTMLElement[]): void {
    for (const card of cards) card.style.removeProperty('top');
    container.style.removeProperty('min-height');
    const passages = cards.flatMap((card) => this._options.passage(card) ?? []);
    const toolbar = this._host.renderRoot.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
    const top = Math.min(...passages.map((passage) => passage.top), innerHeight);
    const bottom = Math.max(...passages.map((passage) => passage.bottom), toolbar);
    const under = innerHeight - bottom - gap;
    const over = top - gap - toolbar;
    const most = innerHeight * largestSheet;
    if (under >= smallestSheet || under >= over) {
      container.dataset['dock'] = 'bottom';
      container.style.top = '';
      container.style.bottom = '0px';
      container.style.maxHeight = `${Math.max(Math.min(under, most), 0)}px`;
    } else {
      container.dataset['dock'] = 'top';
      container.style.top = `${toolbar}px`;
      container.style.bottom = '';
      container.style.maxHeight = `${Math.max(Math.min(over, most), 0)}px`;
    }
  }

  private readonly _onChange = (event: MediaQueryListEvent): void => {
    this.wide = event.matches;
    this._host.requestUpdate();
  };
}
