import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * The reader's live region: what it says to assistive technology (a note opened, a filter set, a
 * setting changed). A message said twice in a row is still announced: every other message gets a
 * trailing no-break space, so that the region's text changes.
 */
export class LiveRegion implements ReactiveController {
  private readonly _host: ReactiveControllerHost;
  private _message = '';
  private _said = 0;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Says `message`. */
  announce(message: string): void {
    this._said += 1;
    this._message = this._said % 2 ? message : `${message}\u00a0`;
    this._host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="sr-only" role="status">${this._message}</div>`;
  }
}
