/**
 * Attach the claims to the article: anchor every quote in one pass over the article's text,
 * then cut the text into flat segments, each segment covered by claims wrapped in one
 * `<mark data-claims="a b">` (never a mark in a mark), and put an empty note-reference link
 * after each claim's last segment.
 *
 * Problems (quote not found, ambiguous quote) are reported on the claims file, at the quote.
 * What was anchored is left on `file.data.anchored` for the later steps (notes, annotations).
 */
import type { Element } from 'hast';
import type { Heading, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import type { Handlers } from 'mdast-util-to-hast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { anchorQuotes } from '../anchor/index.ts';
import type { AnchorResult, Span } from '../anchor/types.ts';
import type { Claim, ClaimsDocument } from '../claims/types.ts';
import { verdictLabels } from './labels.ts';
import { quoteProblemReporter } from './quote-problems.ts';
import { groupBy } from './group-by.ts';

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
  return function transformer(tree: Root, file: VFile): void {
    const blocks = articleBlocks(tree);
    const leaves = blocks.map(collectLeaves);
    const texts = leaves.map((block) => block.text);
    const results = anchorQuotes(
      texts,
      claims.claims.map((claim) => ({
        exact: claim.quote,
        ...(claim.prefix === undefined ? {} : { prefix: claim.prefix }),
        ...(claim.suffix === undefined ? {} : { suffix: claim.suffix }),
      })),
    );

    const anchored = collectAnchored(claims.claims, results, blocks, texts, claimsFile);
    const byBlock = groupBy(anchored, (item) => item.span.block);
    for (const [index, items] of byBlock) {
      const block = leaves[index];
      if (block) markBlock(block.leaves, items);
    }
    file.data.blocks = texts;
    file.data.anchored = anchored;
  };
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
 */
function markBlock(leaves: Leaf[], items: AnchoredClaim[]): void {
  const cuts = [...new Set(items.flatMap(({ span }) => [span.start, span.end]))].sort((a, b) => a - b);
  const endings = groupBy(items, (item) => item.span.end);
  const lastLeafFor = new Map<number, Leaf>();
  for (const end of endings.keys()) {
    const leaf = leaves.findLast((candidate) => candidate.start < end);
    if (leaf) lastLeafFor.set(end, leaf);
  }

  for (let index = leaves.length - 1; index >= 0; index -= 1) {
    const leaf = leaves[index];
    if (!leaf) continue;
    const { node, parent, start } = leaf;
    const end = start + node.value.length;
    const inner = cuts.filter((cut) => cut > start && cut < end);
    const bounds = [start, ...inner, end];
    const replacement: PhrasingContent[] = [];
    for (let piece = 0; piece < bounds.length - 1; piece += 1) {
      const from = bounds[piece] ?? start;
      const to = bounds[piece + 1] ?? end;
      const slice = { ...node, value: node.value.slice(from - start, to - start) } as PhrasingContent;
      const covering = items.filter(({ span }) => span.start <= from && span.end >= to && from < to);
      replacement.push(covering.length > 0 ? mark(slice, covering) : slice);
      for (const [cutEnd, ending] of endings) {
        if (cutEnd === to && lastLeafFor.get(cutEnd) === leaf) replacement.push(...ending.map(noteRef));
      }
    }
    const position = parent.children.indexOf(node);
    parent.children.splice(position, 1, ...replacement);
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

function mark(child: PhrasingContent, covering: AnchoredClaim[]): ClaimMark {
  return {
    type: 'claimMark',
    children: [child],
    data: {
      hName: 'mark',
      hProperties: {
        dataClaims: covering.map(({ claim }) => claim.id).join(' '),
        dataKind: covering.map(({ claim }) => claim.kind).join(' '),
        dataVerdict: covering.map(({ claim }) => claim.verdict ?? 'none').join(' '),
      },
    },
  };
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
        ariaLabel: `Note ${item.note}, ${item.claim.verdict ? verdictLabels[item.claim.verdict].toLowerCase() : 'no verdict'}`,
      },
    },
  };
}
