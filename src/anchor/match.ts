/**
 * Quote → position: anchors all of an article's quotes in one pass over its text.
 *
 * 1. The document text (the blocks joined by "\n\n") is folded once: every run of white space
 *    becomes one space, with a map back to raw offsets (`normalize.ts`).
 * 2. Each quote's `exact` is folded and trimmed; all of them are searched for together in one
 *    walk over the folded text (`scan.ts`: a rolling hash of a key of the first 12 to 32
 *    characters looked up in a table of the quotes' hashes, each hit verified; quotes shorter
 *    than 12 characters add a walk per distinct length). Equal quotes are searched for once.
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
 *
 * Bounds (`AnchorOptions`): the fuzzy search costs the text's length times the quote's length
 * in words of 32 characters, so a long article with many missing quotes could keep it busy for
 * hours; once `closestBudget` of that work is spent, the remaining missing quotes get no hint
 * (`unsearched`). And the scan stops past `maxOccurrences` occurrences in all
 * (`TooManyOccurrences`).
 *
 * A build anchors its quotes once, in a fresh process: V8 has compiled none of this code yet,
 * and more time goes to code that is still interpreted, and to the garbage collector, than to
 * the work itself. So the occurrences stay in the scan's typed arrays and are placed in their
 * blocks all at once (`locateAll`), and the common case, a quote with one occurrence and no
 * prefix or suffix, goes straight from those arrays to its result: objects for occurrences are
 * made only for the quotes that need them.
 */
import type { AnchorResult, Disambiguator, Span, TextQuote } from './types.ts';
import { createDocument, locateAll, type Locations } from './document.ts';
import { agrees, disambiguate, foldContext, type Range } from './context.ts';
import { closestFinder, type Closest } from './closest.ts';
import { normalizeWhiteSpaceAll, trimSpaces } from './normalize.ts';
import { none, scanAll, type Occurrences } from './scan.ts';

export interface AnchorOptions {
  /** Most occurrences of all the quotes together (default: no limit). */
  maxOccurrences?: number;
  /**
   * Work the closest-passage searches may do in all, in characters of text times words of 32
   * characters of quote (default: {@link defaultClosestBudget}).
   */
  closestBudget?: number;
}

/** About a second's searching: a hint for every missing quote of an ordinary article. */
export const defaultClosestBudget = 200_000_000;

interface Occurrence extends Range {
  span: Span;
}

/** Anchors each quote in the blocks: one result per quote, in order. */
export function anchorQuotes(
  blocks: readonly string[],
  quotes: readonly TextQuote[],
  options: AnchorOptions = {},
): AnchorResult[] {
  const { maxOccurrences = Infinity } = options;
  let closestBudget = options.closestBudget ?? defaultClosestBudget;
  const document = createDocument(blocks);
  const { text } = document.folded;
  const exacts = normalizeWhiteSpaceAll(quotes.map((quote) => quote.exact)).map(trimSpaces);
  const found = scanAll(text, exacts, undefined, maxOccurrences);
  const located = locateAll(document, found.start, found.end, found.count);

  const occurrenceLists: Array<Occurrence[] | undefined> = [];
  /** The result of each pattern found more than once, for the quotes without context. */
  const ambiguousLists: Array<Disambiguator[] | undefined> = [];
  const spanLists: Array<Span[] | undefined> = [];
  let findClosest: ReturnType<typeof closestFinder> | undefined;

  return quotes.map((quote, index): AnchorResult => {
    const pattern = found.same[index] ?? index;
    // The common case, one occurrence in one block and no context: no objects to make for it.
    const only = found.first[pattern] ?? none;
    if (
      only !== none &&
      found.next[only] === none &&
      located.block[only] !== none &&
      !quote.prefix &&
      !quote.suffix
    ) {
      return { status: 'found', span: spanAt(located, only) };
    }

    const exact = exacts[index] ?? '';
    let occurrences = occurrenceLists[pattern];
    if (occurrences === undefined) {
      occurrences = occurrencesOf(found, located, pattern);
      occurrenceLists[pattern] = occurrences;
    }
    const context = foldContext(quote);
    const surviving =
      context.prefix === '' && context.suffix === ''
        ? occurrences
        : occurrences.filter((occurrence) => agrees(text, occurrence, context));

    const [first] = surviving;
    if (first !== undefined && surviving.length === 1) {
      return { status: 'found', span: copy(first.span) };
    }
    if (surviving.length > 1) {
      // Claims that repeat a quote without context share its result, worked out once (a
      // thousand claims of one common word would otherwise make a thousand lists of its places).
      const shared = surviving.length === occurrences.length;
      const known = shared ? ambiguousLists[pattern] : undefined;
      if (known) return { status: 'ambiguous', occurrences: known };
      const contexts = disambiguate(text, surviving);
      const listed = surviving.map((occurrence, i) => ({
        span: copy(occurrence.span),
        prefix: contexts[i]?.prefix ?? '',
        suffix: contexts[i]?.suffix ?? '',
      }));
      if (shared) ambiguousLists[pattern] = listed;
      return { status: 'ambiguous', occurrences: listed };
    }

    // The ruled-out occurrences are the hint when there are some; otherwise the closest passage.
    let closest: Closest | undefined;
    let unsearched = false;
    if (occurrences.length === 0) {
      const work = text.length * Math.ceil(exact.length / 32);
      if (work <= closestBudget) {
        closestBudget -= work;
        findClosest ??= closestFinder(document);
        closest = findClosest(exact, context);
      } else {
        unsearched = true;
      }
    }
    // Shared by the quotes of this pattern whose context rules out every place.
    let spans = spanLists[pattern];
    if (spans === undefined) {
      spans = occurrences.map((occurrence) => copy(occurrence.span));
      spanLists[pattern] = spans;
    }
    return {
      status: 'not-found',
      occurrences: spans,
      ...(closest === undefined ? {} : { closest }),
      ...(unsearched ? { unsearched: true as const } : {}),
    };
  });
}

/** The span of occurrence `o` (which lies in one block). */
function spanAt(located: Locations, o: number): Span {
  return { block: located.block[o] ?? 0, start: located.start[o] ?? 0, end: located.end[o] ?? 0 };
}

/** The occurrences of `pattern` that lie inside one block. */
function occurrencesOf(found: Occurrences, located: Locations, pattern: number): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (let o = found.first[pattern] ?? none; o !== none; o = found.next[o] ?? none) {
    if (located.block[o] === none) continue;
    occurrences.push({ start: found.start[o] ?? 0, end: found.end[o] ?? 0, span: spanAt(located, o) });
  }
  return occurrences;
}

function copy(span: Span): Span {
  return { block: span.block, start: span.start, end: span.end };
}
