/**
 * Number the article's paragraphs in reading order (headings are not counted), as the
 * contract asks: `<p id="p-N" data-paragraph="N">`. Headings get `id="h-N"` so that they can
 * be linked too. Lists are made loose so that every list paragraph stays a `<p>` with its number.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export default function remarkParagraphNumbers() {
  return function transformer(tree: Root): void {
    let paragraphs = 0;
    let headings = 0;
    visit(tree, (node) => {
      if (node.type === 'list' || node.type === 'listItem') {
        node.spread = true;
      } else if (node.type === 'paragraph') {
        paragraphs += 1;
        node.data = {
          ...node.data,
          hProperties: { id: `p-${paragraphs}`, dataParagraph: paragraphs },
        };
      } else if (node.type === 'heading') {
        headings += 1;
        node.data = { ...node.data, hProperties: { id: `h-${headings}` } };
      }
    });
  };
}
