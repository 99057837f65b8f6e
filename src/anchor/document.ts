/**
 * The document an article's quotes are anchored in: its blocks, where each block starts in the
 * document text (the blocks joined by {@link blockSeparator}), and the document text folded.
 */
import type { Span } from './types.ts';
import { foldWhiteSpace, rawOffset, type FoldedText } from './normalize.ts';

/** What joins the blocks into the document text (it folds to one space, like any white space). */
export const blockSeparator = '\n\n';

/** The document text: the blocks joined by {@link blockSeparator}. */
export function documentText(blocks: readonly string[]): string {
  return blocks.join(blockSeparator);
}

/**
 * Where each block starts in the document text: the document offset of block `b`'s offset `o`
 * is `blockOffsets(blocks)[b] + o`.
 */
export function blockOffsets(blocks: readonly string[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    offsets.push(offset);
    offset += block.length + blockSeparator.length;
  }
  return offsets;
}

/** The index of the block that holds document offset `offset` (or the separator after it). */
export function blockAt(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((offsets[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

export interface AnchorDocument {
  readonly blocks: readonly string[];
  /** {@link blockOffsets} of the blocks. */
  readonly offsets: readonly number[];
  /** The document text, folded. */
  readonly folded: FoldedText;
}

export function createDocument(blocks: readonly string[]): AnchorDocument {
  return { blocks, offsets: blockOffsets(blocks), folded: foldWhiteSpace(documentText(blocks)) };
}

/**
 * The span of the folded range [start, end) of the document, or `undefined` when that range
 * does not lie inside one block (it crosses a block boundary).
 */
export function spanOf(document: AnchorDocument, start: number, end: number): Span | undefined {
  const rawStart = rawOffset(document.folded, start);
  const rawEnd = rawOffset(document.folded, end);
  const block = blockAt(document.offsets, rawStart);
  const blockStart = document.offsets[block] ?? 0;
  const blockEnd = blockStart + (document.blocks[block]?.length ?? 0);
  if (rawStart > blockEnd || rawEnd > blockEnd) return undefined;
  return { block, start: rawStart - blockStart, end: rawEnd - blockStart };
}
