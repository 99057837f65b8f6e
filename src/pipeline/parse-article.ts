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
import remarkDropTitleHeading from './remark-drop-title-heading.ts';
import remarkParagraphNumbers from './remark-paragraph-numbers.ts';
import remarkParseMd from './remark-parse-md.ts';
import remarkParseTxt from './remark-parse-txt.ts';
import { articleBlocks, collectLeaves, paragraphNumber } from './remark-claims.ts';
import type { ArticleBlocks } from './quote-problems.ts';

export function articleParser(format: 'txt' | 'md', title: string | undefined) {
  const parser =
    format === 'txt'
      ? unified().use(remarkParseTxt)
      : unified().use(remarkParseMd).use(remarkFrontmatter).use(remarkDropTitleHeading, { title });
  return parser.use(remarkParagraphNumbers);
}

/** The article's blocks and their paragraph numbers, as anchoring sees them. */
export async function readArticleBlocks(
  text: string,
  format: 'txt' | 'md',
  title: string | undefined,
): Promise<ArticleBlocks> {
  const processor = articleParser(format, title);
  const file = new VFile({ value: text });
  const tree = await processor.run(processor.parse(file), file);
  const blocks = articleBlocks(tree as Root);
  return { texts: blocks.map((block) => collectLeaves(block).text), paragraphs: blocks.map(paragraphNumber) };
}
