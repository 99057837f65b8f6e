/**
 * The whole build chain for one article, on one screen:
 *
 *   text ─ parse (.txt: our parser; .md: remark-parse's tree, a run of blocks at a time, + front matter)
 *        ─ number paragraphs ─ anchor claims and mark them ─ forget positions (mdast)
 *        ─ remark-rehype (raw HTML dropped) ─ collect the Markdown tree (long articles)
 *        ─ notes and sources ─ cite this article ─ page          (hast)
 *        ─ stringify (rehype-stringify's output, the outer levels linked, not copied) → the page
 *
 * Claims come already read and validated (src/claims); problems found while anchoring are
 * reported on the claims file, problems in the text on the article's file. The parsers throw a
 * `LimitError` for a text past the limits (`limits.ts`), before the steps that would suffer it.
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
import { resolveLimits, type ResolvedLimits } from './limits.ts';
import rehypeCiteArticle from './rehype-cite-article.ts';
import rehypeCollectGarbage from './rehype-collect-garbage.ts';
import rehypeNotes from './rehype-notes.ts';
import rehypePage from './rehype-page.ts';
import rehypeStringifyPage from './rehype-stringify-page.ts';

export interface PipelineOptions {
  format: 'txt' | 'md';
  slug: string;
  claims: ClaimsDocument;
  claimsFile: VFile;
  /** Citation style of the notes' sources, offered first to the reader. */
  style: StyleId;
  /** Default: `defaultLimits`. */
  limits?: ResolvedLimits;
}

export function createPipeline(options: PipelineOptions) {
  const { format, slug, claims, claimsFile, style, limits = resolveLimits() } = options;
  const parser =
    format === 'txt'
      ? unified().use(remarkParseTxt, { limits })
      : unified().use(remarkParseMd, { limits }).use(remarkFrontmatter);
  return parser
    .use(remarkParagraphNumbers)
    .use(remarkClaims, { claims, claimsFile, limits })
    .use(remarkForgetPositions)
    .use(remarkRehype, { handlers: claimHandlers })
    .use(rehypeCollectGarbage)
    .use(rehypeNotes, { claims, style, claimsFile, nesting: limits.nesting })
    .use(rehypeCiteArticle, { source: claims.source, slug, styles: offeredStyles(style) })
    .use(rehypePage, { claims, slug })
    .use(rehypeStringifyPage);
}

/** The article's own style first, then the built-in ones. */
function offeredStyles(style: StyleId): StyleId[] {
  return [style, ...builtinStyleIds.filter((id) => id !== style)];
}
