import type { ReactiveControllerHost } from 'lit';
import type { HelpDialogElement } from './help-dialog.ts';

/**
 * Which of the reader's panels are open (the claims panel, the settings panel, the keyboard
 * shortcuts), opening them once their code has arrived (`reader-parts.ts`), and focus: a panel
 * takes it when it opens, and gives it back to its toolbar button when it closes.
 */
type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export type PanelName = 'panel' | 'settings';

export class PanelsController {
  /** The claims panel. */
  claimsOpen = false;
  settingsOpen = false;

  private readonly _host: Host;
  /** Resolves once the panels are defined. */
  private readonly _ready: () => Promise<void>;

  constructor(host: Host, ready: () => Promise<void>) {
    this._host = host;
    this._ready = ready;
  }

  /** The shortcuts dialog, once defined. */
  get help(): HelpDialogElement | null {
    return this._host.renderRoot.querySelector('marginalia-help-dialog');
  }

  /** Opens a panel, or closes it when it is open. */
  toggle(name: PanelName): void {
    if (this._isOpen(name)) {
      this.close(name);
      return;
    }
    void this._ready().then(() => {
      if (name === 'panel') this.claimsOpen = true;
      else this.settingsOpen = true;
      this._host.requestUpdate();
    });
  }

  /** Closes a panel; focus goes back to its toolbar button. */
  close(name: PanelName): void {
    if (name === 'panel') this.claimsOpen = false;
    else this.settingsOpen = false;
    this._host.requestUpdate();
    void this._host.updateComplete.then(() =>
      this._host.renderRoot.querySelector<HTMLElement>(`[aria-controls="${name}"]`)?.focus(),
    );
  }

  /** Opens the keyboard shortcuts, or closes them. */
  toggleHelp(): void {
    void this._ready()
      .then(() => this._host.updateComplete)
      .then(() => this.help?.toggle());
  }

  /** Escape: closes the settings, else the claims panel; false when neither was open. */
  escape(): boolean {
    const open = this.settingsOpen ? 'settings' : this.claimsOpen ? 'panel' : undefined;
    if (open) this.close(open);
    return open !== undefined;
  }

  private _isOpen(name: PanelName): boolean {
    return name === 'panel' ? this.claimsOpen : this.settingsOpen;
  }
}
