import { describe, expect, it } from 'vitest';
import { describeSpan } from './describe.ts';
import { blockAt, blockOffsets, documentText } from './document.ts';

const blocks = ['Heading', 'The technology is capable of generating videos.', 'End.'];

describe('describeSpan', () => {
  it('should describe a span by its text, its context and its place in the document text', () => {
    // Act
    const description = describeSpan(blocks, { block: 1, start: 18, end: 39 }, 10);

    // Assert
    expect(description).toEqual({
      exact: 'capable of generating',
      prefix: 'nology is ',
      suffix: ' videos.\n\n',
      start: 27,
      end: 48,
    });
    expect(documentText(blocks).slice(description.start, description.end)).toBe(description.exact);
  });

  it('should take context across block boundaries and stop at the ends of the document', () => {
    // Act
    const first = describeSpan(blocks, { block: 1, start: 0, end: 3 });
    const last = describeSpan(blocks, { block: 2, start: 0, end: 4 });

    // Assert
    expect(first.prefix).toBe('Heading\n\n');
    expect(first.suffix).toBe(' technology is capable of genera');
    expect(last.prefix).toBe(' capable of generating videos.\n\n');
    expect(last.suffix).toBe('');
  });

  it('should leave white space at the ends of the span out of the quote', () => {
    // Act
    const description = describeSpan(['one  two\tthree'], { block: 0, start: 3, end: 9 });

    // Assert
    expect(description).toMatchObject({ exact: 'two', prefix: 'one  ', suffix: '\tthree' });
    expect(description).toMatchObject({ start: 5, end: 8 });
  });

  it('should not end its context in half of an astral character', () => {
    // Act
    const description = describeSpan(['😀ab😀'], { block: 0, start: 2, end: 4 }, 1);

    // Assert
    expect(description).toMatchObject({ exact: 'ab', prefix: '', suffix: '' });
  });

  it('should refuse a span that is not in the blocks', () => {
    // Act, Assert
    expect(() => describeSpan(blocks, { block: 3, start: 0, end: 0 })).toThrow(RangeError);
    expect(() => describeSpan(blocks, { block: 2, start: 0, end: 5 })).toThrow(RangeError);
    expect(() => describeSpan(blocks, { block: 2, start: 3, end: 2 })).toThrow(RangeError);
  });
});

describe('blockOffsets', () => {
  it('should give where each block starts in the document text, empty blocks included', () => {
    // Arrange
    const text = ['ab', '', 'cde'];

    // Act
    const offsets = blockOffsets(text);

    // Assert
    expect(offsets).toEqual([0, 4, 6]);
    expect(documentText(text).slice(6)).toBe('cde');
    expect([0, 3, 4, 5, 6, 9].map((offset) => blockAt(offsets, offset))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
