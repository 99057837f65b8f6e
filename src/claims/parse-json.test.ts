import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json.ts';

describe('parseJson', () => {
  it('should read values as JSON.parse does, with the place of every value and key', () => {
    // Arrange
    const text = '{\n  "a": [1, -2.5e3, true, null],\n  "b\\n\\u00e9": {"c": "x\\"y\\/z"}\n}\n';

    // Act
    const { tree, problems } = parseJson(text);

    // Assert
    expect(problems).toEqual([]);
    expect(tree?.data).toEqual(JSON.parse(text));
    expect(tree?.places.get('')).toEqual({ value: { line: 1, column: 1 } });
    expect(tree?.places.get('/a')).toEqual({ value: { line: 2, column: 8 }, key: { line: 2, column: 3 } });
    expect(tree?.places.get('/a/1')).toEqual({ value: { line: 2, column: 12 } });
    expect(tree?.places.get('/b\né/c')).toEqual({
      value: { line: 3, column: 22 },
      key: { line: 3, column: 17 },
    });
  });

  it('should keep a "__proto__" property as data', () => {
    // Arrange
    const text = '{"__proto__": {"x": 1}}';

    // Act
    const { tree } = parseJson(text);

    // Assert
    expect(Object.keys(tree?.data as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(tree?.data)).toBe(Object.prototype);
  });

  const errors: Array<{ text: string; line: number; column: number; reason: string }> = [
    { text: '', line: 1, column: 1, reason: 'the file is empty: write an object with "source" and "claims"' },
    {
      text: '{"a": 1,\n}',
      line: 1,
      column: 8,
      reason: 'a comma before "}" is not allowed: remove this comma',
    },
    { text: '[1, 2, ]', line: 1, column: 6, reason: 'a comma before "]" is not allowed: remove this comma' },
    {
      text: '{"a": 1\n "b": 2}',
      line: 2,
      column: 2,
      reason:
        'expected "," or "}" after the value of "a", found a string: add a comma between two properties',
    },
    {
      text: '{"a": [1 2]}',
      line: 1,
      column: 10,
      reason: 'expected "," or "]" after a list item, found "2": add a comma between two items',
    },
    { text: '{a: 1}', line: 1, column: 2, reason: 'property names must be in double quotes: write "a"' },
    {
      text: "{'a': 1}",
      line: 1,
      column: 2,
      reason: 'property names must be in double quotes, not single quotes',
    },
    {
      text: '{"a" 1}',
      line: 1,
      column: 6,
      reason:
        'expected ":" after the property name "a", found "1": put a colon between the name and its value',
    },
    {
      text: '{"a": \'x\'}',
      line: 1,
      column: 7,
      reason: 'strings must be in double quotes, not single quotes',
    },
    {
      text: '// note\n{}',
      line: 1,
      column: 1,
      reason: 'JSON does not allow comments: remove it (a .claims.yaml file may have comments)',
    },
    {
      text: '{"a": "x\ny"}',
      line: 1,
      column: 9,
      reason: 'a line break inside a string must be written \\n (or is a closing double quote missing?)',
    },
    {
      text: '{"a": "x\\qy"}',
      line: 1,
      column: 9,
      reason: '"\\\\q" is not a JSON escape: write \\\\ for a backslash, or \\uXXXX with four hex digits',
    },
    {
      text: '{"a": "x',
      line: 1,
      column: 7,
      reason: 'this string is not closed: add the closing double quote',
    },
    {
      text: '{"a": 01}',
      line: 1,
      column: 7,
      reason:
        '"01" is not a JSON number: write digits with an optional "." and exponent, no leading zeros (or put it in double quotes)',
    },
    {
      text: '{"a": .5}',
      line: 1,
      column: 7,
      reason: 'a JSON number starts with a digit or "-": write 0.5, not .5 or +1',
    },
    {
      text: '{"a": True}',
      line: 1,
      column: 7,
      reason: '"True" is not a JSON value: write true in lower case',
    },
    {
      text: '{"a": yes}',
      line: 1,
      column: 7,
      reason: '"yes" is not a JSON value: put text in double quotes',
    },
    {
      text: '{\n  "a": [1,\n    2',
      line: 3,
      column: 6,
      reason: 'the file ends before the "[" at line 2, column 8 is closed: add "]"',
    },
    {
      text: '{"a": 1',
      line: 1,
      column: 8,
      reason: 'the file ends before the "{" at line 1, column 1 is closed: add "}"',
    },
    {
      text: '{} {}',
      line: 1,
      column: 4,
      reason: 'there is more text after the end of the top-level object: remove it',
    },
    {
      text: '{"a": "\u0001"}',
      line: 1,
      column: 8,
      reason: 'a control character inside a string must be escaped: write \\u0001',
    },
    {
      text: '{"a": "x\ty"}',
      line: 1,
      column: 9,
      reason: 'a control character inside a string must be escaped: write \\u0009 or \\t',
    },
    {
      text: '{"a": "\\u12"}',
      line: 1,
      column: 8,
      reason: '"\\\\u" is not a JSON escape: write \\\\ for a backslash, or \\uXXXX with four hex digits',
    },
    {
      text: '  \n ',
      line: 1,
      column: 1,
      reason: 'the file is empty: write an object with "source" and "claims"',
    },
    {
      text: '{"a":',
      line: 1,
      column: 6,
      reason: 'the file ends where a value should be: add the value and close every { and [',
    },
    {
      text: '[1,',
      line: 1,
      column: 4,
      reason: 'the file ends before the "[" at line 1, column 1 is closed: add "]"',
    },
    {
      text: '[1, {"b": 2',
      line: 1,
      column: 12,
      reason: 'the file ends before the "{" at line 1, column 5 is closed: add "}"',
    },
    {
      text: '{"a": 1.5.3}',
      line: 1,
      column: 7,
      reason:
        '"1.5.3" is not a JSON number: write digits with an optional "." and exponent, no leading zeros (or put it in double quotes)',
    },
    {
      text: '{"a": 2e}',
      line: 1,
      column: 7,
      reason:
        '"2e" is not a JSON number: write digits with an optional "." and exponent, no leading zeros (or put it in double quotes)',
    },
    {
      text: '{"a": -}',
      line: 1,
      column: 7,
      reason:
        '"-" is not a JSON number: write digits with an optional "." and exponent, no leading zeros (or put it in double quotes)',
    },
    {
      text: '{"a": 1 # note\n}',
      line: 1,
      column: 9,
      reason: 'JSON does not allow comments: remove it (a .claims.yaml file may have comments)',
    },
    {
      text: '{"a": 1 x}',
      line: 1,
      column: 9,
      reason: 'expected "," or "}" after the value of "a", found "x": add a comma between two properties',
    },
    { text: '{,}', line: 1, column: 2, reason: 'expected a property name in double quotes, found ","' },
    { text: '[1,,2]', line: 1, column: 4, reason: 'expected a value, found ","' },
    {
      text: '[1, 2] 3',
      line: 1,
      column: 8,
      reason: 'there is more text after the end of the top-level object: remove it',
    },
  ];

  it.each(errors)('should place the error in $text at $line:$column', ({ text, line, column, reason }) => {
    // Act
    const { tree, problems } = parseJson(text);

    // Assert
    expect(tree).toBeUndefined();
    expect(problems).toEqual([{ place: { line, column }, reason: `Invalid JSON: ${reason}`, fatal: true }]);
  });

  it('should report every duplicate property, each at its second occurrence', () => {
    // Arrange
    const text = '{\n  "a": 1,\n  "b": {"c": 1, "c": 2},\n  "a": 3\n}';

    // Act
    const { tree, problems } = parseJson(text);

    // Assert
    expect(tree).toBeUndefined();
    expect(problems).toEqual([
      {
        place: { line: 3, column: 17 },
        reason:
          'Invalid JSON: the property "c" appears twice in one object (first at line 3): remove or rename one of them',
        fatal: true,
      },
      {
        place: { line: 4, column: 3 },
        reason:
          'Invalid JSON: the property "a" appears twice in one object (first at line 2): remove or rename one of them',
        fatal: true,
      },
    ]);
  });

  it('should refuse nesting deeper than a claims file needs, without exhausting the stack', () => {
    // Arrange
    const text = '['.repeat(100_000);

    // Act
    const { problems } = parseJson(text);

    // Assert
    expect(problems[0]?.reason).toMatch(/nested too deeply/);
  });

  it('should accept 100 levels of nesting and refuse the 101st at its bracket', () => {
    // Arrange
    const deepest = '['.repeat(100) + ']'.repeat(100);
    // The object is the first level, so the 100th "[" (column 106) is the 101st.
    const tooDeep = `{"a": ${'['.repeat(100)}${']'.repeat(100)}}`;

    // Act
    const accepted = parseJson(deepest);
    const refused = parseJson(tooDeep);

    // Assert
    expect(accepted.problems).toEqual([]);
    expect(refused.problems).toEqual([
      {
        place: { line: 1, column: 106 },
        reason: 'Invalid JSON: the file is nested too deeply: a claims file needs only a few levels',
        fatal: true,
      },
    ]);
  });

  it('should accept exactly the texts that JSON.parse accepts (but for duplicate properties), with the same data', () => {
    // Arrange
    const texts = fc.oneof(
      fc.json(),
      fc.string(),
      fc
        .json()
        .chain((json) =>
          fc
            .tuple(fc.nat(json.length), fc.constantFrom('', ',', '"', '{', ']', ' ', '\\', '0', 'e', '-'))
            .map(([at, insert]) => json.slice(0, at) + insert + json.slice(at + 1)),
        ),
    );

    // Act and Assert
    fc.assert(
      fc.property(texts, (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        const { tree, problems } = parseJson(text);
        if (!valid) expect(tree).toBeUndefined();
        else if (tree) expect(tree.data).toEqual(expected);
        else expect(problems.every((problem) => problem.reason.includes('appears twice'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
