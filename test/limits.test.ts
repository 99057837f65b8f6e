/**
 * Limits, not crashes (README "Limits"): the hostile inputs of issue 16 at their real size,
 * made here rather than committed, each built as the command builds it with the default
 * limits. Each must end in errors with the limit's rule id, never an internal error, and well
 * within 10 s (the bound here is looser: the test machine may be busy). The same cases, small,
 * are fixture folders (`test/fixtures/limit-*`).
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { compileArticle, compileFiles, type CompiledArticle } from '../src/build/compile-article.ts';
import { discoverArticles } from '../src/build/discover.ts';
import { defaultLimits } from '../src/pipeline/limits.ts';

const work = mkdtempSync(path.join(tmpdir(), 'marginalia-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Generous: each case takes well under a second on an idle machine. */
const bound = 20_000;

const claims = (extra = '') =>
  `source: {title: Hostile}\nclaims:\n  - {id: first, quote: a first paragraph, kind: fact, note: A note.}\n${extra}`;
const intro = 'This is a first paragraph, before the hostile part.\n\n';

async function compileText(
  format: 'txt' | 'md',
  article: string,
  claimsText: string,
  claimsName = 'a.claims.yaml',
): Promise<CompiledArticle> {
  return compileFiles(
    { slug: 'a', article: `a.${format}`, claims: claimsName, format },
    new VFile({ path: `a.${format}`, value: article }),
    new VFile({ path: claimsName, value: claimsText }),
  );
}

/** The rule ids of the messages, and how long the build took. */
async function outcome(build: () => Promise<CompiledArticle>): Promise<{ rules: string[]; ms: number }> {
  const start = performance.now();
  const result = await build();
  const ms = performance.now() - start;
  expect(result.ok).toBe(false);
  const rules = result.files.flatMap((file) => file.messages.map((message) => message.ruleId ?? ''));
  expect(rules).not.toContain('internal-error');
  return { rules, ms };
}

describe('limits on the hostile inputs of issue 16', () => {
  const markdownCases: Array<[string, () => string]> = [
    ['10,000 nested list items on one line', () => `${intro}${'- '.repeat(10_000)}deep\n`],
    [
      '2,000 nested list items, one a line',
      () => intro + Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}\n`).join(''),
    ],
    ['10,000 nested block quotes', () => `${intro}${'>'.repeat(10_000)} deep\n`],
    ['block quotes and lists nested 10,000 deep in turn', () => `${intro}${'> - '.repeat(5_000)}deep\n`],
    [
      '3,000 nested list items with inline content',
      () =>
        intro +
        Array.from(
          { length: 3_000 },
          (_, i) => `${'  '.repeat(i)}- *item* **${i}** [link](https://example.org/) \`code\`\n`,
        ).join(''),
    ],
    [
      'emphasis nested 5,000 deep',
      () => `${intro}${'*a **b '.repeat(100)}x${'** b* a'.repeat(100)}\n\n`.repeat(25),
    ],
  ];
  for (const [name, make] of markdownCases) {
    it(`should refuse ${name} with nesting-too-deep`, async () => {
      // Arrange
      const article = make();

      // Act
      const { rules, ms } = await outcome(() => compileText('md', article, claims()));

      // Assert
      expect(rules).toEqual(['nesting-too-deep']);
      expect(ms).toBeLessThan(bound);
    });
  }

  it('should refuse a 50 MB .txt without reading it', async () => {
    // Arrange: a sparse file, so that the test writes nothing of its size.
    const dir = path.join(work, 'large');
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(path.join(work, 'placeholder'), '');
    const article = path.join(work, 'large.txt');
    writeFileSync(article, '');
    truncateSync(article, 50 * 1024 * 1024);
    writeFileSync(path.join(work, 'large.claims.yaml'), claims());
    const [paths] = discoverArticles([article]);
    if (!paths) throw new Error('no article');

    // Act
    const { rules, ms } = await outcome(() => compileArticle(paths, { cwd: work }));

    // Assert
    expect(rules).toEqual(['article-too-large']);
    expect(ms).toBeLessThan(bound);
  });

  it('should refuse a .txt of more blocks than the limit before splitting it', async () => {
    const article = 'a\n'.repeat(defaultLimits.blocks + 1);
    const { rules, ms } = await outcome(() => compileText('txt', article, claims()));
    expect(rules).toEqual(['too-many-blocks']);
    expect(ms).toBeLessThan(bound);
  });

  it('should refuse a .md of more blocks than the limit, parsing no further than the limit', async () => {
    const article = 'a\n\n'.repeat(defaultLimits.blocks + 1);
    const { rules, ms } = await outcome(() => compileText('md', article, claims()));
    expect(rules).toEqual(['too-many-blocks']);
    expect(ms).toBeLessThan(bound);
  });

  it('should refuse 200,000 claims before checking any of them', async () => {
    const list = Array.from(
      { length: 200_000 },
      (_, i) => `  - {id: c${i}, quote: first paragraph, kind: fact, note: n}\n`,
    ).join('');
    const { rules, ms } = await outcome(() => compileText('txt', intro, claims(list)));
    expect(rules).toEqual(['too-many-claims']);
    expect(ms).toBeLessThan(bound);
  });

  it('should refuse 100,000 references', async () => {
    const references = Array.from(
      { length: 100_000 },
      (_, i) => `  - {id: r${i}, type: book, title: T${i}}\n`,
    );
    const text = `source: {title: Hostile}\nreferences:\n${references.join('')}claims:\n  - {id: first, quote: a first paragraph, kind: fact, note: n, cites: [r1]}\n`;
    const { rules, ms } = await outcome(() => compileText('txt', intro, text));
    expect(rules).toEqual(['too-many-references']);
    expect(ms).toBeLessThan(bound);
  });

  it('should refuse a 10 MB note', async () => {
    const note = `  - id: long\n    quote: the hostile part\n    kind: fact\n    note: "${'word '.repeat(2_000_000)}"\n`;
    const { rules, ms } = await outcome(() => compileText('txt', intro, claims(note)));
    expect(rules).toEqual(['note-too-large']);
    expect(ms).toBeLessThan(bound);
  });

  it('should refuse notes nested 5,000 deep, in lists or in emphasis', async () => {
    const notes =
      `  - {id: lists, quote: the hostile part, kind: fact, note: "${'- '.repeat(5_000)}deep"}\n` +
      `  - {id: emphasis, quote: This is, kind: fact, note: "${'*a **b '.repeat(1_000)}x${'** b* a'.repeat(1_000)}"}\n`;
    const { rules, ms } = await outcome(() => compileText('txt', intro, claims(notes)));
    expect(rules).toEqual(['nesting-too-deep', 'nesting-too-deep']);
    expect(ms).toBeLessThan(bound);
  });

  it('should refuse claims files nested 50,000 deep, in YAML and in JSON', async () => {
    const yaml = claims(`    extra: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    const json = `{"source": {"title": "Hostile"}, "claims": [{"id": "first", "quote": "a first paragraph", "kind": "fact", "note": "n", "extra": ${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`;
    for (const [text, name] of [
      [yaml, 'a.claims.yaml'],
      [json, 'a.claims.json'],
    ] as const) {
      const { rules, ms } = await outcome(() => compileText('txt', intro, text, name));
      expect(rules).toEqual(['claims-syntax']);
      expect(ms).toBeLessThan(bound);
    }
  });

  it('should answer 20,000 claims of one common word in bounded time, naming a few places each', async () => {
    // Arrange: every claim quotes "the", found thousands of times, with no context.
    const article = 'The cat and the dog saw the bird on the wall by the gate.\n'.repeat(2_000);
    const list = Array.from(
      { length: 20_000 },
      (_, i) => `  - {id: c${i}, quote: the, kind: fact, note: n}\n`,
    );

    // Act
    const start = performance.now();
    const result = await compileText('txt', article, `source: {title: Hostile}\nclaims:\n${list.join('')}`);
    const ms = performance.now() - start;

    // Assert
    expect(result.ok).toBe(false);
    const messages = result.files.flatMap((file) => file.messages);
    expect(messages).toHaveLength(20_000);
    expect(new Set(messages.map((message) => message.ruleId))).toEqual(new Set(['quote-ambiguous']));
    expect(messages[0]?.reason).toMatch(/and 7,990 more/u);
    expect(ms).toBeLessThan(bound);
  });

  it('should stop a build that runs past its time limit, with a message at the line it was parsing', async () => {
    // Arrange: images nested in images make micromark take minutes.
    const article = `${intro}${'!['.repeat(4_000)}a${'](b)'.repeat(4_000)}\n`;

    // Act
    const start = performance.now();
    const result = await compileFiles(
      { slug: 'a', article: 'a.md', claims: 'a.claims.yaml', format: 'md' },
      new VFile({ path: 'a.md', value: article }),
      new VFile({ path: 'a.claims.yaml', value: claims() }),
      { limits: { timeMs: 500 } },
    );
    const ms = performance.now() - start;

    // Assert
    expect(result.ok).toBe(false);
    const [message] = result.files.flatMap((file) => file.messages);
    expect(message?.ruleId).toBe('time-limit');
    expect(message?.reason).toMatch(/time limit of 0\.5 s .* parsing the Markdown/u);
    expect(ms).toBeLessThan(bound);
  });
});
