import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocument, documentText, locateAll, spanOf } from './document.ts';
import { foldWhiteSpace } from './normalize.ts';

/** Blocks of letters and white space of several kinds, at their ends too, and empty blocks. */
const blocksOfUnits = fc.array(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ' ', '\t', '\n', '\u00a0', '😀'), maxLength: 10 }),
  { maxLength: 6 },
);

/**
 * Many blocks that begin and end with a letter, a few of them with white space inside that
 * folds: the documents that are folded block by block.
 */
const manyBlocks = fc.array(
  fc
    .tuple(
      fc.constantFrom('a', 'b'),
      fc.constantFrom('', ' ', ' b ', '  ', '\t', ' \n ', '\u00a0'),
      fc.constantFrom('a', 'b'),
      fc.nat(9),
    )
    .map(([first, inside, last, pick]) => first + (pick === 0 ? inside : ' ') + last),
  { minLength: 16, maxLength: 48 },
);

describe('createDocument', () => {
  it('should fold the document text as foldWhiteSpace does, map back included', () => {
    fc.assert(
      fc.property(blocksOfUnits, (blocks) => {
        // Arrange
        const expected = foldWhiteSpace(documentText(blocks));

        // Act
        const { folded } = createDocument(blocks);

        // Assert
        expect(folded.text).toBe(expected.text);
        expect([...folded.shiftAt]).toEqual([...expected.shiftAt]);
        expect([...folded.shiftBy]).toEqual([...expected.shiftBy]);
        expect([...folded.toRaw]).toEqual([...expected.toRaw]);
      }),
    );
  });

  it('should fold a document block by block as foldWhiteSpace folds it whole', () => {
    fc.assert(
      fc.property(manyBlocks, (blocks) => {
        // Arrange
        const expected = foldWhiteSpace(documentText(blocks));

        // Act
        const { folded } = createDocument(blocks);

        // Assert
        expect(folded.text).toBe(expected.text);
        expect([...folded.shiftAt]).toEqual([...expected.shiftAt]);
        expect([...folded.shiftBy]).toEqual([...expected.shiftBy]);
      }),
    );
  });

  it('should fold the few blocks that need it in a document of many that do not', () => {
    // Arrange
    const blocks = Array.from({ length: 40 }, (_, i) => `Block ${i}.`);
    blocks[3] = 'Three  four\tfive.';
    blocks[30] = 'Six\u00a0seven\r\neight.';
    const expected = foldWhiteSpace(documentText(blocks));

    // Act
    const { folded } = createDocument(blocks);

    // Assert
    expect(folded.text).toContain(' Block 2. Three four five. Block 4. ');
    expect(folded.text).toBe(expected.text);
    expect([...folded.shiftAt]).toEqual([...expected.shiftAt]);
    expect([...folded.shiftBy]).toEqual([...expected.shiftBy]);
  });
});

describe('locateAll', () => {
  it('should place every folded range as spanOf does, in any order', () => {
    fc.assert(
      fc.property(
        blocksOfUnits,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
        (blocks, pairs) => {
          // Arrange
          const document = createDocument(blocks);
          const length = document.folded.text.length;
          const ranges = pairs.map(([a, b]) => {
            const start = a % (length + 1);
            return [start, start + (b % (length - start + 1))] as const;
          });

          // Act
          const located = locateAll(
            document,
            Int32Array.from(ranges, ([start]) => start),
            Int32Array.from(ranges, ([, end]) => end),
            ranges.length,
          );

          // Assert
          ranges.forEach(([start, end], r) => {
            const span = spanOf(document, start, end);
            if (span === undefined) {
              expect(located.block[r]).toBe(-1);
            } else {
              expect([located.block[r], located.start[r], located.end[r]]).toEqual([
                span.block,
                span.start,
                span.end,
              ]);
            }
          });
        },
      ),
    );
  });
});
