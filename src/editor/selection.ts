/**
 * A selection in the article, as the server needs it to make a quote: the block (paragraph or
 * heading) it lies in, the selected text, and the block's text before it. A claim's quote stays
 * inside one block, so a selection across blocks is refused here already.
 */
import type { QuoteRequest } from './protocol.ts';

/** The article's blocks whose ids the build gave them: paragraphs (`p-N`) and headings (`h-N`). */
const blockSelector =
  'p[id^="p-"], h1[id^="h-"], h2[id^="h-"], h3[id^="h-"], h4[id^="h-"], h5[id^="h-"], h6[id^="h-"]';

export type SelectedPassage =
  { ok: true; request: Omit<QuoteRequest, 'slug'>; range: Range } | { ok: false; reason: string };

function blockOf(node: Node, article: Element): Element | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest(blockSelector);
  return block && article.contains(block) ? block : undefined;
}

/** The passage the document's selection makes, or why it makes none; undefined for no selection in the article. */
export function selectedPassage(selection: Selection | null): SelectedPassage | undefined {
  const article = document.querySelector('article.marginalia-article');
  if (!article || !selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== article)
    return undefined;
  const exact = range.toString();
  if (exact.trim() === '') return undefined;
  const start = blockOf(range.startContainer, article);
  const end = blockOf(range.endContainer, article);
  if (!start || start !== end) {
    return { ok: false, reason: 'A claim’s quote stays within one paragraph: select words of one paragraph' };
  }
  const before = document.createRange();
  before.setStart(start, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return { ok: true, request: { block: start.id, exact, before: before.toString() }, range };
}
