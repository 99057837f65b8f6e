/**
 * Attach the claims to the article: anchor every quote in one pass over the article's text,
 * then cut the text into flat segments, each segment covered by claims wrapped in one
 * `<mark data-claims="a b">` (never a mark in a mark), and put an empty note-reference link
 * after each claim's last segment.
 *
 * Problems (quote not found, ambiguous quote) are reported on the claims file, at the quote.
 * What was anchored is left on `file.data.anchored` for the later steps (notes, annotations).
 *
 * Limits (`limits.ts`): quotes that occur too many times in all stop the anchoring, and more
 * claims than the limit covering the same words stop the marking (each mark names every claim
 * that covers it, so the page would grow with the square of the claims); both are errors at a
 * claim. The marking works in time proportional to the block's leaves and marks.
 */
import type { Element, Properties } from 'hast';
import type { Heading, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import type { Handlers } from 'mdast-util-to-hast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { anchorQuotes } from '../anchor/index.ts';
import { TooManyOccurrences } from '../anchor/scan.ts';
import type { AnchorResult, Span } from '../anchor/types.ts';
import type { Claim, ClaimsDocument } from '../claims/types.ts';
import { kindLabels, verdictLabels } from './labels.ts';
import { quoteProblemReporter } from './quote-problems.ts';
import { error } from './report.ts';
import { groupBy } from './group-by.ts';
import { count, defaultLimits } from './limits.ts';

export interface AnchoredClaim {
  claim: Claim;
  span: Span;
  /** 1-based note number, in reading order. */
  note: number;
  /** 1-based paragraph number; absent when the claim sits in a heading. */
  paragraph?: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The article's blocks (paragraphs and headings) as plain text, in reading order. */
    blocks: string[];
    /** Claims that were anchored, in reading order. */
    anchored: AnchoredClaim[];
  }
}

export interface RemarkClaimsOptions {
  claims: ClaimsDocument;
  /** The claims file, where problems are reported. */
  claimsFile: VFile;
  /** Most claims covering the same words, and most occurrences of the quotes in all. */
  limits?: { overlap: number; occurrences: number };
}

/** A mark segment in mdast: turned into `<mark>` by remark-rehype through `data.hName`. */
interface ClaimMark extends Parent {
  type: 'claimMark';
  children: PhrasingContent[];
}
/** An empty link to a claim's note: `<a class="marginalia-noteref">`. */
interface ClaimNoteRef extends Node {
  type: 'claimNoteRef';
  data: { hName: 'a'; hProperties: Record<string, string | number | string[]> };
}
declare module 'mdast' {
  interface PhrasingContentMap {
    claimMark: ClaimMark;
    claimNoteRef: ClaimNoteRef;
  }
  interface RootContentMap {
    claimMark: ClaimMark;
    claimNoteRef: ClaimNoteRef;
  }
}

type Block = Paragraph | Heading;

/** A run of text in a block: a text or inline-code node, and where it sits in the block's text. */
interface Leaf {
  node: PhrasingContent & { value: string };
  parent: Parent;
  start: number;
}

export default function remarkClaims(options: RemarkClaimsOptions) {
  const { claims, claimsFile } = options;
  const { overlap, occurrences } = options.limits ?? defaultLimits;
  return function transformer(tree: Root, file: VFile): void {
    const blocks = articleBlocks(tree);
    const leaves = blocks.map(collectLeaves);
    const texts = leaves.map((block) => block.text);
    file.data.blocks = texts;
    file.data.anchored = [];
    let results: AnchorResult[];
    try {
      results = anchorQuotes(
        texts,
        claims.claims.map((claim) => ({
          exact: claim.quote,
          ...(claim.prefix === undefined ? {} : { prefix: claim.prefix }),
          ...(claim.suffix === undefined ? {} : { suffix: claim.suffix }),
        })),
        { maxOccurrences: occurrences },
      );
    } catch (cause) {
      if (!(cause instanceof TooManyOccurrences)) throw cause;
      const claim = claims.claims[cause.pattern];
      error(
        claimsFile,
        `The quotes occur more than ${count(cause.limit)} times in the article in all, more than the limit; the quote of claim "${claim?.id ?? ''}" alone occurs at least ${count(cause.occurrences)} times: quote longer passages`,
        claim?.positions.quote ?? claim?.positions.claim,
        'too-many-occurrences',
      );
      return;
    }

    const anchored = collectAnchored(claims.claims, results, blocks, texts, claimsFile);
    const byBlock = groupBy(anchored, (item) => item.span.block);
    for (const items of byBlock.values()) {
      const crowded = mostOverlapping(items, overlap);
      if (crowded) {
        error(
          claimsFile,
          `Claim "${crowded.claim.id}" covers words that ${count(overlap)} other claims cover too, more than the limit of ${count(overlap)} claims on the same words: merge some of them`,
          crowded.claim.positions.quote ?? crowded.claim.positions.claim,
          'too-many-overlapping-claims',
        );
        return;
      }
    }
    for (const [index, items] of byBlock) {
      const block = leaves[index];
      if (block) markBlock(block.leaves, items);
    }
    file.data.anchored = anchored;
  };
}

/**
 * The first claim (in reading order) that makes more than `limit` claims cover the same
 * character of the block, or `undefined`.
 */
function mostOverlapping(items: readonly AnchoredClaim[], limit: number): AnchoredClaim | undefined {
  if (items.length <= limit) return undefined;
  // Items come sorted by start; the ends of those still open, smallest first.
  const open: number[] = [];
  for (const item of items) {
    while (open.length > 0 && (open[0] ?? 0) <= item.span.start) popMin(open);
    if (item.span.start === item.span.end) continue;
    pushHeap(open, item.span.end);
    if (open.length > limit) return item;
  }
  return undefined;
}

function pushHeap(heap: number[], value: number): void {
  heap.push(value);
  for (let at = heap.length - 1; at > 0;) {
    const parent = (at - 1) >> 1;
    if ((heap[parent] ?? 0) <= value) break;
    heap[at] = heap[parent] ?? 0;
    heap[parent] = value;
    at = parent;
  }
}

function popMin(heap: number[]): void {
  const last = heap.pop() ?? 0;
  if (heap.length === 0) return;
  heap[0] = last;
  for (let at = 0; ;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let least = at;
    if (left < heap.length && (heap[left] ?? 0) < (heap[least] ?? 0)) least = left;
    if (right < heap.length && (heap[right] ?? 0) < (heap[least] ?? 0)) least = right;
    if (least === at) break;
    const value = heap[at] ?? 0;
    heap[at] = heap[least] ?? 0;
    heap[least] = value;
    at = least;
  }
}

function collectAnchored(
  claims: Claim[],
  results: AnchorResult[],
  blocks: Block[],
  texts: string[],
  claimsFile: VFile,
): AnchoredClaim[] {
  const found: Array<Omit<AnchoredClaim, 'note'>> = [];
  let report: ReturnType<typeof quoteProblemReporter> | undefined;
  claims.forEach((claim, index) => {
    const result = results[index];
    if (!result) return;
    if (result.status === 'found') {
      const paragraph = paragraphNumber(blocks[result.span.block]);
      found.push({ claim, span: result.span, ...(paragraph === undefined ? {} : { paragraph }) });
    } else {
      report ??= quoteProblemReporter({ texts, paragraphs: blocks.map(paragraphNumber) }, claimsFile);
      report(claim, result);
    }
  });
  found.sort((a, b) => a.span.block - b.span.block || a.span.start - b.span.start || b.span.end - a.span.end);
  return found.map((item, index) => ({ ...item, note: index + 1 }));
}

/** The article's blocks, paragraphs and headings, in reading order. */
export function articleBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading') blocks.push(node);
  });
  return blocks;
}

/** A block's paragraph number (set by `remark-paragraph-numbers`); none for a heading. */
export function paragraphNumber(block: Block | undefined): number | undefined {
  const value = block?.data?.hProperties?.['dataParagraph'];
  return typeof value === 'number' ? value : undefined;
}

/** The text runs of a block, in order, with the block's plain text. */
export function collectLeaves(block: Block): { text: string; leaves: Leaf[] } {
  const leaves: Leaf[] = [];
  let text = '';
  const walk = (parent: Parent): void => {
    for (const child of parent.children) {
      if (child.type === 'text' || child.type === 'inlineCode') {
        leaves.push({ node: child, parent, start: text.length });
        text += child.value;
      } else if (child.type === 'break') {
        text += '\n';
      } else if ('children' in child) {
        walk(child);
      }
    }
  };
  walk(block);
  return { text, leaves };
}

/**
 * Cut the block's text runs at every claim boundary and wrap each covered piece in a mark.
 * Works leaf by leaf from the end, so that earlier indices stay valid while splicing.
 *
 * The claims' starts and ends cut the block's text into intervals; each claim is listed in the
 * intervals it covers (at most `overlap` claims each), and a piece of a leaf, which lies in one
 * interval, is covered by that interval's claims. Leaves that no claim touches stay as they are.
 */
function markBlock(leaves: Leaf[], items: AnchoredClaim[]): void {
  const cuts = [...new Set(items.flatMap(({ span }) => [span.start, span.end]))].sort((a, b) => a - b);
  const covering: AnchoredClaim[][] = cuts.map(() => []);
  for (const item of items) {
    const last = lastAtMost(cuts, item.span.end);
    for (let interval = lastAtMost(cuts, item.span.start); interval < last; interval++) {
      covering[interval]?.push(item);
    }
  }
  const coveringOf = (from: number, to: number): AnchoredClaim[] => {
    if (from >= to) return [];
    const interval = lastAtMost(cuts, from);
    return interval >= 0 && (cuts[interval + 1] ?? -1) >= to ? (covering[interval] ?? []) : [];
  };
  const endings = groupBy(items, (item) => item.span.end);
  const starts = leaves.map((leaf) => leaf.start);
  const lastLeafFor = new Map<number, Leaf>();
  for (const end of endings.keys()) {
    const leaf = leaves[lastBelow(starts, end)];
    if (leaf) lastLeafFor.set(end, leaf);
  }
  const indexes = new Map<Parent, Map<Node, number>>();
  const indexOf = (parent: Parent, node: Node): number => {
    let index = indexes.get(parent);
    if (index === undefined) {
      index = new Map(parent.children.map((child, at) => [child, at]));
      indexes.set(parent, index);
    }
    return index.get(node) ?? -1;
  };

  for (let index = leaves.length - 1; index >= 0; index -= 1) {
    const leaf = leaves[index];
    if (!leaf) continue;
    const { node, parent, start } = leaf;
    const end = start + node.value.length;
    const bounds = [start];
    for (let cut = lastAtMost(cuts, start) + 1; cut < cuts.length && (cuts[cut] ?? end) < end; cut++) {
      bounds.push(cuts[cut] ?? end);
    }
    bounds.push(end);
    const replacement: PhrasingContent[] = [];
    let changed = bounds.length > 2;
    for (let piece = 0; piece < bounds.length - 1; piece += 1) {
      const from = bounds[piece] ?? start;
      const to = bounds[piece + 1] ?? end;
      const slice = { ...node, value: node.value.slice(from - start, to - start) } as PhrasingContent;
      const over = coveringOf(from, to);
      if (over.length > 0) changed = true;
      replacement.push(over.length > 0 ? mark(slice, over, from) : slice);
      const ending = lastLeafFor.get(to) === leaf ? endings.get(to) : undefined;
      if (ending) {
        changed = true;
        for (const item of ending) replacement.push(noteRef(item));
      }
    }
    if (changed) replaceAt(parent.children, indexOf(parent, node), replacement);
  }
}

/** The index of the last value in the sorted `values` that is at most `value`, or -1. */
function lastAtMost(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The index of the last value in the sorted `values` that is below `value`, or -1. */
function lastBelow(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** `list[index]` replaced by `items`, without passing them all as arguments at once. */
function replaceAt<T>(list: T[], index: number, items: readonly T[]): void {
  list.splice(index, 1);
  for (let from = 0; from < items.length; from += 8192) {
    list.splice(index + from, 0, ...items.slice(from, from + 8192));
  }
}

/**
 * remark-rehype handlers for the marks and note references. Without them the default handler
 * deep-copies each node's `hProperties`, once per mark: a tenth of a large build's conversion.
 * These properties are made for the one element and handed over as they are.
 */
export const claimHandlers: Partial<Handlers> = {
  claimMark(state, node: ClaimMark) {
    const result: Element = {
      type: 'element',
      tagName: 'mark',
      properties: node.data?.hProperties ?? {},
      children: state.all(node),
    };
    state.patch(node, result);
    return result;
  },
  claimNoteRef(state, node: ClaimNoteRef) {
    const result: Element = {
      type: 'element',
      tagName: 'a',
      properties: node.data.hProperties,
      children: [],
    };
    state.patch(node, result);
    return result;
  },
};

/**
 * A mark over `child`, which starts at `from` in its block. The first mark of a claim (where its
 * passage starts) points to the claim's note (`aria-details`) and is described by its note
 * reference (`aria-describedby`, whose label names the note, the kind and the verdict): written
 * here once, rather than by the reader on every page load.
 */
function mark(child: PhrasingContent, covering: AnchoredClaim[], from: number): ClaimMark {
  const properties: Properties = {
    dataClaims: covering.map(({ claim }) => claim.id).join(' '),
    dataKind: covering.map(({ claim }) => claim.kind).join(' '),
    dataVerdict: covering.map(({ claim }) => claim.verdict ?? 'none').join(' '),
  };
  const starting = covering.filter(({ span }) => span.start === from);
  if (starting.length > 0) {
    properties['ariaDescribedBy'] = starting.map(({ claim }) => `ref-${claim.id}`);
    properties['ariaDetails'] = starting.map(({ claim }) => `note-${claim.id}`).join(' ');
  }
  return { type: 'claimMark', children: [child], data: { hName: 'mark', hProperties: properties } };
}

function noteRef(item: AnchoredClaim): ClaimNoteRef {
  return {
    type: 'claimNoteRef',
    data: {
      hName: 'a',
      hProperties: {
        className: ['marginalia-noteref'],
        href: `#note-${item.claim.id}`,
        id: `ref-${item.claim.id}`,
        dataNote: item.note,
        dataVerdict: item.claim.verdict ?? 'none',
        ariaLabel: `Note ${item.note}: ${kindLabels[item.claim.kind].toLowerCase()}, ${item.claim.verdict ? verdictLabels[item.claim.verdict].toLowerCase() : 'no verdict'}`,
      },
    },
  };
}
