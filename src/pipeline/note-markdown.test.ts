import { describe, expect, it } from 'vitest';
import { parsedNote, plainNote, renderNote, renderNotes } from './note-markdown.ts';

/** A seeded sequence of 32-bit numbers (a linear congruential generator). */
function counter(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
}

/** A seeded generator of notes: mostly plain words, with pieces that Markdown treats specially. */
function notes(count: number, seed: number): string[] {
  const pieces = [
    'word',
    'Word',
    'é',
    '中文',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\t',
    '1.',
    '2)',
    '-',
    '+',
    '=',
    '*',
    '_',
    '`',
    '~',
    '#',
    '>',
    '<',
    '&',
    '&amp;',
    '!',
    '[',
    ']',
    '(',
    ')',
    '\\',
    '|',
    ':',
    'http://x.org',
    '\u00a0',
    '\u2028',
    '\0',
    '😀',
    '\ud800',
    '"',
    '’',
    '.',
    ',',
    '---',
    '===',
    '    ',
    '\r\n',
  ];
  const next = counter(seed);
  const plain = ['Word', 'word', ' ', ' ', 'é', '.', ',', '(', ')', '-', '=', ':', '1', '\n\n'];
  const piece = (): string | undefined =>
    next() % 6 === 0 ? pieces[next() % pieces.length] : plain[next() % plain.length];
  return Array.from({ length: count }, () =>
    ['Word', ...Array.from({ length: next() % 12 }, piece)].join(''),
  );
}

/**
 * Checks that every note `plainNote` renders is rendered as the parser renders it, and counts
 * them: all, and those with an element (emphasis or a link) in a paragraph.
 */
function compareWithParser(generated: readonly string[]): { rendered: number; withSyntax: number } {
  let rendered = 0;
  let withSyntax = 0;
  for (const note of generated) {
    const fast = plainNote(note);
    if (fast === undefined) continue;
    rendered += 1;
    if (fast.some((paragraph) => paragraph.children.some((child) => child.type === 'element')))
      withSyntax += 1;
    expect(fast, JSON.stringify(note)).toEqual(parsedNote(note));
  }
  return { rendered, withSyntax };
}

describe('renderNote', () => {
  it('should render a plain note without parsing, as the parser would', () => {
    // Arrange
    const note =
      'No source is given in the address. The figure differs by about 41% (a lot).\n\nWorth a look.';

    // Act
    const fast = plainNote(note);

    // Assert
    expect(fast).toBeDefined();
    expect(fast).toEqual(parsedNote(note));
    expect(renderNote(note)).toEqual(parsedNote(note));
  });

  it('should leave every note with Markdown syntax, odd white space or references to the parser', () => {
    // Arrange
    const notes = [
      'Only **partly*** true.',
      'see [the report](https://example.org "Title")',
      'A **b**c',
      'Tom *and*Jerry',
      'x*y*',
      '**a *b* c**',
      '[a *b*](https://example.org)',
      '[a](javascript:alert(1))',
      '[a](https://example.org/a&b)',
      '1. first',
      'Trailing space ',
      'A\nB',
      'A\n\n\nB',
      'Tom &amp; Jerry',
      'a\\*b',
      '',
      ' Indented',
      'Hard  \nbreak',
    ];

    // Act
    const fast = notes.map(plainNote);

    // Assert
    expect(fast).toEqual(notes.map(() => undefined));
  });

  it('should agree with the parser on every note it renders without parsing', () => {
    // Arrange
    const generated = notes(3000, 42);

    // Act and assert
    const { rendered } = compareWithParser(generated);
    expect(rendered).toBeGreaterThan(500);
  });
});

/** Paragraphs of words, emphasis, links and what stands around them, and a few that break them. */
function inlineNotes(count: number, seed: number): string[] {
  const pieces = [
    'word',
    'Word',
    'é',
    '9',
    ' ',
    ' ',
    ' ',
    '*',
    '**',
    '***',
    '_',
    '[',
    ']',
    '(',
    ')',
    '](',
    '](https://example.org/a_b?c=d#e)',
    'https://x.org/%41',
    'http://x.org/%zz',
    '.',
    ',',
    ';',
    ':',
    '?',
    '!',
    '"',
    "'",
    '’',
    '”',
    '-',
    '\\',
    '&',
    '`',
    '<',
    '\u0301',
    '中文',
    '😀',
    '\n\n',
  ];
  const next = counter(seed);
  const spans = [
    () => `**${words()}**`,
    () => `*${words()}*`,
    () => `[${words()}](https://example.org/${next() % 100})`,
  ];
  const words = (): string =>
    Array.from({ length: 1 + (next() % 3) }, () =>
      next() % 5 === 0 ? (pieces[next() % pieces.length] ?? '') : 'word',
    ).join(next() % 4 === 0 ? '' : ' ');
  const part = (): string => {
    const roll = next() % 20;
    if (roll < 8) return spans[next() % spans.length]?.() ?? '';
    if (roll < 18) return [' ', ' ', ' word ', ' Word, ', ' (', ') ', '. ', 'word'][next() % 8] ?? '';
    return pieces[next() % pieces.length] ?? '';
  };
  return Array.from(
    { length: count },
    // Half start with a word, half with whatever comes (a span, a space, punctuation).
    () => `${next() % 2 === 0 ? 'Word ' : ''}${Array.from({ length: 1 + (next() % 10) }, part).join('')}`,
  );
}

describe('plainNote with emphasis and links', () => {
  it('should render simple emphasis, strong emphasis and links as the parser does', () => {
    // Arrange
    const note = 'Only **partly** true; see [the printed report](https://example.org/notes/0) (*sic*).';

    // Act
    const fast = plainNote(note);

    // Assert
    expect(fast).toEqual(parsedNote(note));
    expect(fast?.[0]?.children.map((child) => (child.type === 'element' ? child.tagName : 'text'))).toEqual([
      'text',
      'strong',
      'text',
      'a',
      'text',
      'em',
      'text',
    ]);
  });

  it('should agree with the parser on every generated paragraph it renders without parsing', () => {
    // Arrange
    const generated = inlineNotes(30000, 2026);

    // Act and assert
    const { withSyntax } = compareWithParser(generated);
    // A good share take the fast path with emphasis or links, so that the comparison means something.
    expect(withSyntax).toBeGreaterThan(2000);
  });
});

describe('renderNotes', () => {
  it('should render every note as rendering it alone would, whatever its neighbours hold', () => {
    // Arrange: generated notes, and prose notes with inline Markdown that are parsed together.
    const prose = [
      'Only **partly** true.',
      'See [the report](https://example.org/a?b=1&c=2 "Title") and `code`.',
      'A claim about the *future*.\n\nWorth a second look: <https://example.org>.',
      'Tom &amp; Jerry [undefined] [ref][] &#x41; \\* not emphasis',
      'Unclosed *emphasis and `code and [link',
      'Trailing backslash \\',
      'Ends with a hard break?  \n',
      'Écrit en français, avec des *accents*.',
    ];
    const generated = [...prose, ...notes(3000, 7), ...prose];

    // Act
    const together = renderNotes(generated);

    // Assert
    expect(together).toHaveLength(generated.length);
    generated.forEach((note, index) => {
      expect(together[index], JSON.stringify(note)).toEqual(renderNote(note));
    });
  });

  it('should render no notes, and one note, as renderNote does', () => {
    expect(renderNotes([])).toEqual([]);
    expect(renderNotes(['Only **partly** true.'])).toEqual([renderNote('Only **partly** true.')]);
  });
});
