/**
 * Add who reviewed the article, and when, to the page's header, under the byline: "Reviewed by
 * Marginalia desk on 5 December 2026" (the claims file's `review:`), the reviewer's name
 * linking to `review.url` when it is an http(s) address. Nothing when the file gives no review.
 * Each note says the same for its own claim (`rehype-notes`), with the claim's `reviewed` date
 * where it has one.
 *
 * Then how the article's text was found, and what is unknown about it (the claims file's
 * `provenance:`, Markdown, sanitised as the notes are), under "About this text", so that a reader
 * sees on the page what the editors could and could not establish (a title in brackets, a
 * missing date, an unconfirmed address).
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { toWebUri } from '../annotations/uri.ts';
import type { ClaimsDocument, CslDate, Review } from '../claims/types.ts';
import { defaultLimits, LimitError } from './limits.ts';
import { renderNote } from './note-markdown.ts';
import { pageHeader } from './page-header.ts';
import { error } from './report.ts';
import { dateOf } from './rehype-page.ts';

export interface RehypeReviewOptions {
  claims: Pick<ClaimsDocument, 'review' | 'provenance'>;
  /** Where a problem in the provenance is reported. */
  claimsFile?: VFile;
  /** Deepest nesting of the provenance's Markdown (default: `defaultLimits.nesting`). */
  nesting?: number;
}

/**
 * "Reviewed by NAME on DATE", "Reviewed by NAME" or "Reviewed on DATE", as hast, the date in a
 * `<time>`; `undefined` when neither is known. `date` overrides the review's own date (a claim's
 * `reviewed`); `link` links the name to `review.url` (the header does, each note does not).
 */
export function reviewedPhrase(
  review: Review | undefined,
  { date, link = false }: { date?: CslDate | undefined; link?: boolean } = {},
): ElementContent[] | undefined {
  const when = dateOf(date ?? review?.date);
  const by = review?.by?.trim();
  if (!by && !when) return undefined;
  // The same address the annotations give as the reviewer's homepage: http(s) only.
  const href = link && review?.url !== undefined ? toWebUri(review.url) : undefined;
  const parts: ElementContent[] = [{ type: 'text', value: 'Reviewed' }];
  if (by) {
    parts.push({ type: 'text', value: ' by ' });
    parts.push(href ? h('a', { href, rel: ['noopener', 'noreferrer'] }, by) : { type: 'text', value: by });
  }
  if (when) {
    parts.push({ type: 'text', value: ' on ' });
    parts.push(h('time', { dateTime: when.iso }, when.text));
  }
  return parts;
}

export default function rehypeReview(options: RehypeReviewOptions) {
  const { claims, claimsFile, nesting = defaultLimits.nesting } = options;
  const phrase = reviewedPhrase(claims.review, { link: true });

  return function transformer(tree: Root, file: VFile): void {
    const header = pageHeader(tree);
    if (!header) return;
    if (phrase) header.children.push(h('p.marginalia-review', phrase));
    const provenance = claims.provenance?.trim();
    if (!provenance) return;
    let body: Element[];
    try {
      body = renderNote(provenance, nesting);
    } catch (cause) {
      if (!(cause instanceof LimitError)) throw cause;
      error(claimsFile ?? file, `The provenance: ${cause.message}`, undefined, cause.ruleId);
      return;
    }
    header.children.push(
      h('section.marginalia-provenance', { ariaLabel: 'About this text' }, [
        h('h2.marginalia-provenance-title', 'About this text'),
        ...body,
      ]),
    );
  };
}
