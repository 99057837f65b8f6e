/**
 * A note's preview, from the sanitised hast the server sends to DOM nodes made one by one with
 * `createElement` and text nodes: no HTML is ever parsed, only the elements and attributes of
 * a note are made, and a link goes only to http(s) or mailto.
 */
import type { PreviewNode } from './protocol.ts';

const allowedTags = new Set([
  'p',
  'em',
  'strong',
  'a',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
  'del',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'sup',
  'sub',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value, location.href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The DOM nodes of `nodes`; an element not allowed keeps only its text. */
export function previewNodes(nodes: readonly PreviewNode[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (node.type === 'text') return [document.createTextNode(node.value)];
    if (node.type !== 'element') return [];
    const children = previewNodes(node.children ?? []);
    if (!allowedTags.has(node.tagName)) return children;
    const element = document.createElement(node.tagName);
    if (node.tagName === 'a') {
      const href = safeHref(node.properties['href']);
      if (href !== undefined) element.setAttribute('href', href);
      element.setAttribute('rel', 'noopener noreferrer');
      element.setAttribute('target', '_blank');
    }
    element.append(...children);
    return [element];
  });
}
