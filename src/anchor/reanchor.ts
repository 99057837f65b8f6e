/**
 * Re-anchoring an article's quotes after its text was edited (`marginalia fix`): for each quote
 * that no longer anchors, the passage it now stands for, when that can be told with confidence,
 * and the quote, prefix and suffix that anchor it there.
 *
 * A quote is placed by the first of these that succeeds:
 * 1. **Exact**: it anchors as it is: left in place.
 * 2. **Context**: its words occur exactly once, but its prefix or suffix no longer agree (the
 *    text around it was edited): that occurrence.
 * 3. **Typography** or **Markdown**: it differs from one passage only by typographic variants,
 *    or by Markdown syntax copied with it (`near-miss.ts`): that passage.
 * 4. **Fuzzy**: the reader's highlight anchoring (`../highlights/anchoring.ts`: the closest
 *    passage with at most a fifth of its characters changed, ranked by how well the prefix and
 *    suffix still agree), widened to whole words. A quote with neither prefix nor suffix must be
 *    at least {@link selfEvidentLength} characters long: a few words without context are too
 *    likely to land on other words.
 * Otherwise (found several times with no context that picks one, crossing a paragraph break,
 * or nothing close enough) it is not placed.
 *
 * A placed quote gets the article's own words (white space runs as one space). It gets a
 * prefix or suffix only when its words occur more than once: its old ones when they still pick
 * it, else the shorter of the prefix and suffix that pick it; and loses them when its words
 * occur once. Each new quote is anchored again at the end, and one that would not anchor where
 * it was placed is not placed.
 */
import { anchorHighlights, selfEvidentLength } from '../highlights/anchoring.ts';
import { anchorQuotes } from './match.ts';
import { nearMissFinder, type NearMissFinder } from './near-miss.ts';
import { normalizeWhiteSpace, trimSpaces } from './normalize.ts';
import type { AnchorResult, Span, TextQuote } from './types.ts';

export type PlacedBy = 'context' | 'typography' | 'markdown' | 'fuzzy';

export type Placement =
  | { status: 'in-place'; span: Span }
  | { status: 'placed'; by: PlacedBy; span: Span; quote: TextQuote }
  | { status: 'unplaced'; result: Exclude<AnchorResult, { status: 'found' }> };

interface Candidate {
  index: number;
  by: PlacedBy;
  span: Span;
}

/** One placement per quote, in order. */
export function reanchorQuotes(blocks: readonly string[], quotes: readonly TextQuote[]): Placement[] {
  const results = anchorQuotes(blocks, quotes);
  const placements: Placement[] = results.map((result) =>
    result.status === 'found' ? { status: 'in-place', span: result.span } : { status: 'unplaced', result },
  );
  let findNearMiss: NearMissFinder | undefined;
  const candidates: Candidate[] = [];
  const fuzzy: number[] = [];
  results.forEach((result, index) => {
    const quote = quotes[index];
    if (result.status !== 'not-found' || !quote) return;
    const [only, ...others] = result.occurrences;
    if (only) {
      if (others.length === 0) candidates.push({ index, by: 'context', span: only });
      return;
    }
    findNearMiss ??= nearMissFinder(blocks);
    const nearMiss = findNearMiss(quote);
    if (nearMiss?.kind === 'typography' || nearMiss?.kind === 'markdown') {
      candidates.push({ index, by: nearMiss.kind, span: nearMiss.span });
    } else if (nearMiss === undefined) {
      fuzzy.push(index);
    }
  });
  candidates.push(...fuzzyCandidates(blocks, quotes, fuzzy));

  for (const { index, by, span, quote } of withContext(blocks, quotes, candidates)) {
    placements[index] = { status: 'placed', by, span, quote };
  }
  return placements;
}

function fuzzyCandidates(
  blocks: readonly string[],
  quotes: readonly TextQuote[],
  indices: readonly number[],
): Candidate[] {
  const targets = indices.map((index) => ({
    quote: {
      exact: quotes[index]?.exact ?? '',
      prefix: quotes[index]?.prefix ?? '',
      suffix: quotes[index]?.suffix ?? '',
    },
    position: { start: 0, end: 0 },
    contentHash: '',
  }));
  const anchors = anchorHighlights(blocks, targets);
  return indices.flatMap((index, k): Candidate[] => {
    const anchor = anchors[k];
    const quote = quotes[index];
    if (!quote || !anchor || anchor.status === 'orphan') return [];
    const hasContext = trimSpaces(normalizeWhiteSpace((quote.prefix ?? '') + (quote.suffix ?? ''))) !== '';
    const length = trimSpaces(normalizeWhiteSpace(quote.exact)).length;
    if (!hasContext && length < selfEvidentLength) return [];
    return [
      { index, by: 'fuzzy', span: wholeWords(blocks[anchor.span.block] ?? '', anchor.span, quote.exact) },
    ];
  });
}

const wordCharacter = /[\p{L}\p{N}]/u;

/** The span widened to whole words at each end where the quote itself starts or ends with one. */
function wholeWords(text: string, span: Span, quote: string): Span {
  const trimmed = quote.trim();
  let { start, end } = span;
  const inWord = (at: number) => wordCharacter.test(text[at] ?? '');
  if (wordCharacter.test(trimmed[0] ?? '')) while (start > 0 && inWord(start - 1) && inWord(start)) start--;
  if (wordCharacter.test(trimmed.at(-1) ?? ''))
    while (end < text.length && inWord(end) && inWord(end - 1)) end++;
  return { block: span.block, start, end };
}

/** The candidates with the quote that anchors each where it was placed; those with none are dropped. */
function withContext(
  blocks: readonly string[],
  quotes: readonly TextQuote[],
  candidates: readonly Candidate[],
): Array<Candidate & { quote: TextQuote }> {
  const exacts = candidates.map(({ span }) =>
    trimSpaces(normalizeWhiteSpace(blocks[span.block]?.slice(span.start, span.end) ?? '')),
  );
  const alone = anchorQuotes(
    blocks,
    exacts.map((exact) => ({ exact })),
  );
  const withOld = anchorQuotes(
    blocks,
    candidates.map(({ index }, k) => ({ ...quotes[index], exact: exacts[k] ?? '' })),
  );
  const proposed = candidates.map(({ index, span }, k): TextQuote | undefined => {
    const exact = exacts[k] ?? '';
    const result = alone[k];
    if (exact === '' || !result) return undefined;
    if (result.status === 'found') return { exact };
    const old = withOld[k];
    const { prefix, suffix } = quotes[index] ?? {};
    if (old?.status === 'found' && sameStart(old.span, span)) {
      return {
        exact,
        ...(prefix === undefined ? {} : { prefix }),
        ...(suffix === undefined ? {} : { suffix }),
      };
    }
    if (result.status !== 'ambiguous') return undefined;
    const mine = result.occurrences.find((occurrence) => sameStart(occurrence.span, span));
    if (!mine || (mine.prefix === '' && mine.suffix === '')) return undefined;
    const usePrefix = mine.suffix === '' || (mine.prefix !== '' && mine.prefix.length <= mine.suffix.length);
    return usePrefix ? { exact, prefix: mine.prefix } : { exact, suffix: mine.suffix };
  });
  const verified = anchorQuotes(
    blocks,
    proposed.map((quote) => quote ?? { exact: '' }),
  );
  return candidates.flatMap((candidate, k) => {
    const quote = proposed[k];
    const result = verified[k];
    if (!quote || result?.status !== 'found' || !sameStart(result.span, candidate.span)) return [];
    return [{ ...candidate, span: result.span, quote }];
  });
}

function sameStart(a: Span, b: Span): boolean {
  return a.block === b.block && a.start === b.start;
}
