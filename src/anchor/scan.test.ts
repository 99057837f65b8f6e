import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAll } from './scan.ts';

/** Every start of `pattern` in `text`, overlapping ones included. */
function naiveStarts(text: string, pattern: string): number[] {
  const starts: number[] = [];
  if (pattern === '') return starts;
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) starts.push(at);
  return starts;
}

describe('findAll', () => {
  it('should find every occurrence of long and short patterns, overlapping ones included', () => {
    // Arrange
    const text = 'aaaa the cat and the catalogue of the cathedral; aaaa';
    const patterns = ['the cat', 'aa', 'a', 'the catalogue of the', 'cathedral; aaaa', 'dog'];

    // Act
    const starts = findAll(text, patterns);

    // Assert
    expect(starts).toEqual(patterns.map((pattern) => naiveStarts(text, pattern)));
  });

  it('should give equal patterns the same occurrences and an empty pattern none', () => {
    // Arrange
    const text = 'one two one two';

    // Act
    const starts = findAll(text, ['one', '', 'one']);

    // Assert
    expect(starts).toEqual([[0, 8], [], [0, 8]]);
  });

  it('should find patterns that share their first key characters but differ later', () => {
    // Arrange
    const text = 'abcdefghijklmnop-1 and abcdefghijklmnop-2';

    // Act
    const starts = findAll(text, ['abcdefghijklmnop-2', 'abcdefghijklmnop-1', 'abcdefghijkl']);

    // Assert
    expect(starts).toEqual([[23], [0], [0, 23]]);
  });

  it('should agree with a naive search for any patterns and any key length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 80 }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 20 }), {
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 16 }),
        (text, patterns, keyLength) => {
          // Act
          const starts = findAll(text, patterns, keyLength);

          // Assert
          expect(starts).toEqual(patterns.map((pattern) => naiveStarts(text, pattern)));
        },
      ),
    );
  });
});
