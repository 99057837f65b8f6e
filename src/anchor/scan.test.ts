import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxKeyLength, none, scanAll } from './scan.ts';

/** `scanAll`'s occurrences as the start offsets of each pattern, in order, one array per pattern. */
function findAll(text: string, patterns: readonly string[], keyLength = 12): number[][] {
  const found = scanAll(text, patterns, keyLength);
  return patterns.map((_, index) => {
    const starts: number[] = [];
    const first = found.first[found.same[index] ?? index] ?? none;
    for (let o = first; o !== none; o = found.next[o] ?? none) starts.push(found.start[o] ?? 0);
    return starts;
  });
}

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

  it('should agree with a naive search for long patterns, whose key is longer', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 400 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 12, max: maxKeyLength + 20 })), { maxLength: 8 }),
        (text, picks) => {
          // Arrange: mostly patterns that occur, taken from the text, and a few that do not
          const patterns = picks.map(([at, length]) =>
            at % 5 === 0
              ? 'b'.repeat(length)
              : text.slice(at % (text.length + 1), (at % (text.length + 1)) + length),
          );

          // Act
          const starts = findAll(text, patterns);

          // Assert
          expect(starts).toEqual(patterns.map((pattern) => naiveStarts(text, pattern)));
        },
      ),
    );
  });

  it('should find occurrences on both sides of where the walk takes up a new chunk of text', () => {
    // Arrange: a long text of few letters, so that patterns recur across the whole of it
    let seed = 11;
    const letter = (): string => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return 'abc'[seed % 3] ?? 'a';
    };
    const text = Array.from({ length: 70_000 }, letter).join('');
    const patterns = [16_384, 32_768, 49_152, 65_536].flatMap((boundary) =>
      [-40, -20, -13, -12, -11, -1, 0, 1, 20].flatMap((offset) => [
        text.slice(boundary + offset, boundary + offset + 12),
        text.slice(boundary + offset, boundary + offset + 40),
        text.slice(boundary + offset, boundary + offset + 7),
      ]),
    );

    // Act
    const starts = findAll(text, patterns);

    // Assert
    expect(starts).toEqual(patterns.map((pattern) => naiveStarts(text, pattern)));
  });
});

describe('scanAll', () => {
  it('should search for equal patterns once, and give each occurrence its start, end and pattern', () => {
    // Arrange
    const text = 'the cat sat on the mat by the cat';

    // Act
    const found = scanAll(text, ['the cat', 'mat', 'the cat', '']);

    // Assert
    expect([...found.same]).toEqual([0, 1, 0, 3]);
    const occurrences = Array.from({ length: found.count }, (_, o) => [
      found.pattern[o],
      found.start[o],
      found.end[o],
    ]);
    expect(occurrences.sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))).toEqual([
      [0, 0, 7],
      [1, 19, 22],
      [0, 26, 33],
    ]);
    expect(found.first[2]).toBe(-1);
    expect(found.first[3]).toBe(-1);
  });
});
