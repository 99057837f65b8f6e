/**
 * The part of Citation.js (0.7) that `src/cite/` uses. The packages ship no type declarations.
 */
declare module '@citation-js/core' {
  /** Output options of the `bibliography`, `citation`, `bibtex` and `data` formats. */
  export interface CiteFormatOptions {
    /** Style id registered in the `@csl` templates. */
    template?: string;
    /** `html` or `text` for the CSL outputs; `text` or `object` for `data`. */
    format?: string;
    lang?: string;
    /** For `citation`: the cited items, each with an optional locator. */
    entry?: Array<{ id: string; locator?: string; label?: string }>;
    /** For `bibliography`: return `[id, entry]` pairs in the style's order instead of one string. */
    asEntryArray?: boolean;
  }

  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(name: string, options?: CiteFormatOptions): string;
  }

  /** A named store of values, such as the `@csl` style templates. */
  export interface Register<T> {
    add(name: string, value: T): this;
    get(name: string): T;
    has(name: string): boolean;
    remove(name: string): this;
  }

  export interface CslConfig {
    templates: Register<string>;
    locales: Register<string>;
  }

  export const plugins: {
    config: {
      get(name: '@csl'): CslConfig;
    };
  };
}
