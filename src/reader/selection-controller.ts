import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { passageBounds, type PageTextSource } from './page-text.ts';

/**
 * Follows the reader's selection, for the selection toolbar: `range` is the selected passage
 * of the article while there is one (a selection that holds text and lies within the article),
 * and undefined otherwise, also while a pointer is pressed (a selection being made with a drag
 * is not offered until the button is released). The host re-renders on each change and lays
 * the toolbar out beside the range; its actions (Copy quote, and others) act on it.
 *
 * Loaded lazily with `selection-features.ts`: it imports only types from the element's modules.
 */
export interface SelectionOptions {
  /** `article.marginalia-article`. */
  article: HTMLElement;
  pages: PageTextSource;
}

export class SelectionController implements ReactiveController {
  /** The selected passage of the article, or undefined. */
  range: Range | undefined;
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _options: SelectionOptions;
  private _pressed = false;
  private _frame = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SelectionOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this._onChange);
    document.addEventListener('pointerdown', this._onPointerDown, true);
    document.addEventListener('pointerup', this._onPointerUp, true);
    this._onChange();
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this._onChange);
    document.removeEventListener('pointerdown', this._onPointerDown, true);
    document.removeEventListener('pointerup', this._onPointerUp, true);
    cancelAnimationFrame(this._frame);
  }

  private readonly _onChange = (): void => {
    cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(this._follow);
  };

  private readonly _onPointerDown = (event: PointerEvent): void => {
    // A press on the reader's own interface (the toolbar's buttons) makes no selection.
    const origin = event.composedPath()[0];
    if (event.button !== 0 || (origin instanceof Node && this._host.shadowRoot?.contains(origin))) return;
    this._pressed = true;
    this._onChange();
  };

  private readonly _onPointerUp = (): void => {
    if (!this._pressed) return;
    this._pressed = false;
    this._onChange();
  };

  private readonly _follow = (): void => {
    const selection = document.getSelection();
    let range: Range | undefined;
    if (!this._pressed && selection && !selection.isCollapsed && selection.rangeCount > 0) {
      const selected = selection.getRangeAt(0);
      if (passageBounds(this._options.pages.current, selected, this._options.article)) {
        range = selected.cloneRange();
      }
    }
    if (range === undefined && this.range === undefined) return;
    this.range = range;
    this._host.requestUpdate();
  };
}
