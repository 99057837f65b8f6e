/**
 * The claims of one article as a W3C Web Annotation `AnnotationCollection`
 * (https://www.w3.org/TR/annotation-model/), written by the build to
 * `<slug>/annotations.jsonld`.
 *
 * Shape (every identifier an ASCII URI, every time an xsd:dateTime in UTC):
 *
 * - The collection `D` (see `annotationIds`) has `@context`, `id`, `type`, `label`, `total`,
 *   `generated`, `generator`, and, when there is at least one claim, one embedded
 *   `AnnotationPage` as `first` (id `D#page-1`, `startIndex` 0) and that page's id as
 *   `last`. With no claims, `total` is 0 and there is no page. The page has no `partOf`: it
 *   sits inside its collection, and the suite's page tests only accept `partOf` as an
 *   embedded collection description, which would repeat the collection inside itself.
 * - Each claim is one `Annotation` in the page's `items`, in reading order, id
 *   `D#annotation-<claim id>`, `motivation: "assessing"`. With the claims file's `review:`,
 *   its `creator` is the reviewer (`name`, and `homepage` from `review.url`) and its `created`
 *   the day the claim was reviewed (its own `reviewed`, else the review's date; 00:00 UTC).
 * - `@context` is repeated on the page and on every annotation, so that each of them, taken
 *   out of the file, is still a complete Web Annotation document (the same context, so the
 *   repetition changes nothing for a JSON-LD processor).
 *
 * Bodies of an annotation, in this order (purposes are the model's motivations; it has no
 * `citing`, so references use `linking`, the one for "a resource related to the target"):
 *
 * 1. the note: `TextualBody`, `value` the sanitised HTML, `format: "text/html"`,
 *    `language: "en"`, `purpose: "assessing"`;
 * 2. the kind: `TextualBody`, `value` e.g. `"statistic"`, `purpose: "classifying"`;
 * 3. the verdict, when there is one: `TextualBody`, `value` e.g. `"partly-supported"`,
 *    `purpose: "tagging"`;
 * 4. each cited reference, in `cites` order: with a URL or DOI, a `SpecificResource` with
 *    `purpose: "linking"` whose `source` is `{id, type, label}` (id the http(s) URL, else
 *    `https://doi.org/<DOI>`; the model forbids `purpose` on a bare external resource, hence
 *    the wrapper); without either, a `TextualBody` with the reference as plain text and
 *    `purpose: "linking"`.
 *
 * The target is a `SpecificResource` whose `source` is the article's own URL (`source.URL`),
 * or the built page when the article has none, with two selectors for the same passage:
 * a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` (start, end).
 * Positions count UTF-16 code units in the article text as Marginalia reads it (its blocks
 * joined by a blank line); on the publisher's page they are a hint and the quote is the
 * authority, as the model allows when several selectors describe one segment.
 *
 * All text is carried as JSON string values, never interpreted; `serializeAnnotationCollection`
 * also escapes `<`, `>` and `&` so the JSON can be embedded in HTML as well.
 */
import type { Claim, CslDate, CslItem, CslName, Review } from '../claims/types.ts';
import { doiUri, isDateTime, toUri, toWebUri } from './uri.ts';

export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';

export interface AnchoredClaim {
  claim: Claim;
  /** The quote as it stands in the article text. */
  exact: string;
  /** Up to 32 characters of article text right before `exact`. */
  prefix: string;
  /** Up to 32 characters of article text right after `exact`. */
  suffix: string;
  /** Offsets of `exact` in the article text (TextPositionSelector). */
  start: number;
  end: number;
  /** 1-based paragraph number; absent for a heading. Not part of the annotation. */
  paragraph?: number;
  /** The note, rendered to sanitised HTML. */
  noteHtml: string;
  /** The note as plain text. Not part of the annotation (the HTML body carries the note). */
  noteText: string;
}

export interface AnnotationInput {
  slug: string;
  /** URI of the built page: `https://example.org/sora/` or `urn:marginalia:sora`. */
  pageUrl: string;
  /** The article. */
  source: CslItem;
  references: Array<CslItem & { id: string }>;
  /** In reading order. */
  claims: AnchoredClaim[];
  /** When the file is generated (xsd:dateTime); default now, to the second. */
  generated?: string;
  /** When the claims were written (xsd:dateTime), e.g. the claims file's last change; default `generated`. */
  created?: string;
  /**
   * Who reviewed the claims, and when (the claims file's `review:`): the reviewer is each
   * annotation's `creator`, and the review's date (or a claim's own `reviewed`) its `created`.
   */
  review?: Review;
  /** Plain-text form of a reference without URL or DOI; default a short author–year–title form. */
  formatReference?: (reference: CslItem & { id: string }) => string;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: string;
  language?: string;
  purpose: 'assessing' | 'classifying' | 'tagging' | 'linking';
}

export interface LinkedReferenceBody {
  type: 'SpecificResource';
  source: { id: string; type: ResourceType; label?: string; language?: string };
  purpose: 'linking';
}

type ResourceType = 'Dataset' | 'Image' | 'Video' | 'Sound' | 'Text';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Generator {
  type: 'Software';
  name: string;
}

/** The reviewer, as an Agent of the model: a name, and the page about them when there is one. */
export interface Creator {
  name: string;
  homepage?: string;
}

export interface WebAnnotation {
  '@context': typeof annotationContext;
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  creator?: Creator;
  created: string;
  generated: string;
  generator: Generator;
  body: Array<TextualBody | LinkedReferenceBody>;
  target: {
    type: 'SpecificResource';
    source: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
}

export interface AnnotationPage {
  '@context': typeof annotationContext;
  id: string;
  type: 'AnnotationPage';
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof annotationContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: Generator;
  first?: AnnotationPage;
  last?: string;
}

export const generator: Generator = { type: 'Software', name: 'Marginalia' };

export interface AnnotationIds {
  /** The collection, which is also the URI of `annotations.jsonld`. */
  collection: string;
  /** The one embedded page. */
  page: string;
  /** The annotation of a claim. */
  annotation: (claimId: string) => string;
}

/**
 * The identifiers of an article's annotations, from its page URI.
 *
 * - Hierarchical page URIs (`https:`, `http:`, `file:`): the page's folder (query and fragment
 *   dropped, a final `index.html` dropped, a final `/` added) plus `annotations.jsonld`:
 *   `https://example.org/sora/` → `https://example.org/sora/annotations.jsonld`.
 * - Opaque page URIs (`urn:`, `tag:`): the page URI (fragment dropped) plus
 *   `/annotations.jsonld`: `urn:marginalia:sora` → `urn:marginalia:sora/annotations.jsonld`.
 *
 * Then the page is `<collection>#page-1` and a claim's annotation `<collection>#annotation-<id>`
 * (claim ids are `[a-z0-9-]+`, so these are valid fragments).
 *
 * @throws {TypeError} when `pageUrl` is not an absolute `http:`, `https:`, `file:`, `urn:` or `tag:` IRI.
 */
export function annotationIds(pageUrl: string): AnnotationIds {
  const uri = toUri(pageUrl);
  const scheme = uri?.slice(0, uri.indexOf(':')).toLowerCase();
  if (
    uri === undefined ||
    scheme === undefined ||
    !['http', 'https', 'file', 'urn', 'tag'].includes(scheme)
  ) {
    throw new TypeError(
      `pageUrl must be an absolute http:, https:, file:, urn: or tag: IRI, not ${JSON.stringify(pageUrl)}`,
    );
  }
  let collection: string;
  if (scheme === 'urn' || scheme === 'tag') {
    const page = uri.replace(/#.*$/s, '');
    collection = page.endsWith('/') ? `${page}annotations.jsonld` : `${page}/annotations.jsonld`;
  } else {
    const url = new URL(uri);
    url.hash = '';
    url.search = '';
    url.pathname = url.pathname.replace(/\/index\.html?$/i, '/').replace(/([^/])$/, '$1/');
    collection = `${toUri(url.href) ?? url.href}annotations.jsonld`;
  }
  return {
    collection,
    page: `${collection}#page-1`,
    annotation: (claimId) => `${collection}#annotation-${encodeURIComponent(claimId)}`,
  };
}

/** Now as an xsd:dateTime in UTC, to the second. */
function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function checkDateTime(name: string, value: string): string {
  if (!isDateTime(value)) {
    throw new TypeError(
      `${name} must be an xsd:dateTime such as 2024-02-20T09:30:00Z, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * The `AnnotationCollection` for one article.
 *
 * @throws {TypeError} on a bad `pageUrl`, `generated` or `created`, or a claim whose
 *   positions are not `0 <= start <= end` integers (these are programming errors, not
 *   problems in the article).
 */
export function toAnnotationCollection(input: AnnotationInput): AnnotationCollection {
  const ids = annotationIds(input.pageUrl);
  const generated = checkDateTime('generated', input.generated ?? now());
  const created = checkDateTime('created', input.created ?? generated);
  const targetSource =
    (input.source.URL === undefined ? undefined : toWebUri(input.source.URL)) ?? toUri(input.pageUrl);
  const references = new Map(input.references.map((reference) => [reference.id, reference]));
  const formatReference = input.formatReference ?? plainReference;
  const creator = reviewer(input.review);

  const items = input.claims.map((anchored): WebAnnotation => {
    const { claim } = anchored;
    if (
      !Number.isInteger(anchored.start) ||
      !Number.isInteger(anchored.end) ||
      anchored.start < 0 ||
      anchored.end < anchored.start
    ) {
      throw new TypeError(`claim ${claim.id}: start and end must be integers with 0 <= start <= end`);
    }
    const body: Array<TextualBody | LinkedReferenceBody> = [
      {
        type: 'TextualBody',
        value: anchored.noteHtml,
        format: 'text/html',
        language: 'en',
        purpose: 'assessing',
      },
      { type: 'TextualBody', value: claim.kind, format: 'text/plain', purpose: 'classifying' },
    ];
    if (claim.verdict !== undefined) {
      body.push({ type: 'TextualBody', value: claim.verdict, format: 'text/plain', purpose: 'tagging' });
    }
    for (const referenceId of claim.cites) {
      const reference = references.get(referenceId);
      if (reference) body.push(referenceBody(reference, formatReference));
    }
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: anchored.exact };
    if (anchored.prefix !== '') quote.prefix = anchored.prefix;
    if (anchored.suffix !== '') quote.suffix = anchored.suffix;
    return {
      '@context': annotationContext,
      id: ids.annotation(claim.id),
      type: 'Annotation',
      motivation: 'assessing',
      ...(creator ? { creator } : {}),
      created: dayOf(claim.reviewed ?? input.review?.date) ?? created,
      generated,
      generator,
      body,
      target: {
        type: 'SpecificResource',
        source: targetSource ?? ids.collection,
        selector: [quote, { type: 'TextPositionSelector', start: anchored.start, end: anchored.end }],
      },
    };
  });

  const collection: AnnotationCollection = {
    '@context': annotationContext,
    id: ids.collection,
    type: 'AnnotationCollection',
    label: `Claims in “${oneLine(input.source.title) || input.slug}”`,
    total: items.length,
    generated,
    generator,
  };
  if (items.length > 0) {
    collection.first = {
      '@context': annotationContext,
      id: ids.page,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    };
    collection.last = ids.page;
  }
  return collection;
}

/** The reviewer as the annotations' creator, when the review names one. */
function reviewer(review: Review | undefined): Creator | undefined {
  const name = oneLine(review?.by);
  if (name === '') return undefined;
  const homepage = typeof review?.url === 'string' ? toWebUri(review.url) : undefined;
  return homepage === undefined ? { name } : { name, homepage };
}

/** A review date with its day, as the xsd:dateTime of that day's start in UTC; else `undefined`. */
function dayOf(date: CslDate | undefined): string | undefined {
  const [year, month, day] = date?.['date-parts']?.[0]?.map(Number) ?? [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const start = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(start.getTime()) || start.getUTCDate() !== day) return undefined;
  return start.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The body for one cited reference: a link when it has a usable URL or DOI, its text otherwise. */
function referenceBody(
  reference: CslItem & { id: string },
  formatReference: (reference: CslItem & { id: string }) => string,
): LinkedReferenceBody | TextualBody {
  const url =
    (typeof reference.URL === 'string' ? toWebUri(reference.URL) : undefined) ??
    (typeof reference.DOI === 'string' ? doiUri(reference.DOI) : undefined);
  if (url === undefined) {
    return {
      type: 'TextualBody',
      value: formatReference(reference),
      format: 'text/plain',
      purpose: 'linking',
    };
  }
  const source: LinkedReferenceBody['source'] = { id: url, type: resourceType(reference.type) };
  const label = oneLine(reference.title);
  if (label !== '') source.label = label;
  const language = typeof reference['language'] === 'string' ? reference['language'].trim() : '';
  if (/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) source.language = language;
  return { type: 'SpecificResource', source, purpose: 'linking' };
}

/** The model's resource classes for CSL item types; anything not listed is `Text`. */
const resourceTypes: Record<string, ResourceType> = {
  dataset: 'Dataset',
  graphic: 'Image',
  figure: 'Image',
  map: 'Image',
  motion_picture: 'Video',
  broadcast: 'Video',
  song: 'Sound',
  performance: 'Sound',
};

function resourceType(cslType: string | undefined): ResourceType {
  return (
    (cslType !== undefined && Object.hasOwn(resourceTypes, cslType) ? resourceTypes[cslType] : undefined) ??
    'Text'
  );
}

function oneLine(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
}

function nameOf(name: CslName): string {
  if (name.literal) return oneLine(name.literal);
  return [oneLine(name.family), oneLine(name.given)].filter(Boolean).join(', ');
}

function yearOf(reference: CslItem): string {
  const year = reference.issued?.['date-parts']?.[0]?.[0];
  if (year !== undefined) return String(year);
  return oneLine(reference.issued?.literal ?? reference.issued?.raw);
}

/**
 * A short plain-text form of a reference: `Authors (Year). Title. Container. Publisher.`,
 * leaving out what is missing; the reference id when nothing else is known.
 */
export function plainReference(reference: CslItem & { id: string }): string {
  const authors = (reference.author ?? []).map(nameOf).filter(Boolean).join('; ');
  const year = yearOf(reference);
  const head = [authors, year ? `(${year})` : ''].filter(Boolean).join(' ');
  const parts = [
    head,
    oneLine(reference.title),
    oneLine(reference['container-title']),
    oneLine(reference.publisher),
  ]
    .filter(Boolean)
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`));
  return parts.length > 0 ? parts.join(' ') : reference.id;
}

/**
 * What a warm process keeps of one collection's JSON between builds (watch mode): each
 * annotation's JSON, by id, with the annotation it was written from. Both are kept without the
 * build's time (see `serializeAnnotationCollection`): the JSON as the pieces around it.
 */
export type AnnotationJsonCache = Map<string, { item: WebAnnotation; parts: string[] }>;

/** Stands for the build's time in a cached annotation; its JSON is never a note's text. */
const timePlaceholder = '\u0000generated\u0000';
const timePlaceholderJson = JSON.stringify(timePlaceholder);

const jsonEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON with `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes. */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => jsonEscapes[char] ?? char);
}

/**
 * The collection as the text of `annotations.jsonld`: compact JSON with a final newline, where
 * `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes (same value, and safe to embed in
 * an HTML `<script type="application/ld+json">`).
 *
 * With a `cache`, an annotation whose content is the same as at the last call, but for the
 * build's time, is not written again: its JSON is taken from the cache, with this build's time
 * (the text is the same as without it; the escapes replace single characters, so escaping the
 * pieces is escaping the whole). The cache then holds this collection's annotations only.
 */
export function serializeAnnotationCollection(
  collection: AnnotationCollection,
  cache?: AnnotationJsonCache,
): string {
  const items = collection.first?.items;
  if (!cache || !collection.first || !items) return `${safeJson(collection)}\n`;
  const time = safeJson(collection.generated);
  const fresh: AnnotationJsonCache = new Map();
  const pieces = items.map((item) => {
    // Every build has its own time, in each annotation's `generated` (and in `created` when the
    // claims give no date): without it, an annotation that did not change is written alike.
    let timed = 0;
    const timeless = { ...item };
    if (timeless.generated === collection.generated) {
      timeless.generated = timePlaceholder;
      timed++;
    }
    if (timeless.created === collection.generated) {
      timeless.created = timePlaceholder;
      timed++;
    }
    const known = cache.get(item.id);
    if (known && sameJson(known.item, timeless)) {
      fresh.set(item.id, known);
      return known.parts.join(time);
    }
    const parts = safeJson(timeless).split(timePlaceholderJson);
    // A text that held the placeholder itself would be split too: such an annotation is not kept.
    if (parts.length !== timed + 1) return safeJson(item);
    fresh.set(item.id, { item: timeless, parts });
    return parts.join(time);
  });
  cache.clear();
  for (const [id, entry] of fresh) cache.set(id, entry);
  // "items" is a key of the page only, and a key's quotes are never escaped inside a string: the
  // one place it stands.
  const outer = safeJson({ ...collection, first: { ...collection.first, items: [] } });
  const at = outer.indexOf('"items":[]');
  return `${outer.slice(0, at)}"items":[${pieces.join(',')}]${outer.slice(at + '"items":[]'.length)}\n`;
}

/**
 * Whether two JSON values are written alike: the same keys in the same order, the same
 * primitives (a note's HTML from an earlier build is the very same string, compared at once).
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (key !== others[index]) return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
