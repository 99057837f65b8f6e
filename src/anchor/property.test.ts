/**
 * Property tests: `anchorQuotes` against a naive oracle (one regular expression per quote over
 * the raw document text), and `describeSpan` → `anchorQuotes` round trips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuotes } from './match.ts';
import { describeSpan } from './describe.ts';
import { blockOffsets } from './document.ts';
import type { Span, TextQuote } from './types.ts';

/**
 * What the random articles are made of: few letters and short words (so that quotes repeat),
 * white space of several kinds, quotation marks and an astral character.
 */
const unit = fc.constantFrom('a', 'b', 'ab ', 'ba', 'c', ' ', ' ', '\t', '\n', '\u00a0', '😀', '’', "'", '.');
const block = fc.array(unit, { maxLength: 24 });
/** Blocks, some of them repeated (whole, or their second half) so that quotes recur. */
const blocksOfUnits = fc
  .tuple(
    fc.array(block, { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
  )
  .map(([blocks, repeats]) => [
    ...blocks,
    ...repeats.map(([index, half]) => {
      const repeated = blocks[index % blocks.length] ?? [];
      return half ? repeated.slice(repeated.length >> 1) : repeated;
    }),
  ]);

/**
 * The spans where the oracle finds the quote: every match inside one block, in order. By the
 * `loose` rule (what `anchorQuotes` does) white space between the context and the quote is
 * optional, whether the context ends (or the suffix starts) with white space or not; by the
 * `strict` rule a prefix must be exactly the text before the quote, white space and all.
 */
function oracle(blocks: readonly string[], quote: TextQuote, rule: 'loose' | 'strict' = 'loose'): Span[] {
  const part = (text: string): string =>
    text
      .replace(/\p{White_Space}+/gu, ' ')
      .replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
      .replace(/ /g, '\\p{White_Space}+');
  const exact = quote.exact.replace(/\p{White_Space}+/gu, ' ').trim();
  if (exact === '') return [];
  let prefix = part(quote.prefix ?? '');
  let suffix = part(quote.suffix ?? '');
  if (rule === 'loose') {
    prefix = `${part((quote.prefix ?? '').replace(/\p{White_Space}+$/u, ''))}\\p{White_Space}*`;
    suffix = `\\p{White_Space}*${part((quote.suffix ?? '').replace(/^\p{White_Space}+/u, ''))}`;
  }
  const pattern = new RegExp(`(?<=${prefix})${part(exact)}(?=${suffix})`, 'gu');
  const text = blocks.join('\n\n');
  const spans: Span[] = [];
  let offset = 0;
  const starts = blocks.map((b) => {
    const start = offset;
    offset += b.length + 2;
    return start;
  });
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    // Next search from the next character (a whole astral character: `u` mode would back up).
    pattern.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
    const index = starts.findLastIndex((blockStart) => blockStart <= start);
    const blockStart = starts[index] ?? 0;
    if (end <= blockStart + (blocks[index]?.length ?? 0)) {
      spans.push({ block: index, start: start - blockStart, end: end - blockStart });
    }
  }
  return spans;
}

/**
 * A context for a quote: none, random characters, or some of `units` (the text of the block
 * before the quote, taken from its end; or after it, taken from its start).
 */
function contextOf(units: readonly string[], side: 'before' | 'after'): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.array(unit, { maxLength: 3 }).map((chosen) => chosen.join('')),
    fc
      .nat(units.length)
      .map((n) => (side === 'before' ? units.slice(units.length - n) : units.slice(0, n)).join('')),
  );
}

/** A quote cut from one block at character boundaries, with some context. */
function quoteInBlock(units: readonly (readonly string[])[]): fc.Arbitrary<TextQuote> {
  return fc
    .nat(units.length - 1)
    .chain((index) => {
      const chosen = units[index] ?? [];
      return fc.tuple(fc.constant(chosen), fc.nat(chosen.length), fc.nat(chosen.length));
    })
    .chain(([chosen, a, b]) => {
      const [from, to] = [Math.min(a, b), Math.max(a, b)];
      return fc.record({
        exact: fc.constant(chosen.slice(from, to).join('')),
        prefix: contextOf(chosen.slice(0, from), 'before'),
        suffix: contextOf(chosen.slice(to), 'after'),
      });
    })
    .map(({ exact, prefix, suffix }) => {
      const quote: TextQuote = { exact };
      if (prefix !== undefined) quote.prefix = prefix;
      if (suffix !== undefined) quote.suffix = suffix;
      return quote;
    });
}

/** A quote cut from anywhere in the document text, block boundaries included. */
function quoteInDocument(units: readonly (readonly string[])[]): fc.Arbitrary<TextQuote> {
  const text = units.flatMap((chosen, index) => (index === 0 ? chosen : ['\n\n', ...chosen]));
  return fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([a, b]) => ({
    exact: text.slice(Math.min(a, b), Math.max(a, b)).join(''),
  }));
}

/** An article and a quote for it. */
const article = blocksOfUnits.chain((units) =>
  fc
    .oneof({ arbitrary: quoteInBlock(units), weight: 3 }, quoteInDocument(units))
    .map((quote) => ({ blocks: units.map((u) => u.join('')), quote })),
);

describe('anchorQuotes against a naive search', () => {
  it('should report exactly the occurrences the naive search finds', () => {
    fc.assert(
      fc.property(article, ({ blocks, quote }) => {
        // Arrange
        const expected = oracle(blocks, quote);

        // Act
        const [result] = anchorQuotes(blocks, [quote]);

        // Assert
        if (expected.length === 1) {
          expect(result).toEqual({ status: 'found', span: expected[0] });
        } else if (expected.length > 1) {
          expect(result?.status).toBe('ambiguous');
          if (result?.status !== 'ambiguous') return;
          expect(result.occurrences).toEqual(
            expected.map((span) => ({
              span,
              ...naiveDisambiguator(blocks, quote, span, expected),
            })),
          );
        } else {
          expect(result?.status).toBe('not-found');
          if (result?.status !== 'not-found') return;
          expect(result.occurrences).toEqual(oracle(blocks, { exact: quote.exact }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should anchor many quotes at once as it anchors each alone', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 8 }), (cases) => {
        // Arrange
        const blocks = cases[0]?.blocks ?? [];
        const quotes = cases.map((c) => c.quote);

        // Act
        const together = anchorQuotes(blocks, quotes);
        const alone = quotes.map((quote) => anchorQuotes(blocks, [quote])[0]);

        // Assert
        expect(together).toEqual(alone);
      }),
      { numRuns: 100 },
    );
  });
});

describe('describeSpan round trip', () => {
  const spanInArticle = blocksOfUnits.chain((units) =>
    fc
      .nat(units.length - 1)
      .chain((index) => {
        const chosen = units[index] ?? [];
        return fc.tuple(fc.constant(index), fc.nat(chosen.length), fc.nat(chosen.length));
      })
      .map(([index, a, b]) => {
        const chosen = units[index] ?? [];
        // Offsets in UTF-16 code units of the character boundaries `a` and `b`.
        const offset = (n: number): number => chosen.slice(0, n).join('').length;
        return {
          blocks: units.map((u) => u.join('')),
          span: { block: index, start: offset(Math.min(a, b)), end: offset(Math.max(a, b)) },
        };
      }),
  );

  it('should find the described span again, or report ambiguity only where the context is the same but for white space next to the quote', () => {
    fc.assert(
      fc.property(spanInArticle, fc.integer({ min: 0, max: 12 }), ({ blocks, span }, length) => {
        // Arrange
        const description = describeSpan(blocks, span, length);
        const quote = {
          exact: description.exact,
          prefix: description.prefix,
          suffix: description.suffix,
        };
        const blockStart = blockOffsets(blocks)[span.block] ?? 0;
        const trimmed: Span = {
          block: span.block,
          start: description.start - blockStart,
          end: description.end - blockStart,
        };
        fc.pre(description.exact.trim() !== '');
        const expected = oracle(blocks, quote);
        const strict = oracle(blocks, quote, 'strict');

        // Act
        const [result] = anchorQuotes(blocks, [quote]);

        // Assert
        expect(strict).toContainEqual(trimmed);
        // The loose rule only adds occurrences that have white space next to them where the
        // described span has none, or none where it has some.
        for (const span of strict) expect(expected).toContainEqual(span);
        for (const span of expected.filter((s) => !strict.some((t) => same(s, t)))) {
          expect(spacing(blocks, span)).not.toEqual(spacing(blocks, trimmed));
        }
        if (expected.length === 1) {
          expect(result).toEqual({ status: 'found', span: trimmed });
        } else {
          expect(result?.status).toBe('ambiguous');
          if (result?.status !== 'ambiguous') return;
          expect(result.occurrences.map((occurrence) => occurrence.span)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The shortest whole-word prefix and suffix, cut from the folded text around `span` (with the
 * white space next to the span, if any, counted in the 60 characters), with which the oracle
 * finds no other of the `surviving` spans ("" when there is none of 60 characters or less).
 */
function naiveDisambiguator(
  blocks: readonly string[],
  quote: TextQuote,
  span: Span,
  surviving: readonly Span[],
): { prefix: string; suffix: string } {
  const text = blocks.join('\n\n');
  const start = blocks.slice(0, span.block).reduce((sum, b) => sum + b.length + 2, 0) + span.start;
  const before = text.slice(0, start).replace(/\p{White_Space}+/gu, ' ');
  const after = text.slice(start + span.end - span.start).replace(/\p{White_Space}+/gu, ' ');
  const picksOnlyThis = (context: TextQuote): boolean => {
    const picked = oracle(blocks, context).filter((s) => surviving.some((e) => same(e, s)));
    return picked.length === 1 && same(picked[0] ?? span, span);
  };
  let prefix = '';
  for (let p = before.length - 1; p >= Math.max(0, before.length - 60); p--) {
    const candidate = before.slice(p);
    if ((p === 0 || before[p - 1] === ' ') && picksOnlyThis({ ...quote, prefix: candidate })) {
      prefix = candidate;
      break;
    }
  }
  let suffix = '';
  for (let q = 1; q <= Math.min(after.length, 60); q++) {
    const candidate = after.slice(0, q);
    if ((q === after.length || after[q] === ' ') && picksOnlyThis({ ...quote, suffix: candidate })) {
      suffix = candidate;
      break;
    }
  }
  return { prefix, suffix };
}

function same(a: Span, b: Span): boolean {
  return a.block === b.block && a.start === b.start && a.end === b.end;
}

/** Whether the document text has white space right before and right after `span`. */
function spacing(blocks: readonly string[], span: Span): [boolean, boolean] {
  const text = blocks.join('\n\n');
  const start = blocks.slice(0, span.block).reduce((sum, b) => sum + b.length + 2, 0) + span.start;
  const end = start + span.end - span.start;
  const isSpace = (character: string | undefined): boolean => /^\p{White_Space}$/u.test(character ?? '');
  return [isSpace(text[start - 1]), isSpace(text[end])];
}
