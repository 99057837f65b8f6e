/**
 * Fixture tests: each folder in test/fixtures/ is one behaviour of the build, and its
 * documentation. A folder holds `article.txt` or `article.md`, `article.claims.yaml` (or
 * `.json`), optionally `config.json` (compile options, such as `{"limits": {"blocks": 3}}` to
 * show a limit on a small input), and what the build must produce: `output.html` (the inside of
 * `<marginalia-reader>`: metadata, article, notes, sources) when it succeeds, and
 * `messages.txt` (the command's problem lines). Adding a case needs no new test code.
 *
 * To write the expected files after a deliberate change: `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts`
 * (then read the diff). Under CI a missing expected file fails the test.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileArticle, type CompileOptions } from '../src/build/compile-article.ts';
import { discoverArticles } from '../src/build/discover.ts';
import { formatMessages } from '../src/cli/format-messages.ts';
import { parse } from 'yaml';
import { pageContractProblems, type ContractClaim } from './page-contract.ts';

const root = fileURLToPath(new URL('fixtures/', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1' && process.env['CI'] !== 'true';

/** The part of the page that each fixture is about, one element per line for readable diffs. */
function readerContent(html: string): string {
  const match = /<marginalia-reader>([\s\S]*)<\/marginalia-reader>/u.exec(html);
  if (!match?.[1]) throw new Error('no <marginalia-reader> in the page');
  return `${match[1].replace(/(<\/(?:p|h[1-6]|li|section|header|article|main|blockquote|div|ol|ul)>)/gu, '$1\n')}`;
}

function expectFile(file: string, actual: string): void {
  if (update) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `${path.relative(root, file)} is missing: run UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts`,
    );
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(`should build ${name} as expected`, async () => {
      // Arrange
      const folder = path.join(root, name);
      const [article] = discoverArticles([folder]);
      if (!article) throw new Error(`no article in ${name}`);

      const configFile = path.join(folder, 'config.json');
      const config = existsSync(configFile)
        ? (JSON.parse(readFileSync(configFile, 'utf8')) as Pick<CompileOptions, 'limits'>)
        : {};

      // Act
      const result = await compileArticle(article, {
        ...config,
        cwd: folder,
        generated: '2024-01-01T00:00:00Z',
      });

      // Assert
      const messages = formatMessages(result.files).join('\n');
      expectFile(path.join(folder, 'messages.txt'), messages === '' ? '' : `${messages}\n`);
      const output = path.join(folder, 'output.html');
      if (result.ok && result.html) {
        expectFile(output, readerContent(result.html));
        const claims = parse(readFileSync(article.claims ?? '', 'utf8')) as {
          claims: ContractClaim[] | null;
        };
        expect(pageContractProblems(result.html, claims.claims ?? [])).toEqual([]);
      } else {
        expect(existsSync(output) && !update).toBe(false);
      }
    });
  }
});
