/**
 * The page's header (`header.marginalia-header`, which `rehype-page` writes inside
 * `<marginalia-reader>`), found without walking the article: the plugins that add to it after
 * `rehype-page` look for it among the first few levels of the page only.
 */
import type { Element, Root, RootContent } from 'hast';

/** How deep the header sits: html → body → marginalia-reader → main → header. */
const headerDepth = 5;

export function pageHeader(tree: Root): Element | undefined {
  const search = (nodes: RootContent[], depth: number): Element | undefined => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const classes = node.properties['className'];
      if (node.tagName === 'header' && Array.isArray(classes) && classes.includes('marginalia-header'))
        return node;
      if (depth < headerDepth && node.tagName !== 'article') {
        const found = search(node.children, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(tree.children, 1);
}
