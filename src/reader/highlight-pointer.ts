import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { passageAt } from './highlight-paint.ts';

/**
 * The pointer on the reader's highlights: a click (with no text selected) on a highlighted
 * passage opens its card; a click elsewhere in the article closes the open card. The passage
 * under the pointer is found when it is pressed, because pressing a claim's passage focuses it,
 * and focusing may scroll the page before the click arrives.
 */
export interface HighlightPointerOptions {
  /** `article.marginalia-article`. */
  article: HTMLElement;
  /** The highlights' passages, by id. */
  passages(): Iterable<{ id: string; range: Range | undefined }>;
  open(id: string): void;
  close(): void;
}

export class HighlightPointer implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _options: HighlightPointerOptions;
  /** The highlight under the pointer when it was pressed in the article (`null`: none; `undefined`: pressed elsewhere). */
  private _pressed: string | null | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: HighlightPointerOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('pointerdown', this._onPointerDown, true);
    this._host.addEventListener('click', this._onClick);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('pointerdown', this._onPointerDown, true);
    this._host.removeEventListener('click', this._onClick);
  }

  private readonly _onPointerDown = (event: PointerEvent): void => {
    const origin = event.composedPath()[0];
    const inArticle =
      event.button === 0 &&
      origin instanceof Element &&
      this._options.article.contains(origin) &&
      !origin.closest('a');
    this._pressed = inArticle
      ? (passageAt(this._options.passages(), event.clientX, event.clientY)?.id ?? null)
      : undefined;
  };

  private readonly _onClick = (): void => {
    const pressed = this._pressed;
    this._pressed = undefined;
    if (pressed === undefined || document.getSelection()?.isCollapsed === false) return;
    if (pressed === null) this._options.close();
    else this._options.open(pressed);
  };
}
