/**
 * Hostile inputs for the build, and what each one came to. Shared by the bounded fuzz run of
 * `npm test` (`../fuzz.test.ts`) and the long one of `npm run fuzz` (`run.ts`).
 *
 * - Markdown: deep nesting of every container (block quotes, each kind of list marker, lists
 *   nested by indentation) and of inline markup (emphasis, links, images, code), long runs of
 *   delimiters, long lines, constructs left open (fences, HTML, comments, links, front
 *   matter), and odd Unicode (NUL, lone surrogates, invisible and bidirectional characters,
 *   combining marks, every kind of line ending), in any mix. Plain text gets the same mix.
 * - Claims files, YAML and JSON: quotes cut from the article (so that anchoring and marking
 *   run), made up, empty or odd; notes of hostile Markdown; references, dates, ids and kinds
 *   right and wrong; then, often, the file's text damaged: cut short, a character put in,
 *   nested deeply, given aliases, tags, tabs or a second document.
 *
 * A case passes when the build either makes a page that keeps the page contract, or fails
 * with messages that all carry a rule id from `src/pipeline/messages.ts` (never
 * `internal-error`), and takes less than the bound either way.
 */
import fc from 'fast-check';
import { VFile } from 'vfile';
import { stringify } from 'yaml';
import { compileFiles } from '../../src/build/compile-article.ts';
import { rules } from '../../src/pipeline/messages.ts';
import { pageContractProblems } from '../page-contract.ts';

/** How large the generated inputs get. */
export interface Scale {
  /** Deepest nesting generated (the limit is 32). */
  depth: number;
  /** Longest run of one delimiter. */
  run: number;
  /** Longest line, in characters. */
  line: number;
  /** Most blocks in an article. */
  blocks: number;
  /** Most claims. */
  claims: number;
}

/** For `npm test`: each case takes milliseconds. */
export const smallScale: Scale = { depth: 48, run: 300, line: 4_000, blocks: 12, claims: 6 };
/** For `npm run fuzz`: runs and lines long enough for micromark's slow paths. */
export const largeScale: Scale = { depth: 200, run: 20_000, line: 200_000, blocks: 40, claims: 40 };

export interface HostileCase {
  format: 'txt' | 'md';
  article: string;
  claimsFormat: 'yaml' | 'json';
  claims: string;
  /** The claims as generated, for the page contract when the page is built. */
  expected: Array<{ id: string; quote: string }>;
}

const odd = [
  '\0',
  '\uD800',
  '\uDC00',
  '\u200B',
  '\u200D',
  '\u2060',
  '\u202E',
  '\u2066',
  '\u0301',
  '\uFEFF',
  '\u00A0',
  '\u2028',
  '\u3000',
  '\t',
  '\v',
  '\f',
  '\r',
  '\r\n',
  '😀',
  '👩‍👩‍👧',
  'ﬁ',
  'İ',
  'ß',
  'e\u0301',
  'é',
  '\\',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&nbsp',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"',
  "'",
  '“',
  '”',
  '–',
  '—',
];
const words = [
  'the',
  'river',
  'bridge',
  'claims',
  'said',
  'report',
  'minister',
  'percent',
  '2024',
  'a',
  'of',
  'ok',
];

const word = fc.constantFrom(...words);
const oddText = fc.constantFrom(...odd);
/** A line of words, with odd characters and punctuation among them. */
const inline = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: word },
      { weight: 1, arbitrary: oddText },
      fc.constantFrom('.', ',', ':', '!', '?'),
    ),
    {
      minLength: 1,
      maxLength: 24,
    },
  )
  .map((parts) => parts.join(' '));

const containers = ['> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '- > ', '> 1. ', '  ', '\t'];
const delimiters = [
  '*',
  '_',
  '**',
  '__',
  '*_',
  '[',
  ']',
  '](',
  '![',
  '`',
  '<',
  '>',
  '!',
  '#',
  '=',
  '-',
  '|',
  '&',
  '\\',
  '~',
  '(',
  ')',
  '"',
  ':',
];
const pairs: Array<[string, string]> = [
  ['*', '*'],
  ['**', '**'],
  ['_', '_'],
  ['~~', '~~'],
  ['[', '](https://example.org/)'],
  ['![', '](x.png)'],
  ['[', ']'],
  ['`', '`'],
  ['<', '>'],
  ['*a **', '** a*'],
];
const unclosed = [
  '```js\ncode {',
  '~~~~',
  '<!-- a comment',
  '<div>\n\ntext',
  '<script>',
  '<pre>',
  '[a](',
  '[a]: <https://',
  '`code',
  '<https://example.org',
  '---\ntitle: x',
  '***',
  '<?php',
  '<![CDATA[',
  '[^1]',
  '    indented code',
  '| a | b |\n|---|',
  '\\',
  '&#',
];

/** Shapes known to be slow for Markdown parsers (after cmark's pathological tests), by repeat count. */
const pathological: Array<(n: number) => string> = [
  (n) => `${'*a **a '.repeat(n)}b${' a** a*'.repeat(n)}`,
  (n) => `${'*'.repeat(n)}a${'*'.repeat(n)}`,
  (n) => `${'_'.repeat(n)}a${'_'.repeat(n)}`,
  (n) => 'a_ '.repeat(n),
  (n) => '_a '.repeat(n),
  (n) => 'a]'.repeat(n),
  (n) => '[a'.repeat(n),
  (n) => '*a_ '.repeat(n),
  (n) => `a**b${'c* '.repeat(n)}`,
  (n) => '[ a_'.repeat(n),
  (n) => `${'['.repeat(n)}a${']'.repeat(n)}`,
  (n) => `${'!['.repeat(n)}a${'](b)'.repeat(n)}`,
  (n) => '[a](<b'.repeat(n),
  (n) => `</${'<!--'.repeat(n)}`,
  (n) => '[a]: u\n'.repeat(n),
  (n) => 'a\n=\n'.repeat(n),
  (n) => '- a\n'.repeat(n),
  (n) => `> a\n${'b\n'.repeat(n)}`,
  (n) => Array.from({ length: n }, (_, i) => `e${'`'.repeat((i % 50) + 1)}`).join(''),
];

function hostileBlocks(scale: Scale): fc.Arbitrary<string> {
  const depth = fc.integer({ min: 1, max: scale.depth });
  const run = fc.integer({ min: 1, max: scale.run });
  return fc.oneof(
    { weight: 4, arbitrary: inline },
    fc
      .tuple(fc.constantFrom(...containers), depth, inline)
      .map(([prefix, n, text]) => prefix.repeat(n) + text),
    fc
      .tuple(depth, fc.constantFrom('- ', '1. ', '> ', '* '), inline)
      .map(([n, marker, text]) =>
        Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}${marker}${text}`).join('\n'),
      ),
    fc
      .tuple(fc.constantFrom(...pairs), depth, inline)
      .map(([[open, close], n, text]) => `${open.repeat(n)}${text}${close.repeat(n)}`),
    fc
      .tuple(fc.constantFrom(...delimiters), run, inline)
      .map(([delimiter, n, text]) => `${text} ${delimiter.repeat(n)}`.slice(0, scale.run * 2 + text.length)),
    fc
      .tuple(fc.constantFrom(...delimiters), fc.constantFrom(...words), run)
      .map(([delimiter, w, n]) => `${delimiter}${w} `.repeat(n)),
    fc.integer({ min: 1_000, max: scale.line }).map((n) => 'word '.repeat(Math.ceil(n / 5))),
    fc.tuple(fc.constantFrom(...unclosed), inline).map(([open, text]) => `${open}\n${text}`),
    fc
      .tuple(inline, fc.constantFrom('=', '-'), run)
      .map(([text, rule, n]) => `${text}\n${rule}\n`.repeat(Math.min(n, 400))),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc
      .tuple(fc.constantFrom(...pathological), fc.integer({ min: 1, max: Math.ceil(scale.run / 4) }))
      .map(([shape, n]) => shape(n)),
  );
}

const separators = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n\n\n', '\n \n'];

function hostileText(scale: Scale): fc.Arbitrary<string> {
  return fc
    .tuple(
      inline,
      fc.array(fc.tuple(fc.constantFrom(...separators), hostileBlocks(scale)), { maxLength: scale.blocks }),
    )
    .map(([first, rest]) => first + rest.map(([separator, block]) => separator + block).join(''));
}

const kinds = ['fact', 'statistic', 'comparison', 'causal', 'prediction', 'opinion', 'recommendation'];
const verdicts = ['supported', 'partly-supported', 'unsupported', 'misleading', 'disputed', 'unverifiable'];

/** A claims document for `article`: quotes cut from it, or made up. */
function claimsData(article: string, scale: Scale) {
  const quote = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 1, max: 80 })).map(([at, length]) => {
        const start = article.length === 0 ? 0 : at % article.length;
        return article.slice(start, start + length);
      }),
    },
    inline,
    fc.constant(''),
    fc.constantFrom(...odd),
  );
  const context = fc.option(fc.oneof(inline, fc.constantFrom(...odd), fc.constant('')), { nil: undefined });
  const id = fc.oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,12}$/u) },
    fc.string({ maxLength: 8 }),
  );
  const reference = fc.record(
    {
      id: fc.stringMatching(/^r[0-9]{1,2}$/u),
      type: fc.constantFrom('book', 'webpage', 'article-journal', 'report', 'no-such-type'),
      title: fc.oneof(inline, fc.constantFrom(...odd)),
      URL: fc.constantFrom('https://example.org/a', 'javascript:alert(1)', 'ftp://x', 'not a url'),
      issued: fc.constantFrom('2024-02-20', '2024', '2024-13-40', 'yesterday', { 'date-parts': [[2020, 1]] }),
      author: fc.constant([{ family: 'Doe', given: 'Jane' }]),
    },
    { requiredKeys: ['id', 'type', 'title'] },
  );
  return fc
    .tuple(
      fc.array(reference, { maxLength: 4 }),
      fc.array(
        fc.record(
          {
            id,
            quote,
            prefix: context,
            suffix: context,
            kind: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...kinds) }, fc.string({ maxLength: 10 })),
            verdict: fc.option(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...verdicts) }, inline), {
              nil: undefined,
            }),
            note: fc.oneof(inline, hostileText({ ...scale, blocks: 3 })),
            cites: fc.array(fc.stringMatching(/^r[0-9]{1,2}$/u), { maxLength: 2 }),
          },
          { requiredKeys: ['id', 'quote', 'kind', 'note'] },
        ),
        { minLength: 1, maxLength: scale.claims },
      ),
      fc.oneof(inline, fc.constantFrom(...odd)),
    )
    .map(([references, claims, title]) => ({
      source: { title, URL: 'https://example.org/article', issued: '2024-02-20' },
      references,
      claims: claims.map((claim) =>
        Object.fromEntries(Object.entries(claim).filter(([, value]) => value !== undefined)),
      ),
    }));
}

/** Damage to a claims file's text: cut short, a character put in, wrapped deep, aliased… */
function damaged(text: string, format: 'yaml' | 'json'): fc.Arbitrary<string> {
  const at = fc.nat().map((n) => (text.length === 0 ? 0 : n % text.length));
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(text) },
    at.map((cut) => text.slice(0, cut)),
    fc
      .tuple(
        at,
        fc.constantFrom(...odd, '[', '{', ':', '"', "'", '&a', '*a', '!!binary', '- ', '\t', '%', '#', '---'),
      )
      .map(([place, inserted]) => text.slice(0, place) + inserted + text.slice(place)),
    fc
      .integer({ min: 1, max: 400 })
      .map((n) =>
        format === 'json'
          ? text.replace(/^\{/u, `{"deep": ${'['.repeat(n)}${']'.repeat(n)},`)
          : `${text}deep: ${'['.repeat(n)}${']'.repeat(n)}\n`,
      ),
    fc.constant(
      format === 'json'
        ? `${text}\n${text}`
        : `anchor: &a [x, x, x, x, x, x, x, x]\nmore: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n${text}\n---\nsecond: document\n`,
    ),
    fc.constant(`\uFEFF${text}`),
  );
}

/**
 * A line every article starts with, whose words occur nowhere else, for claims that anchor:
 * the rest of the article is what is hostile.
 */
const sentinel = 'Alpha bravo charlie delta echo foxtrot golf.';
const sentinelQuotes = [
  'bravo charlie',
  'Alpha bravo charlie delta',
  'delta echo',
  'echo foxtrot golf',
  'foxtrot',
];

/** Claims that anchor in the sentinel line, with hostile notes: a case that can build. */
function anchoredClaims(scale: Scale) {
  return fc
    .uniqueArray(
      fc.record({
        quote: fc.constantFrom(...sentinelQuotes),
        kind: fc.constantFrom(...kinds),
        verdict: fc.option(fc.constantFrom(...verdicts), { nil: undefined }),
        note: fc.oneof(inline, hostileText({ ...scale, blocks: 3 })),
      }),
      { minLength: 1, maxLength: 4, selector: (claim) => claim.quote },
    )
    .map((claims) => ({
      source: { title: 'Hostile', URL: 'https://example.org/article' },
      claims: claims.map((claim, index) => ({
        id: `claim-${index}`,
        ...Object.fromEntries(Object.entries(claim).filter(([, value]) => value !== undefined)),
      })),
    }));
}

/** A whole case: an article and its claims file, either anchored in it or made up and damaged. */
export function hostileCase(scale: Scale): fc.Arbitrary<HostileCase> {
  return fc
    .tuple(
      fc.constantFrom<'txt' | 'md'>('md', 'md', 'txt'),
      hostileText(scale).map((text) => `${sentinel}\n\n${text}`),
      fc.constantFrom<'yaml' | 'json'>('yaml', 'yaml', 'json'),
      fc.boolean(),
    )
    .chain(([format, article, claimsFormat, anchored]) =>
      (anchored ? anchoredClaims(scale) : claimsData(article, scale)).chain((data) => {
        const text = claimsFormat === 'json' ? JSON.stringify(data, null, 2) : stringify(data);
        return (anchored ? fc.constant(text) : damaged(text, claimsFormat)).map((claims) => ({
          format,
          article,
          claimsFormat,
          claims,
          expected: (data.claims as Array<Record<string, unknown>>).map((claim) => ({
            id: String(claim['id']),
            quote: String(claim['quote']),
          })),
        }));
      }),
    );
}

/** What a case came to. */
export type Outcome =
  | { kind: 'built'; ms: number }
  | { kind: 'messages'; rules: string[]; ms: number }
  | { kind: 'failure'; reason: string; ms: number };

const knownRules = new Set<string>(Object.keys(rules));

/**
 * Build the case as the command would (in memory), and judge it. `timeMs` is the build's own
 * time limit; `boundMs`, what the case may take in all.
 */
export async function runCase(hostile: HostileCase, timeMs: number, boundMs: number): Promise<Outcome> {
  const article = `a.${hostile.format}`;
  const claims = `a.claims.${hostile.claimsFormat}`;
  const start = performance.now();
  let result;
  try {
    result = await compileFiles(
      { slug: 'a', article, claims, format: hostile.format },
      new VFile({ path: article, value: hostile.article }),
      new VFile({ path: claims, value: hostile.claims }),
      { limits: { timeMs }, generated: '2024-01-01T00:00:00Z' },
    );
  } catch (cause) {
    return {
      kind: 'failure',
      reason: `threw: ${(cause as Error).stack ?? String(cause)}`,
      ms: performance.now() - start,
    };
  }
  const ms = performance.now() - start;
  if (ms > boundMs)
    return { kind: 'failure', reason: `took ${Math.round(ms)} ms, more than ${boundMs} ms`, ms };
  const messages = result.files.flatMap((file) => file.messages);
  const unknown = messages.find((message) => !knownRules.has(message.ruleId ?? ''));
  if (unknown)
    return { kind: 'failure', reason: `a message without a known rule id: ${unknown.message}`, ms };
  const internal = messages.find((message) => message.ruleId === 'internal-error');
  if (internal) return { kind: 'failure', reason: `internal error: ${internal.message}`, ms };
  const unplaced = messages.find((message) => message.line === undefined || message.column === undefined);
  if (unplaced)
    return { kind: 'failure', reason: `a message without a line and column: ${unplaced.message}`, ms };
  if (!result.ok) {
    if (!messages.some((message) => message.fatal === true)) {
      return { kind: 'failure', reason: 'not built, and no error says why', ms };
    }
    return {
      kind: 'messages',
      rules: [...new Set(messages.filter((m) => m.fatal).map((m) => m.ruleId ?? ''))].sort(),
      ms,
    };
  }
  if (!result.html) return { kind: 'failure', reason: 'built, but no page', ms };
  const problems = pageContractProblems(result.html, hostile.expected);
  if (problems.length > 0)
    return { kind: 'failure', reason: `the page breaks the contract: ${problems.join('; ')}`, ms };
  return { kind: 'built', ms };
}
