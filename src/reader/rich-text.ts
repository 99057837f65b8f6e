import { escapeHtml, escapeMarkdown, safeHref } from '../cite/copy-formats.ts';

/**
 * Part of the page (a note's body, its sources, a formatted reference) as the clipboard's three
 * flavours. The HTML is rebuilt, not copied: only paragraphs, lists, quotations, headings (as
 * paragraphs), emphasis, code and links are kept, without any attribute but a link's `href`,
 * made absolute and kept only for http, https and file URLs. Everything else gives its text.
 */

export interface RichText {
  /** Blocks separated by a blank line, list items on their own lines ("- " or "1. "). */
  plain: string;
  markdown: string;
  html: string;
}

interface Inline {
  plain: string;
  markdown: string;
  html: string;
}

interface Block extends Inline {
  /** A list item's list (its items are kept together), or undefined. */
  list?: Element;
  /** Its number in an ordered list, 0 in an unordered one. */
  number?: number;
  quoted: boolean;
}

/** Markdown marks and HTML elements of the inline elements kept. */
const inlineMarks: Readonly<Record<string, readonly [markdown: string, html: string]>> = {
  em: ['*', 'em'],
  i: ['*', 'i'],
  cite: ['*', 'cite'],
  strong: ['**', 'strong'],
  b: ['**', 'b'],
  del: ['~~', 'del'],
  s: ['~~', 's'],
  sub: ['', 'sub'],
  sup: ['', 'sup'],
};

const blockTags = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'section', 'figure']);

/**
 * The three flavours of `nodes` (the children of a note's body, a reference's nodes). Relative
 * links are resolved against `base` (the page's address).
 */
export function richText(nodes: Iterable<Node>, base: string): RichText {
  const blocks: Block[] = [];
  collect(nodes, base, blocks, false);
  const plain: string[] = [];
  const markdown: string[] = [];
  let html = '';
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1];
    const sameList = block.list !== undefined && block.list === previous?.list;
    const gap = index === 0 ? '' : sameList ? '\n' : '\n\n';
    const marker = block.list === undefined ? '' : block.number ? `${block.number}. ` : '- ';
    plain.push(gap, marker, block.plain);
    markdown.push(gap, block.quoted ? '> ' : '', marker, block.markdown);
    if (previous?.list !== undefined && !sameList) html += listEnd(previous);
    if (previous?.quoted && !block.quoted) html += '</blockquote>';
    if (block.quoted && !previous?.quoted) html += '<blockquote>';
    if (block.list !== undefined && !sameList) html += block.number ? '<ol>' : '<ul>';
    html += block.list === undefined ? `<p>${block.html}</p>` : `<li>${block.html}</li>`;
  });
  const last = blocks.at(-1);
  if (last?.list !== undefined) html += listEnd(last);
  if (last?.quoted) html += '</blockquote>';
  return { plain: plain.join(''), markdown: markdown.join(''), html };
}

function listEnd(block: Block): string {
  return block.number ? '</ol>' : '</ul>';
}

/** Adds the blocks of `nodes` to `blocks`: block elements each give one, runs of inline content one. */
function collect(nodes: Iterable<Node>, base: string, blocks: Block[], quoted: boolean): void {
  let run: Node[] = [];
  const flush = (): void => {
    const content = joinInline(run.map((node) => inline(node, base)));
    run = [];
    if (content.plain.trim() !== '') blocks.push({ ...trimInline(content), quoted });
  };
  for (const node of nodes) {
    const tag = node.nodeType === Node.ELEMENT_NODE ? (node as Element).localName : '';
    if (tag === 'ul' || tag === 'ol') {
      flush();
      let number = tag === 'ol' ? Number((node as Element).getAttribute('start')) || 1 : 0;
      for (const item of (node as Element).children) {
        if (item.localName !== 'li') continue;
        const content = trimInline(inlineOfBlocks(item, base));
        blocks.push({ ...content, list: node as Element, number, quoted });
        if (number) number += 1;
      }
    } else if (tag === 'blockquote') {
      flush();
      collect(node.childNodes, base, blocks, true);
    } else if (blockTags.has(tag)) {
      flush();
      collect(node.childNodes, base, blocks, quoted);
    } else {
      run.push(node);
    }
  }
  flush();
}

/** A list item's content on one line: its paragraphs joined by a space. */
function inlineOfBlocks(element: Element, base: string): Inline {
  const parts = [...element.childNodes].map((node) =>
    node.nodeType === Node.ELEMENT_NODE && blockTags.has((node as Element).localName)
      ? joinInline([
          { plain: ' ', markdown: ' ', html: ' ' },
          ...[...node.childNodes].map((child) => inline(child, base)),
        ])
      : inline(node, base),
  );
  return joinInline(parts);
}

function inline(node: Node, base: string): Inline {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = (node as Text).data.replace(/\s+/g, ' ');
    return { plain: text, markdown: escapeMarkdown(text), html: escapeHtml(text) };
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return { plain: '', markdown: '', html: '' };
  const element = node as Element;
  const tag = element.localName;
  if (tag === 'br') return { plain: '\n', markdown: '\\\n', html: '<br>' };
  if (tag === 'code') {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ');
    const fence = text.includes('`') ? '``' : '`';
    return { plain: text, markdown: `${fence}${text}${fence}`, html: `<code>${escapeHtml(text)}</code>` };
  }
  const inner = joinInline([...element.childNodes].map((child) => inline(child, base)));
  if (tag === 'a') return link(element, inner, base);
  const marks = inlineMarks[tag === 'span' ? spanStyle(element) : tag];
  if (!marks || inner.plain.trim() === '') return inner;
  const [markdownMark, htmlTag] = marks;
  const { lead, core, tail } = edges(inner.markdown);
  return {
    plain: inner.plain,
    markdown: `${lead}${markdownMark}${core}${markdownMark}${tail}`,
    html: `<${htmlTag}>${inner.html}</${htmlTag}>`,
  };
}

/** What a citeproc span's class stands for (`csl-font-style-italic` → em), if anything. */
function spanStyle(element: Element): string {
  if (element.classList.contains('csl-font-style-italic')) return 'em';
  if (element.classList.contains('csl-font-weight-bold')) return 'strong';
  return '';
}

function link(element: Element, inner: Inline, base: string): Inline {
  let href: string | null = null;
  try {
    href = safeHref(new URL(element.getAttribute('href') ?? '', base).href);
  } catch {
    href = null;
  }
  if (href === null || element.getAttribute('href') === null) return inner;
  const label = inner.plain.trim();
  const target = href.replace(/[()\\]/g, '\\$&');
  return {
    plain: label === '' || label === href ? href : `${inner.plain} (${href})`,
    markdown: label === '' ? `<${href}>` : `[${inner.markdown}](${target})`,
    html: `<a href="${escapeHtml(href)}">${label === '' ? escapeHtml(href) : inner.html}</a>`,
  };
}

function joinInline(parts: readonly Inline[]): Inline {
  return {
    plain: parts.map((part) => part.plain).join(''),
    markdown: parts.map((part) => part.markdown).join(''),
    html: parts.map((part) => part.html).join(''),
  };
}

/** Inline content without white space at its ends, and with runs of spaces made one. */
function trimInline(content: Inline): Inline {
  const tidy = (text: string): string => text.replace(/ {2,}/g, ' ').trim();
  return { plain: tidy(content.plain), markdown: tidy(content.markdown), html: tidy(content.html) };
}

/** Splits the white space at the ends off, so that emphasis marks hug the text as Markdown asks. */
function edges(text: string): { lead: string; core: string; tail: string } {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const tail = /\s*$/.exec(text.slice(lead.length))?.[0] ?? '';
  return { lead, core: text.slice(lead.length, text.length - tail.length), tail };
}
