/**
 * Position → quote: the W3C TextQuoteSelector (`exact`, `prefix`, `suffix`) and
 * TextPositionSelector (`start`, `end`, in the document text) of a span. `anchorQuotes` finds a
 * description again, unless the same quote has the same context elsewhere, white space between
 * the context and the quote aside (matching ignores it there).
 */
import type { Span } from './types.ts';
import { blockAt, blockOffsets, blockSeparator } from './document.ts';
import { isHighSurrogate, isLowSurrogate, isWhiteSpace } from './normalize.ts';

export interface SpanDescription {
  exact: string;
  /** Up to `contextLength` characters of document text right before `exact`. */
  prefix: string;
  /** Up to `contextLength` characters of document text right after `exact`. */
  suffix: string;
  /** Offset of `exact` in the document text (the blocks joined by "\n\n"). */
  start: number;
  /** Offset right after `exact` in the document text. */
  end: number;
}

/**
 * Describes a span. White space at the span's ends is left out of `exact` (matching ignores
 * it) and so falls into the context. Context never ends in half of a surrogate pair.
 */
export function describeSpan(blocks: readonly string[], span: Span, contextLength = 32): SpanDescription {
  return spanDescriber(blocks, contextLength)(span);
}

/**
 * {@link describeSpan} for many spans of the same blocks: where each block starts is worked out
 * once, not once per span.
 */
export function spanDescriber(
  blocks: readonly string[],
  contextLength = 32,
): (span: Span) => SpanDescription {
  const offsets = blockOffsets(blocks);
  return (span) => {
    const block = blocks[span.block];
    if (block === undefined || span.start < 0 || span.end < span.start || span.end > block.length) {
      throw new RangeError(`No span ${JSON.stringify(span)} in ${blocks.length} blocks`);
    }
    let { start, end } = span;
    while (start < end && isWhiteSpace(block.charCodeAt(start))) start++;
    while (end > start && isWhiteSpace(block.charCodeAt(end - 1))) end--;

    const blockStart = offsets[span.block] ?? 0;
    const documentStart = blockStart + start;
    const documentEnd = blockStart + end;
    let prefix = documentSlice(blocks, offsets, documentStart - contextLength, documentStart);
    let suffix = documentSlice(blocks, offsets, documentEnd, documentEnd + contextLength);
    if (isLowSurrogate(prefix.charCodeAt(0))) prefix = prefix.slice(1);
    if (isHighSurrogate(suffix.charCodeAt(suffix.length - 1))) suffix = suffix.slice(0, -1);
    return { exact: block.slice(start, end), prefix, suffix, start: documentStart, end: documentEnd };
  };
}

/** The document text from `from` to `to` (clamped), without joining all the blocks. */
function documentSlice(
  blocks: readonly string[],
  offsets: readonly number[],
  from: number,
  to: number,
): string {
  from = Math.max(0, from);
  let text = '';
  for (let index = blockAt(offsets, from); index < blocks.length; index++) {
    const pieceStart = offsets[index] ?? 0;
    if (pieceStart >= to) break;
    // The block and the separator after it (none after the last), in the block's offsets.
    const block = blocks[index] ?? '';
    const pieceFrom = Math.max(0, from - pieceStart);
    const pieceTo = to - pieceStart;
    text += block.slice(pieceFrom, pieceTo);
    if (index < blocks.length - 1 && pieceTo > block.length) {
      text += blockSeparator.slice(Math.max(0, pieceFrom - block.length), pieceTo - block.length);
    }
  }
  return text;
}
