import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { configurableRules } from '../pipeline/messages.ts';
import { readClaims } from './read-claims.ts';
import type { ClaimsDocument } from './types.ts';

const yamlPath = 'article/example.claims.yaml';
const jsonPath = 'article/example.claims.json';

/**
 * The editorial checks (all but `unused-reference`, older than they) are tested in
 * `check-editorial.test.ts`; the small files here, written to show the other rules, would trip
 * them everywhere, so their messages are left out of what these tests read.
 */
const editorialRules: ReadonlySet<string> = new Set(
  configurableRules.filter((rule) => rule !== 'unused-reference'),
);

function read(text: string, path = yamlPath) {
  const file = new VFile({ path, value: text });
  const document = readClaims(file);
  file.messages = file.messages.filter((message) => !editorialRules.has(message.ruleId ?? ''));
  const messages = file.messages.map((message) => ({
    line: message.line,
    column: message.column,
    ruleId: message.ruleId,
    fatal: message.fatal,
  }));
  return { document, file, messages, reasons: file.messages.map((message) => message.reason) };
}

/** Lines of a file, so that each test shows its line numbers plainly. */
function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** A valid YAML claims file; `claim` replaces the lines of the one claim (lines 8 onwards). */
function yamlWith(
  claim: string[] = ['  - id: first', '    quote: some words', '    kind: fact', '    note: A note.'],
) {
  return lines(
    'source:', //                      1
    '  title: An article', //          2
    'references:', //                  3
    '  - id: ref-a', //                4
    '    type: report', //             5
    '    title: A reference', //       6
    'claims:', //                      7
    ...claim, //                       8…
    '  - id: other', //
    '    quote: other words', //
    '    kind: opinion', //
    '    note: Another note.', //
    '    cites: [ref-a]', //
  );
}

describe('readClaims: one rule at a time, at its line and column', () => {
  const cases: Array<{
    rule: string;
    path?: string;
    text: string;
    line: number;
    column: number;
    reason: RegExp;
  }> = [
    {
      rule: 'claims-syntax',
      text: lines('source:', '  title: T', 'claims:', '  - id: a', '    quote: foo: bar'),
      line: 5,
      column: 12,
      reason: /^Invalid YAML, .*put a value that contains ": " in quotes/,
    },
    {
      rule: 'claims-syntax',
      path: jsonPath,
      text: lines(
        '{',
        '  "source": {"title": "T"},',
        '  "claims": [',
        '    {"id": "a", "quote": "q",}',
        '  ]',
        '}',
      ),
      line: 4,
      column: 29,
      reason: /^Invalid JSON: a comma before "}" is not allowed: remove this comma$/,
    },
    {
      rule: 'missing-field',
      text: yamlWith(['  - id: first', '    quote: some words', '    kind: fact']),
      line: 8,
      column: 5,
      reason: /^Claim "first" has no "note": add note: with the editor's note, in Markdown$/,
    },
    {
      rule: 'missing-field',
      path: jsonPath,
      text: lines(
        '{',
        '  "source": {"title": "T"},',
        '  "claims": [',
        '    {"id": "a", "quote": "q", "note": "n"}',
        '  ]',
        '}',
      ),
      line: 4,
      column: 5,
      reason: /^Claim "a" has no "kind": add "kind": with one of fact, statistic, /,
    },
    {
      rule: 'wrong-type',
      text: yamlWith(['  - id: first', '    quote: 2024', '    kind: fact', '    note: A note.']),
      line: 9,
      column: 12,
      reason: /^Field "quote" of claim "first" should be text, not a number: put it in quotes/,
    },
    {
      rule: 'wrong-type',
      path: jsonPath,
      text: lines(
        '{',
        '  "source": {"title": "T"},',
        '  "claims": [',
        '    {"id": "a", "quote": "q", "kind": "fact", "note": "n", "cites": "x"}',
        '  ]',
        '}',
      ),
      line: 4,
      column: 69,
      reason:
        /^Field "cites" of claim "a" should be a list, not text: write a list of reference ids, such as "cites": \["x"\]$/,
    },
    {
      rule: 'unknown-field',
      text: yamlWith([
        '  - id: first',
        '    qoute: some words',
        '    quote: some words',
        '    kind: fact',
        '    note: A note.',
      ]),
      line: 9,
      column: 5,
      reason: /^Claim "first" has an unknown field "qoute", which is ignored: did you mean "quote"\?$/,
    },
    {
      rule: 'unknown-kind',
      text: yamlWith([
        '  - id: gdp-growth',
        '    quote: some words',
        '    kind: statistics',
        '    note: A note.',
      ]),
      line: 10,
      column: 11,
      reason:
        /^Unknown kind "statistics" for claim "gdp-growth": did you mean "statistic"\? Use one of fact, statistic, comparison, causal, prediction, opinion, recommendation$/,
    },
    {
      rule: 'unknown-verdict',
      text: yamlWith([
        '  - id: first',
        '    quote: some words',
        '    kind: fact',
        '    verdict: wrong',
        '    note: A note.',
      ]),
      line: 11,
      column: 14,
      reason:
        /^Unknown verdict "wrong" for claim "first": use one of supported, partly-supported, unsupported, misleading, disputed, unverifiable$/,
    },
    {
      rule: 'unknown-verdict',
      text: yamlWith([
        '  - id: first',
        '    quote: some words',
        '    kind: fact',
        '    verdict: Partly Supported',
        '    note: A note.',
      ]),
      line: 11,
      column: 14,
      reason:
        /^Unknown verdict "Partly Supported" for claim "first": did you mean "partly-supported"\? Use one of supported, /,
    },
    {
      rule: 'unknown-csl-type',
      text: yamlWith().replace('type: report', 'type: web page'),
      line: 5,
      column: 11,
      reason:
        /^Unknown CSL type "web page" for reference "ref-a": did you mean "webpage"\? Use a CSL item type such as /,
    },
    {
      rule: 'invalid-claim-id',
      text: yamlWith(['  - id: GDP Growth', '    quote: some words', '    kind: fact', '    note: A note.']),
      line: 8,
      column: 9,
      reason:
        /^Claim id "GDP Growth" is not valid: use only lower-case letters, digits and hyphens, such as "gdp-growth"$/,
    },
    {
      rule: 'duplicate-claim-id',
      text: yamlWith(['  - id: other', '    quote: some words', '    kind: fact', '    note: A note.']),
      line: 12,
      column: 9,
      reason: /^Claim id "other" is already used by the claim at line 8: give each claim its own id$/,
    },
    {
      rule: 'duplicate-reference-id',
      text: yamlWith().replace('claims:\n', '  - id: ref-a\n    type: book\n    title: Again\nclaims:\n'),
      line: 7,
      column: 9,
      reason:
        /^Reference id "ref-a" is already used by the reference at line 4: give each reference its own id$/,
    },
    {
      rule: 'unknown-reference',
      text: yamlWith().replace('cites: [ref-a]', 'cites: [ref-a, ref-b]'),
      line: 16,
      column: 20,
      reason: /^Claim "other" cites "ref-b", which is not the id of any reference: did you mean "ref-a"\?$/,
    },
    {
      rule: 'unused-reference',
      text: yamlWith().replace('    cites: [ref-a]\n', ''),
      line: 4,
      column: 9,
      reason:
        /^Reference "ref-a" is not cited by any claim: add it to the cites of the claims it supports, or remove it$/,
    },
    {
      rule: 'empty-quote',
      text: yamlWith(['  - id: first', '    quote: "  "', '    kind: fact', '    note: A note.']),
      line: 9,
      column: 12,
      reason:
        /^The quote of claim "first" is empty: copy the exact words of the article that the claim is about$/,
    },
    {
      rule: 'invalid-date',
      text: yamlWith().replace('  title: An article\n', '  title: An article\n  issued: 2023-02-29\n'),
      line: 3,
      column: 11,
      reason:
        /^Field "issued" of the source is not a valid date \(February 2023 has no day 29\): write it as 2024-02-20, /,
    },
    {
      rule: 'unsafe-url',
      text: yamlWith().replace(
        '    title: A reference\n',
        '    title: A reference\n    URL: javascript:alert(1)\n',
      ),
      line: 7,
      column: 10,
      reason:
        /^Field "URL" of reference "ref-a" uses the scheme "javascript:", which is not allowed: use an https:/,
    },
  ];

  it.each(cases)(
    'should report $rule at $line:$column ($path)',
    ({ rule, path, text, line, column, reason }) => {
      // Arrange
      const warnings = new Set(['unknown-field', 'unused-reference']);

      // Act
      const { messages, reasons } = read(text, path);

      // Assert
      expect(messages).toEqual([{ line, column, ruleId: rule, fatal: !warnings.has(rule) }]);
      expect(reasons[0]).toMatch(reason);
    },
  );
});

describe('readClaims: messages', () => {
  it('should make errors fatal vfile messages from marginalia, with place, rule and suggestion', () => {
    // Arrange
    const text = yamlWith([
      '  - id: gdp-growth',
      '    quote: some words',
      '    kind: Fact',
      '    note: A note.',
    ]);

    // Act
    const { file } = read(text);

    // Assert
    const [message] = file.messages;
    expect(message).toMatchObject({
      fatal: true,
      source: 'marginalia',
      ruleId: 'unknown-kind',
      place: { line: 10, column: 11 },
      expected: ['fact'],
      actual: 'Fact',
    });
    expect(String(message)).toBe(
      `${yamlPath}:10:11: Unknown kind "Fact" for claim "gdp-growth": did you mean "fact"? Use one of fact, statistic, comparison, causal, prediction, opinion, recommendation`,
    );
  });

  it('should keep warnings non-fatal and still return the whole document', () => {
    // Arrange
    const text = yamlWith().replace('  title: An article\n', '  title: An article\n  subtitle: More\n');

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages).toEqual([{ line: 3, column: 3, ruleId: 'unknown-field', fatal: false }]);
    expect(document?.claims.map((claim) => claim.id)).toEqual(['first', 'other']);
    expect(document?.source).toEqual({ title: 'An article' });
  });

  it('should report every problem of a file, in the order they appear', () => {
    // Arrange
    const text = lines(
      'source:', //                       1
      '  URL: ftp://example.org/x', //    2
      'claims:', //                       3
      '  - id: Bad_Id', //                4
      '    quote: q', //                  5
      '    kind: fakt', //                6
      '    note: n', //                   7
      '    cites: [nowhere]', //          8
      '  - quote: q', //                  9
      '    kind: fact', //               10
      '    note: 5', //                  11
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages.map(({ line, column, ruleId }) => `${line}:${column} ${ruleId}`)).toEqual([
      '2:3 missing-field', // the source has no title (placed at the source mapping)
      '2:8 unsafe-url',
      '4:9 invalid-claim-id',
      '6:11 unknown-kind',
      '8:13 unknown-reference',
      '9:5 missing-field',
      '11:11 wrong-type',
    ]);
  });

  it('should place a JSON missing field at its object and a wrong type at the value', () => {
    // Arrange
    const text = lines(
      '{',
      '  "source": {},',
      '  "claims": [',
      '    {"id": "a", "quote": ["q"], "kind": "fact", "note": "n"}',
      '  ]',
      '}',
    );

    // Act
    const { messages, reasons } = read(text, jsonPath);

    // Assert
    expect(messages).toEqual([
      { line: 2, column: 13, ruleId: 'missing-field', fatal: true },
      { line: 4, column: 26, ruleId: 'wrong-type', fatal: true },
    ]);
    expect(reasons).toEqual([
      'The source has no "title": add "title": with the article\'s title',
      'Field "quote" of claim "a" should be text, not a list: write it as a string in double quotes',
    ]);
  });

  it('should report every YAML syntax error, not only the first', () => {
    // Arrange
    const text = lines(
      'source:', //                    1
      '  title: T', //                 2
      '  author: [{family: A}', //     3: the list is not closed
      'claims:', //                    4
      '  - id: a', //                  5
      '    quote: x: y', //            6: a colon in a plain value
      '  - id: b', //                  7
      '    note: @z', //               8: a reserved character
    );

    // Act
    const { document, messages, reasons } = read(text);

    // Assert
    expect(document).toBeUndefined();
    expect(messages).toEqual([
      { line: 4, column: 1, ruleId: 'claims-syntax', fatal: true },
      { line: 6, column: 12, ruleId: 'claims-syntax', fatal: true },
      { line: 8, column: 11, ruleId: 'claims-syntax', fatal: true },
    ]);
    expect(reasons[2]).toBe(
      'Invalid YAML, plain value cannot start with reserved character @: put the value in quotes',
    );
  });

  it('should name a duplicate YAML key and place it at the second one', () => {
    // Arrange
    const text = lines('source:', '  title: T', '  title: U', 'claims: []');

    // Act
    const { document, messages, reasons } = read(text);

    // Assert
    expect(document).toBeUndefined();
    expect(messages).toEqual([{ line: 3, column: 3, ruleId: 'claims-syntax', fatal: true }]);
    expect(reasons[0]).toBe(
      'Invalid YAML: the key "title" appears twice in one mapping: remove or rename one of them',
    );
  });

  it('should return undefined when the top level is not a mapping', () => {
    // Arrange
    const cases = [
      { text: '', path: yamlPath, reason: /^The claims file is empty/ },
      { text: '# only a comment\n', path: yamlPath, reason: /^The claims file is empty/ },
      {
        text: '- a\n- b\n',
        path: yamlPath,
        reason: /should be a mapping with source and claims, not a list/,
      },
      { text: '"text"', path: jsonPath, reason: /not a single string value/ },
    ];

    for (const { text, path, reason } of cases) {
      // Act
      const { document, messages, reasons } = read(text, path);

      // Assert
      expect(document).toBeUndefined();
      expect(messages).toEqual([{ line: 1, column: 1, ruleId: 'wrong-type', fatal: true }]);
      expect(reasons[0]).toMatch(reason);
    }
  });

  it.each([
    ['an empty list', 'claims: []', 9],
    ['null', 'claims:', 1],
  ])('should warn, not fail, when the list of claims is %s', (_, line, column) => {
    // Arrange
    const text = lines('source:', '  title: T', 'references:', line);

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages).toEqual([{ line: 4, column, ruleId: 'no-claims', fatal: false }]);
    expect(document?.claims).toEqual([]);
    expect(document?.references).toEqual([]);
  });

  it('should place an empty value at its key and say what to write', () => {
    // Arrange
    const text = yamlWith(['  - id: first', '    quote: some words', '    kind: fact', '    note:']);

    // Act
    const { messages, reasons } = read(text);

    // Assert
    expect(messages).toEqual([{ line: 11, column: 5, ruleId: 'wrong-type', fatal: true }]);
    expect(reasons[0]).toBe('Field "note" of claim "first" is empty: write the editor\'s note, in Markdown');
  });

  it('should warn about an unknown top-level field with the list of known ones', () => {
    // Arrange
    const text = `${yamlWith()}extra: 1\n`;

    // Act
    const { messages, reasons } = read(text);

    // Assert
    expect(messages).toEqual([{ line: 17, column: 1, ruleId: 'unknown-field', fatal: false }]);
    expect(reasons[0]).toBe(
      'The claims file has an unknown field "extra", which is ignored: remove it (known fields: source, references, claims, style, canonical, provenance, review, ratings, kinds, checks)',
    );
  });

  it('should accept http, https and mailto URLs and reject relative ones', () => {
    // Arrange
    const withUrl = (url: string) =>
      yamlWith().replace('  title: An article\n', `  title: An article\n  URL: "${url}"\n`);

    // Act
    const accepted = ['https://example.org/a?b#c', 'http://example.org', 'mailto:editor@example.org'].map(
      (url) => read(withUrl(url)).messages,
    );
    const relative = read(withUrl('/articles/x'));
    const hidden = read(withUrl('java\\tscript:alert(1)'));

    // Assert
    expect(accepted).toEqual([[], [], []]);
    expect(relative.messages).toEqual([{ line: 3, column: 8, ruleId: 'unsafe-url', fatal: true }]);
    expect(relative.reasons[0]).toMatch(/is not a full web address \("\/articles\/x"\)/);
    expect(hidden.messages).toEqual([{ line: 3, column: 8, ruleId: 'unsafe-url', fatal: true }]);
    expect(hidden.document?.source.URL).toBeUndefined();
  });

  it('should escape control characters of the file in messages', () => {
    // Arrange
    const text = yamlWith([
      '  - id: first',
      '    quote: some words',
      '    kind: "\\e[31mfact"',
      '    note: A note.',
    ]);

    // Act
    const { reasons } = read(text);

    // Assert
    expect(reasons[0]).toContain('Unknown kind "\\u001b[31mfact"');
    expect(reasons[0]).not.toContain('\u001b');
  });
});

describe('readClaims: the document', () => {
  const expected: ClaimsDocument = {
    source: {
      title: 'An article',
      'container-title': 'The Paper',
      author: [{ family: 'Doe', given: 'Jane' }, { literal: 'Reuters' }],
      issued: { 'date-parts': [[2024, 2, 20]] },
      URL: 'https://example.org/article',
    },
    references: [
      {
        id: 'ref-a',
        type: 'webpage',
        title: 'A reference',
        issued: { 'date-parts': [[2024, 2]] },
        accessed: { 'date-parts': [[2024, 3, 1]] },
      },
      {
        id: 'ref-b',
        type: 'book',
        title: 'A book',
        issued: { 'date-parts': [[1999]] },
        page: '12-19',
        volume: 3,
      },
    ],
    claims: [
      {
        id: 'first',
        quote: 'some “curly” words',
        prefix: 'before ',
        suffix: ' after',
        kind: 'statistic',
        verdict: 'partly-supported',
        note: 'A **note**.\n',
        cites: ['ref-a', 'ref-b'],
        positions: {
          claim: { line: 21, column: 5 },
          id: { line: 21, column: 9 },
          quote: { line: 22, column: 12 },
          prefix: { line: 23, column: 13 },
          suffix: { line: 24, column: 13 },
          kind: { line: 25, column: 11 },
          verdict: { line: 26, column: 14 },
          note: { line: 27, column: 11 },
          cites: { line: 29, column: 12 },
        },
      },
      {
        id: 'second',
        quote: 'more',
        kind: 'opinion',
        note: 'Plain.',
        cites: [],
        positions: {
          claim: { line: 30, column: 5 },
          id: { line: 30, column: 9 },
          quote: { line: 31, column: 12 },
          kind: { line: 32, column: 11 },
          note: { line: 33, column: 11 },
        },
      },
    ],
    style: 'styles/apa.csl',
  };

  const yaml = lines(
    '# The editorial layer.', //                                  1
    'source:', //                                                 2
    '  title: An article', //                                     3
    '  container-title: The Paper', //                            4
    '  author: [{family: Doe, given: Jane}, {literal: Reuters}]', // 5
    '  issued: 2024-02-20', //                                    6
    '  URL: https://example.org/article', //                      7
    'references:', //                                             8
    '  - id: ref-a', //                                           9
    '    type: webpage', //                                      10
    '    title: A reference', //                                 11
    '    issued: "2024-02"', //                                  12
    '    accessed: {date-parts: [[2024, "3", 1]]}', //           13
    '  - id: ref-b', //                                          14
    '    type: book', //                                         15
    '    title: A book', //                                      16
    '    issued: 1999', //                                       17
    '    page: 12-19', //                                        18
    '    volume: 3', //                                          19
    'claims:', //                                                20
    '  - id: first', //                                          21
    '    quote: some “curly” words', //                          22
    '    prefix: "before "', //                                  23
    '    suffix: " after"', //                                   24
    '    kind: statistic', //                                    25
    '    verdict: partly-supported', //                          26
    '    note: |', //                                            27
    '      A **note**.', //                                      28
    '    cites: [ref-a, ref-b]', //                              29
    '  - id: second', //                                         30
    '    quote: more', //                                        31
    '    kind: opinion', //                                      32
    '    note: Plain.', //                                       33
    'style: styles/apa.csl', //                                  34
  );

  it('should read a valid YAML file into the typed document, dates as date-parts and cites defaulting to []', () => {
    // Arrange
    const text = yaml;

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages).toEqual([]);
    expect(document).toEqual(expected);
  });

  it('should read the same document from JSON', () => {
    // Arrange
    const json = JSON.stringify(
      {
        source: {
          title: 'An article',
          'container-title': 'The Paper',
          author: [{ family: 'Doe', given: 'Jane' }, { literal: 'Reuters' }],
          issued: '2024-02-20',
          URL: 'https://example.org/article',
        },
        references: [
          {
            id: 'ref-a',
            type: 'webpage',
            title: 'A reference',
            issued: '2024-02',
            accessed: { 'date-parts': [[2024, '3', 1]] },
          },
          { id: 'ref-b', type: 'book', title: 'A book', issued: 1999, page: '12-19', volume: 3 },
        ],
        claims: [
          {
            id: 'first',
            quote: 'some “curly” words',
            prefix: 'before ',
            suffix: ' after',
            kind: 'statistic',
            verdict: 'partly-supported',
            note: 'A **note**.\n',
            cites: ['ref-a', 'ref-b'],
          },
          { id: 'second', quote: 'more', kind: 'opinion', note: 'Plain.' },
        ],
        style: 'styles/apa.csl',
      },
      null,
      2,
    );

    // Act
    const { document, messages } = read(json, jsonPath);

    // Assert
    expect(messages).toEqual([]);
    expect(withoutPositions(document)).toEqual(withoutPositions(expected));
    expect(document?.claims[0]?.positions.quote).toEqual({ line: 45, column: 16 });
    expect(document?.claims[1]?.positions.claim).toEqual({ line: 56, column: 5 });
  });

  it('should leave out a claim with an error and keep the others', () => {
    // Arrange
    const text = yamlWith(['  - id: first', '    quote: some words', '    kind: guess', '    note: A note.']);

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages.map((message) => message.ruleId)).toEqual(['unknown-kind']);
    expect(document?.claims.map((claim) => claim.id)).toEqual(['other']);
    expect(document?.references.map((reference) => reference.id)).toEqual(['ref-a']);
  });

  it('should leave out a CSL field with an error and keep the rest of the item', () => {
    // Arrange
    const text = yamlWith().replace(
      '  title: An article\n',
      '  title: An article\n  issued: 20 Feb 2024\n  publisher: P\n',
    );

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages.map((message) => message.ruleId)).toEqual(['invalid-date']);
    expect(document?.source).toEqual({ title: 'An article', publisher: 'P' });
  });

  it('should never move a YAML 1.1 date to another day, whatever its time zone', () => {
    // Arrange
    const text = lines(
      '%YAML 1.1',
      '---',
      'source:',
      '  title: T',
      '  issued: 2024-02-20',
      '  accessed: 2024-02-20 23:30:00 -05:00',
      'claims:',
      '  - {id: a, quote: q, kind: fact, note: A note.}',
    );

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages).toEqual([]);
    expect(document?.source.issued).toEqual({ 'date-parts': [[2024, 2, 20]] });
    expect(document?.source.accessed).toEqual({ 'date-parts': [[2024, 2, 20]] });
  });

  it('should follow YAML anchors and aliases, placing aliased values at the alias', () => {
    // Arrange
    const text = lines(
      'source:',
      '  title: T',
      '  author: &team [{literal: Desk}]',
      'references:',
      '  - {id: r, type: report, title: R, author: *team}',
      'claims:',
      '  - {id: a, quote: q, kind: fact, note: n, cites: [r]}',
    );

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages).toEqual([]);
    expect(document?.references[0]?.author).toEqual([{ literal: 'Desk' }]);
  });

  it('should refuse an alias bomb and an alias that contains itself without throwing', () => {
    // Arrange
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level += 1) {
      bomb.push(
        `${'abcdefgh'[level]}: &${'abcdefgh'[level]} [${Array(10)
          .fill(`*${'abcdefgh'[level - 1]}`)
          .join(', ')}]`,
      );
    }

    // Act
    const expanded = read(lines(...bomb));
    const looped = read(lines('a: &a [*a]'));

    // Assert
    expect(expanded.document).toBeUndefined();
    expect(expanded.reasons).toEqual([
      'The claims file expands to too many values: use fewer aliases (*name)',
    ]);
    expect(looped.document).toBeUndefined();
    expect(looped.messages.map((message) => message.ruleId)).toEqual(['claims-syntax']);
  });

  it('should treat a __proto__ key as an unknown field, not as a prototype', () => {
    // Arrange
    const text = yamlWith([
      '  - id: first',
      '    quote: some words',
      '    kind: fact',
      '    note: A note.',
      '    __proto__: {polluted: true}',
    ]);

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages).toEqual([{ line: 12, column: 5, ruleId: 'unknown-field', fatal: false }]);
    expect(document?.claims[0]).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should ignore a byte order mark, in YAML and in JSON', () => {
    // Arrange
    const yaml = `\uFEFFextra: 1\n${yamlWith()}`;
    const json =
      '\uFEFF{"extra": 1, "source": {"title": "T"}, "claims": [{"id": "a", "quote": "q", "kind": "fact", "note": "n"}]}';

    // Act
    const fromYaml = read(yaml);
    const fromJson = read(json, jsonPath);

    // Assert
    expect(fromYaml.messages).toEqual([{ line: 1, column: 1, ruleId: 'unknown-field', fatal: false }]);
    expect(fromJson.messages).toEqual([{ line: 1, column: 2, ruleId: 'unknown-field', fatal: false }]);
  });

  it('should read the page, review, ratings, kinds and checks fields, and a claim reviewed date', () => {
    // Arrange
    const text = lines(
      'source:',
      '  title: An article',
      'canonical: https://example.org/news/article/',
      'provenance: Found at *one* address only.',
      'review:',
      '  by: Marginalia desk',
      '  date: 2026-12-05',
      '  url: https://example.org/about',
      'ratings:',
      '  supported: The cited evidence shows it.',
      'kinds:',
      '  fact: What is or was the case.',
      'checks:',
      '  verdict-without-citation: off',
      'claims:',
      '  - id: first',
      '    quote: some words',
      '    kind: fact',
      '    note: A note.',
      '    reviewed: 2026-12-01',
    );

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages).toEqual([]);
    expect(document).toMatchObject({
      canonical: 'https://example.org/news/article/',
      provenance: 'Found at *one* address only.',
      review: {
        by: 'Marginalia desk',
        date: { 'date-parts': [[2026, 12, 5]] },
        url: 'https://example.org/about',
      },
      ratings: { supported: 'The cited evidence shows it.' },
      kinds: { fact: 'What is or was the case.' },
      checks: { 'verdict-without-citation': 'off' },
    });
    expect(document?.claims[0]?.reviewed).toEqual({ 'date-parts': [[2026, 12, 1]] });
  });

  it('should report a bad review date, an unsafe canonical address, an unknown rating and a bad check level', () => {
    // Arrange
    const text = lines(
      'source:', //                         1
      '  title: An article', //             2
      'canonical: javascript:alert(1)', //  3
      'review:', //                         4
      '  date: 2026-13-45', //              5
      'ratings:', //                        6
      '  true: Yes.', //                    7
      'checks:', //                         8
      '  some-rule: loud', //               9
      'claims:', //                         10
      '  - id: first', //                   11
      '    quote: some words', //           12
      '    kind: fact', //                  13
      '    note: A note.', //               14
      '    reviewed: yesterday', //         15
    );

    // Act
    const { document, messages } = read(text);

    // Assert
    expect(messages.map(({ line, ruleId }) => ({ line, ruleId }))).toEqual([
      { line: 3, ruleId: 'unsafe-url' },
      { line: 5, ruleId: 'invalid-date' },
      { line: 7, ruleId: 'unknown-field' },
      { line: 9, ruleId: 'unknown-check' },
      { line: 9, ruleId: 'wrong-type' },
      { line: 15, ruleId: 'invalid-date' },
    ]);
    expect(document?.canonical).toBeUndefined();
    expect(document?.review).toBeUndefined();
  });

  it('should read the claims file of the sample article without any message', () => {
    // Arrange
    const text = readFileSync(
      new URL('../../article/sora-china-ai-video.claims.yaml', import.meta.url),
      'utf8',
    );

    // Act
    const { document, messages } = read(text, 'article/sora-china-ai-video.claims.yaml');

    // Assert
    expect(messages).toEqual([]);
    expect(document?.claims.length).toBeGreaterThan(0);
    expect(document?.claims.every((claim) => claim.positions.quote !== undefined)).toBe(true);
  });
});

describe('readClaims: any input', () => {
  it('should return a document or report a message for any text, and never throw', () => {
    // Arrange
    const valid = yamlWith();
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.json(),
      // A valid file with a few characters changed, inserted or removed.
      fc
        .array(fc.tuple(fc.nat(valid.length), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 4 })
        .map((edits) =>
          edits.reduce(
            (text, [at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove),
            valid,
          ),
        ),
    );

    // Act and Assert
    fc.assert(
      fc.property(texts, fc.boolean(), (text, json) => {
        const { document, file } = read(text, json ? jsonPath : yamlPath);
        const fatal = file.messages.some((message) => message.fatal);
        if (document === undefined) expect(fatal).toBe(true);
        for (const message of file.messages) {
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.column).toBeGreaterThanOrEqual(1);
          expect(message.ruleId).toBeTypeOf('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});

function withoutPositions(document: ClaimsDocument | undefined) {
  return (
    document && { ...document, claims: document.claims.map(({ positions: _positions, ...claim }) => claim) }
  );
}
