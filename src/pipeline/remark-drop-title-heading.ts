/**
 * Leave out a `.md` article's opening `#` heading when it repeats the title: the page's header
 * shows the title already. Only a level-1 heading that comes first (after the front matter)
 * and reads as the title does (typographic variants, white space and case aside) is left out;
 * it is then not part of the article's text, for claims and for the reader alike.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { foldTypography } from '../anchor/typography.ts';

export interface RemarkDropTitleHeadingOptions {
  /** The article's title (the claims file's, or the front matter's). */
  title?: string | undefined;
}

export default function remarkDropTitleHeading(options: RemarkDropTitleHeadingOptions = {}) {
  const title = options.title === undefined ? '' : comparable(options.title);
  return function transformer(tree: Root): void {
    if (title === '') return;
    const index = tree.children.findIndex((node) => (node.type as string) !== 'yaml');
    const first = tree.children[index];
    if (first?.type === 'heading' && first.depth === 1 && comparable(toString(first)) === title) {
      tree.children.splice(index, 1);
    }
  };
}

function comparable(text: string): string {
  return foldTypography(text).text.toLowerCase();
}
