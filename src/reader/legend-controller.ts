import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The legend at the top of the page (`section.marginalia-legend`, written by the build) folded
 * away on narrow screens, behind its own heading: the heading becomes a button that shows or
 * hides the rest. On wide screens it sits in the margin beside the title, open; in print it is
 * always shown. A reader's own choice is kept until the page is left. While a note is open in
 * the margin, the legend folds to its heading, so that the card never lies over its text; it
 * opens again when the last note closes.
 */
export class LegendController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private _legend: HTMLElement | null = null;
  private _toggle: HTMLButtonElement | undefined;
  /** What the reader chose, if they did. */
  private _chosen: boolean | undefined;

  /** Whether a card is open in the margin, where the legend sits on wide screens. */
  private readonly _carded: () => boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, carded: () => boolean) {
    this._host = host;
    this._carded = carded;
    host.addController(this);
  }

  /** Wires the legend; again when it was replaced (a live rebuild). */
  hostConnected(): void {
    if (this._legend?.isConnected) return;
    this._legend = this._host.querySelector<HTMLElement>('.marginalia-legend');
    const heading = this._legend?.querySelector('h2');
    if (!this._legend || !heading) return;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'marginalia-legend-toggle';
    toggle.append(...heading.childNodes);
    toggle.setAttribute('aria-controls', this._legend.id);
    toggle.addEventListener('click', () => {
      this._chosen = this._legend?.hasAttribute('data-marginalia-folded') ?? false;
      this._show(this._chosen);
    });
    heading.append(toggle);
    this._toggle = toggle;
  }

  hostUpdated(): void {
    const wide = this._host.dataset['layout'] === 'wide';
    this._show(!(wide && this._carded()) && (this._chosen ?? wide));
  }

  private _show(open: boolean): void {
    this._legend?.toggleAttribute('data-marginalia-folded', !open);
    this._toggle?.setAttribute('aria-expanded', String(open));
  }
}
