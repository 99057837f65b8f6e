/**
 * Anchoring: quote → position (`anchorQuotes`) and position → quote (`describeSpan`), over an
 * article's blocks. Pure functions, no DOM.
 */
export type { AnchorResult, Disambiguator, Span, TextQuote } from './types.ts';
export { anchorQuotes } from './match.ts';
export { findClosest, maxErrors, type Closest } from './closest.ts';
export { describeSpan, spanDescriber, type SpanDescription } from './describe.ts';
export { blockOffsets, blockSeparator, documentText } from './document.ts';
export {
  foldWhiteSpace,
  isWhiteSpace,
  normalizeWhiteSpace,
  toFoldedOffset,
  toRawRange,
  type FoldedText,
} from './normalize.ts';
