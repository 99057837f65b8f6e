/**
 * The page's metadata for readers' tools and search engines, for `rehype-page` to put in the
 * head (`file.data.head`):
 *
 * - `<link rel="canonical">`: the page's published address (`--base-url`, else the claims file's
 *   `canonical`), when known;
 * - `<meta name="description">` and Open Graph (`og:title`, `og:type` article, `og:url`,
 *   `og:description`, `og:site_name` = the reviewer): link previews;
 * - Highwire Press `citation_*` and Dublin Core `DC.*` tags for the article as reviewed (the
 *   original article: its title, authors, date, publisher, address), which reference managers'
 *   connectors read to save the item;
 * - schema.org JSON-LD (`<script type="application/ld+json">`): one `ClaimReview` for each claim
 *   with a verdict (see `claimReviews`).
 *
 * Every value is text in an attribute or JSON in a data block: hast-util-to-html escapes the
 * attributes, and the JSON has every `<` written `\u003c`, so no title or quote can close the
 * script element. A JSON-LD block is data, not script: the page's Content-Security-Policy (no
 * inline script) does not apply to it.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { Claim, ClaimsDocument, CslDate, CslItem, CslName, Verdict } from '../claims/types.ts';
import { verdictLabels } from './labels.ts';
import { dateOf, nameOf } from './rehype-page.ts';
import type { AnchoredClaim } from './remark-claims.ts';

declare module 'vfile' {
  interface DataMap {
    /** Elements for the page's head, made by `rehype-head-metadata`. */
    head: Element[];
  }
}

export interface RehypeHeadMetadataOptions {
  claims: ClaimsDocument;
  /** The page's published address, when known. */
  canonical?: string;
}

/**
 * The verdicts on schema.org's numeric scale: `worstRating` 1 to `bestRating` 5, from the
 * verdict that the evidence contradicts to the one it supports. "Unverifiable" is not a point on
 * the scale: its rating has only its words (`alternateName`), no number.
 */
export const ratingScale = { worst: 1, best: 5 } as const;
export const ratingValues: Readonly<Record<Exclude<Verdict, 'unverifiable'>, number>> = {
  supported: 5,
  'partly-supported': 4,
  disputed: 3,
  misleading: 2,
  unsupported: 1,
};

export default function rehypeHeadMetadata(options: RehypeHeadMetadataOptions) {
  const { claims, canonical } = options;
  const { source, review } = claims;

  return function transformer(_tree: Root, file: VFile): void {
    const anchored = file.data.anchored ?? [];
    const blocks = file.data.blocks ?? [];
    const title = source.title ?? '';
    const authors = (source.author ?? []).map(nameOf).filter((name) => name !== '');
    const date = dateOf(source.issued);
    const publisher = stringOf(source.publisher) ?? stringOf(source['container-title']);
    const description = describe(title, anchored.length, review?.by);
    const meta = (name: string, content: string | undefined): Element[] =>
      content === undefined || content === '' ? [] : [h('meta', { name, content })];
    const property = (name: string, content: string | undefined): Element[] =>
      content === undefined || content === '' ? [] : [h('meta', { property: name, content })];

    const quoteOf = (item: AnchoredClaim): string =>
      (blocks[item.span.block] ?? item.claim.quote)
        .slice(item.span.start, item.span.end)
        .replace(/\s+/gu, ' ')
        .trim() || item.claim.quote;
    const graph = claimReviews(
      claims,
      anchored.map((item) => ({ claim: item.claim, quote: quoteOf(item) })),
      canonical,
    );

    file.data.head = [
      ...(canonical ? [h('link', { rel: 'canonical', href: canonical })] : []),
      ...meta('description', description),
      ...meta('citation_title', title),
      ...authors.flatMap((name) => meta('citation_author', name)),
      ...meta('citation_publication_date', date?.iso.replaceAll('-', '/')),
      ...meta(
        'citation_journal_title',
        periodicals.has(source.type ?? '') ? stringOf(source['container-title']) : undefined,
      ),
      ...meta('citation_publisher', stringOf(source.publisher)),
      ...meta('citation_public_url', source.URL),
      ...meta('citation_fulltext_html_url', canonical),
      ...meta('citation_doi', source.DOI),
      ...meta('DC.title', title),
      ...authors.flatMap((name) => meta('DC.creator', name)),
      ...meta('DC.date', date?.iso),
      ...meta('DC.publisher', publisher),
      ...meta('DC.identifier', source.DOI ? `https://doi.org/${source.DOI}` : source.URL),
      ...meta('DC.type', 'Text'),
      ...property('og:title', title),
      ...property('og:type', 'article'),
      ...property('og:url', canonical),
      ...property('og:description', description),
      ...property('og:site_name', review?.by),
      ...(graph.length > 0
        ? [
            h(
              'script',
              { type: 'application/ld+json' },
              JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }).replace(/</gu, '\\u003c'),
            ),
          ]
        : []),
    ];
  };
}

/** CSL types that are articles in a periodical: `citation_journal_title` names their container. */
const periodicals: ReadonlySet<string> = new Set([
  'article-journal',
  'article-magazine',
  'article-newspaper',
]);

function describe(title: string, count: number, reviewer: string | undefined): string {
  const claims = `${count} ${count === 1 ? 'claim' : 'claims'}`;
  return `${claims} in “${title}” checked, each with an editor’s note, a verdict where one can be given, and its sources${reviewer ? `, by ${reviewer}` : ''}.`;
}

/**
 * One schema.org `ClaimReview` per claim with a verdict, as fact-checking publishers give them:
 * `claimReviewed` is the quote; `itemReviewed` a `Claim` whose `appearance` is the original
 * article (a `NewsArticle` for a newspaper article, else a `CreativeWork`, with its address,
 * headline, authors and date when known); `reviewRating` a `Rating` with the verdict's words as
 * `alternateName` and its place on `ratingScale`; `author` the reviewer (`review.by`) when given;
 * `datePublished` the claim's `reviewed` date, else the review's; `url` the note on the page.
 *
 * The article and the reviewer, the same for every review, are nodes of their own in the graph,
 * which each review names by `@id` (the article's address when known, else a fragment of the
 * page's): written out in every review, they made the head of a page of 10,000 claims 4.6 MB,
 * which the browser must read before it can show any of the text; named, it is half that.
 * Returns the graph: the shared nodes first, then the reviews (none when no claim has a verdict).
 */
export function claimReviews(
  claims: Pick<ClaimsDocument, 'source' | 'review'>,
  items: ReadonlyArray<{ claim: Claim; quote: string }>,
  canonical: string | undefined,
): Array<Record<string, unknown>> {
  const { source, review } = claims;
  const page = canonical ?? '';
  const article = { '@id': source.URL ?? `${page}#reviewed-article`, ...creativeWork(source) };
  const reviewer = review?.by
    ? {
        '@id': `${page}#reviewer`,
        '@type': 'Organization',
        name: review.by,
        ...(review.url ? { url: review.url } : {}),
      }
    : undefined;
  const reviews = items.flatMap(({ claim, quote }) => {
    const verdict = claim.verdict;
    if (!verdict) return [];
    const published = dateOf(claim.reviewed ?? review?.date)?.iso;
    const rating: Record<string, unknown> = { '@type': 'Rating', alternateName: verdictLabels[verdict] };
    if (verdict !== 'unverifiable') {
      Object.assign(rating, {
        ratingValue: ratingValues[verdict],
        bestRating: ratingScale.best,
        worstRating: ratingScale.worst,
      });
    }
    return [
      {
        '@type': 'ClaimReview',
        ...(canonical ? { url: `${canonical}#note-${encodeURIComponent(claim.id)}` } : {}),
        claimReviewed: quote,
        itemReviewed: { '@type': 'Claim', appearance: { '@id': article['@id'] } },
        reviewRating: rating,
        ...(reviewer ? { author: { '@id': reviewer['@id'] } } : {}),
        ...(published ? { datePublished: published } : {}),
      },
    ];
  });
  return reviews.length === 0 ? [] : [article, ...(reviewer ? [reviewer] : []), ...reviews];
}

function creativeWork(source: CslItem): Record<string, unknown> {
  const authors = (source.author ?? []).map(person).filter((author) => author.name !== '');
  const date = dateOf(source.issued as CslDate | undefined)?.iso;
  const publisher = stringOf(source['container-title']) ?? stringOf(source.publisher);
  return {
    '@type': source.type === 'article-newspaper' ? 'NewsArticle' : 'CreativeWork',
    ...(source.URL ? { url: source.URL } : {}),
    ...(source.title ? { headline: source.title } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(date ? { datePublished: date } : {}),
    ...(publisher ? { publisher: { '@type': 'Organization', name: publisher } } : {}),
  };
}

function person(name: CslName): { '@type': string; name: string } {
  return { '@type': name.literal === undefined ? 'Person' : 'Organization', name: nameOf(name) };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
