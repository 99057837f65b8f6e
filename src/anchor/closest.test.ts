import { describe, expect, it } from 'vitest';
import { findClosest, maxErrors } from './closest.ts';
import { anchorQuotes } from './match.ts';

const article = [
  'Sora, OpenAI’s new text-to-video model.',
  'The company says the technology is capable of generating minute-long videos with just a prompt.',
  'Critics doubt it.',
];

describe('maxErrors', () => {
  it('should allow 30% of a long quote, at least 5, and never more than half the quote', () => {
    // Arrange, Act, Assert
    expect(maxErrors(100)).toBe(30);
    expect(maxErrors(20)).toBe(6);
    expect(maxErrors(12)).toBe(5);
    expect(maxErrors(6)).toBe(3);
    expect(maxErrors(1)).toBe(0);
  });
});

describe('findClosest', () => {
  it('should point a quote with a typo to the passage it meant', () => {
    // Act
    const closest = findClosest(article, { exact: 'capabel of generating minute-long videos' });

    // Assert
    expect(closest).toEqual({
      span: { block: 1, start: 35, end: 75 },
      text: 'capable of generating minute-long videos',
      errors: 2,
    });
  });

  it('should point a quote with a word changed to the passage it meant', () => {
    // Act
    const closest = findClosest(article, {
      exact: 'the technology is able to generate minute-long videos',
    });

    // Assert
    expect(closest?.span.block).toBe(1);
    expect(closest?.text).toBe('the technology is capable of generating minute-long videos');
    expect(closest?.errors).toBeGreaterThan(0);
    expect(closest?.errors).toBeLessThanOrEqual(maxErrors(53));
  });

  it('should give no passage when nothing is close', () => {
    // Act
    const closest = findClosest(article, { exact: 'an entirely unrelated sentence about weather' });

    // Assert
    expect(closest).toBeUndefined();
  });

  it('should not let a short quote match just anything', () => {
    // Act
    const closest = findClosest(article, { exact: 'xyzzy' });

    // Assert
    expect(closest).toBeUndefined();
  });

  it('should not fold white space differences into the error count', () => {
    // Act
    const closest = findClosest(['It is capable\u00a0of\n\ngenerating videos.'], {
      exact: 'capable of  generatng videos',
    });

    // Assert
    expect(closest).toEqual({
      span: { block: 0, start: 6, end: 35 },
      text: 'capable\u00a0of\n\ngenerating videos',
      errors: 1,
    });
  });

  it('should keep the passage inside one block', () => {
    // Act
    const closest = findClosest(['It all ends here', 'and starts again'], {
      exact: 'ends here and',
    });

    // Assert
    expect(closest?.span.block).toBe(0);
    expect(closest?.text).toBe('ends here');
  });

  it('should prefer, among equally close passages, the one whose prefix agrees', () => {
    // Arrange
    const blocks = ['a red fox jumps high', 'a blue fox jumps high'];

    // Act
    const closest = findClosest(blocks, { exact: 'fox jumsp high', prefix: 'blue ' });

    // Assert
    expect(closest?.span).toEqual({ block: 1, start: 7, end: 21 });
  });

  it('should prefer the earliest of equally close passages when context does not decide', () => {
    // Arrange
    const blocks = ['a red fox jumps high', 'a blue fox jumps high'];

    // Act
    const closest = findClosest(blocks, { exact: 'fox jumsp high' });

    // Assert
    expect(closest?.span).toEqual({ block: 0, start: 6, end: 20 });
  });

  it('should widen a passage rather than cut an astral character in two', () => {
    // Arrange
    const blocks = ['we 😀 love code 🐍 now'];

    // Act
    const starting = findClosest(blocks, { exact: '\ude00 love code' });
    const ending = findClosest(blocks, { exact: 'love code \ud83d' });

    // Assert
    expect(starting?.text).toBe('😀 love code');
    expect(ending?.text).toBe('love code 🐍');
  });
});

describe('anchorQuotes: closest passage', () => {
  it('should carry the closest passage in a not-found result', () => {
    // Act
    const [result] = anchorQuotes(article, [{ exact: 'capable of generating minute-long video with' }]);

    // Assert
    expect(result).toEqual({
      status: 'not-found',
      occurrences: [],
      closest: {
        span: { block: 1, start: 35, end: 80 },
        text: 'capable of generating minute-long videos with',
        errors: 1,
      },
    });
  });

  it('should not search for a closest passage when the quote is found', () => {
    // Act
    const [result] = anchorQuotes(article, [{ exact: 'Critics doubt it.' }]);

    // Assert
    expect(result).toEqual({ status: 'found', span: { block: 2, start: 0, end: 17 } });
  });
});
