import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { referenceRules } from './check-references.ts';
import { readClaims } from './read-claims.ts';

/** The reference checks' own warnings (the reference-sanity fixture tests them) are left out here. */
const otherChecks: ReadonlySet<string> = new Set(referenceRules);

function read(text: string, path = 'article/example.claims.yaml') {
  const file = new VFile({ path, value: text });
  const document = readClaims(file);
  const messages = file.messages
    .filter((message) => !otherChecks.has(message.ruleId ?? ''))
    .map((message) => ({
      line: message.line,
      column: message.column,
      ruleId: message.ruleId,
      fatal: message.fatal,
      reason: message.reason,
    }));
  return { document, messages };
}

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** A claims file with one reference that passes every editorial check, and `claims` after it. */
function withClaims(...claims: string[]): string {
  return lines(
    'source:', //                                   1
    '  title: An article', //                       2
    'review:', //                                   3
    '  by: The desk', //                            4
    '  date: 2024-06-01', //                        5
    'references:', //                               6
    '  - id: caixin', //                            7
    '    type: article-newspaper', //               8
    '    title: Few Sora copycats in China', //     9
    '    container-title: Caixin Global', //       10
    '    issued: 2024-05-23', //                   11
    '    URL: https://example.org/caixin', //      12
    'claims:', //                                  13
    ...claims, //                                  14…
  );
}

describe('check-editorial', () => {
  it('should pass a claims file that an editor would publish', () => {
    // Arrange
    const text = withClaims(
      '  - id: gap',
      '    quote: a gap',
      '    kind: fact',
      '    verdict: supported',
      '    note: Caixin reported in May 2024 that firms held back ([report](https://example.org/caixin)).',
      '    cites: [caixin]',
      '  - id: view',
      '    quote: a view',
      '    kind: opinion',
      '    note: The article’s own view.',
      '  - id: motive',
      '    quote: a motive',
      '    kind: causal',
      '    verdict: unverifiable',
      '    note: Nobody can know.',
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages).toEqual([]);
  });

  it('should warn about an opinion or a recommendation with a verdict, at the verdict', () => {
    // Arrange
    const text = withClaims(
      '  - id: view', //                  14
      '    quote: a view',
      '    kind: opinion',
      '    verdict: misleading', //         17
      '    note: A view.',
      '    cites: [caixin]',
      '  - id: advice', //                20
      '    quote: some advice',
      '    kind: recommendation',
      '    verdict: unverifiable', //       23
      '    note: Advice.',
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages.map(({ line, column, ruleId, fatal }) => ({ line, column, ruleId, fatal }))).toEqual([
      { line: 17, column: 14, ruleId: 'verdict-on-opinion', fatal: false },
      { line: 23, column: 14, ruleId: 'verdict-on-opinion', fatal: false },
    ]);
    expect(messages[0]?.reason).toBe(
      'Claim "view" is an opinion but has the verdict "misleading": opinions and recommendations carry no verdict; remove verdict: or, if the claim states something that can be checked, give it another kind',
    );
    expect(messages[1]?.reason).toMatch(
      /^Claim "advice" is a recommendation but has the verdict "unverifiable"/,
    );
  });

  it('should warn about a verdict other than unverifiable that cites nothing', () => {
    // Arrange
    const text = withClaims(
      '  - id: bare', //                 14
      '    quote: a claim',
      '    kind: fact',
      '    verdict: supported', //         17
      '    note: True.',
      '  - id: open', //                 19
      '    quote: another claim',
      '    kind: prediction',
      '    verdict: unverifiable',
      '    note: Cannot be known yet.',
      '  - id: cited',
      '    quote: a third claim',
      '    kind: fact',
      '    verdict: misleading',
      '    note: See the report.',
      '    cites: [caixin]',
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages.map(({ line, ruleId }) => ({ line, ruleId }))).toEqual([
      { line: 17, ruleId: 'verdict-without-citation' },
    ]);
    expect(messages[0]?.reason).toBe(
      'Claim "bare" has the verdict "supported" but cites no reference: add the sources the verdict rests on under cites:, or make it unverifiable if there are none',
    );
  });

  it('should warn about a link and a named, dated source in a note that the claim does not cite', () => {
    // Arrange
    const text = withClaims(
      '  - id: linked', //                                                        14
      '    quote: a claim',
      '    kind: fact',
      '    note: |', //                                                           17
      '      See [the filing](https://example.org/filing) and https://example.org/caixin.',
      '      People at ByteDance told the outlet Jiemian in February 2024 that it was research.',
      '      Caixin reported in May 2024 that firms held back.',
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages.map(({ line, column, ruleId }) => ({ line, column, ruleId }))).toEqual([
      { line: 7, column: 9, ruleId: 'unused-reference' },
      { line: 17, column: 11, ruleId: 'uncited-source' },
      { line: 17, column: 11, ruleId: 'uncited-source' },
      { line: 17, column: 11, ruleId: 'uncited-source' },
      { line: 17, column: 11, ruleId: 'uncited-source' },
    ]);
    expect(messages.slice(1).map(({ reason }) => reason)).toEqual([
      'The note of claim "linked" links to "https://example.org/filing", which is not the address of any reference the claim cites: add a reference for that source and cite it',
      'The note of claim "linked" links to "https://example.org/caixin", the address of reference "caixin", which the claim does not cite: add "caixin" to its cites:',
      'The note of claim "linked" names "Jiemian" as a source ("People at ByteDance told the outlet Jiemian in February 2024 that it was researc…") but cites no reference for it: add a reference for that source and cite it',
      'The note of claim "linked" names "Caixin" as a source ("Caixin reported in May 2024 that firms held back.") but does not cite reference "caixin": add it to the claim\'s cites:',
    ]);
  });

  it('should accept a named source that the claim cites, by author, publication or secondary report', () => {
    // Arrange
    const text = withClaims(
      '  - id: relayed',
      '    quote: a claim',
      '    kind: fact',
      '    note: |',
      '      The Wall Street Journal reported in 2023 a profit of US$6 billion, as *Caixin Global* noted.',
      '      According to Caixin, in 2024 firms held back.',
      '    cites: [caixin]',
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages).toEqual([]);
  });

  it('should warn about a reference without a date, and about one read online without an address', () => {
    // Arrange
    const text = lines(
      'source:',
      '  title: An article',
      'references:',
      '  - id: page', //          4
      '    type: webpage',
      '    title: A page',
      '  - id: book', //          7
      '    type: book',
      '    title: A book',
      '    issued: 2001',
      '  - id: paper', //        11
      '    type: article-journal',
      '    title: A paper',
      '    issued: 2020',
      '    DOI: 10.1234/abc',
      'claims:',
      '  - id: c',
      '    quote: a claim',
      '    kind: fact',
      '    note: A note.',
      '    cites: [page, book, paper]',
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages.map(({ line, column, ruleId }) => ({ line, column, ruleId }))).toEqual([
      { line: 4, column: 9, ruleId: 'reference-without-date' },
      { line: 4, column: 9, ruleId: 'reference-without-url' },
    ]);
    expect(messages.map(({ reason }) => reason)).toEqual([
      'Reference "page" has no date: add issued: with the date it was published (a year will do); if no date can be found, say so in the notes that cite it',
      'Reference "page" is of type "webpage" but has no URL or DOI: add URL: with the address where it can be read, or its DOI:',
    ]);
  });

  it('should warn about a source published after the review, using a claim’s own review date first', () => {
    // Arrange
    const text = lines(
      'source:',
      '  title: An article',
      'review:',
      '  date: 2024-03', //                       4: the whole of March counts
      'references:',
      '  - id: early',
      '    type: book',
      '    title: Early',
      '    issued: 2024-03-31',
      '  - id: late',
      '    type: book',
      '    title: Late',
      '    issued: 2024-04',
      'claims:',
      '  - id: reviewed-then', //                15
      '    quote: a claim',
      '    kind: fact',
      '    note: A note.',
      '    cites: [early, late]', //             19
      '  - id: reviewed-later',
      '    quote: another claim',
      '    kind: fact',
      '    note: Another note.',
      '    cites: [late]',
      '    reviewed: 2024-05-01',
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages.map(({ line, column, ruleId }) => ({ line, column, ruleId }))).toEqual([
      { line: 19, column: 20, ruleId: 'source-after-review' },
    ]);
    expect(messages[0]?.reason).toBe(
      'Claim "reviewed-then" was reviewed on 2024-03 (the date under review:) but cites "late", published 2024-04: a note cannot rest on a source published after its review; correct the review date (or give this claim its own reviewed:) or the source\'s date',
    );
  });

  it('should word its messages for a JSON claims file', () => {
    // Arrange
    const text = JSON.stringify(
      {
        source: { title: 'T' },
        references: [{ id: 'page', type: 'webpage', title: 'P' }],
        claims: [{ id: 'c', quote: 'q', kind: 'fact', verdict: 'supported', note: 'n' }],
      },
      null,
      2,
    );

    // Act
    const { messages } = read(text, 'article/example.claims.json');

    // Assert
    expect(messages.map(({ reason }) => reason)).toEqual([
      'Reference "page" is not cited by any claim: add it to the cites of the claims it supports, or remove it',
      'Reference "page" has no date: add "issued": with the date it was published (a year will do); if no date can be found, say so in the notes that cite it',
      'Reference "page" is of type "webpage" but has no URL or DOI: add "URL": with the address where it can be read, or its "DOI":',
      'Claim "c" has the verdict "supported" but cites no reference: add the sources the verdict rests on under "cites":, or make it unverifiable if there are none',
    ]);
  });
});

describe('checks: levels of the editorial checks', () => {
  const claim = [
    '  - id: bare',
    '    quote: a claim',
    '    kind: fact',
    '    verdict: supported',
    '    note: True.',
  ];

  it('should drop a check turned off and make a check set to error fatal', () => {
    // Arrange
    const off = lines(
      'source: {title: T}',
      'checks:',
      '  verdict-without-citation: off',
      'claims:',
      ...claim,
    );
    const error = lines(
      'source: {title: T}',
      'checks:',
      '  verdict-without-citation: error',
      'claims:',
      ...claim,
    );

    // Act
    const quiet = read(off);
    const strict = read(error);

    // Assert
    expect(quiet.messages).toEqual([]);
    expect(quiet.document?.claims).toHaveLength(1);
    expect(strict.messages.map(({ line, ruleId, fatal }) => ({ line, ruleId, fatal }))).toEqual([
      { line: 8, ruleId: 'verdict-without-citation', fatal: true },
    ]);
  });

  it('should warn about an id that is no editorial check, suggesting the nearest, and leave errors alone', () => {
    // Arrange
    const text = lines(
      'source: {title: T}',
      'checks:',
      '  verdict-without-citations: off', //  3
      '  quote-not-found: off', //            4
      '  loudness: error', //                 5
      'claims:',
      ...claim,
    );

    // Act
    const { messages } = read(text);

    // Assert
    expect(messages.map(({ line, column, ruleId, fatal }) => ({ line, column, ruleId, fatal }))).toEqual([
      { line: 3, column: 3, ruleId: 'unknown-check', fatal: false },
      { line: 4, column: 3, ruleId: 'unknown-check', fatal: false },
      { line: 5, column: 3, ruleId: 'unknown-check', fatal: false },
      { line: 10, column: 14, ruleId: 'verdict-without-citation', fatal: false },
    ]);
    expect(messages[0]?.reason).toBe(
      '"verdict-without-citations" under checks: is not the id of an editorial check (it is ignored): did you mean "verdict-without-citation"?',
    );
    expect(messages[1]?.reason).toMatch(
      /^"quote-not-found" is not an editorial check, so checks: cannot change it \(it is ignored\): only unused-reference, verdict-on-opinion, .* can be configured$/,
    );
    expect(messages[2]?.reason).toMatch(
      /^"loudness" under checks: .*: the editorial checks are unused-reference, /,
    );
  });
});
