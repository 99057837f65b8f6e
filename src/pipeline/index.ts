/**
 * The whole build chain for one article, on one screen:
 *
 *   text ─ parse (.txt: our parser; .md: remark-parse's tree, a run of blocks at a time, + front matter)
 *        ─ number paragraphs ─ anchor claims and mark them   (all `check` runs)
 *        ─ forget positions (mdast)
 *        ─ remark-rehype (raw HTML dropped) ─ collect the Markdown tree (long articles)
 *        ─ notes and sources ─ cite this article ─ page
 *        ─ verdict summary ─ legend (in the page's header)         (hast)
 *        ─ stringify (rehype-stringify's output, the outer levels linked, not copied) → the page
 *
 * Claims come already read and validated (src/claims); problems found while anchoring are
 * reported on the claims file, problems in the text on the article's file.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { builtinStyleIds, type StyleId } from '../cite/index.ts';
import type { ClaimsDocument } from '../claims/types.ts';
import remarkClaims, { claimHandlers } from './remark-claims.ts';
import remarkForgetPositions from './remark-forget-positions.ts';
import remarkParagraphNumbers from './remark-paragraph-numbers.ts';
import remarkParseMd from './remark-parse-md.ts';
import remarkParseTxt from './remark-parse-txt.ts';
import rehypeCiteArticle from './rehype-cite-article.ts';
import rehypeCollectGarbage from './rehype-collect-garbage.ts';
import rehypeNotes from './rehype-notes.ts';
import rehypeLegend from './rehype-legend.ts';
import rehypePage from './rehype-page.ts';
import rehypeStringifyPage from './rehype-stringify-page.ts';
import rehypeVerdictSummary from './rehype-verdict-summary.ts';

export interface PipelineOptions {
  format: 'txt' | 'md';
  slug: string;
  claims: ClaimsDocument;
  claimsFile: VFile;
  /** Citation style of the notes' sources, offered first to the reader. */
  style: StyleId;
}

export function createPipeline(options: PipelineOptions) {
  const { slug, claims, style } = options;
  return createAnchorPipeline(options)
    .use(remarkForgetPositions)
    .use(remarkRehype, { handlers: claimHandlers })
    .use(rehypeCollectGarbage)
    .use(rehypeNotes, { claims, style })
    .use(rehypeCiteArticle, { source: claims.source, slug, styles: offeredStyles(style) })
    .use(rehypePage, { claims, slug })
    .use(rehypeVerdictSummary)
    .use(rehypeLegend, { claims })
    .use(rehypeStringifyPage);
}

/**
 * The first half alone: parse, number the paragraphs, anchor the claims (every problem a
 * check can find is found here). `marginalia check` runs only this.
 */
export function createAnchorPipeline(options: Pick<PipelineOptions, 'format' | 'claims' | 'claimsFile'>) {
  const { format, claims, claimsFile } = options;
  const parser =
    format === 'txt' ? unified().use(remarkParseTxt) : unified().use(remarkParseMd).use(remarkFrontmatter);
  return parser.use(remarkParagraphNumbers).use(remarkClaims, { claims, claimsFile });
}

/** The article's own style first, then the built-in ones. */
function offeredStyles(style: StyleId): StyleId[] {
  return [style, ...builtinStyleIds.filter((id) => id !== style)];
}
