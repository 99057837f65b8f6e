import type { ReactiveControllerHost } from 'lit';
import { filterClaims, type ReaderClaim } from './claim-index.ts';

/**
 * The reader's filters on the claims: by kind (none chosen: every kind) and by verdict ("":
 * every verdict; `none`: the claims without one). The claims panel lists what passes them.
 */
export interface ClaimFiltersOptions {
  claims(): readonly ReaderClaim[];
  announce(message: string): void;
}

export class ClaimFilters {
  kinds: ReadonlySet<string> = new Set();
  verdict = '';

  private readonly _host: ReactiveControllerHost;
  private readonly _options: ClaimFiltersOptions;

  constructor(host: ReactiveControllerHost, options: ClaimFiltersOptions) {
    this._host = host;
    this._options = options;
  }

  /** The claims that pass the filters. */
  get shown(): ReaderClaim[] {
    return filterClaims(this._options.claims(), this.kinds, this.verdict);
  }

  /** Sets the filters, and says how many claims pass them. */
  set(kinds: ReadonlySet<string>, verdict: string): void {
    this.kinds = kinds;
    this.verdict = verdict;
    this._host.requestUpdate();
    this._options.announce(`${this.shown.length} of ${this._options.claims().length} claims shown.`);
  }
}
