/**
 * The document an article's quotes are anchored in: its blocks, where each block starts in the
 * document text (the blocks joined by {@link blockSeparator}), and the document text folded.
 */
import type { Span } from './types.ts';
import {
  foldWhiteSpace,
  folds,
  isWhiteSpace,
  rawOffset,
  sparseFolded,
  type SparseFoldedText,
} from './normalize.ts';

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
  readonly folded: SparseFoldedText;
}

export function createDocument(blocks: readonly string[]): AnchorDocument {
  return { blocks, offsets: blockOffsets(blocks), folded: foldBlocks(blocks) };
}

/**
 * `foldWhiteSpace(documentText(blocks))`, made from the blocks without joining them first. An
 * article's blocks nearly always begin and end with something other than white space, and in
 * most articles few of them have white space that folds inside them (a paragraph of a .txt
 * article is one line): then each separator is a run of its own, folded to one space, so the
 * folded text is the blocks joined by a space, and only the blocks that {@link folds} says need
 * it are folded, each on its own. Blocks that begin or end with white space, or are empty, let
 * runs reach across the separators, and folding many blocks one by one costs more than folding
 * the whole text once (a Markdown paragraph keeps its line breaks): such documents are folded
 * whole, as soon as that is clear.
 */
function foldBlocks(blocks: readonly string[]): SparseFoldedText {
  /** The most blocks that are folded one by one; past it, the whole text is folded at once. */
  const mostFolded = blocks.length >> 4;
  const foldsInside = new Uint8Array(blocks.length);
  let folding = 0;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] ?? '';
    const runsAcross =
      block === '' || isWhiteSpace(block.charCodeAt(0)) || isWhiteSpace(block.charCodeAt(block.length - 1));
    if (!runsAcross && folds(block)) {
      foldsInside[index] = 1;
      folding++;
    }
    if (runsAcross || folding > mostFolded) return foldWhiteSpace(documentText(blocks));
  }

  const shiftAt: number[] = [];
  const shiftBy: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  let removed = 0;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] ?? '';
    if (index > 0) {
      pieces.push(' ');
      length += 1;
      removed += blockSeparator.length - 1;
      shiftAt.push(length);
      shiftBy.push(removed);
    }
    if (foldsInside[index] === 0) {
      pieces.push(block);
      length += block.length;
      continue;
    }
    const folded = foldWhiteSpace(block);
    pieces.push(folded.text);
    for (let k = 0; k < folded.shiftAt.length; k++) {
      shiftAt.push(length + (folded.shiftAt[k] ?? 0));
      shiftBy.push(removed + (folded.shiftBy[k] ?? 0));
    }
    length += folded.text.length;
    removed += block.length - folded.text.length;
  }
  return sparseFolded(pieces.join(''), Uint32Array.from(shiftAt), Uint32Array.from(shiftBy));
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

/** Where many folded ranges lie in the blocks, by range (see {@link locateAll}). */
export interface Locations {
  /** The block of range `r`, or `-1` when the range does not lie inside one block. */
  readonly block: Int32Array;
  /** Offset of range `r` in its block's raw text: first character (inclusive). */
  readonly start: Int32Array;
  /** Offset of range `r` in its block's raw text: after the last character (exclusive). */
  readonly end: Int32Array;
}

/**
 * {@link spanOf} for `count` folded ranges [starts[r], ends[r]) at once, as typed arrays rather
 * than a span object each. The ranges come from a walk over the text, so they nearly always
 * come in increasing order: instead of a binary search per offset, cursors into the folding's
 * shifts and into the block offsets move from one range to the next, which costs a step or two
 * per range (they can move back too, so any order gives the right answer).
 */
export function locateAll(
  document: AnchorDocument,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
): Locations {
  const { blocks, offsets } = document;
  const { shiftAt, shiftBy } = document.folded;
  const shifts = shiftAt.length;
  const block = new Int32Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  // How many shifts lie at or before the range's start, and its end (`rawOffset` counts them).
  let startShifts = 0;
  let endShifts = 0;
  // The last block that starts at or before the range's raw start (what `blockAt` finds).
  let b = 0;
  for (let r = 0; r < count; r++) {
    const foldedStart = starts[r] ?? 0;
    const foldedEnd = ends[r] ?? 0;
    while (startShifts < shifts && (shiftAt[startShifts] ?? 0) <= foldedStart) startShifts++;
    while (startShifts > 0 && (shiftAt[startShifts - 1] ?? 0) > foldedStart) startShifts--;
    while (endShifts < shifts && (shiftAt[endShifts] ?? 0) <= foldedEnd) endShifts++;
    while (endShifts > 0 && (shiftAt[endShifts - 1] ?? 0) > foldedEnd) endShifts--;
    const rawStart = foldedStart + (startShifts === 0 ? 0 : (shiftBy[startShifts - 1] ?? 0));
    const rawEnd = foldedEnd + (endShifts === 0 ? 0 : (shiftBy[endShifts - 1] ?? 0));
    while (b + 1 < offsets.length && (offsets[b + 1] ?? 0) <= rawStart) b++;
    while (b > 0 && (offsets[b] ?? 0) > rawStart) b--;
    const blockStart = offsets[b] ?? 0;
    const blockEnd = blockStart + (blocks[b]?.length ?? 0);
    block[r] = rawStart <= blockEnd && rawEnd <= blockEnd ? b : -1;
    start[r] = rawStart - blockStart;
    end[r] = rawEnd - blockStart;
  }
  return { block, start, end };
}
