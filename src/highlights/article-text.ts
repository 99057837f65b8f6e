/**
 * The article's text as highlights see it.
 *
 * - The *blocks* are the texts (`textContent`) of the article's paragraphs (`p[data-paragraph]`)
 *   and headings, in document order: what the page shows, since the build marks claims with
 *   `<mark>` and adds note numbers with empty links, neither of which changes the text.
 * - The *document text* is the blocks joined by "\n\n", as `src/anchor` joins them: a highlight's
 *   TextPositionSelector counts UTF-16 code units in it.
 * - The *content hash* tells whether the document text is still the one a highlight was saved
 *   against, so that its position can be trusted without searching.
 *
 * The DOM functions here only read the page; the rest is pure.
 */
import type { Span } from '../anchor/types.ts';
import { blockSeparator } from '../anchor/document.ts';

/** Everything a highlight needs to know of the article's text. */
export interface ArticleText {
  /** The blocks' texts, in reading order. */
  blocks: readonly string[];
  /** Each block's element id (`p-3`, `h-1`), "" when it has none. */
  ids: readonly string[];
  /** Each block's paragraph number (1-based, as the page numbers them), 0 for a heading. */
  paragraphs: readonly number[];
}

/** The elements whose texts are the blocks, in document order. */
export const blockSelector = 'p[data-paragraph], h1, h2, h3, h4, h5, h6';

/** Reads the article's text from the article element (`.marginalia-article`). */
export function readArticleText(article: ParentNode): ArticleText & { elements: Element[] } {
  const elements = [...article.querySelectorAll(blockSelector)];
  return {
    elements,
    blocks: elements.map((element) => element.textContent ?? ''),
    ids: elements.map((element) => element.id),
    paragraphs: elements.map((element) => Number(element.getAttribute('data-paragraph')) || 0),
  };
}

/**
 * The hash of the document text: 32-bit FNV-1a over its UTF-16 code units, in hexadecimal, then
 * ":" and the text's length (`"9f3c01ab:5120"`). Not cryptographic: it only has to change when the
 * text changes. A collision (about one chance in four billion for a changed text) costs nothing
 * worse than a search, since a position is only used when the text there is still the quote.
 * White space counts: positions count it too.
 */
export function contentHash(blocks: readonly string[]): string {
  let hash = 0x811c9dc5;
  let length = 0;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    length += text.length;
  };
  blocks.forEach((block, index) => {
    if (index > 0) add(blockSeparator);
    add(block);
  });
  return `${(hash >>> 0).toString(16).padStart(8, '0')}:${length}`;
}

/** The paragraph number of the block a span is in, 0 for a heading. */
export function paragraphOf(text: ArticleText, span: Span): number {
  return text.paragraphs[span.block] ?? 0;
}

/**
 * The spans of the blocks that a DOM range (a reader's selection) covers: one per block it
 * touches, empty ones left out. A range that starts or ends outside the blocks is cut to them.
 */
export function spansOfRange(elements: readonly Element[], range: Range): Span[] {
  const spans: Span[] = [];
  elements.forEach((element, block) => {
    if (!range.intersectsNode(element)) return;
    const length = element.textContent?.length ?? 0;
    const start = element.contains(range.startContainer)
      ? offsetIn(element, range.startContainer, range.startOffset)
      : 0;
    const end = element.contains(range.endContainer)
      ? offsetIn(element, range.endContainer, range.endOffset)
      : length;
    if (start < end) spans.push({ block, start, end });
  });
  return spans;
}

/** The text offset in `element` of the DOM boundary point (`node`, `offset`). */
function offsetIn(element: Element, node: Node, offset: number): number {
  const range = element.ownerDocument.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** A DOM range over a span of a block, e.g. to paint a highlight; `undefined` when the span is not there. */
export function rangeOfSpan(elements: readonly Element[], span: Span): Range | undefined {
  const element = elements[span.block];
  if (element === undefined) return undefined;
  const start = pointAt(element, span.start);
  const end = pointAt(element, span.end);
  if (start === undefined || end === undefined) return undefined;
  const range = element.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/**
 * The text node and offset at text offset `offset` of `element`. An offset between two text
 * nodes is put at the end of the first, so that a range ending there stays inside its mark.
 */
function pointAt(element: Element, offset: number): { node: Node; offset: number } | undefined {
  let remaining = offset;
  let found: { node: Node; offset: number } | undefined;
  const visit = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const length = node.nodeValue?.length ?? 0;
      if (remaining <= length) {
        found = { node, offset: remaining };
        return true;
      }
      remaining -= length;
      return false;
    }
    for (const child of node.childNodes) if (visit(child)) return true;
    return false;
  };
  visit(element);
  return found ?? (offset === 0 ? { node: element, offset: 0 } : undefined);
}
