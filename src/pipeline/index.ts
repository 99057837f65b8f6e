/**
 * The whole build chain for one article, on one screen:
 *
 *   text ─ parse (.txt: our parser; .md: remark-parse's tree, a run of blocks at a time, + front matter,
 *          less a first heading that repeats the title) ─ number paragraphs ─ anchor claims and mark them   (all `check` runs)
 *        ─ forget positions (mdast)
 *        ─ remark-rehype (raw HTML dropped) ─ collect the Markdown tree (long articles)
 *        ─ notes and sources ─ cite this article ─ head metadata ─ page
 *        ─ review ─ verdict summary ─ legend (in the page's header)         (hast)
 *        ─ stringify (rehype-stringify's output, the outer levels linked, not copied) → the page
 *
 * Claims come already read and validated (src/claims); problems found while anchoring are
 * reported on the claims file, problems in the text on the article's file. The parsers throw a
 * `LimitError` for a text past the limits (`limits.ts`), before the steps that would suffer it.
 */
import remarkRehype from 'remark-rehype';
import type { VFile } from 'vfile';
import { builtinStyleIds, type StyleId } from '../cite/index.ts';
import type { ClaimsDocument } from '../claims/types.ts';
import remarkClaims, { claimHandlers } from './remark-claims.ts';
import remarkForgetPositions from './remark-forget-positions.ts';
import { resolveLimits, type ResolvedLimits } from './limits.ts';
import { articleParser } from './parse-article.ts';
import rehypeCiteArticle from './rehype-cite-article.ts';
import rehypeCollectGarbage from './rehype-collect-garbage.ts';
import rehypeHeadMetadata from './rehype-head-metadata.ts';
import rehypeNotes, { type NotesCache } from './rehype-notes.ts';
import rehypeLegend from './rehype-legend.ts';
import rehypePage from './rehype-page.ts';
import rehypeReview from './rehype-review.ts';
import rehypeStringifyPage from './rehype-stringify-page.ts';
import rehypeVerdictSummary from './rehype-verdict-summary.ts';

export interface PipelineOptions {
  format: 'txt' | 'md';
  slug: string;
  claims: ClaimsDocument;
  claimsFile: VFile;
  /** Citation style of the notes' sources, offered first to the reader. */
  style: StyleId;
  /** Default: `defaultLimits`. */
  limits?: ResolvedLimits;
  /** The page's published address (`--base-url`, else the claims file's `canonical`), when known. */
  canonical?: string;
  /** The notes of the last build of this article, to reuse (a warm process: watch mode). */
  notesCache?: NotesCache;
  /** Record where the page's elements are, as `file.data.pageOutline` (watch mode). */
  outline?: boolean;
}

export function createPipeline(options: PipelineOptions) {
  const {
    slug,
    claims,
    claimsFile,
    style,
    limits = resolveLimits(),
    canonical,
    notesCache,
    outline,
  } = options;
  const page = canonical === undefined ? {} : { canonical };
  return createAnchorPipeline(options)
    .use(remarkForgetPositions)
    .use(remarkRehype, { handlers: claimHandlers })
    .use(rehypeCollectGarbage)
    .use(rehypeNotes, {
      claims,
      style,
      claimsFile,
      nesting: limits.nesting,
      ...(notesCache === undefined ? {} : { cache: notesCache }),
    })
    .use(rehypeCiteArticle, { source: claims.source, slug, styles: offeredStyles(style) })
    .use(rehypeHeadMetadata, { claims, ...page })
    .use(rehypePage, { claims, slug, ...page })
    .use(rehypeReview, { claims, claimsFile, nesting: limits.nesting })
    .use(rehypeVerdictSummary)
    .use(rehypeLegend, { claims })
    .use(rehypeStringifyPage, { outline: outline === true });
}

/**
 * The first half alone: parse, number the paragraphs, anchor the claims (every problem a
 * check can find is found here). `marginalia check` runs only this.
 */
export function createAnchorPipeline(
  options: Pick<PipelineOptions, 'format' | 'claims' | 'claimsFile' | 'limits'>,
) {
  const { format, claims, claimsFile, limits = resolveLimits() } = options;
  return articleParser(format, claims.source.title, limits).use(remarkClaims, { claims, claimsFile, limits });
}

/** The article's own style first, then the built-in ones. */
function offeredStyles(style: StyleId): StyleId[] {
  return [style, ...builtinStyleIds.filter((id) => id !== style)];
}

// Each step on its own, for a pipeline of your own (the package's `marginalia/pipeline`).
export { default as remarkParseTxt } from './remark-parse-txt.ts';
export { default as remarkParseMd } from './remark-parse-md.ts';
export { default as remarkParagraphNumbers } from './remark-paragraph-numbers.ts';
export { default as remarkDropTitleHeading } from './remark-drop-title-heading.ts';
export { default as remarkClaims, claimHandlers, type RemarkClaimsOptions } from './remark-claims.ts';
export { default as remarkForgetPositions } from './remark-forget-positions.ts';
export { default as rehypeNotes, type RehypeNotesOptions, type NotesCache } from './rehype-notes.ts';
export { default as rehypeCiteArticle, type RehypeCiteArticleOptions } from './rehype-cite-article.ts';
export { default as rehypePage, type RehypePageOptions } from './rehype-page.ts';
export { default as rehypeReview, type RehypeReviewOptions } from './rehype-review.ts';
export {
  default as rehypeStringifyPage,
  type RehypeStringifyPageOptions,
  type PageOutline,
} from './rehype-stringify-page.ts';
export { rules, type RuleId } from './messages.ts';
export { defaultLimits, LimitError, type Limits } from './limits.ts';
