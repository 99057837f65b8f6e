import { tidyQuote, widenToWords } from '../cite/quote.ts';

/**
 * The page's text as a text fragment sees it, and where a selection of the article lies in it.
 *
 * The page text is the text of the page's light DOM in document order: every text node's
 * characters as they are (a line break inside a text node counts as a space, so that each node
 * keeps its length), with one line break between blocks (the elements a browser lays out as
 * blocks: paragraphs, headings, list items, sections…), and nothing of what is not shown
 * (`hidden`, scripts, styles, templates). It is what `textDirective` in `src/cite/text-fragment.ts`
 * expects (it collapses runs of white space itself), and it holds the whole page, not the
 * article alone, because the notes repeat the article's words and a link must pick its passage
 * out of all of them. The reader's own shadow-root interface is not in it.
 */

/** Elements that begin and end a block: a line break in the page text. */
const blockTags = new Set(
  (
    'address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hr li main marginalia-reader nav ol p pre section summary table tbody ' +
    'td tfoot th thead tr ul'
  ).split(' '),
);

/** Elements whose text is never shown. */
const unseenTags = new Set(['head', 'noscript', 'script', 'style', 'template', 'title']);

/** The blocks a quotation is made of: the article's paragraphs, headings and other blocks. */
export const blockSelector = [...blockTags].filter((tag) => tag !== 'marginalia-reader').join(',');

export interface PageText {
  readonly text: string;
  /** The text nodes the text is made of, in document order, and the offset of each in the text. */
  readonly nodes: readonly Text[];
  readonly starts: readonly number[];
}

/** Reads the page text under `root` (the document's body). */
export function readPageText(root: Node): PageText {
  let text = '';
  let pendingBreak = false;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      // Nothing, or white space at a block's edge (which is not shown).
      if (data === '' || (pendingBreak && !/\S/.test(data))) return;
      if (pendingBreak && text !== '') text += '\n';
      pendingBreak = false;
      nodes.push(node as Text);
      starts.push(text.length);
      text += data.replace(/[\n\r\u2028\u2029]/g, ' ');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName ?? '';
    if (unseenTags.has(tag) || element.hasAttribute?.('hidden')) return;
    const block = blockTags.has(tag);
    pendingBreak ||= block;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    pendingBreak ||= block;
  };
  visit(root);
  return { text, nodes, starts };
}

/**
 * The offset in the page text of a DOM boundary point (a selection's start or end): in a text
 * node of the page text, that node's offset plus the point's; anywhere else, the offset of the
 * first text after the point (the text's length when there is none).
 */
export function offsetAt(page: PageText, container: Node, offset: number): number {
  const index = page.nodes.indexOf(container as Text);
  if (index !== -1) return (page.starts[index] ?? 0) + Math.min(offset, (container as Text).data.length);
  const point = container.ownerDocument?.createRange() ?? document.createRange();
  point.setStart(container, offset);
  let low = 0;
  let high = page.nodes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const node = page.nodes[middle];
    if (node && point.comparePoint(node, 0) < 0) low = middle + 1;
    else high = middle;
  }
  return low < page.nodes.length ? (page.starts[low] ?? page.text.length) : page.text.length;
}

/** A passage of the article, ready to be quoted and linked to. */
export interface ArticlePassage {
  /** Its place in the page text: the selection without white space at its ends, widened to whole words. */
  start: number;
  end: number;
  /** The quotation, one tidied string per block (see `tidyQuote`). */
  paragraphs: string[];
  /** The first and last paragraph number (`data-paragraph`) among its blocks; null when none has one. */
  numbers: [first: number, last: number] | null;
  /** The id of its first block that has one (`p-3`, `h-1`), for the link; "" when none has. */
  targetId: string;
}

/**
 * Where the selection `range` lies in the page text, without the white space at its ends (a
 * triple-clicked paragraph ends at the start of the next block), when it holds text and lies
 * within `article`; undefined otherwise (also for a selection in a shadow root): such a
 * selection is the browser's to copy.
 */
export function passageBounds(
  page: PageText,
  range: Range,
  article: Element,
): { start: number; end: number } | undefined {
  // A selection in a shadow root (the reader's own interface) is not in the page text.
  const tree = article.getRootNode();
  if (range.startContainer.getRootNode() !== tree || range.endContainer.getRootNode() !== tree)
    return undefined;
  let start = offsetAt(page, range.startContainer, range.startOffset);
  let end = offsetAt(page, range.endContainer, range.endOffset);
  const { text } = page;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (start === end) return undefined;
  if (start < offsetAt(page, article, 0) || end > offsetAt(page, article, article.childNodes.length)) {
    return undefined;
  }
  return { start, end };
}

/**
 * The passage that `range` selects in `article` (see `passageBounds`), widened to whole words,
 * with its paragraphs and its link target; undefined when it is not a selection of the article.
 */
export function articlePassage(page: PageText, range: Range, article: Element): ArticlePassage | undefined {
  const bounds = passageBounds(page, range, article);
  if (!bounds) return undefined;
  const { text } = page;
  const { start, end } = widenToWords(text, bounds.start, bounds.end);

  const blocks: Element[] = [];
  page.nodes.forEach((node, index) => {
    const from = page.starts[index] ?? 0;
    if (from >= end || from + node.data.length <= start) return;
    const overlap = text.slice(Math.max(from, start), Math.min(from + node.data.length, end));
    const block = node.parentElement?.closest(blockSelector);
    if (/\S/.test(overlap) && block && block !== blocks.at(-1)) blocks.push(block);
  });
  const numbers = blocks
    .map((block) => Number(block.closest('[data-paragraph]')?.getAttribute('data-paragraph')))
    .filter((number) => Number.isInteger(number) && number > 0);
  const first = numbers[0];
  const last = numbers.at(-1);
  return {
    start,
    end,
    paragraphs: tidyQuote(text.slice(start, end).split('\n')),
    numbers: first === undefined || last === undefined ? null : [first, last],
    targetId: blocks.map((block) => block.closest('[id]')?.id ?? '').find((id) => id !== '') ?? '',
  };
}

/** Something that lives and dies with the reader element (a Lit reactive controller host). */
interface Host {
  addController(controller: { hostConnected?(): void; hostDisconnected?(): void }): void;
}

/**
 * The page text of a document, read again only after the page changed (a mutation observer
 * watches it while the reader is connected).
 */
export class PageTextSource {
  private readonly _root: Node;
  private _page: PageText | undefined;
  private readonly _observer = new MutationObserver(() => {
    this._page = undefined;
  });

  constructor(host: Host, root: Node) {
    this._root = root;
    host.addController(this);
  }

  get current(): PageText {
    return (this._page ??= readPageText(this._root));
  }

  hostConnected(): void {
    this._page = undefined;
    this._observer.observe(this._root, {
      childList: true,
      characterData: true,
      subtree: true,
      attributeFilter: ['hidden'],
    });
  }

  hostDisconnected(): void {
    this._observer.disconnect();
  }
}
