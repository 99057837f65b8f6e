/**
 * What the local server and the pages it serves say to each other (types only): the live
 * channel's events and the editing API's requests and answers. Every request body is checked on
 * the server against the schemas of `src/serve/edit/request-schemas.ts`.
 */

/** Where the server's own endpoints and scripts live, beside the built site. */
export const servePrefix = '/__marginalia/';

/** The header that carries the per-run token on every write request. */
export const tokenHeader = 'x-marginalia-token';

/** A problem of a failed build, for the page's overlay. */
export interface LiveProblem {
  /** The article whose build failed. */
  slug: string;
  /** The file at fault, relative to the folder the server runs in. */
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId?: string;
}

/** One step of a part's address: an element by `id`, or by tag, class and place among its like. */
export type PatchStep = { id: string } | { tag: string; class: string; nth: number };

/** An element of the page to replace (`src/serve/page-patch.ts`). */
export interface PatchPart {
  /** Where the element is, from the document. */
  at: PatchStep[];
  /** Its tag, checked before anything is replaced. */
  tag: string;
  /** The element's new HTML. */
  html: string;
  /**
   * Instead of `html`, for the text of a `script` (data: the page's JSON-LD and its own data),
   * which may be megabytes where a save changes a few words: the element keeps its tag, and its
   * text from `start` to `end` becomes `text`.
   */
  splice?: { start: number; end: number; text: string };
}

/** The `patch` event: what to replace to make the page of version `from` into version `to`. */
export interface PagePatch {
  slug: string;
  from: string;
  to: string;
  parts: PatchPart[];
}

/** What the served page learns from its `<meta name="marginalia-serve">`. */
export interface ServeConfig {
  /** `watch`: reload and the problems overlay; `edit`: the editing layer too. */
  mode: 'watch' | 'edit';
  /** The per-run token of edit mode ("" in watch mode). */
  token: string;
}

/** A claim as the editor's forms hold it: the claims file's fields, as written there. */
export interface ClaimInput {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  kind: string;
  verdict?: string;
  note: string;
  cites: string[];
}

/** A CSL-JSON item to add to `references` (its `id` is unique in the file). */
export interface ReferenceInput {
  id: string;
  type: string;
  title: string;
  [field: string]: unknown;
}

/** A reference of the claims file, as the forms list it. */
export interface ReferenceSummary {
  id: string;
  /** The reference formatted (APA, plain text). */
  text: string;
}

/** `GET api/claims?slug=…`: the claims file as it is on disk now. */
export interface ClaimsState {
  slug: string;
  /** The claims file, relative to the folder the server runs in. */
  file: string;
  /** SHA-256 of the file's bytes: sent back with every change. */
  hash: string;
  claims: ClaimInput[];
  references: ReferenceSummary[];
  kinds: string[];
  verdicts: string[];
}

/** `POST api/quote`: a selection of one block of the page, to make a claim's quote of. */
export interface QuoteRequest {
  slug: string;
  /** The id of the block the selection is in (`p-3`, `h-1`). */
  block: string;
  /** The selected text, as the page has it. */
  exact: string;
  /** The block's text before the selection, as the page has it (to tell repeats apart). */
  before: string;
}

export interface QuoteAnswer {
  quote: string;
  /** Present only when the quote occurs more than once in the article. */
  prefix?: string;
  suffix?: string;
  /** An unused claim id made from the quote's words. */
  id: string;
}

/** `POST api/preview`: a note's Markdown, rendered and sanitised as the build does. */
export interface PreviewRequest {
  markdown: string;
}

/** A sanitised HTML element, as hast (no raw HTML anywhere). */
export interface PreviewElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: PreviewNode[];
}
export type PreviewNode = PreviewElement | { type: 'text'; value: string };

export interface PreviewAnswer {
  nodes: PreviewNode[];
}

/** `POST api/references/parse`: BibTeX, RIS, CSL-JSON, or a DOI or URL. */
export interface ParseReferenceRequest {
  slug: string;
  text: string;
  /** Look a bare DOI up on doi.org (needs the network). */
  lookup?: boolean;
}

export interface ParseReferenceAnswer {
  /** The items, each with an unused id and the fields the claims file accepts. */
  items: ReferenceInput[];
  /** Each item formatted (APA, plain text). */
  previews: string[];
  /** Fields that were left out (not CSL variables the claims file knows). */
  dropped: string[];
  /** Set when the text was only a DOI or URL and nothing was looked up: say what to fill in. */
  note?: string;
}

/** `POST api/edit`: one change to an article's claims file. */
export type EditChange =
  | { type: 'add-claim'; claim: ClaimInput; references?: ReferenceInput[] }
  | { type: 'update-claim'; id: string; claim: ClaimInput; references?: ReferenceInput[] }
  | { type: 'delete-claim'; id: string }
  | { type: 'add-references'; references: ReferenceInput[] };

export interface EditRequest {
  slug: string;
  /** The hash of the claims file that the change was made against (`ClaimsState.hash`). */
  hash: string;
  change: EditChange;
}

export interface EditAnswer {
  /** The file's new hash. */
  hash: string;
  /** Whether the page was rebuilt (it reloads when so). */
  rebuilt: boolean;
}

/** Every refusal: a stable code and a message for people. */
export interface ErrorAnswer {
  error: 'bad-request' | 'forbidden' | 'not-found' | 'stale' | 'invalid' | 'too-large' | 'unavailable';
  message: string;
  /** For `invalid`: the build's messages about the changed file. */
  problems?: string[];
}
