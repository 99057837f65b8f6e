/**
 * Drop every node's `position` once the claims are anchored. Nothing after that step reports
 * a problem in the article's text, and the page has no use for them; kept, remark-rehype would
 * copy three objects per node into the HTML tree, a large share of a long article's memory.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';

export default function remarkForgetPositions() {
  return function transformer(tree: Root): void {
    const stack: Node[] = [tree];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      delete node.position;
      if ('children' in node && Array.isArray(node.children)) {
        for (const child of node.children as Node[]) stack.push(child);
      }
    }
  };
}
