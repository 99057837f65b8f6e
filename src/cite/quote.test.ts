import { describe, expect, it } from 'vitest';
import { nestQuotes, tidyQuote, widenToWords } from './quote.ts';

describe('tidyQuote', () => {
  it('should collapse runs of white space and trim each paragraph', () => {
    // Arrange
    const paragraphs = ['  The model is\n  capable of\tgenerating ', 'minute-long\u00A0 videos.'];

    // Act
    const tidy = tidyQuote(paragraphs);

    // Assert
    expect(tidy).toEqual(['The model is capable of generating', 'minute-long videos.']);
  });

  it('should drop paragraphs that hold only white space', () => {
    // Arrange
    const paragraphs = ['First.', ' \n ', '', 'Second.'];

    // Act
    const tidy = tidyQuote(paragraphs);

    // Assert
    expect(tidy).toEqual(['First.', 'Second.']);
  });

  it('should keep double quotation marks as written', () => {
    // Arrange
    const paragraphs = ['He called it “a world simulator”.'];

    // Act
    const tidy = tidyQuote(paragraphs);

    // Assert
    expect(tidy).toEqual(['He called it “a world simulator”.']);
  });

  it('should keep apostrophes, single quotation marks and typos as written', () => {
    // Arrange
    const paragraphs = ["China‘s output, the firm’s ‘plan’ and it's teh end"];

    // Act
    const tidy = tidyQuote(paragraphs);

    // Assert
    expect(tidy).toEqual(["China‘s output, the firm’s ‘plan’ and it's teh end"]);
  });
});

describe('nestQuotes', () => {
  it('should turn double quotation marks inside the quote into single ones', () => {
    // Arrange
    const text = 'He called it “a world simulator” and "a toy", or „ein Spielzeug“.';

    // Act
    const nested = nestQuotes(text);

    // Assert
    expect(nested).toBe("He called it ‘a world simulator’ and 'a toy', or ‚ein Spielzeug‘.");
  });
});

describe('widenToWords', () => {
  it('should widen a selection that cuts words to the whole words', () => {
    // Arrange
    const text = 'The economy of China grew.';

    // Act
    const span = widenToWords(text, 6, 17); // "onomy of Ch"

    // Assert
    expect(text.slice(span.start, span.end)).toBe('economy of China');
  });

  it('should count an apostrophe inside a word as part of the word', () => {
    // Arrange
    const text = 'So China’s economy grew.';
    const start = text.indexOf('ina');

    // Act
    const span = widenToWords(text, start, start + 3);

    // Assert
    expect(text.slice(span.start, span.end)).toBe('China’s');
  });

  it('should keep the apostrophe typo of the text inside the word', () => {
    // Arrange
    const text = 'China‘s output';

    // Act
    const span = widenToWords(text, 0, 6);

    // Assert
    expect(span).toEqual({ start: 0, end: 7 });
  });

  it('should widen to each word but not past a hyphen', () => {
    // Arrange
    const text = 'capable of generating minute-long videos';
    const start = text.indexOf('ute');

    // Act
    const span = widenToWords(text, start, start + 3);

    // Assert
    expect(text.slice(span.start, span.end)).toBe('minute');
  });

  it('should not widen a selection that starts and ends on white space or punctuation', () => {
    // Arrange
    const text = 'Hello, big world.';

    // Act
    const span = widenToWords(text, 5, 11); // ", big "

    // Assert
    expect(span).toEqual({ start: 5, end: 11 });
  });

  it('should not widen a selection that already holds whole words', () => {
    // Arrange
    const text = 'Hello, big world.';

    // Act
    const span = widenToWords(text, 7, 10); // "big"

    // Assert
    expect(span).toEqual({ start: 7, end: 10 });
  });

  it('should leave an empty selection as it is', () => {
    // Arrange
    const text = 'Hello';

    // Act
    const span = widenToWords(text, 2, 2);

    // Assert
    expect(span).toEqual({ start: 2, end: 2 });
  });

  it('should reject offsets outside the text or in the wrong order', () => {
    // Arrange
    const text = 'Hello';

    // Act
    const attempts = [
      () => widenToWords(text, 3, 2),
      () => widenToWords(text, -1, 2),
      () => widenToWords(text, 0, 6),
    ];

    // Assert
    for (const attempt of attempts) expect(attempt).toThrow(RangeError);
  });
});
