/**
 * The closest passage to a quote that is not in the text: a hint for the editor ("did you mean
 * …?"), never an anchor.
 *
 * Search: Myers' bit-parallel approximate matching (`approx-string-match`) of the folded quote
 * over the folded text of each block in turn, so a passage never crosses a block boundary.
 * Errors are Levenshtein edits (a character inserted, deleted or replaced) in folded text, so
 * white space differences cost nothing but a missing space costs one.
 *
 * Scoring: a passage is a candidate when its errors are at most
 * `min(max(5, 30% of the quote's length), half the quote's length)` (the cap keeps a short quote
 * from "matching" anything at all). Among candidates the best has
 *   1. the fewest errors, then
 *   2. the most of the quote's prefix and suffix agreeing with the text around it, then
 *   3. the earliest place in the document.
 * White space at the ends of a passage is left out of it.
 */
import search from 'approx-string-match';
import type { Span, TextQuote } from './types.ts';
import { createDocument, spanOf, type AnchorDocument } from './document.ts';
import { agreement, foldContext, type Context, type Range } from './context.ts';
import {
  isHighSurrogate,
  isLowSurrogate,
  normalizeWhiteSpace,
  toFoldedOffset,
  trimSpaces,
} from './normalize.ts';

export interface Closest {
  span: Span;
  /** The passage's raw text. */
  text: string;
  /** Edits between the folded quote and the folded passage. */
  errors: number;
}

/** The most errors a passage may have and still be a hint for a quote of `length` characters. */
export function maxErrors(length: number): number {
  return Math.min(Math.max(5, Math.floor(length * 0.3)), Math.floor(length / 2));
}

/** The closest passage to `quote.exact` in the blocks, or `undefined` when none is close. */
export function findClosest(blocks: readonly string[], quote: TextQuote): Closest | undefined {
  const exact = trimSpaces(normalizeWhiteSpace(quote.exact));
  return closestFinder(createDocument(blocks))(exact, foldContext(quote));
}

interface Candidate extends Closest {
  agreement: number;
}

/**
 * A function that finds the closest passage to a folded, trimmed quote in `document`. The
 * blocks' folded texts are cut once, when the finder is made.
 */
export function closestFinder(
  document: AnchorDocument,
): (exact: string, context: Context) => Closest | undefined {
  const { folded, offsets, blocks } = document;
  const blockRanges = blocks.map((block, index) => {
    const start = toFoldedOffset(folded, offsets[index] ?? 0);
    const end = toFoldedOffset(folded, (offsets[index] ?? 0) + block.length);
    return { start, text: folded.text.slice(start, end) };
  });

  return (exact, context) => {
    if (exact === '') return undefined;
    let best: Candidate | undefined;
    for (const block of blockRanges) {
      if (block.text === '') continue;
      const limit = best?.errors ?? maxErrors(exact.length);
      for (const match of search(block.text, exact, limit)) {
        const range = tidy(folded.text, block.start + match.start, block.start + match.end);
        const span = range && spanOf(document, range.start, range.end);
        if (range === undefined || span === undefined) continue;
        const candidate: Candidate = {
          span,
          text: blocks[span.block]?.slice(span.start, span.end) ?? '',
          errors: match.errors,
          agreement: agreement(folded.text, range, context),
        };
        if (best === undefined || isBetter(candidate, best)) best = candidate;
      }
    }
    if (best === undefined) return undefined;
    return { span: best.span, text: best.text, errors: best.errors };
  };
}

/** Candidates come in document order, so an equal one is never better. */
function isBetter(candidate: Candidate, best: Candidate): boolean {
  if (candidate.errors !== best.errors) return candidate.errors < best.errors;
  return candidate.agreement > best.agreement;
}

/**
 * The range without spaces at its ends and without half of a surrogate pair at either end
 * (widened to the whole character), or `undefined` when nothing is left.
 */
export function tidy(text: string, start: number, end: number): Range | undefined {
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  if (start === end) return undefined;
  if (isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end++;
  return { start, end };
}
