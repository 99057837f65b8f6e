/**
 * Quote → position: anchors all of an article's quotes in one pass over its text.
 *
 * 1. The document text (the blocks joined by "\n\n") is folded once: every run of white space
 *    becomes one space, with a map back to raw offsets (`normalize.ts`).
 * 2. Each quote's `exact` is folded and trimmed; all of them are searched for together in one
 *    walk over the folded text (`scan.ts`: a rolling hash of the first 12 characters looked up
 *    in a table of the quotes' hashes, each hit verified; quotes shorter than 12 characters
 *    add a walk per distinct length). Equal quotes are searched for once.
 * 3. An occurrence whose raw range crosses a block boundary is dropped: a quote stays in one
 *    block. What remains are the quote's *occurrences*.
 * 4. The prefix and suffix, folded, pick among the occurrences (`context.ts`); white space
 *    between them and the quote is optional, and they may reach across block boundaries, where
 *    the separator counts as white space.
 *    - one survivor: `found`;
 *    - several: `ambiguous`, each with the shortest whole-word prefix and suffix that would
 *      pick it;
 *    - none: `not-found`, with the occurrences that the prefix or suffix ruled out; when there
 *      are none, the closest passage as a hint, from the fuzzy search of `closest.ts` (which so
 *      runs only for quotes that are not in the text at all).
 */
import type { AnchorResult, Span, TextQuote } from './types.ts';
import { createDocument, spanOf, type AnchorDocument } from './document.ts';
import { agrees, disambiguate, foldContext, type Range } from './context.ts';
import { closestFinder, type Closest } from './closest.ts';
import { normalizeWhiteSpace, trimSpaces } from './normalize.ts';
import { findAll } from './scan.ts';

interface Occurrence extends Range {
  span: Span;
}

/** Anchors each quote in the blocks: one result per quote, in order. */
export function anchorQuotes(blocks: readonly string[], quotes: readonly TextQuote[]): AnchorResult[] {
  const document = createDocument(blocks);
  const { text } = document.folded;
  const exacts = quotes.map((quote) => trimSpaces(normalizeWhiteSpace(quote.exact)));
  const starts = findAll(text, exacts);
  const occurrencesOf = new Map<string, Occurrence[]>();
  let findClosest: ReturnType<typeof closestFinder> | undefined;

  return quotes.map((quote, index): AnchorResult => {
    const exact = exacts[index] ?? '';
    let occurrences = occurrencesOf.get(exact);
    if (occurrences === undefined) {
      occurrences = inOneBlock(document, starts[index] ?? [], exact.length);
      occurrencesOf.set(exact, occurrences);
    }
    const context = foldContext(quote);
    const surviving = occurrences.filter((occurrence) => agrees(text, occurrence, context));

    const [first] = surviving;
    if (first !== undefined && surviving.length === 1) {
      return { status: 'found', span: copy(first.span) };
    }
    if (surviving.length > 1) {
      const contexts = disambiguate(text, surviving);
      return {
        status: 'ambiguous',
        occurrences: surviving.map((occurrence, i) => ({
          span: copy(occurrence.span),
          prefix: contexts[i]?.prefix ?? '',
          suffix: contexts[i]?.suffix ?? '',
        })),
      };
    }

    // The ruled-out occurrences are the hint when there are some; otherwise the closest passage.
    let closest: Closest | undefined;
    if (occurrences.length === 0) {
      findClosest ??= closestFinder(document);
      closest = findClosest(exact, context);
    }
    const spans = occurrences.map((occurrence) => copy(occurrence.span));
    return closest === undefined
      ? { status: 'not-found', occurrences: spans }
      : { status: 'not-found', occurrences: spans, closest };
  });
}

/** The occurrences starting at `starts` (folded offsets) that lie inside one block. */
function inOneBlock(document: AnchorDocument, starts: readonly number[], length: number): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const start of starts) {
    const end = start + length;
    const span = spanOf(document, start, end);
    if (span !== undefined) occurrences.push({ start, end, span });
  }
  return occurrences;
}

function copy(span: Span): Span {
  return { block: span.block, start: span.start, end: span.end };
}
