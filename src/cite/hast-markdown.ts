/**
 * Inline Markdown of a formatted citation's safe hast (`format.ts`): emphasis and strong
 * emphasis (citeproc's `i`/`em`, `b`/`strong` and their `csl-font-…` spans), links, and text
 * escaped so that Markdown shows it as written. Everything else gives its text.
 */
import type { ElementContent } from 'hast';
import { escapeMarkdown } from './copy-formats.ts';

export function hastToMarkdown(nodes: readonly ElementContent[]): string {
  return nodes.map(inline).join('');
}

function inline(node: ElementContent): string {
  if (node.type === 'text') return escapeMarkdown(node.value);
  if (node.type !== 'element') return '';
  const inner = hastToMarkdown(node.children);
  if (node.tagName === 'a') {
    const href = String(node.properties['href'] ?? '');
    const label = node.children.map(text).join('');
    if (href === '') return inner;
    return label === href ? `<${href}>` : `[${inner}](${href.replace(/[()\\]/g, '\\$&')})`;
  }
  const classes = Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : [];
  const mark =
    node.tagName === 'i' || node.tagName === 'em' || classes.includes('csl-font-style-italic')
      ? '*'
      : node.tagName === 'b' || node.tagName === 'strong' || classes.includes('csl-font-weight-bold')
        ? '**'
        : '';
  if (mark === '' || inner.trim() === '') return inner;
  const lead = /^\s*/.exec(inner)?.[0] ?? '';
  const tail = /\s*$/.exec(inner)?.[0] ?? '';
  return `${lead}${mark}${inner.trim()}${mark}${tail}`;
}

function text(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(text).join('');
  return '';
}
