import { describe, expect, it } from 'vitest';
import {
  findTextDirective,
  parseTextFragment,
  passageUrl,
  textDirective,
  textFragment,
  type TextDirective,
} from './text-fragment.ts';

/** Offsets of `quote` at its `occurrence`-th place (from 0) in `pageText`. */
function offsets(pageText: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = pageText.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`No ${quote} in the page`);
  return { start, end: start + quote.length };
}

/** The passage `quote` at its `occurrence`-th place (from 0) in `pageText`. */
function passage(pageText: string, quote: string, occurrence = 0) {
  return { pageText, ...offsets(pageText, quote, occurrence) };
}

/** The text a directive leads to in a page. */
function found(pageText: string, directive: TextDirective | null): string | null {
  const match = directive && findTextDirective(pageText, directive);
  return match ? pageText.slice(match.start, match.end) : null;
}

describe('textFragment', () => {
  it.each<[string, TextDirective, string]>([
    ['an exact text', { textStart: 'an example text fragment' }, 'text=an%20example%20text%20fragment'],
    ['a range', { textStart: 'an example', textEnd: 'text fragment' }, 'text=an%20example,text%20fragment'],
    [
      'context terms',
      { prefix: 'this is', textStart: 'an example', suffix: 'text fragment' },
      'text=this%20is-,an%20example,-text%20fragment',
    ],
    [
      'right-to-left text',
      { prefix: 'البحرين', textStart: 'مصر' },
      'text=%D8%A7%D9%84%D8%A8%D8%AD%D8%B1%D9%8A%D9%86-,%D9%85%D8%B5%D8%B1',
    ],
  ])('should write %s as the draft’s example does', (_name, directive, expected) => {
    // Act
    const fragment = textFragment(directive);

    // Assert
    expect(fragment).toBe(expected);
  });

  it('should encode the draft’s Wikipedia example, with its hyphen percent-encoded', () => {
    // Arrange
    const sentence =
      'The first recorded idea of using digital electronics for computing was the 1931 paper "The Use of Thyratrons for High Speed Automatic Counting of Physical Phenomena" by C. E. Wynn-Williams';

    // Act
    const fragment = textFragment({ textStart: sentence });

    // Assert
    expect(fragment).toBe(
      'text=The%20first%20recorded%20idea%20of%20using%20digital%20electronics%20for%20computing%20was%20the%201931%20paper%20%22The%20Use%20of%20Thyratrons%20for%20High%20Speed%20Automatic%20Counting%20of%20Physical%20Phenomena%22%20by%20C%2E%20E%2E%20Wynn%2DWilliams',
    );
  });

  it('should percent-encode the directive syntax, parentheses and curly quotation marks in every term', () => {
    // Arrange
    const directive = { prefix: 'cheap & fast,', textStart: '“minute-long” (60 s)', suffix: '-ish' };

    // Act
    const fragment = textFragment(directive);

    // Assert
    expect(fragment).toBe(
      'text=cheap%20%26%20fast%2C-,%E2%80%9Cminute%2Dlong%E2%80%9D%20%2860%20s%29,-%2Dish',
    );
  });

  it('should write a directive that reads back to the same terms', () => {
    // Arrange
    const directive = { prefix: 'a-b,', textStart: 'x & y', textEnd: '100%', suffix: '-z-' };

    // Act
    const read = parseTextFragment(textFragment(directive));

    // Assert
    expect(read).toEqual(directive);
  });
});

describe('parseTextFragment', () => {
  it('should read the draft’s example with every term', () => {
    // Act
    const directive = parseTextFragment('text=this%20is-,an%20example,text%20fragment,-and%20more');

    // Assert
    expect(directive).toEqual({
      prefix: 'this is',
      textStart: 'an example',
      textEnd: 'text fragment',
      suffix: 'and more',
    });
  });

  it.each(['txt=a', 'text=', 'text=a,,b', 'text=a,b,c', 'text=p-,-s', 'text=%E0%A4%A'])(
    'should reject %s',
    (input) => {
      // Act
      const directive = parseTextFragment(input);

      // Assert
      expect(directive).toBeNull();
    },
  );
});

describe('passageUrl', () => {
  it('should put the paragraph id and the directive after the page URL, dropping its fragment', () => {
    // Act
    const url = passageUrl('https://example.org/sora/#note-a', 'p-3', { textStart: 'the text' });

    // Assert
    expect(url).toBe('https://example.org/sora/#p-3:~:text=the%20text');
  });

  it('should link to the paragraph alone when there is no directive', () => {
    // Act
    const url = passageUrl('https://example.org/sora/', 'p-12', null);

    // Assert
    expect(url).toBe('https://example.org/sora/#p-12');
  });
});

describe('findTextDirective', () => {
  it('should match the draft’s context example only where the context surrounds the text', () => {
    // Arrange
    const directive = { prefix: 'this is', textStart: 'an example', suffix: 'text fragment' };

    // Act
    const matching = found('this is an example text fragment', directive);
    const other = found('here is an example text', directive);

    // Assert
    expect([matching, other]).toEqual(['an example', null]);
  });

  it('should match the draft’s range example from the start to the first end after it', () => {
    // Act
    const match = found('So an example of a text fragment, and a text fragment.', {
      textStart: 'an example',
      textEnd: 'text fragment',
    });

    // Assert
    expect(match).toBe('an example of a text fragment');
  });

  it('should match only on word boundaries, as the draft’s mountain range example shows', () => {
    // Arrange
    const directive = { textStart: 'range' };

    // Act
    const matches = ['mountain range', 'color orange', 'forest ranger'].map((page) => found(page, directive));

    // Assert
    expect(matches).toEqual(['range', null, null]);
  });

  it('should not match a term across a block boundary, as in the draft’s example', () => {
    // Arrange
    const directive = { textStart: 'The quick', textEnd: 'lazy dog' };

    // Act
    const split = found('The\n \nquick brown fox\njumped over the lazy dog', directive);
    const whole = found('The quick brown fox\njumped over the lazy dog', directive);

    // Assert
    expect([split, whole]).toEqual([null, 'The quick brown fox\njumped over the lazy dog']);
  });

  it('should match regardless of case, accents, curly quotes and runs of white space', () => {
    // Act
    const match = found('Her   Résumé\u00A0isn’t done.', { textStart: "her resume isn't" });

    // Assert
    expect(match).toBe('Her   Résumé\u00A0isn’t');
  });

  it('should give the offsets of the page text, with decomposed accents, soft hyphens and emoji', () => {
    // Arrange
    const page = '😀 A cafe\u0301, a co\u00ADop.';

    // Act
    const cafe = found(page, { textStart: 'CAFÉ' });
    const coop = found(page, { textStart: 'coop' });

    // Assert
    expect([cafe, coop]).toEqual(['cafe\u0301', 'co\u00ADop']);
  });

  it('should let context terms sit in the neighbouring block', () => {
    // Act
    const match = found('A Heading\n\nText to quote here.', {
      prefix: 'heading',
      textStart: 'text to quote',
    });

    // Assert
    expect(match).toBe('Text to quote');
  });
});

describe('textDirective', () => {
  it('should use the exact text of a short passage found once', () => {
    // Arrange
    const page = 'The model is capable of generating minute-long videos.\n\nCritics were not impressed.';

    // Act
    const directive = textDirective(passage(page, 'capable of generating minute-long videos'));

    // Assert
    expect(directive).toEqual({ textStart: 'capable of generating minute-long videos' });
  });

  it('should keep hyphens, ampersands, commas and curly quotes in the term and encode them in the URL', () => {
    // Arrange
    const page = 'Intro.\n\nThey sold it as “fast, cheap & minute-long” in February.';
    const quote = '“fast, cheap & minute-long”';

    // Act
    const directive = textDirective(passage(page, quote));

    // Assert
    expect(directive).toEqual({ textStart: quote });
    expect(passageUrl('https://example.org/a/', 'p-1', directive)).toBe(
      'https://example.org/a/#p-1:~:text=%E2%80%9Cfast%2C%20cheap%20%26%20minute%2Dlong%E2%80%9D',
    );
  });

  it('should add context to a passage that occurs twice, and lead to the chosen occurrence', () => {
    // Arrange
    const page =
      'The model is capable of generating minute-long videos.\n\nCritics doubt it is capable of generating minute-long videos at all.';
    const quote = 'capable of generating minute-long videos';

    // Act
    const first = textDirective(passage(page, quote, 0));
    const second = textDirective(passage(page, quote, 1));

    // Assert
    expect(first).toEqual({ prefix: 'The model is', textStart: quote, suffix: '.' });
    expect(second).toEqual({ prefix: 'doubt it is', textStart: quote, suffix: 'at all.' });
    expect(findTextDirective(page, second!)).toEqual(offsets(page, quote, 1));
    expect(textFragment(second!)).toBe(
      'text=doubt%20it%20is-,capable%20of%20generating%20minute%2Dlong%20videos,-at%20all%2E',
    );
  });

  it('should count occurrences regardless of case and accents, but only whole words', () => {
    // Arrange
    const page = 'Send a RÉSUMÉ today. Then resume work. Resumes pile up.';

    // Act
    const directive = textDirective(passage(page, 'resume'));

    // Assert
    expect(directive).toEqual({
      prefix: 'RÉSUMÉ today. Then',
      textStart: 'resume',
      suffix: 'work. Resumes pile',
    });
    expect(found(page, directive)).toBe('resume');
  });

  it('should not count a passage inside a longer word as another occurrence', () => {
    // Arrange
    const page = 'Concatenate the cat and the catalogue.';

    // Act
    const directive = textDirective(passage(page, 'cat', 1));

    // Assert
    expect(directive).toEqual({ textStart: 'cat' });
  });

  it('should link a passage across two paragraphs by its start in the first and its end in the last', () => {
    // Arrange
    const page = 'Heading\n\nThe first paragraph ends here.\n\nThe second paragraph goes on for longer.';
    const quote = 'paragraph ends here.\n\nThe second paragraph';

    // Act
    const directive = textDirective(passage(page, quote));

    // Assert
    expect(directive).toEqual({ textStart: 'paragraph ends here', textEnd: 'The second paragraph' });
    expect(found(page, directive)).toBe(quote);
  });

  it('should link a long passage by its first and last three words', () => {
    // Arrange
    const words = Array.from({ length: 60 }, (_, index) => `word${index}`);
    const quote = `${words.join(' ')}.`;
    const page = `Before it.\n\n${quote}\n\nAfter it.`;

    // Act
    const directive = textDirective(passage(page, quote));

    // Assert
    expect(quote.length).toBeGreaterThan(300);
    expect(directive).toEqual({ textStart: 'word0 word1 word2', textEnd: 'word57 word58 word59.' });
    expect(found(page, directive)).toBe(quote);
  });

  it('should use more words of a long passage when its first words recur inside it', () => {
    // Arrange
    const filler = Array.from({ length: 80 }, (_, index) => `w${index}`).join(' ');
    const quote = `one two three ${filler} one two three four five six seven`;
    const page = `${quote}.`;

    // Act
    const directive = textDirective(passage(page, quote));

    // Assert
    expect(quote.length).toBeGreaterThan(300);
    expect(directive).toEqual({ textStart: 'one two three w0', textEnd: 'four five six seven' });
    expect(found(page, directive)).toBe(quote);
  });

  it('should widen a selection that cuts words and ignore white space around it', () => {
    // Arrange
    const page = 'The economy of China’s provinces grew.';
    const start = page.indexOf('ina’');

    // Act
    const directive = textDirective({ pageText: page, start: start - 1, end: start + 3 });
    const padded = textDirective(passage(page, ' provinces '));

    // Assert
    expect(directive).toEqual({ textStart: 'China’s' });
    expect(padded).toEqual({ textStart: 'provinces' });
  });

  it('should give no directive for a selection of white space only', () => {
    // Act
    const directive = textDirective(passage('One.  \n\n  Two.', '  \n\n  '));

    // Assert
    expect(directive).toBeNull();
  });

  it('should tell apart the same paragraph said twice by the text around it', () => {
    // Arrange
    const page = 'Yes.\n\nNo.\n\nYes.';

    // Act
    const directive = textDirective(passage(page, 'Yes.', 1));

    // Assert
    expect(directive).toEqual({ prefix: 'No.', textStart: 'Yes.' });
    expect(findTextDirective(page, directive!)).toEqual(offsets(page, 'Yes.', 1));
  });

  it('should reject offsets outside the page text', () => {
    // Act
    const attempt = () => textDirective({ pageText: 'abc', start: 2, end: 4 });

    // Assert
    expect(attempt).toThrow(RangeError);
  });
});
