/** The part of `@citation-js/name` that `front-matter.ts` uses. The package ships no type declarations. */
declare module '@citation-js/name' {
  /** A personal name in CSL-JSON form, parsed from "Given Family" or "Family, Given". */
  export function parse(name: string): {
    family?: string;
    given?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
    suffix?: string;
  };
}
