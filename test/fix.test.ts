/**
 * `marginalia fix` and `marginalia init` as a user runs them, and the excerpts under problems:
 * real processes, real files in a temporary folder.
 */
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.ts';

const seed = fileURLToPath(new URL('../article/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'marginalia-fix-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const slug = 'sora-china-ai-video';

/** A project folder with a copy of the seed article, its text edited as `edits` say. */
function seedProject(name: string, edits: ReadonlyArray<readonly [string, string]> = []): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'article'), { recursive: true });
  for (const file of [`${slug}.txt`, `${slug}.claims.yaml`])
    cpSync(path.join(seed, file), path.join(dir, 'article', file));
  const textFile = path.join(dir, 'article', `${slug}.txt`);
  let text = readFileSync(textFile, 'utf8');
  for (const [from, to] of edits) {
    expect(text.split(from).length, from).toBe(2);
    text = text.replace(from, to);
  }
  writeFileSync(textFile, text);
  return dir;
}

/** A dozen edits an editor might make to the seed article's text after its claims were written. */
const edits = [
  // A typo corrected inside a quoted passage (the left quote in "China‘s").
  ['China‘s position', 'China’s position'],
  // Curly quotes straightened.
  ['OpenAI’s recent unveiling of Sora', "OpenAI's recent unveiling of Sora"],
  // A word inserted in a quoted passage.
  ['minute-long videos with just', 'minute-long HD videos with just'],
  // A word changed in a quoted passage.
  ['a significant leap forward', 'a significant step forward'],
  // A quoted passage reworded beyond recognition.
  ['surpassing its predecessors by a wide margin', 'leaving earlier systems far behind'],
  // A paragraph split after a quoted sentence.
  ['in the global AI race. Despite efforts', 'in the global AI race.\nDespite efforts'],
  // American spelling made British inside a quoted passage.
  ['prioritizes maintaining', 'prioritises maintaining'],
  // A hyphen turned into a non-breaking hyphen by a word processor.
  ['catch up with Sora-like technologies.', 'catch up with Sora\u2011like technologies.'],
  // A word deleted from a quoted passage.
  ['competing directly with Sora', 'competing with Sora'],
  // A quoted clause deleted.
  [
    'that may not significantly impact its market position or stock price.',
    'that do not serve its interests.',
  ],
  // Words inserted before a quoted passage.
  ['Sora’s arrival marks', 'By any measure, Sora’s arrival marks'],
  // A number spelt out in a short quote.
  ['over 15 Chinese companies', 'over fifteen Chinese companies'],
  // A paragraph split between two quoted passages.
  ['platforms internally. However,', 'platforms internally.\nHowever,'],
] as const;

/** Claims whose passage is still there, reworded by at most a few characters: fix must place them. */
const placed = [
  'raised-questions',
  'sora-unveiling',
  'minute-long-videos',
  'significant-leap',
  'prioritizes-position',
  'catch-up-challenges',
  'focus-existing-platforms',
];
/** Claims whose passage is gone, or is too short to place without context: fix must report them. */
const reported = ['surpassing-predecessors', 'stock-price', 'over-15-companies'];

const problemIds = (stderr: string) =>
  [...stderr.matchAll(/^\S+:\d+:\d+: error Quote of claim "([a-z0-9-]+)"/gmu)].map((match) => match[1]);

describe('marginalia fix', () => {
  it('should place every claim of the edited seed article whose passage survives, report the rest, and leave check with only those', async () => {
    // Arrange
    const dir = seedProject('seed', edits);
    const claimsFile = path.join(dir, 'article', `${slug}.claims.yaml`);
    const before = readFileSync(claimsFile, 'utf8');
    expect(new Set(problemIds((await run(['check'], dir)).stderr))).toEqual(
      new Set([...placed, ...reported]),
    );

    // Act
    const result = await run(['fix'], dir);

    // Assert
    expect(result.code).toBe(1);
    const changed = [...result.stdout.matchAll(/^\S+:\d+:\d+: claim "([a-z0-9-]+)" in ¶ \d+ /gmu)].map(
      (m) => m[1],
    );
    expect(new Set(changed)).toEqual(new Set(placed));
    expect(new Set(problemIds(result.stderr))).toEqual(new Set(reported));
    expect(result.stdout).toContain(
      `claim "sora-unveiling" in ¶ 1 (its words in the article’s typography): quote "OpenAI’s recent unveiling of Sora" → "OpenAI's recent unveiling of Sora"`,
    );
    const after = readFileSync(claimsFile, 'utf8');
    const [oldLines, newLines] = [before.split('\n'), after.split('\n')];
    expect(newLines.length).toBe(oldLines.length);
    const differing = oldLines.flatMap((line, index) => (line === newLines[index] ? [] : [line]));
    expect(differing).toHaveLength(placed.length);
    for (const line of differing) expect(line).toMatch(/^ {4}quote: /u);

    const check = await run(['check'], dir);
    expect(check.code).toBe(1);
    expect(new Set(problemIds(check.stderr))).toEqual(new Set(reported));
    expect(check.stderr.trimEnd().split('\n')).toHaveLength(reported.length);
  });

  it('should print the changes as a unified diff with --dry-run and write nothing', async () => {
    // Arrange
    const dir = seedProject('dry-run', edits.slice(0, 2));
    const claimsFile = path.join(dir, 'article', `${slug}.claims.yaml`);
    const before = readFileSync(claimsFile, 'utf8');
    const modified = statSync(claimsFile).mtimeMs;

    // Act
    const result = await run(['fix', '--dry-run', `article/${slug}.txt`], dir);

    // Assert
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- a\/article\/sora-china-ai-video\.claims\.yaml\n\+\+\+ b\//mu);
    expect(result.stdout).toContain(
      `-    quote: "OpenAI’s recent unveiling of Sora"\n+    quote: "OpenAI's recent unveiling of Sora"`,
    );
    expect(result.stdout).toContain('dry run: nothing written');
    expect(readFileSync(claimsFile, 'utf8')).toBe(before);
    expect(statSync(claimsFile).mtimeMs).toBe(modified);
  });

  it('should exit 0 when every claim is placed, write atomically keeping the file’s mode, and let check pass', async () => {
    // Arrange
    const dir = seedProject('all-placed', edits.slice(0, 4));
    const claimsFile = path.join(dir, 'article', `${slug}.claims.yaml`);
    chmodSync(claimsFile, 0o640);

    // Act
    const result = await run(['fix', 'article'], dir);

    // Assert
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^✓ article\/sora-china-ai-video\.claims\.yaml: 4 claims rewritten, 28 in place$/mu,
    );
    expect(statSync(claimsFile).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.join(dir, 'article')).sort()).toEqual([`${slug}.claims.yaml`, `${slug}.txt`]);
    expect(await run(['check'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect((await run(['fix'], dir)).stdout).toMatch(/: 0 claims rewritten, 32 in place$/mu);
  });

  it.each([
    [['fix', '--out', 'x'], /--out does not go with fix/u],
    [['fix', 'no-such-folder'], /no-such-folder: no such file or folder/u],
    [['check', '--dry-run'], /--dry-run goes with fix/u],
    [['init', 'a.txt', 'b.txt'], /init takes one article/u],
    [['init', 'notes.pdf'], /is not an article's text/u],
    [['init', 'missing.md'], /missing\.md: no such file/u],
  ])('should exit 2 for %j', async (args, message) => {
    const result = await run(args, work);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('marginalia init', () => {
  const markdown = [
    '---',
    'title: The river and the bridge',
    'author: Jane Doe',
    'date: 2024-02-20',
    'url: https://example.org/river',
    'publication: The Example Times',
    '---',
    '',
    '# The river and the bridge',
    '',
    'The bridge over the river was finished in 2021, two years late.',
    '',
  ].join('\n');

  it('should write a starter claims file from the front matter whose commented examples pass check once uncommented', async () => {
    // Arrange
    const dir = path.join(work, 'init');
    mkdirSync(path.join(dir, 'article'), { recursive: true });
    writeFileSync(path.join(dir, 'article', 'river.md'), markdown);

    // Act
    const result = await run(['init', 'article/river.md'], dir);

    // Assert
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('article/river.claims.yaml');
    const claimsFile = path.join(dir, 'article', 'river.claims.yaml');
    const starter = readFileSync(claimsFile, 'utf8');
    expect(starter).toContain('  title: The river and the bridge\n');
    expect(starter).toContain('  container-title: The Example Times\n');
    expect(starter).toContain('  author: [{ family: Doe, given: Jane }]\n');
    expect(starter).toContain('  issued: 2024-02-20\n');
    expect(starter).toContain('  URL: https://example.org/river\n');
    const fresh = await run(['check'], dir);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toMatch(/^article\/river\.claims\.yaml:\d+:\d+: warning .*\[no-claims\]$/mu);

    writeFileSync(claimsFile, starter.replace(/^ {2}# (?=- | {2})/gmu, '  '));
    expect(await run(['check'], dir)).toMatchObject({ code: 0, stderr: '' });
  });

  it('should refuse to write over an existing claims file', async () => {
    // Arrange
    const dir = seedProject('init-existing');
    const claimsFile = path.join(dir, 'article', `${slug}.claims.yaml`);
    const before = readFileSync(claimsFile, 'utf8');

    // Act
    const result = await run(['init', `article/${slug}.txt`], dir);

    // Assert
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /sora-china-ai-video\.claims\.yaml already exists: init never writes over a claims file/u,
    );
    expect(readFileSync(claimsFile, 'utf8')).toBe(before);
  });
});

describe('excerpts under problems', () => {
  it('should follow each problem with indented excerpt lines under --verbose, coloured only under FORCE_COLOR', async () => {
    // Arrange
    const dir = seedProject('verbose', edits.slice(1, 2));

    // Act
    const plain = await run(['check'], dir);
    const verbose = await run(['check', '--verbose'], dir);
    const coloured = await run(['check', '--verbose'], dir, { FORCE_COLOR: '1' });

    // Assert
    expect(plain.stderr.trimEnd().split('\n')).toHaveLength(1);
    const [first, ...excerpt] = verbose.stderr.trimEnd().split('\n');
    expect(first).toBe(plain.stderr.trimEnd());
    expect(excerpt).toContain('   quote | OpenAI’s recent unveiling of Sora');
    expect(excerpt).toContain(" article | OpenAI's recent unveiling of Sora");
    for (const line of excerpt) expect(line).toMatch(/^\s/u);
    expect(verbose.stderr).not.toContain('\u001b[');
    expect(coloured.stderr).toContain('\u001b[');
    expect(coloured.stderr.split('\n')[0]).toBe(first);
  });
});
