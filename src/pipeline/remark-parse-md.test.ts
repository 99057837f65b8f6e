import fc from 'fast-check';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../bench/corpus.ts';
import remarkParseMd, { runStarts } from './remark-parse-md.ts';

const whole = unified().use(remarkParse).use(remarkFrontmatter).freeze();
/** Cut wherever a cut is allowed. */
const everywhere = unified().use(remarkParseMd, { runLength: 1 }).use(remarkFrontmatter).freeze();

/** Lines that open, continue and close every kind of block, and a few that keep a file whole. */
const lines = [
  '',
  '',
  '',
  ' ',
  '\t',
  'Text with *emphasis',
  'and more* of it, `code',
  'span` and [a link](http://example.org "t") &amp; \\* escapes.',
  'word',
  '# Heading',
  '## Heading #',
  'Setext',
  '===',
  '---',
  '***',
  '- item',
  '* item',
  '+ item',
  '1. item',
  '2) item',
  '10. item',
  '-',
  '1.',
  '  continued',
  '   - nested',
  '    indented code',
  '\tcode',
  '> quote',
  '>',
  '> - quoted item',
  '>     quoted code',
  ' > lazy',
  '<div>',
  '</div>',
  '<span>inline</span> start',
  '<DIV class="x">',
  '\\- not a list',
  '1994 was a year.',
  '1994. A list item',
  '[link][ref]',
  '![image](a.png)',
  'Trailing spaces  ',
  'Line\r',
  'a\\',
];
/** Each of these keeps the whole file in one piece. */
const keepWhole = [
  '```',
  '~~~',
  '[ref]: http://example.org',
  '<!-- comment',
  '-->',
  '<pre>',
  '</pre>',
  '<?php',
  'old\rMac',
];

const markdown = fc
  .tuple(
    fc.constantFrom(
      '',
      '---\ntitle: x\n---\n',
      '---\na: 1\n\nb: 2\n---\n\n',
      '---\nopen\n\nnot closed\n',
      '---  \na: 1\n\n---\t\n\n',
      '---\r\na: 1\r\n\r\n---\r\n\r\n',
    ),
    fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...lines), weight: 60 },
        { arbitrary: fc.constantFrom(...keepWhole), weight: 1 },
      ),
      { minLength: 8, maxLength: 60 },
    ),
  )
  .map(([head, body]) => head + body.join('\n'));

describe('remark-parse-md', () => {
  it('builds the tree that remark-parse builds, positions included, cut wherever it may be', () => {
    let cut = 0;
    fc.assert(
      fc.property(markdown, (document) => {
        if (runStarts(document, 1).length > 1) cut++;
        expect(everywhere.parse(document)).toEqual(whole.parse(document));
      }),
      { numRuns: 3000, seed: 20261125 },
    );
    // Most generated files are cut, so that the comparison means something.
    expect(cut).toBeGreaterThan(1000);
  });

  it('gives real articles the same tree as remark-parse', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-parse-md-'));
    try {
      const { md } = await ensureCorpus('S', dir);
      const documents = [
        await readFile(md, 'utf8'),
        await readFile(new URL('../../test/fixtures/across-markup/article.md', import.meta.url), 'utf8'),
      ];
      for (const document of documents) {
        const cut = unified().use(remarkParseMd, { runLength: 2048 }).use(remarkFrontmatter);
        expect(runStarts(document, 2048).length).toBeGreaterThan(document.length > 4096 ? 2 : 0);
        expect(cut.parse(document)).toEqual(whole.parse(document));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('cuts only at blank lines before a line that closes every open block', () => {
    const document = 'a\n\n- b\n\nc\n\n  d\n\n> e\n\nf';
    const starts = runStarts(document, 1);
    expect(starts.map((start) => document[start])).toEqual(['a', 'c', '>', 'f']);
  });

  it('keeps a file whole when a construct may carry on past a blank line', () => {
    for (const opener of [
      '```',
      '~~~',
      '[x]: /u',
      '<!--',
      '<pre>',
      '<script>',
      '<style>',
      '<textarea>',
      '<?',
      '<!X',
      'a\rb',
    ]) {
      expect(runStarts(`${opener}\n\na\n\nb\n\nc`, 1)).toEqual([0]);
    }
  });

  it('does not cut inside front matter, and not at all after an unclosed one', () => {
    const document = '---\na: 1\n\nb: 2\n---\n\nc\n\nd';
    expect(runStarts(document, 1).map((start) => document[start])).toEqual(['-', 'c', 'd']);
    expect(runStarts('---\na\n\nb\n\nc', 1)).toEqual([0]);
  });

  it('leaves short files whole', () => {
    expect(runStarts('a\n\nb\n\nc', 64 * 1024)).toEqual([0]);
  });
});
