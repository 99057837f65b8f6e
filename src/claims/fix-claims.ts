/**
 * One article's share of `marginalia fix`, in memory: read its text and claims file as the build
 * does, re-anchor every claim (`../anchor/reanchor.ts`), and make the claims file's new text with
 * each placed claim's quote, prefix and suffix rewritten (`edit-quotes.ts`). Nothing is written
 * here. Problems end up as messages on the two files, as `check` reports them: a claim that
 * cannot be placed gets the message `check` gives it.
 */
import type { VFile } from 'vfile';
import { reanchorQuotes, type PlacedBy } from '../anchor/reanchor.ts';
import type { TextQuote } from '../anchor/types.ts';
import { load } from '../build/compile-article.ts';
import type { ArticlePaths } from '../build/discover.ts';
import { readArticleBlocks } from '../pipeline/parse-article.ts';
import { describeBlock, quoteProblemReporter } from '../pipeline/quote-problems.ts';
import { error, hasErrors } from '../pipeline/report.ts';
import { editQuotes, type QuoteEdit } from './edit-quotes.ts';
import { sourceFromFrontMatter } from './front-matter.ts';
import { readClaims } from './read-claims.ts';
import type { Claim, Point } from './types.ts';

/** A claim rewritten: its selector before and after, and where it now is. */
export interface QuoteChange {
  id: string;
  place: Point | undefined;
  /** "¶ 4", or "the heading “…”". */
  where: string;
  by: PlacedBy;
  before: TextQuote;
  after: TextQuote;
}

export interface FixedArticle {
  slug: string;
  /** The text and the claims file, with their messages. */
  files: VFile[];
  /** The claims file and its text before and after; absent when it could not be read. */
  claims?: { path: string; before: string; after: string };
  changes: QuoteChange[];
  /** Claims that anchor as they are. */
  inPlace: number;
  /** Claims that could not be placed (each has an error on the claims file). */
  unplaced: number;
  /** Whether every claim is placed and `check` would find no error once the new text is written. */
  ok: boolean;
}

export async function fixArticle(paths: ArticlePaths, cwd = process.cwd()): Promise<FixedArticle> {
  const [articleFile, claimsFile] = await Promise.all([load(paths.article, cwd), load(paths.claims, cwd)]);
  const files = [articleFile, claimsFile].filter((file): file is VFile => file !== undefined);
  const none = { slug: paths.slug, files, changes: [], inPlace: 0, unplaced: 0, ok: false };
  if (!articleFile || !claimsFile || !paths.claims) {
    const present = files[0];
    if (present) {
      error(
        present,
        articleFile
          ? 'No claims file beside the article: `marginalia init` writes one'
          : 'No article beside the claims file',
        { line: 1, column: 1 },
        'missing-file',
      );
    }
    return none;
  }
  if (hasErrors(files)) return none;

  const articleText = String(articleFile.value);
  const claimsText = String(claimsFile.value);
  const document = readClaims(
    claimsFile,
    paths.format === 'md' ? { source: sourceFromFrontMatter(articleText) } : {},
  );
  if (!document) return none;
  const article = await readArticleBlocks(articleText, paths.format, document.source.title);
  const placements = reanchorQuotes(article.texts, document.claims.map(selectorOf));

  const edits: QuoteEdit[] = [];
  const changes: QuoteChange[] = [];
  placements.forEach((placement, index) => {
    const claim = document.claims[index];
    if (!claim || placement.status !== 'placed') return;
    edits.push({ id: claim.id, ...placement.quote, quote: placement.quote.exact });
    changes.push({
      id: claim.id,
      place: claim.positions.quote ?? claim.positions.claim,
      where: describeBlock(article, placement.span.block),
      by: placement.by,
      before: selectorOf(claim),
      after: placement.quote,
    });
  });
  const format = /\.json$/iu.test(paths.claims) ? 'json' : 'yaml';
  const outcome = editQuotes(claimsText.replace(/^\uFEFF/u, ''), format, edits);
  const after = claimsText.startsWith('\uFEFF') ? `\uFEFF${outcome.text}` : outcome.text;

  const report = quoteProblemReporter(article, claimsFile);
  let unplaced = 0;
  placements.forEach((placement, index) => {
    const claim = document.claims[index];
    if (!claim) return;
    if (placement.status === 'unplaced') {
      unplaced++;
      report(claim, placement.result);
    } else if (outcome.failed.has(claim.id)) {
      unplaced++;
      const change = changes.find((item) => item.id === claim.id);
      error(
        claimsFile,
        `Quote of claim "${claim.id}" is now ${JSON.stringify(change?.after.exact ?? '')} in ${change?.where ?? 'the article'}, ` +
          `but fix cannot rewrite it: ${outcome.failed.get(claim.id) ?? ''}. Write it there by hand`,
        claim.positions.quote ?? claim.positions.claim,
        'quote-not-found',
      );
    }
  });
  const made = changes.filter((change) => !outcome.failed.has(change.id));
  return {
    slug: paths.slug,
    files,
    claims: { path: claimsFile.path, before: claimsText, after },
    changes: made,
    inPlace: placements.filter((placement) => placement.status === 'in-place').length,
    unplaced,
    ok: !hasErrors(files),
  };
}

function selectorOf(claim: Claim): TextQuote {
  return {
    exact: claim.quote,
    ...(claim.prefix === undefined ? {} : { prefix: claim.prefix }),
    ...(claim.suffix === undefined ? {} : { suffix: claim.suffix }),
  };
}
