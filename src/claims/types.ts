/**
 * The editorial layer of one article, as read from `<slug>.claims.yaml` / `.claims.json`.
 * Everything here has been validated: kinds and verdicts are known values, ids are unique,
 * every `cites` id names a reference.
 */

/** The claim kinds of the contract, in the order the reader lists them. */
export const claimKinds = [
  'fact',
  'statistic',
  'comparison',
  'causal',
  'prediction',
  'opinion',
  'recommendation',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

/** The verdicts of the contract, from best to worst supported. */
export const verdicts = [
  'supported',
  'partly-supported',
  'unsupported',
  'misleading',
  'disputed',
  'unverifiable',
] as const;
export type Verdict = (typeof verdicts)[number];

/** A 1-based line and column in the claims file. */
export interface Point {
  line: number;
  column: number;
}

/** A CSL-JSON item (only the fields we read are typed; the rest pass through). */
export interface CslItem {
  id?: string;
  type?: string;
  title?: string;
  'container-title'?: string;
  publisher?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  DOI?: string;
  [field: string]: unknown;
}
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  raw?: string;
  literal?: string;
  /** 1 to 4 (spring to winter) or the season's name. */
  season?: number | string;
  /** Whether the date is approximate. */
  circa?: boolean | number | string;
}

export interface Claim {
  id: string;
  /** Exact text of the article (runs of white space match loosely). */
  quote: string;
  prefix?: string;
  suffix?: string;
  kind: ClaimKind;
  verdict?: Verdict;
  /** Markdown. */
  note: string;
  /** Ids from `references`; empty when the claim cites nothing. */
  cites: string[];
  /** When this claim was last reviewed, if not on the article's review date. */
  reviewed?: CslDate;
  /** Where each field's value starts in the claims file (`claim` is the item itself). */
  positions: Partial<
    Record<
      'claim' | 'id' | 'quote' | 'prefix' | 'suffix' | 'kind' | 'verdict' | 'note' | 'cites' | 'reviewed',
      Point
    >
  >;
}

export interface ClaimsDocument {
  /** The article itself, as a CSL-JSON item (dates normalised to `date-parts`). */
  source: CslItem;
  /** Referenced works; each has a unique `id`. Dates normalised to `date-parts`. */
  references: Array<CslItem & { id: string }>;
  claims: Claim[];
  /** Optional path (relative to the claims file) of a CSL style file to use. */
  style?: string;
  /** The address the built page is published under (`--base-url` takes precedence). */
  canonical?: string;
  /** Markdown: how the article's text was found, and what is unknown about it. */
  provenance?: string;
  /** Who reviewed the article's claims, and when. */
  review?: Review;
  /** This publication's definitions of the verdicts, for the legend. */
  ratings?: Partial<Record<Verdict, string>>;
  /** This publication's definitions of the claim kinds, for the legend. */
  kinds?: Partial<Record<ClaimKind, string>>;
  /** Editorial checks turned off or made stricter, by rule id. */
  checks?: Record<string, CheckLevel>;
}

/** Who reviewed an article, and when. */
export interface Review {
  /** A person or an organisation, as it should be credited. */
  by?: string;
  /** When the review was completed (date-parts). */
  date?: CslDate;
  /** A page about the reviewer or the review process. */
  url?: string;
}

/** What an editorial check does: nothing, warn, or fail the article. */
export type CheckLevel = 'off' | 'warning' | 'error';
