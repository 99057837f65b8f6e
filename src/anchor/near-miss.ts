/**
 * Why a quote that is not in the article is not there, when the reason is one a person would
 * not see: only for quotes that failed to anchor (anchoring itself stays exact and fast).
 *
 * - `typography`: the quote folds (`typography.ts`) to a passage of one block: it differs only
 *   by typographic variants, each listed.
 * - `paragraph-break`: the quote, folded, runs from one block into the next: it crosses a
 *   paragraph break (blocks are joined by a space in the fold, as white space matches).
 * - `markdown`: the quote has Markdown syntax (a link's `[text](url)`, emphasis, code…) and
 *   its text without the syntax is in one block: it was copied from the `.md` source.
 *
 * Each finding gives the article's passage, so that the message can show it and `fix` can
 * write it in place of the quote. Occurrences whose context disagrees with the quote's prefix
 * or suffix (folded alike) are left out while another agrees.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import type { Span, TextQuote } from './types.ts';
import {
  foldTypography,
  typographicDifferences,
  type Difference,
  type TypographicFold,
} from './typography.ts';

export type NearMiss =
  | { kind: 'typography'; span: Span; passage: string; differences: Difference[] }
  | { kind: 'markdown'; span: Span; passage: string; syntax: string[]; differences: Difference[] }
  | { kind: 'paragraph-break'; spans: Span[]; passages: string[] };

/** A function that explains a quote that is not in `blocks`, or `undefined` when it cannot. */
export type NearMissFinder = (quote: TextQuote) => NearMiss | undefined;

interface FoldedDocument {
  /** The blocks' folds joined by one space. */
  text: string;
  folds: TypographicFold[];
  /** Where each block's fold starts in `text`. */
  starts: number[];
}

/** Folds the blocks once, when first needed; then explains quotes one by one. */
export function nearMissFinder(blocks: readonly string[]): NearMissFinder {
  let document: FoldedDocument | undefined;
  return (quote) => {
    document ??= foldDocument(blocks);
    return explainFolded(blocks, document, quote, quote.exact) ?? explainMarkdown(blocks, document, quote);
  };
}

function foldDocument(blocks: readonly string[]): FoldedDocument {
  const folds = blocks.map(foldTypography);
  const starts: number[] = [];
  let offset = 0;
  for (const fold of folds) {
    starts.push(offset);
    offset += fold.text.length + 1;
  }
  return { text: folds.map((fold) => fold.text).join(' '), folds, starts };
}

function explainFolded(
  blocks: readonly string[],
  document: FoldedDocument,
  quote: TextQuote,
  exact: string,
): Exclude<NearMiss, { kind: 'markdown' }> | undefined {
  const wanted = foldTypography(exact).text;
  if (wanted === '') return undefined;
  const within: Span[] = [];
  const across: Span[][] = [];
  for (let at = document.text.indexOf(wanted); at !== -1; at = document.text.indexOf(wanted, at + 1)) {
    if (!contextAgrees(document.text, at, at + wanted.length, quote)) continue;
    const spans = spansOf(document, at, at + wanted.length);
    if (spans.length === 1 && spans[0]) within.push(spans[0]);
    else if (spans.length > 1) across.push(spans);
  }
  const [span] = within;
  if (span) {
    const passage = blocks[span.block]?.slice(span.start, span.end) ?? '';
    return { kind: 'typography', span, passage, differences: typographicDifferences(exact, passage) };
  }
  const [spans] = across;
  if (spans) {
    const passages = spans.map((part) => blocks[part.block]?.slice(part.start, part.end) ?? '');
    return { kind: 'paragraph-break', spans, passages };
  }
  return undefined;
}

/** Markdown that may be in a quote: link and image brackets, emphasis, code, escapes, HTML. */
const markdownSyntax = /[*_`\\<]|\]\(|!\[|\]\[/u;
/** Longer quotes are not read as Markdown: none copied from an article is that long. */
const longestMarkdownQuote = 2000;

function explainMarkdown(
  blocks: readonly string[],
  document: FoldedDocument,
  quote: TextQuote,
): NearMiss | undefined {
  if (quote.exact.length > longestMarkdownQuote || !markdownSyntax.test(quote.exact)) return undefined;
  let read: { text: string; syntax: string[] };
  try {
    read = readMarkdown(quote.exact);
  } catch {
    // A quote nested past what the Markdown parser can take is no copied Markdown.
    return undefined;
  }
  const { text, syntax } = read;
  if (syntax.length === 0 || text.trim() === '' || text === quote.exact) return undefined;
  const found = explainFolded(blocks, document, quote, text);
  if (found?.kind !== 'typography') return undefined;
  const { span, passage, differences } = found;
  return { kind: 'markdown', span, passage, syntax, differences };
}

const syntaxNames: Partial<Record<Nodes['type'], string>> = {
  link: 'a link’s [text](address)',
  linkReference: 'a link’s [text][label]',
  image: 'an image’s ![text](address)',
  emphasis: 'emphasis (*…* or _…_)',
  strong: 'strong emphasis (**…**)',
  inlineCode: 'code (`…`)',
  html: 'HTML tags',
};

/**
 * The text a reader sees of a piece of Markdown (raw HTML left out), and the kinds of syntax in
 * it, each named once in the order met. The tree is walked with a stack of our own: a quote may
 * nest as deep as its writer likes.
 */
function readMarkdown(markdown: string): { text: string; syntax: string[] } {
  const found = new Set<string>();
  const pieces: string[] = [];
  const stack: Nodes[] = [fromMarkdown(markdown)];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const name = syntaxNames[node.type];
    if (name) found.add(name);
    if ('children' in node)
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k] as Nodes);
    else if (node.type !== 'html' && 'value' in node) pieces.push(node.value);
  }
  return { text: pieces.join(''), syntax: [...found] };
}

/** Whether the quote's prefix and suffix, folded, are the folded text around [start, end). */
function contextAgrees(text: string, start: number, end: number, quote: TextQuote): boolean {
  const prefix = foldTypography(quote.prefix ?? '').text;
  const suffix = foldTypography(quote.suffix ?? '').text;
  let before = start;
  while (before > 0 && text.charCodeAt(before - 1) === 0x20) before--;
  let after = end;
  while (after < text.length && text.charCodeAt(after) === 0x20) after++;
  return text.endsWith(prefix, before) && text.startsWith(suffix, after);
}

/** The raw spans, one per block, of the folded range [start, end) of the document. */
function spansOf(document: FoldedDocument, start: number, end: number): Span[] {
  const { folds, starts } = document;
  let block = 0;
  let high = starts.length - 1;
  while (block < high) {
    const middle = (block + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= start) block = middle;
    else high = middle - 1;
  }
  const spans: Span[] = [];
  for (; block < folds.length && (starts[block] ?? 0) < end; block++) {
    const fold = folds[block];
    const offset = starts[block] ?? 0;
    if (!fold) break;
    const from = Math.max(start, offset) - offset;
    const to = Math.min(end, offset + fold.text.length) - offset;
    if (from < to) spans.push({ block, start: fold.rawStart[from] ?? 0, end: fold.rawEnd[to - 1] ?? 0 });
  }
  return spans;
}
