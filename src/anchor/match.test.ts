import { describe, expect, it } from 'vitest';
import { anchorQuotes } from './match.ts';
import type { AnchorResult, Span, TextQuote } from './types.ts';

function anchorOne(blocks: readonly string[], quote: TextQuote): AnchorResult {
  const [result] = anchorQuotes(blocks, [quote]);
  if (result === undefined) throw new Error('no result');
  return result;
}

/** The raw text of a span. */
function textOf(blocks: readonly string[], span: Span): string {
  return blocks[span.block]?.slice(span.start, span.end) ?? '';
}

describe('anchorQuotes: white space', () => {
  it('should match a quote whose white space differs from the text', () => {
    // Arrange
    const blocks = ['It is\tcapable of\u00a0generating  minute-long\nvideos with just a prompt.'];

    // Act
    const result = anchorOne(blocks, { exact: 'capable of generating minute-long videos' });

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 0, start: 6, end: 47 } });
  });

  it('should match a quote with tabs, newlines and no-break spaces against single spaces', () => {
    // Arrange
    const blocks = ['It is capable of generating minute-long videos.'];

    // Act
    const result = anchorOne(blocks, { exact: 'capable\tof\n\ngenerating\u00a0 minute-long' });

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 0, start: 6, end: 39 } });
  });

  it('should ignore white space at the ends of the quote', () => {
    // Arrange
    const blocks = ['It is capable of generating minute-long videos.'];

    // Act
    const result = anchorOne(blocks, { exact: ' \n capable of generating\t' });

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 0, start: 6, end: 27 } });
  });

  it('should not match a quote that has white space where the text has none', () => {
    // Arrange
    const blocks = ['minute-long videos'];

    // Act
    const result = anchorOne(blocks, { exact: 'minute - long' });

    // Assert
    expect(result.status).toBe('not-found');
  });

  it('should treat an empty or blank quote as not found, with no hint', () => {
    // Arrange
    const blocks = ['Some text.'];

    // Act
    const results = anchorQuotes(blocks, [{ exact: '' }, { exact: ' \t\n' }]);

    // Assert
    expect(results).toEqual([
      { status: 'not-found', occurrences: [] },
      { status: 'not-found', occurrences: [] },
    ]);
  });
});

describe('anchorQuotes: characters', () => {
  it('should keep curly and straight quotation marks distinct', () => {
    // Arrange
    const blocks = ['The company’s “new” model.'];

    // Act
    const [straight, curly] = anchorQuotes(blocks, [{ exact: "company's" }, { exact: 'company’s “new”' }]);

    // Assert
    expect(straight?.status).toBe('not-found');
    expect(curly).toEqual({ status: 'found', span: { block: 0, start: 4, end: 19 } });
  });

  it('should count offsets in UTF-16 code units around astral characters', () => {
    // Arrange
    const blocks = ['I 😀 love 🐍 code', 'more 🐍'];

    // Act
    const [snake, smile] = anchorQuotes(blocks, [{ exact: '🐍 code' }, { exact: '😀' }]);

    // Assert
    expect(snake).toEqual({ status: 'found', span: { block: 0, start: 10, end: 17 } });
    expect(smile).toEqual({ status: 'found', span: { block: 0, start: 2, end: 4 } });
    expect(textOf(blocks, { block: 0, start: 10, end: 17 })).toBe('🐍 code');
  });
});

describe('anchorQuotes: blocks', () => {
  it('should find a quote at the start and at the end of a block', () => {
    // Arrange
    const blocks = ['First block here.', 'Second block there.'];

    // Act
    const [start, end] = anchorQuotes(blocks, [{ exact: 'First block' }, { exact: 'block there.' }]);

    // Assert
    expect(start).toEqual({ status: 'found', span: { block: 0, start: 0, end: 11 } });
    expect(end).toEqual({ status: 'found', span: { block: 1, start: 7, end: 19 } });
  });

  it('should not find a quote that would only match across two blocks', () => {
    // Arrange
    const blocks = ['It ends here', 'starts there.'];

    // Act
    const results = anchorQuotes(blocks, [{ exact: 'here starts' }, { exact: 'here\n\nstarts' }]);

    // Assert
    expect(results.map((result) => result.status)).toEqual(['not-found', 'not-found']);
    expect(results.map((result) => result.status === 'not-found' && result.occurrences)).toEqual([[], []]);
  });

  it('should find the occurrence inside a block when another one crosses a boundary', () => {
    // Arrange
    const blocks = ['one two', 'three', 'so one two three'];

    // Act
    const result = anchorOne(blocks, { exact: 'two three' });

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 2, start: 7, end: 16 } });
  });

  it('should skip empty blocks and keep their indexes', () => {
    // Arrange
    const blocks = ['', 'alpha', '', '', 'beta', ''];

    // Act
    const [beta, across] = anchorQuotes(blocks, [{ exact: 'beta' }, { exact: 'alpha beta' }]);

    // Assert
    expect(beta).toEqual({ status: 'found', span: { block: 4, start: 0, end: 4 } });
    expect(across?.status).toBe('not-found');
  });

  it('should find nothing in an article without blocks', () => {
    // Arrange, Act
    const results = anchorQuotes([], [{ exact: 'anything' }]);

    // Assert
    expect(results).toEqual([{ status: 'not-found', occurrences: [] }]);
  });
});

describe('anchorQuotes: prefix and suffix', () => {
  const blocks = ['The cat sat. A dog sat. A bird sat.'];

  it('should pick one of several occurrences by prefix', () => {
    // Act
    const result = anchorOne(blocks, { exact: 'sat', prefix: 'dog ' });

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 0, start: 19, end: 22 } });
  });

  it('should pick one of several occurrences by suffix', () => {
    // Act
    const result = anchorOne(blocks, { exact: 'sat', suffix: '. A dog' });

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 0, start: 8, end: 11 } });
  });

  it('should ignore white space between the context and the quote, with or without it in either', () => {
    // Arrange
    const text = ['a technology,\n capable of it and a technology,capable of it'];

    // Act
    const [bare, spaced, tight] = anchorQuotes(text, [
      { exact: 'capable of', prefix: 'a technology,' },
      { exact: 'capable of', prefix: 'a technology,\t' },
      { exact: 'capable of', prefix: 'and a technology,' },
    ]);

    // Assert
    const both = [
      { block: 0, start: 15, end: 25 },
      { block: 0, start: 46, end: 56 },
    ];
    expect(bare?.status === 'ambiguous' && bare.occurrences.map((o) => o.span)).toEqual(both);
    expect(spaced?.status === 'ambiguous' && spaced.occurrences.map((o) => o.span)).toEqual(both);
    expect(tight).toEqual({ status: 'found', span: { block: 0, start: 46, end: 56 } });
  });

  it('should pick "technology, capable" by prefix "technology," as by "technology, "', () => {
    // Arrange
    const text = ['The technology, capable of much, and a tool capable of more.'];

    // Act
    const results = anchorQuotes(text, [
      { exact: 'capable of', prefix: 'technology,' },
      { exact: 'capable of', prefix: 'technology, ' },
      { exact: 'capable of', suffix: 'much,' },
      { exact: 'capable of', suffix: '\n much,' },
    ]);

    // Assert
    for (const result of results) {
      expect(result).toEqual({ status: 'found', span: { block: 0, start: 16, end: 26 } });
    }
  });

  it('should still require white space inside the context, and the same words', () => {
    // Arrange
    const text = ['a technology, capable of it and atechnology,capable of it'];

    // Act
    const [spaced, joined, otherWords, missingSpace] = anchorQuotes(text, [
      { exact: 'capable of', prefix: 'a technology, ' },
      { exact: 'capable of', prefix: 'atechnology,' },
      { exact: 'capable of', prefix: 'technologies, ' },
      { exact: 'capable of', suffix: 'itand' },
    ]);

    // Assert
    expect(spaced).toEqual({ status: 'found', span: { block: 0, start: 14, end: 24 } });
    expect(joined).toEqual({ status: 'found', span: { block: 0, start: 44, end: 54 } });
    expect(otherWords).toEqual({
      status: 'not-found',
      occurrences: [
        { block: 0, start: 14, end: 24 },
        { block: 0, start: 44, end: 54 },
      ],
    });
    expect(missingSpace?.status).toBe('not-found');
  });

  it('should keep a zero-width no-break space at the end of a prefix significant', () => {
    // Arrange
    const text = ['one\ufeff two and one two'];

    // Act
    const result = anchorOne(text, { exact: 'two', prefix: 'one\ufeff' });

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 0, start: 5, end: 8 } });
  });

  it('should let prefix and suffix reach across a block boundary, the boundary being white space', () => {
    // Arrange
    const text = ['first claim', 'next claim', 'last'];

    // Act
    const [bySuffix, byPrefix] = anchorQuotes(text, [
      { exact: 'claim', suffix: ' last' },
      { exact: 'claim', prefix: 'first claim next ' },
    ]);

    // Assert
    expect(bySuffix).toEqual({ status: 'found', span: { block: 1, start: 5, end: 10 } });
    expect(byPrefix).toEqual({ status: 'found', span: { block: 1, start: 5, end: 10 } });
  });

  it('should report the occurrences a prefix rules out, with no fuzzy hint', () => {
    // Act
    const result = anchorOne(blocks, { exact: 'sat', prefix: 'horse ', suffix: '. A bird' });

    // Assert
    expect(result).toEqual({
      status: 'not-found',
      occurrences: [
        { block: 0, start: 8, end: 11 },
        { block: 0, start: 19, end: 22 },
        { block: 0, start: 31, end: 34 },
      ],
    });
  });
});

describe('anchorQuotes: ambiguity', () => {
  it('should report two occurrences with the context that tells them apart', () => {
    // Arrange
    const blocks = ['Prices rose by 5% in March.', 'Wages rose by 5% in April.'];

    // Act
    const result = anchorOne(blocks, { exact: 'rose by 5%' });

    // Assert
    expect(result).toEqual({
      status: 'ambiguous',
      occurrences: [
        { span: { block: 0, start: 7, end: 17 }, prefix: 'Prices ', suffix: ' in March.' },
        { span: { block: 1, start: 6, end: 16 }, prefix: 'Wages ', suffix: ' in April.' },
      ],
    });
  });

  it('should report three occurrences with the shortest whole-word context that no other has', () => {
    // Arrange
    const blocks = ['The cat sat on the mat.', 'A dog sat on the rug.', 'The cat sat on the sofa.'];

    // Act
    const result = anchorOne(blocks, { exact: 'sat on the' });

    // Assert
    expect(result).toEqual({
      status: 'ambiguous',
      occurrences: [
        // "The cat " also precedes the third one, and nothing precedes "The".
        { span: { block: 0, start: 8, end: 18 }, prefix: '', suffix: ' mat.' },
        { span: { block: 1, start: 6, end: 16 }, prefix: 'dog ', suffix: ' rug.' },
        { span: { block: 2, start: 8, end: 18 }, prefix: 'rug. The cat ', suffix: ' sofa.' },
      ],
    });
  });

  it('should give disambiguators that each pick their own occurrence', () => {
    // Arrange
    const blocks = ['The cat sat on the mat.', 'A dog sat on the rug.', 'The cat sat on the sofa.'];
    const ambiguous = anchorOne(blocks, { exact: 'sat on the' });
    if (ambiguous.status !== 'ambiguous') throw new Error('expected ambiguity');

    // Act
    const picked = ambiguous.occurrences.flatMap((occurrence) =>
      anchorQuotes(blocks, [
        ...(occurrence.prefix ? [{ exact: 'sat on the', prefix: occurrence.prefix }] : []),
        ...(occurrence.suffix ? [{ exact: 'sat on the', suffix: occurrence.suffix }] : []),
      ]).map((result) => ({ result, span: occurrence.span })),
    );

    // Assert
    expect(picked).toHaveLength(5);
    for (const { result, span } of picked) expect(result).toEqual({ status: 'found', span });
  });

  it('should not tell occurrences apart by white space between the context and the quote', () => {
    // Arrange
    const blocks = ['x technology, capable y', 'z technology,capable w'];

    // Act
    const result = anchorOne(blocks, { exact: 'capable' });
    const picked = anchorQuotes(blocks, [
      { exact: 'capable', prefix: 'x technology,' },
      { exact: 'capable', prefix: 'z technology, ' },
    ]);

    // Assert
    expect(result).toEqual({
      status: 'ambiguous',
      occurrences: [
        // "technology, " and "technology," would each pick both.
        { span: { block: 0, start: 14, end: 21 }, prefix: 'x technology, ', suffix: ' y' },
        { span: { block: 1, start: 13, end: 20 }, prefix: 'z technology,', suffix: ' w' },
      ],
    });
    expect(picked.map((r) => r.status === 'found' && r.span.block)).toEqual([0, 1]);
  });

  it('should stay ambiguous when a prefix leaves several occurrences, and disambiguate among those', () => {
    // Arrange
    const blocks = ['a red fox ran. a red fox hid. a grey fox ran.'];

    // Act
    const result = anchorOne(blocks, { exact: 'fox', prefix: 'red ' });

    // Assert
    expect(result).toEqual({
      status: 'ambiguous',
      occurrences: [
        // "a red " also precedes the second one, and nothing precedes "a".
        { span: { block: 0, start: 6, end: 9 }, prefix: '', suffix: ' ran.' },
        { span: { block: 0, start: 21, end: 24 }, prefix: 'ran. a red ', suffix: ' hid.' },
      ],
    });
  });

  it('should give no disambiguator where the context is the same for longer than 60 characters', () => {
    // Arrange
    const same = 'word '.repeat(14);
    const blocks = [`start ${same}quote end`, `other ${same}quote finish`];

    // Act
    const result = anchorOne(blocks, { exact: 'quote' });

    // Assert
    expect(result).toEqual({
      status: 'ambiguous',
      occurrences: [
        { span: { block: 0, start: 76, end: 81 }, prefix: '', suffix: ' end' },
        { span: { block: 1, start: 76, end: 81 }, prefix: '', suffix: ' finish' },
      ],
    });
  });
});

describe('anchorQuotes: many quotes', () => {
  it('should anchor overlapping quotes and a quote inside another', () => {
    // Arrange
    const blocks = ['The quick brown fox jumps over the lazy dog.'];
    const quotes = [
      { exact: 'quick brown fox' },
      { exact: 'brown fox jumps' },
      { exact: 'fox' },
      { exact: 'The quick brown fox jumps over the lazy dog.' },
    ];

    // Act
    const results = anchorQuotes(blocks, quotes);

    // Assert
    expect(results).toEqual([
      { status: 'found', span: { block: 0, start: 4, end: 19 } },
      { status: 'found', span: { block: 0, start: 10, end: 25 } },
      { status: 'found', span: { block: 0, start: 16, end: 19 } },
      { status: 'found', span: { block: 0, start: 0, end: 44 } },
    ]);
  });

  it('should find every occurrence of quotes shorter than the hash key, next to long ones', () => {
    // Arrange
    const blocks = ['a banana', 'an ant and a bee'];

    // Act
    const [a, bee, ana, long] = anchorQuotes(blocks, [
      { exact: 'a' },
      { exact: 'bee' },
      { exact: 'ana' },
      { exact: 'an ant and a bee' },
    ]);

    // Assert
    expect(a?.status === 'ambiguous' && a.occurrences.map((occurrence) => occurrence.span)).toEqual([
      { block: 0, start: 0, end: 1 },
      { block: 0, start: 3, end: 4 },
      { block: 0, start: 5, end: 6 },
      { block: 0, start: 7, end: 8 },
      { block: 1, start: 0, end: 1 },
      { block: 1, start: 3, end: 4 },
      { block: 1, start: 7, end: 8 },
      { block: 1, start: 11, end: 12 },
    ]);
    expect(bee).toEqual({ status: 'found', span: { block: 1, start: 13, end: 16 } });
    expect(ana?.status === 'ambiguous' && ana.occurrences.map((occurrence) => occurrence.span)).toEqual([
      { block: 0, start: 3, end: 6 },
      { block: 0, start: 5, end: 8 },
    ]);
    expect(long).toEqual({ status: 'found', span: { block: 1, start: 0, end: 16 } });
  });

  it('should answer equal quotes alike, without sharing span objects', () => {
    // Arrange
    const blocks = ['same words here'];

    // Act
    const [first, second] = anchorQuotes(blocks, [{ exact: 'words' }, { exact: 'words' }]);
    if (first?.status !== 'found' || second?.status !== 'found') throw new Error('expected found');
    first.span.start = 99;

    // Assert
    expect(second.span).toEqual({ block: 0, start: 5, end: 10 });
  });
});
