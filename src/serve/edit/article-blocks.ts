/**
 * An article's blocks as the build anchors quotes in them (`file.data.blocks` of
 * `remark-claims`), each with the id its element has in the page (`p-3`, `h-1`): the build's own
 * first steps, run with no claims. Kept per article while its text is unchanged.
 */
import { readFile } from 'node:fs/promises';
import type { Heading, Paragraph, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { ArticlePaths } from '../../build/discover.ts';
import remarkClaims from '../../pipeline/remark-claims.ts';
import remarkParagraphNumbers from '../../pipeline/remark-paragraph-numbers.ts';
import remarkParseMd from '../../pipeline/remark-parse-md.ts';
import remarkParseTxt from '../../pipeline/remark-parse-txt.ts';
import { hashOf } from './claims-file.ts';

export interface ArticleBlocks {
  /** The blocks' plain text, in reading order. */
  texts: string[];
  /** The id of each block's element in the page. */
  ids: string[];
}

const cache = new Map<string, { hash: string; blocks: ArticleBlocks }>();

/** The blocks of `text`, an article in `format`. */
export async function blocksOf(text: string, format: ArticlePaths['format']): Promise<ArticleBlocks> {
  const ids: string[] = [];
  const collectIds = () => (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading') return;
      const id = (node as Paragraph | Heading).data?.hProperties?.['id'];
      ids.push(typeof id === 'string' ? id : '');
    });
  };
  const parser =
    format === 'txt' ? unified().use(remarkParseTxt) : unified().use(remarkParseMd).use(remarkFrontmatter);
  const processor = parser
    .use(remarkParagraphNumbers)
    .use(remarkClaims, {
      claims: { source: {}, references: [], claims: [] },
      claimsFile: new VFile(),
    })
    .use(collectIds);
  const file = new VFile({ value: text });
  await processor.run(processor.parse(file), file);
  return { texts: file.data.blocks ?? [], ids };
}

/** The blocks of an article's text as it is on disk now. */
export async function articleBlocks(article: ArticlePaths): Promise<ArticleBlocks> {
  if (article.article === undefined) return { texts: [], ids: [] };
  const text = await readFile(article.article, 'utf8');
  const hash = hashOf(text);
  const known = cache.get(article.article);
  if (known?.hash === hash) return known.blocks;
  const blocks = await blocksOf(text, article.format);
  cache.set(article.article, { hash, blocks });
  return blocks;
}
