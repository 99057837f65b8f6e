import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldWhiteSpace,
  folds,
  isWhiteSpace,
  normalizeWhiteSpace,
  normalizeWhiteSpaceAll,
  rawOffset,
  toFoldedOffset,
  toRawRange,
  trimSpaces,
} from './normalize.ts';

describe('isWhiteSpace', () => {
  it('should agree with the Unicode White_Space property on every UTF-16 code unit', () => {
    // Arrange
    const property = /\p{White_Space}/u;
    const disagreements: number[] = [];

    // Act
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhiteSpace(code) !== property.test(String.fromCharCode(code))) disagreements.push(code);
    }

    // Assert
    expect(disagreements).toEqual([]);
  });
});

describe('foldWhiteSpace', () => {
  it('should fold every run of white space into one space and map each character back', () => {
    // Arrange
    const raw = 'a \t\nb\u00a0\u00a0c  d';

    // Act
    const folded = foldWhiteSpace(raw);

    // Assert
    expect(folded.text).toBe('a b c d');
    expect([...folded.toRaw]).toEqual([0, 1, 4, 5, 7, 8, 10, 11]);
  });

  it('should keep white space at the ends as one space', () => {
    // Arrange
    const raw = '\n\n  word \r\n';

    // Act
    const folded = foldWhiteSpace(raw);

    // Assert
    expect(folded.text).toBe(' word ');
    expect(folded.toRaw[0]).toBe(0);
    expect(folded.toRaw[5]).toBe(8);
    expect(folded.toRaw[6]).toBe(raw.length);
  });

  it('should return already folded text unchanged with an identity map', () => {
    // Arrange
    const raw = 'one two three';

    // Act
    const folded = foldWhiteSpace(raw);

    // Assert
    expect(folded.text).toBe(raw);
    expect([...folded.toRaw]).toEqual([...Array(raw.length + 1).keys()]);
  });

  it('should keep astral characters, lone surrogates and zero-width characters as they are', () => {
    // Arrange
    const raw = '😀  \ud800x\u200b\ufeff\u00a0y';

    // Act
    const folded = foldWhiteSpace(raw);

    // Assert
    expect(folded.text).toBe('😀 \ud800x\u200b\ufeff y');
    expect(folded.text).toBe(normalizeWhiteSpace(raw));
  });

  it('should fold an empty text to an empty text', () => {
    // Arrange, Act
    const folded = foldWhiteSpace('');

    // Assert
    expect(folded.text).toBe('');
    expect([...folded.toRaw]).toEqual([0]);
  });
});

describe('rawOffset', () => {
  it('should give every folded offset the raw offset of the full map, for mixed white space', () => {
    // Arrange: runs of every length and kind, at the ends and inside, and a character-by-character fold
    const alphabet = ['a', 'b', ' ', '\n', '\t', '\u00a0', '\u3000', '\r\n', '\ufeff'];
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const texts = Array.from({ length: 200 }, () =>
      Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join(''),
    );

    for (const raw of texts) {
      // Act
      const folded = foldWhiteSpace(raw);
      const offsets = Array.from({ length: folded.text.length + 1 }, (_, i) => rawOffset(folded, i));
      const expected: number[] = [];
      for (let i = 0; i < raw.length; i++) {
        const inRun = i > 0 && isWhiteSpace(raw.charCodeAt(i - 1)) && isWhiteSpace(raw.charCodeAt(i));
        if (!inRun) expected.push(i);
      }
      expected.push(raw.length);

      // Assert
      expect(folded.text).toBe(raw.replace(/\p{White_Space}+/gu, ' '));
      expect(offsets).toEqual(expected);
      expect([...folded.toRaw]).toEqual(expected);
    }
  });
});

describe('toRawRange', () => {
  it('should map a folded range that ends with a character to right after that character', () => {
    // Arrange
    const folded = foldWhiteSpace('say  "hi"\t\tnow');

    // Act
    const range = toRawRange(folded, 4, 8);

    // Assert
    expect(range).toEqual({ start: 5, end: 9 });
  });

  it('should map a folded range that ends with a space to the end of its run', () => {
    // Arrange
    const folded = foldWhiteSpace('ab \n\t cd');

    // Act
    const range = toRawRange(folded, 0, 3);

    // Assert
    expect(range).toEqual({ start: 0, end: 6 });
  });

  it('should refuse a range outside the folded text', () => {
    // Arrange
    const folded = foldWhiteSpace('abc');

    // Act, Assert
    expect(() => toRawRange(folded, 2, 4)).toThrow(RangeError);
    expect(() => toRawRange(folded, 2, 1)).toThrow(RangeError);
  });
});

describe('toFoldedOffset', () => {
  it('should find the first folded character at or after a raw offset', () => {
    // Arrange
    const folded = foldWhiteSpace('ab   cd');

    // Act
    const offsets = [0, 2, 3, 4, 5, 7].map((raw) => toFoldedOffset(folded, raw));

    // Assert
    expect(offsets).toEqual([0, 2, 3, 3, 3, 5]);
  });
});

describe('trimSpaces', () => {
  it('should trim only U+0020 spaces', () => {
    // Arrange, Act, Assert
    expect(trimSpaces('  a b  ')).toBe('a b');
    expect(trimSpaces('\ufeffa\ufeff')).toBe('\ufeffa\ufeff');
    expect(trimSpaces('   ')).toBe('');
  });
});

/** Texts of letters, NUL (what `normalizeWhiteSpaceAll` joins with) and white space of every kind. */
const textOfUnits = fc.string({
  unit: fc.constantFrom(
    'a',
    'b',
    '\0',
    ' ',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u0085',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\ufeff',
  ),
  maxLength: 12,
});

describe('folds', () => {
  it('should find two spaces in a row and white space other than a space, and nothing else', () => {
    // Arrange, Act, Assert
    expect(folds('a  b')).toBe(true);
    expect(folds('a\u00a0b')).toBe(true);
    expect(folds(' a b ')).toBe(false);
    expect(folds('a\ufeffb')).toBe(false);
  });

  it('should say whether folding changes a text', () => {
    fc.assert(
      fc.property(textOfUnits, (text) => {
        // Act, Assert
        expect(folds(text)).toBe(normalizeWhiteSpace(text) !== text);
      }),
    );
  });
});

describe('normalizeWhiteSpaceAll', () => {
  it('should fold each text as normalizeWhiteSpace does', () => {
    fc.assert(
      fc.property(fc.array(textOfUnits, { maxLength: 8 }), (texts) => {
        // Act
        const folded = normalizeWhiteSpaceAll(texts);

        // Assert
        expect(folded).toEqual(texts.map(normalizeWhiteSpace));
      }),
    );
  });

  it('should fold a text between texts that need no folding, and the last', () => {
    // Arrange
    const texts = ['one', 'two\tthree', '', 'four  five', 'six', 'seven\n'];

    // Act
    const folded = normalizeWhiteSpaceAll(texts);

    // Assert
    expect(folded).toEqual(['one', 'two three', '', 'four five', 'six', 'seven ']);
  });
});
