import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The legend at the top of the page (`section.marginalia-legend`, written by the build) folded
 * away on narrow screens, behind its own heading: the heading becomes a button that shows or
 * hides the rest. On wide screens it sits in the margin beside the title, open; in print it is
 * always shown. A reader's own choice is kept until the page is left.
 */
export class LegendController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private _legend: HTMLElement | null = null;
  private _toggle: HTMLButtonElement | undefined;
  /** What the reader chose, if they did. */
  private _chosen: boolean | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (this._legend) return;
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
    this._show(this._chosen ?? this._host.dataset['layout'] === 'wide');
  }

  private _show(open: boolean): void {
    this._legend?.toggleAttribute('data-marginalia-folded', !open);
    this._toggle?.setAttribute('aria-expanded', String(open));
  }
}
