import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ActionOutcome, SelectionAction } from './actions.ts';
import type { PageData, StyledReference } from './page-data.ts';
import type { PartKit } from './part-kit.ts';
import { ReaderPart } from './reader-part.ts';
import type {
  CopyController,
  CopyOutcome,
  HighlightController,
  SelectionController,
} from './selection-features.ts';
import type { CopyFormat } from './settings-controller.ts';

/**
 * Loads what the reader does not need before it works, each once, as a module of its own beside
 * the reader's bundle (see `build-bundle.ts`): the parts that show on demand (`reader-parts.ts`:
 * note cards, the claims and settings panels, the shortcuts), asked for as soon as the reader
 * connects; and the selection features (`selection-features.ts`: cited copying, the selection
 * toolbar, the reader's own highlights), asked for when the browser is idle after the reader is
 * ready, or at once when needed sooner. A module that does not arrive (offline, a stale page) is
 * asked for again the next time.
 */
export interface FeatureOptions {
  /** The reader element: the features are its controllers. */
  host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** `article.marginalia-article`. */
  article: HTMLElement | null;
  data(): PageData;
  /** The reader's choices for copies: the citation style and the flavour. */
  settings(): { style: StyledReference | undefined; format: CopyFormat };
  announce(message: string): void;
}

/** What the reader lends the parts it loads (see `part-kit.ts`). */
const partKit: PartKit = { ReaderPart, html, nothing };

export class FeatureLoader {
  copy: CopyController | undefined;
  selection: SelectionController | undefined;
  highlighter: HighlightController | undefined;
  /** True once the parts are defined. */
  partsReady = false;
  /**
   * The selection toolbar's actions, in order: "Copy quote", and what the features add (an
   * action gets the selected range, and says how it went).
   */
  readonly actions: SelectionAction[] = [
    {
      id: 'copy',
      label: 'Copy quote',
      done: 'Copied',
      failed: 'Copy failed',
      run: (range) => this.withCopy((copy) => copy.copyRange(range)),
    },
  ];

  private readonly _options: FeatureOptions;
  private _features: Promise<void> | undefined;
  private _parts: Promise<void> | undefined;

  constructor(options: FeatureOptions) {
    this._options = options;
  }

  /** Asks for the selection features once the browser is idle. */
  loadWhenIdle(): void {
    const load = (): void => void this.features();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }

  /** Defines the parts; resolves when they are. */
  parts(): Promise<void> {
    this._parts ??= import('./reader-parts.ts').then(
      (parts) => {
        parts.defineParts(partKit);
        this.partsReady = true;
        this._options.host.requestUpdate();
      },
      () => {
        this._parts = undefined;
      },
    );
    return this._parts;
  }

  /** Loads the selection features (copying, the selection toolbar, the reader's highlights) once. */
  features(): Promise<void> {
    this._features ??= import('./selection-features.ts').then(
      (features) => {
        const { host, article, data, settings, announce } = this._options;
        const { actions } = this;
        if (!article || this.copy) return;
        features.defineSelectionParts(partKit);
        const pages = new features.PageTextSource(host, document.body);
        this.selection = new features.SelectionController(host, { article, pages });
        this.copy = new features.CopyController(host, {
          article,
          data: data(),
          pages,
          settings,
          announce,
        });
        this.highlighter = new features.HighlightController(host, {
          article,
          data: data(),
          actions,
          style: () => settings().style,
          announce,
          kit: partKit,
        });
      },
      () => {
        // Offline, or the module is gone: the next copy tries again.
        this._features = undefined;
      },
    );
    return this._features;
  }

  /** Parts of the page were replaced (a live rebuild): the loaded features catch up. */
  refresh(data: PageData, replaced: readonly Element[]): void {
    this.copy?.refresh(data, replaced);
    // Connected again, the reader's highlights are read and placed in the new text.
    this.highlighter?.hostDisconnected();
    this.highlighter?.hostConnected();
  }

  /** Resolves once the parts are defined and the part that `selector` finds has rendered. */
  async rendered(selector: string): Promise<void> {
    const { host } = this._options;
    await this.parts();
    while (!(await host.updateComplete));
    await host.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<boolean> }>(selector)
      ?.updateComplete;
  }

  /** Runs a copy once the copying code is loaded; `failed` when it cannot be loaded. */
  async withCopy(run: (copy: CopyController) => Promise<CopyOutcome>): Promise<ActionOutcome> {
    await this.features();
    if (!this.copy) {
      this._options.announce('Could not copy: the copying code did not load.');
      return 'failed';
    }
    try {
      const outcome = await run(this.copy);
      return outcome === 'copied' ? 'done' : outcome;
    } catch (error) {
      console.error(error);
      this._options.announce('Could not copy.');
      return 'failed';
    }
  }

  /** Runs something on the reader's highlights once their code is loaded. */
  async withHighlights(run: (highlights: HighlightController) => void): Promise<void> {
    await this.features();
    if (this.highlighter) run(this.highlighter);
    else this._options.announce('Could not open your highlights: their code did not load.');
  }
}
