import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { operationsFor } from './operations.ts';
import { applyYaml, yamlData } from './yaml-edit.ts';

const file = `# The claims of a test article.
source: { title: A test } # inline comment

references:
  # The one reference.
  - id: doe-2020
    type: book
    title: "A book: of things"
    author: [{ family: Doe, given: Jane }]

claims:
  # First paragraph.
  - id: first
    quote: "the first words"   # kept as written
    kind: fact
    note: |
      A note of
      two lines.
    cites: [doe-2020]

  # Second paragraph.
  - id: second
    quote: second words
    kind: opinion
    note: Short.
style: my.csl
`;

const claim = { id: 'third', quote: 'third words', kind: 'fact', note: 'New note.', cites: ['doe-2020'] };

function change(text: string, request: Parameters<typeof operationsFor>[1]): string {
  return applyYaml(text, operationsFor(yamlData(text), request));
}

const comments = (text: string): string[] => text.split('\n').filter((line) => line.includes('#'));

describe('applyYaml', () => {
  it('should append a claim after the last one, as the others are written, and change nothing else', () => {
    // Arrange
    const request = { type: 'add-claim' as const, claim };

    // Act
    const result = change(file, request);

    // Assert
    expect(result).toBe(
      file.replace(
        'style: my.csl\n',
        '\n  - id: third\n    quote: third words\n    kind: fact\n    note: New note.\n    cites: [doe-2020]\nstyle: my.csl\n',
      ),
    );
  });

  it('should change a claim in place, keeping its comments, key order and value styles', () => {
    // Arrange
    const request = {
      type: 'update-claim' as const,
      id: 'first',
      claim: {
        id: 'first',
        quote: 'the first words',
        kind: 'causal',
        verdict: 'supported',
        note: 'A note of\ntwo lines.\n',
        cites: [],
      },
    };

    // Act
    const result = change(file, request);

    // Assert
    expect(result).toContain(
      '  - id: first\n    quote: "the first words" # kept as written\n    kind: causal\n    verdict: supported\n    note: |\n      A note of\n      two lines.\n\n  # Second paragraph.',
    );
    expect(comments(result)).toEqual(comments(file).map((line) => line.replace('"   #', '" #')));
    expect(result.startsWith(file.slice(0, file.indexOf('  - id: first')))).toBe(true);
    expect(result.endsWith(file.slice(file.indexOf('  # Second paragraph.')))).toBe(true);
  });

  it('should delete a claim and the blank line that set it apart, keeping the comment above it', () => {
    // Arrange
    const request = { type: 'delete-claim' as const, id: 'second' };

    // Act
    const result = change(file, request);

    // Assert
    expect(result).toBe(
      file.replace('  - id: second\n    quote: second words\n    kind: opinion\n    note: Short.\n', ''),
    );
    expect(
      parseDocument(result)
        .toJS()
        .claims.map((item: { id: string }) => item.id),
    ).toEqual(['first']);
  });

  it('should add references after the last reference, written as the file writes them', () => {
    // Arrange
    const request = {
      type: 'add-claim' as const,
      claim: { ...claim, cites: ['roe-2021'] },
      references: [
        {
          id: 'roe-2021',
          type: 'article-journal',
          title: 'On: things',
          author: [{ family: 'Roe', given: 'R.' }],
          issued: '2021-03',
        },
      ],
    };

    // Act
    const result = change(file, request);

    // Assert
    expect(result).toContain(
      '    author: [{ family: Doe, given: Jane }]\n  - id: roe-2021\n    type: article-journal\n    title: "On: things"\n    author:\n      - { family: Roe, given: R. }\n    issued: 2021-03\n\nclaims:',
    );
    expect(result).toContain('    cites: [roe-2021]\n');
  });

  it('should write the whole document when a list is missing or in flow style, keeping the comments', () => {
    // Arrange
    const flow = '# Top.\nsource: { title: T }\nclaims: [] # none yet\n';

    // Act
    const result = change(flow, { type: 'add-claim', claim: { ...claim, cites: [] } });

    // Assert
    expect(parseDocument(result).toJS()).toEqual({
      source: { title: 'T' },
      claims: [{ id: 'third', quote: 'third words', kind: 'fact', note: 'New note.' }],
    });
    expect(result).toContain('# Top.');
    expect(result).toContain('# none yet');
  });

  it('should refuse a change to a claim that is not there, or an id that is taken', () => {
    // Arrange
    const missing = { type: 'delete-claim' as const, id: 'nope' };
    const taken = { type: 'add-claim' as const, claim: { ...claim, id: 'first' } };

    // Act
    const attempts = [() => change(file, missing), () => change(file, taken)];

    // Assert
    expect(attempts[0]).toThrow('There is no claim "nope"');
    expect(attempts[1]).toThrow('There is a claim "first" already');
  });
});
