import { describe, expect, it } from 'vitest';
import { editQuotes } from './edit-quotes.ts';

const yaml = `# The claims of an article.
source: {title: X} # flow style stays

claims:
  # first claim, with a comment above it
  - id: a   # trailing comment
    quote: "it's here"  # the quote's comment
    prefix: 'old '
    kind: fact
    note: |
      Hello.

  - { id: b, quote: plain words, kind: fact, note: x }
  - id: c
    quote: >-
      folded quote
      on two lines
    kind: fact
    note: n
  - id: d
    quote: plain
    kind: fact
    note: n
`;

describe('editQuotes (YAML)', () => {
  it('should change only the values it rewrites, keeping comments, styles and layout byte for byte', () => {
    // Act
    const { text, failed } = editQuotes(yaml, 'yaml', [{ id: 'a', quote: 'it’s here', prefix: 'old ' }]);

    // Assert
    expect(failed.size).toBe(0);
    expect(text).toBe(yaml.replace(`"it's here"`, '"it’s here"'));
  });

  it('should remove a prefix with its line and add a suffix after the quote, indented as its neighbours', () => {
    const { text } = editQuotes(yaml, 'yaml', [
      { id: 'a', quote: "it's here" },
      { id: 'c', quote: 'new folded', suffix: ' and more' },
    ]);
    expect(text).toBe(
      yaml
        .replace("    prefix: 'old '\n", '')
        .replace('      folded quote\n      on two lines\n', '      new folded\n    suffix: " and more"\n'),
    );
  });

  it('should add a prefix inside a flow mapping and quote a value that cannot be plain', () => {
    const { text } = editQuotes(yaml, 'yaml', [{ id: 'b', quote: 'new: words', prefix: 'the ' }]);
    expect(text).toBe(yaml.replace('quote: plain words,', 'quote: "new: words", prefix: "the ",'));
  });

  it('should double-quote a value that YAML would read as something other than its text', () => {
    const { text, failed } = editQuotes(yaml, 'yaml', [{ id: 'd', quote: 'true' }]);
    expect(failed.size).toBe(0);
    expect(text).toBe(yaml.replace('quote: plain\n', 'quote: "true"\n'));
  });

  it('should leave a claim whose id names no single claim, and say so', () => {
    const { text, failed } = editQuotes(yaml, 'yaml', [{ id: 'zz', quote: 'x' }]);
    expect(text).toBe(yaml);
    expect(failed.get('zz')).toMatch(/does not name exactly one claim/u);
  });
});

describe('editQuotes (JSON)', () => {
  const json = `{
    "source": {"title": "X"},
    "claims": [
        {"id": "a", "quote": "old", "prefix": "p", "kind": "fact", "note": "n"},
        {
            "id": "b",
            "quote": "old b",
            "kind": "fact"
        }
    ]
}
`;

  it('should replace, remove and add properties without reformatting the rest', () => {
    const { text, failed } = editQuotes(json, 'json', [
      { id: 'a', quote: 'new' },
      { id: 'b', quote: 'new “b”', suffix: ' s' },
    ]);
    expect(failed.size).toBe(0);
    expect(text).toBe(
      json
        .replace('"quote": "old", "prefix": "p",', '"quote": "new",')
        .replace('"quote": "old b",', '"quote": "new “b”",\n            "suffix": " s",'),
    );
  });
});
