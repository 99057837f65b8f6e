import { describe, expect, it } from 'vitest';
import { parsedNote, plainNote, renderNote, renderNotes } from './note-markdown.ts';

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
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const plain = ['Word', 'word', ' ', ' ', 'é', '.', ',', '(', ')', '-', '=', ':', '1', '\n\n'];
  const piece = (): string | undefined =>
    next() % 6 === 0 ? pieces[next() % pieces.length] : plain[next() % plain.length];
  return Array.from({ length: count }, () =>
    ['Word', ...Array.from({ length: next() % 12 }, piece)].join(''),
  );
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
      'Only **partly** true.',
      'see [the report](https://example.org)',
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
    let rendered = 0;

    for (const note of generated) {
      // Act
      const fast = plainNote(note);

      // Assert
      if (fast === undefined) continue;
      rendered += 1;
      expect(fast, JSON.stringify(note)).toEqual(parsedNote(note));
    }
    expect(rendered).toBeGreaterThan(500);
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
