/**
 * rehype-stringify for a whole page, with the same output: hast-util-to-html with its default
 * options, but the top of the tree (the page's few outer elements) is written piece by piece
 * and joined with `+`, which links strings rather than copying them.
 *
 * hast-util-to-html joins each element's children into one new string at every level, so a page
 * of 25 MB is copied once per level of nesting above its paragraphs (html, body, the reader, the
 * article), and each copy is garbage as soon as the next level is made: most of a large build's
 * peak memory. Below `splitDepth` and inside elements whose text is not escaped (script, style
 * and the like) each node is handed to hast-util-to-html whole.
 */
import type { Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Plugin } from 'unified';

/** Deep enough to reach the article's blocks and the notes' list items. */
const splitDepth = 6;
/** Elements whose children are written differently from elsewhere: always serialised whole. */
const wholeElements = new Set([
  'script',
  'style',
  'template',
  'textarea',
  'title',
  'noscript',
  'svg',
  'math',
]);
/** Stands for an element's content in its serialised shell: a private-use character, never escaped. */
const marker = '\uE000';

const rehypeStringifyPage: Plugin<[], Root, string> = function () {
  this.compiler = (tree) => pageHtml(tree as Root);
};
export default rehypeStringifyPage;

/** The HTML of `node`, equal to `toHtml(node)`. */
export function pageHtml(node: Nodes, depth = 0): string {
  if (node.type === 'root') {
    let html = '';
    for (const child of node.children) html += pageHtml(child, depth + 1);
    return html;
  }
  if (
    node.type !== 'element' ||
    depth >= splitDepth ||
    node.children.length === 0 ||
    wholeElements.has(node.tagName)
  ) {
    return toHtml(node);
  }
  // The element's own tags, around a marker in place of its content. The marker is found from
  // the end: an attribute value could hold one, the closing tag cannot.
  const shell = toHtml({ ...node, children: [{ type: 'text', value: marker }] });
  const at = shell.lastIndexOf(marker);
  let html = shell.slice(0, at);
  for (const child of node.children) html += pageHtml(child, depth + 1);
  return html + shell.slice(at + marker.length);
}
