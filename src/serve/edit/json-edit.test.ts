import { describe, expect, it } from 'vitest';
import { applyJson, jsonData } from './json-edit.ts';
import { operationsFor } from './operations.ts';

const file = `{
    "source": { "title": "A test" },
    "claims": [
        {
            "id": "first",
            "quote": "the first words",
            "kind": "fact",
            "note": "Short.",
            "cites": []
        }
    ]
}
`;

function change(text: string, request: Parameters<typeof operationsFor>[1]): string {
  return applyJson(text, operationsFor(jsonData(text), request));
}

describe('applyJson', () => {
  it('should append a claim with the file’s own indentation', () => {
    // Arrange
    const claim = { id: 'second', quote: 'more words', kind: 'opinion', note: 'Two.', cites: [] };

    // Act
    const result = change(file, { type: 'add-claim', claim });

    // Assert
    expect(JSON.parse(result).claims[1]).toEqual({
      id: 'second',
      quote: 'more words',
      kind: 'opinion',
      note: 'Two.',
    });
    expect(result).toContain('        {\n            "id": "second",\n            "quote": "more words",');
    expect(result.startsWith(file.slice(0, file.indexOf('        }\n    ]')))).toBe(true);
  });

  it('should change a claim’s fields in place, a new field where claims have it', () => {
    // Arrange
    const claim = {
      id: 'first',
      quote: 'the first words',
      kind: 'causal',
      verdict: 'disputed',
      note: 'Short.',
      cites: [],
    };

    // Act
    const result = change(file, { type: 'update-claim', id: 'first', claim });

    // Assert
    expect(Object.keys(JSON.parse(result).claims[0])).toEqual(['id', 'quote', 'kind', 'verdict', 'note']);
    expect(result).toContain(
      '"kind": "causal",\n            "verdict": "disputed",\n            "note": "Short."',
    );
  });

  it('should delete a claim and add references, the rest of the file as it was', () => {
    // Arrange
    const reference = { id: 'doe', type: 'book', title: 'A book' };

    // Act
    const deleted = change(file, { type: 'delete-claim', id: 'first' });
    const added = change(file, { type: 'add-references', references: [reference] });

    // Assert
    expect(JSON.parse(deleted).claims).toEqual([]);
    expect(JSON.parse(added).references).toEqual([reference]);
    expect(added).toContain('"claims": [');
  });
});
