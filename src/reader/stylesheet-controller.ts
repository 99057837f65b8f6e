import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** The element's stylesheet, beside the script (the build writes it there; see `build-bundle.ts`). */
const stylesheet = new URL('marginalia-reader.css', import.meta.url).href;

/** How long the interface waits for its stylesheet before it shows itself anyway, in milliseconds. */
const stylesheetPatience = 3000;

/**
 * The reader's own stylesheet, linked from its shadow root, and whether it has arrived: the
 * interface stays hidden until it has loaded, failed to, or taken longer than three seconds;
 * then `styled` is true for good and `onStyled` runs once.
 */
export class StylesheetController implements ReactiveController {
  /** True once the stylesheet has loaded (or failed to, or took too long). */
  styled = false;

  private readonly _host: ReactiveControllerHost;
  private readonly _onStyled: () => void;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, onStyled: () => void) {
    this._host = host;
    this._onStyled = onStyled;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.styled) this._timer = setTimeout(this._arrived, stylesheetPatience);
  }

  hostDisconnected(): void {
    clearTimeout(this._timer);
  }

  /** The `<link>` to the stylesheet. */
  render(): TemplateResult {
    return html`<link rel="stylesheet" href=${stylesheet} @load=${this._arrived} @error=${this._arrived} />`;
  }

  private readonly _arrived = (): void => {
    clearTimeout(this._timer);
    if (this.styled) return;
    this.styled = true;
    this._host.requestUpdate();
    this._onStyled();
  };
}
