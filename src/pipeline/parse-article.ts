/**
 * The start of the build chain, shared by the build and `marginalia fix`: parse the article
 * (`.txt` by our parser; `.md` by remark-parse's, with front matter, its title heading left out
 * when it repeats the title) and number its paragraphs. `readArticleBlocks` gives the blocks
 * that quotes are anchored in, as the build sees them.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { resolveLimits, type ResolvedLimits } from './limits.ts';
import remarkDropTitleHeading from './remark-drop-title-heading.ts';
import remarkParagraphNumbers from './remark-paragraph-numbers.ts';
import remarkParseMd from './remark-parse-md.ts';
import remarkParseTxt from './remark-parse-txt.ts';
import { articleBlocks, collectLeaves, paragraphNumber } from './remark-claims.ts';
import type { ArticleBlocks } from './quote-problems.ts';

/** The parser of an article; past `limits` it throws a `LimitError` (`limits.ts`). */
export function articleParser(
  format: 'txt' | 'md',
  title: string | undefined,
  limits: ResolvedLimits = resolveLimits(),
) {
  const parser =
    format === 'txt'
      ? unified().use(remarkParseTxt, { limits })
      : unified()
          .use(remarkParseMd, { limits })
          .use(remarkFrontmatter)
          .use(remarkDropTitleHeading, { title });
  return parser.use(remarkParagraphNumbers);
}

/**
 * The article's blocks and their paragraph numbers, as anchoring sees them. Synchronous, so
 * that a caller can run it within a time limit (`../build/time-limit.ts`).
 *
 * @throws LimitError for a text past `limits`.
 */
export function readArticleBlocks(
  text: string,
  format: 'txt' | 'md',
  title: string | undefined,
  limits: ResolvedLimits = resolveLimits(),
): ArticleBlocks {
  const processor = articleParser(format, title, limits);
  const file = new VFile({ value: text });
  const tree = processor.runSync(processor.parse(file), file);
  const blocks = articleBlocks(tree as Root);
  return { texts: blocks.map((block) => collectLeaves(block).text), paragraphs: blocks.map(paragraphNumber) };
}
