/**
 * Vocabulary of anchoring (after the W3C Web Annotation selectors):
 * - a *block* is the plain text of one paragraph or heading, in reading order;
 * - the *document text* is the blocks joined by "\n\n" (this is what TextPositionSelector counts in);
 * - a *quote* is a TextQuoteSelector: exact text, with optional prefix/suffix context;
 * - a *span* is where a quote sits: a block and UTF-16 offsets into that block's raw text.
 *
 * Matching treats every run of white space (in the quote and in the text) as one space, and
 * ignores white space at the ends of `exact`. A quote never crosses a block boundary.
 */
export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface Span {
  /** Index into the blocks array. */
  block: number;
  /** Offset in the block's raw text of the first character (inclusive). */
  start: number;
  /** Offset in the block's raw text after the last character (exclusive). */
  end: number;
}

/** Context that would pick one occurrence among several. */
export interface Disambiguator {
  span: Span;
  /** Shortest run of text right before the occurrence (whole words) that no other occurrence has. */
  prefix: string;
  /** Shortest run of text right after the occurrence (whole words) that no other occurrence has. */
  suffix: string;
}

export type AnchorResult =
  | { status: 'found'; span: Span }
  | {
      status: 'not-found';
      /** Occurrences of `exact` alone, when prefix/suffix ruled them all out. */
      occurrences: Span[];
      /** The closest passage in the text (fuzzy), if any is close enough to be a useful hint. */
      closest?: { span: Span; text: string; errors: number };
      /** Set when the closest passage was not looked for: the search's budget was spent. */
      unsearched?: true;
    }
  | { status: 'ambiguous'; occurrences: Disambiguator[] };
