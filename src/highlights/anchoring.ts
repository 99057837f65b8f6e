/**
 * Highlights ↔ the article's text: `describeHighlight` turns a span into selectors, and
 * `anchorHighlights` finds each highlight's span again on every load, also after the article has
 * been edited.
 *
 * Matching is `src/anchor`'s: the document text folded (every run of white space is one space,
 * blocks joined by "\n\n"), a passage never crossing a block boundary, and the same test of
 * whether a prefix and suffix agree with an occurrence (white space at the boundary loose).
 *
 * A highlight is anchored by the first of these that succeeds:
 *
 * 1. **Position**: when the content hash is the one it was saved with and the text at its
 *    TextPositionSelector is still its quote (`exact`, score 1).
 * 2. **Exact quote**: the occurrences of `exact` in the text. One occurrence alone is the
 *    highlight, whatever its context: the words the reader highlighted are still there, once,
 *    and text rewritten around them must not lose them. Among several, those whose prefix and
 *    suffix agree exactly win; otherwise every occurrence is a candidate (the context around the
 *    passage was edited), ranked and accepted as below.
 * 3. **Fuzzy quote**: in each block, the passages closest to `exact` (Myers' bit-parallel
 *    search, `approx-string-match`) with at most {@link maxErrorRate} of its length in errors
 *    (Levenshtein edits in folded text).
 * 4. Otherwise the highlight is an **orphan**: it is listed with its text, never dropped.
 *
 * Candidates of one step are ranked by `quote + context / 2 + position / 100`, where
 * - `quote` = 1 − errors / length of the folded `exact` (the `score` reported; at least
 *   1 − {@link maxErrorRate});
 * - `context` = the mean of how well the saved prefix and suffix are still found next to the
 *   candidate, each 1 − (the fewest edits to find it within twice its length of text) / its
 *   length; 1 for an empty one;
 * - `position` = 1 − the distance from the saved position / the document's length.
 * So the text decides first, the context next (one error in a quote of a hundred characters
 * weighs as much as a fiftieth of the context), and the saved position only breaks ties.
 *
 * The best candidate is accepted when its context is at least {@link minContextScore}, or its
 * quote is at least {@link selfEvidentLength} folded characters long. A short quote (a word or
 * two) occurs all over an article: without its context it would land on the wrong occurrence
 * when its paragraph is deleted; a long one is unlikely to recur by chance. (A short quote that
 * occurs once is accepted in step 2 all the same: a word highlighted in a paragraph that is
 * gone comes back where the same word is left, if it is left only once. `comparison.ts`
 * measures what that costs: about 6 % of deleted passages, most of them a word or two long, come
 * back at the one place where their words are left.)
 *
 * Why at most 20 % errors: it lets a sentence-long highlight survive a few words inserted,
 * removed or corrected (three words in a hundred characters), while a different sentence on the
 * same subject is rarely that close. The editor's hint for a claim (`src/anchor/closest.ts`)
 * allows 30 %, but there a person decides; here a wrong place would silently attach the reader's
 * note to other words, and an orphan is listed with its text, so doubt makes an orphan.
 */
import search from 'approx-string-match';
import type { Span } from '../anchor/types.ts';
import { tidy } from '../anchor/closest.ts';
import { describeSpan } from '../anchor/describe.ts';
import { blockAt, createDocument, spanOf, type AnchorDocument } from '../anchor/document.ts';
import { agrees, foldContext, type Context } from '../anchor/context.ts';
import { normalizeWhiteSpace, toFoldedOffset, trimSpaces } from '../anchor/normalize.ts';
import type { HighlightTarget } from './model.ts';
import { contentHash } from './article-text.ts';

/** Characters of context saved on each side of a highlight. */
export const contextLength = 32;
/** The most errors a fuzzy match may have, as a share of the quote's length. */
export const maxErrorRate = 0.2;
/** The least context score a candidate needs, unless its quote is self-evident. */
export const minContextScore = 0.5;
/** Folded length from which a quote is accepted on its own, whatever its context. */
export const selfEvidentLength = 32;

/**
 * Where a highlight is in the current text:
 * - `exact`: at its saved position, with its saved text;
 * - `moved`: its saved text, elsewhere (text was added or removed before it);
 * - `fuzzy`: text close to its saved text (the passage itself was edited);
 * - `orphan`: not found.
 * `score` is how much of the saved text is still there: 1 − errors / its length.
 */
export type HighlightAnchor =
  { status: 'exact' | 'moved' | 'fuzzy'; span: Span; score: number } | { status: 'orphan' };

/**
 * The selectors and content hash of a span of the article (one block: a selection across
 * paragraphs makes one highlight per paragraph). White space at the span's ends is left out.
 *
 * @throws RangeError when the span is not in the blocks or holds only white space.
 */
export function describeHighlight(blocks: readonly string[], span: Span): HighlightTarget {
  const { exact, prefix, suffix, start, end } = describeSpan(blocks, span, contextLength);
  if (exact === '') throw new RangeError('Nothing to highlight: the span is only white space');
  return { quote: { exact, prefix, suffix }, position: { start, end }, contentHash: contentHash(blocks) };
}

/** Anchors one highlight (see {@link anchorHighlights} for many). */
export function anchorHighlight(blocks: readonly string[], highlight: HighlightTarget): HighlightAnchor {
  return anchorHighlights(blocks, [highlight])[0] ?? { status: 'orphan' };
}

/** Anchors each highlight in the blocks: one result per highlight, in order. */
export function anchorHighlights(
  blocks: readonly string[],
  highlights: readonly HighlightTarget[],
): HighlightAnchor[] {
  const document = createDocument(blocks);
  const hash = contentHash(blocks);
  const blockTexts = foldedBlocks(document);
  return highlights.map(
    (highlight) =>
      (highlight.contentHash === hash ? atPosition(document, highlight) : undefined) ??
      byQuote(document, blockTexts, highlight),
  );
}

/** Step 1: the saved position, when the text there is still the quote. */
function atPosition(
  document: AnchorDocument,
  { quote, position }: HighlightTarget,
): HighlightAnchor | undefined {
  const block = blockAt(document.offsets, position.start);
  const offset = document.offsets[block] ?? 0;
  const text = document.blocks[block] ?? '';
  const span = { block, start: position.start - offset, end: position.end - offset };
  if (span.end > text.length || text.slice(span.start, span.end) !== quote.exact) return undefined;
  return { status: 'exact', span, score: 1 };
}

interface Candidate {
  /** Folded range. */
  start: number;
  end: number;
  span: Span;
  errors: number;
  /** Whether the saved prefix and suffix agree exactly. */
  agrees?: boolean;
}

/** Steps 2 to 4. */
function byQuote(
  document: AnchorDocument,
  blockTexts: ReadonlyArray<{ start: number; text: string }>,
  { quote, position }: HighlightTarget,
): HighlightAnchor {
  const text = document.folded.text;
  const exact = trimSpaces(normalizeWhiteSpace(quote.exact));
  if (exact === '') return { status: 'orphan' };
  const context = foldContext(quote);

  const occurrences: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const span = spanOf(document, at, at + exact.length);
    if (span) occurrences.push({ start: at, end: at + exact.length, span, errors: 0 });
  }
  for (const occurrence of occurrences) occurrence.agrees = agrees(text, occurrence, context);
  const agreeing = occurrences.filter((occurrence) => occurrence.agrees);

  let best =
    occurrences.length === 1
      ? occurrences[0]
      : pick(document, agreeing.length > 0 ? agreeing : occurrences, exact, context, position.start);
  if (best === undefined) {
    const limit = Math.floor(exact.length * maxErrorRate);
    const close: Candidate[] = [];
    for (const block of limit > 0 ? blockTexts : []) {
      // A block shorter than the quote less its allowed errors cannot hold a match.
      if (block.text.length < exact.length - limit) continue;
      for (const match of search(block.text, exact, limit)) {
        const range = tidy(text, block.start + match.start, block.start + match.end);
        const span = range && spanOf(document, range.start, range.end);
        if (range && span) close.push({ ...range, span, errors: match.errors });
      }
    }
    best = pick(document, close, exact, context, position.start);
  }
  if (best === undefined) return { status: 'orphan' };

  const start = (document.offsets[best.span.block] ?? 0) + best.span.start;
  const end = start + best.span.end - best.span.start;
  const status =
    best.errors > 0 ? 'fuzzy' : start === position.start && end === position.end ? 'exact' : 'moved';
  return { status, span: best.span, score: 1 - best.errors / exact.length };
}

/** The best of the candidates by the ranking above, if it is accepted. */
function pick(
  document: AnchorDocument,
  candidates: readonly Candidate[],
  exact: string,
  context: Context,
  savedStart: number,
): Candidate | undefined {
  const text = document.folded.text;
  const size = Math.max(1, document.folded.toRaw[text.length] ?? 1);
  let best: { candidate: Candidate; rank: number; context: number } | undefined;
  for (const candidate of candidates) {
    const contextScore = candidate.agrees
      ? 1
      : (similarity(context.prefix, text, candidate.start, -1) +
          similarity(context.suffix, text, candidate.end, 1)) /
        2;
    const start = (document.offsets[candidate.span.block] ?? 0) + candidate.span.start;
    const rank =
      1 -
      candidate.errors / exact.length +
      contextScore / 2 +
      (1 - Math.min(1, Math.abs(start - savedStart) / size)) / 100;
    if (best === undefined || rank > best.rank) best = { candidate, rank, context: contextScore };
  }
  if (best === undefined) return undefined;
  return best.context >= minContextScore || exact.length >= selfEvidentLength ? best.candidate : undefined;
}

/**
 * How well the saved context (folded) is still found next to `origin` in the folded text: before
 * it (direction -1) or after it (1), within twice its length. 1 − the fewest edits / its length.
 */
function similarity(saved: string, text: string, origin: number, direction: -1 | 1): number {
  const pattern = trimSpaces(saved);
  if (pattern === '') return 1;
  const reach = pattern.length * 2;
  const window =
    direction === -1 ? text.slice(Math.max(0, origin - reach), origin) : text.slice(origin, origin + reach);
  let errors = pattern.length;
  for (const match of window === '' ? [] : search(window, pattern, pattern.length)) {
    errors = Math.min(errors, match.errors);
  }
  return 1 - errors / pattern.length;
}

/** Each block's folded text and where it starts in the folded document text. */
function foldedBlocks(document: AnchorDocument): Array<{ start: number; text: string }> {
  const { folded, offsets, blocks } = document;
  return blocks.map((block, index) => {
    const start = toFoldedOffset(folded, offsets[index] ?? 0);
    const end = toFoldedOffset(folded, (offsets[index] ?? 0) + block.length);
    return { start, text: folded.text.slice(start, end) };
  });
}
