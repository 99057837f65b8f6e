/**
 * Whatever the text and whatever the claims file, the build answers with a page or with
 * messages: it never throws and never hangs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { compileFiles } from '../src/build/compile-article.ts';
import { claimKinds, verdicts } from '../src/claims/types.ts';
import { pageContractProblems } from './page-contract.ts';

const word = fc.stringMatching(/^[A-Za-z’‘“”é0-9*_\-<>&[\]()!]{1,8}$/u);
const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const text = fc
  .array(fc.oneof(line, fc.constant(''), fc.constant('  ')), { maxLength: 12 })
  .map((lines) => lines.join('\n'));

/** A claim whose quote is usually taken from the text, sometimes not. */
const claimFor = (source: string) =>
  fc.record({
    id: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,6}$/u), fc.string({ maxLength: 4 })),
    quote: fc.oneof(
      fc
        .tuple(fc.nat(source.length), fc.nat(40))
        .map(([start, length]) => source.slice(start, start + length)),
      fc.string({ maxLength: 10 }),
    ),
    prefix: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
    kind: fc.oneof(fc.constantFrom(...claimKinds), fc.string({ maxLength: 5 })),
    verdict: fc.option(fc.oneof(fc.constantFrom(...verdicts), fc.string({ maxLength: 5 })), {
      nil: undefined,
    }),
    note: fc.string({ maxLength: 30 }),
  });

const article = text.chain((source) =>
  fc.record({ source: fc.constant(source), claims: fc.array(claimFor(source), { maxLength: 6 }) }),
);

describe('the build on any input', () => {
  it('should yield a page that keeps the contract, or messages, for any text and claims', async () => {
    await fc.assert(
      fc.asyncProperty(article, fc.constantFrom('txt' as const, 'md' as const), async (input, format) => {
        // Arrange
        const articleFile = new VFile({ path: `a.${format}`, value: input.source });
        const claimsFile = new VFile({
          path: 'a.claims.json',
          value: JSON.stringify({ source: { title: 'T' }, claims: input.claims }),
        });

        // Act
        const result = await compileFiles(
          { slug: 'a', article: 'a', claims: 'a', format },
          articleFile,
          claimsFile,
        );

        // Assert
        if (result.ok) {
          expect(result.html).toBeDefined();
          expect(pageContractProblems(result.html ?? '', input.claims)).toEqual([]);
        } else {
          expect(result.files.some((file) => file.messages.some((message) => message.fatal))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('should yield messages, never a throw, for any claims file text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (claims) => {
        const result = await compileFiles(
          { slug: 'a', article: 'a', claims: 'a', format: 'txt' },
          new VFile({ path: 'a.txt', value: 'Some text.' }),
          new VFile({ path: 'a.claims.yaml', value: claims }),
        );
        expect(result.ok || result.files.some((file) => file.messages.length > 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
