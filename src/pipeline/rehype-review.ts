/**
 * Add who reviewed the article, and when, to the page's header, under the byline: "Reviewed by
 * Marginalia desk on 5 December 2026" (the claims file's `review:`), the reviewer's name
 * linking to `review.url` when it is an http(s) address. Nothing when the file gives no review.
 * Each note says the same for its own claim (`rehype-notes`), with the claim's `reviewed` date
 * where it has one.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { ClaimsDocument, CslDate, Review } from '../claims/types.ts';
import { pageHeader } from './page-header.ts';
import { dateOf } from './rehype-page.ts';

export interface RehypeReviewOptions {
  claims: Pick<ClaimsDocument, 'review'>;
}

/** An address safe to link: http or https only (never `javascript:` and the like). */
export function webAddress(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//iu.test(url.trim())) return undefined;
  try {
    return new URL(url.trim()).href;
  } catch {
    return undefined;
  }
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
  const href = link ? webAddress(review?.url) : undefined;
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
  const phrase = reviewedPhrase(options.claims.review, { link: true });

  return function transformer(tree: Root): void {
    const header = pageHeader(tree);
    if (!header || !phrase) return;
    const review: Element = h('p.marginalia-review', phrase);
    header.children.push(review);
  };
}
