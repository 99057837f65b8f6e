/**
 * The messages for a quote that does not anchor: found more than once (`quote-ambiguous`), or
 * not found (`quote-not-found`), each on the claims file at the quote, in words that say how to
 * fix it.
 *
 * A quote that is not found is explained, most specific first:
 * 1. its prefix or suffix ruled out every occurrence: where the quote itself is;
 * 2. a near miss (`../anchor/near-miss.ts`): typographic variants, each named with its code
 *    points; Markdown syntax copied with the quote; a paragraph break inside the quote;
 * 3. else the closest passage, when one is close.
 * The quote is the message's `actual` and the article's text its `expected` (the passage, or
 * the parts on each side of a paragraph break), so that a terminal can show the two with the
 * differing characters marked (`../cli/excerpt.ts`).
 */
import type { VFile } from 'vfile';
import type { AnchorResult, Span } from '../anchor/types.ts';
import { nearMissFinder, type NearMiss, type NearMissFinder } from '../anchor/near-miss.ts';
import { describeCharacters, type Difference } from '../anchor/typography.ts';
import type { Claim } from '../claims/types.ts';
import { error } from './report.ts';

/** The article's blocks (paragraphs and headings) as text, and each one's paragraph number. */
export interface ArticleBlocks {
  texts: readonly string[];
  /** The paragraph number of each block; `undefined` for a heading. */
  paragraphs: ReadonlyArray<number | undefined>;
}

export type AnchorFailure = Exclude<AnchorResult, { status: 'found' }>;

/** Reports problems of quotes in `article` on `claimsFile`; near misses are sought when first needed. */
export function quoteProblemReporter(
  article: ArticleBlocks,
  claimsFile: VFile,
): (claim: Claim, result: AnchorFailure) => void {
  let findNearMiss: NearMissFinder | undefined;
  return (claim, result) => {
    findNearMiss ??= nearMissFinder(article.texts);
    reportQuoteProblem(claim, result, article, claimsFile, findNearMiss);
  };
}

/** Where a block is, for people: "¶ 3", or "the heading “…”". */
export function describeBlock(article: ArticleBlocks, block: number): string {
  const paragraph = article.paragraphs[block];
  if (paragraph !== undefined) return `¶ ${paragraph}`;
  return `the heading “${article.texts[block] ?? ''}”`;
}

function reportQuoteProblem(
  claim: Claim,
  result: AnchorFailure,
  article: ArticleBlocks,
  claimsFile: VFile,
  findNearMiss: NearMissFinder,
): void {
  const place = claim.positions.quote ?? claim.positions.claim;
  const where = (span: Span) => describeBlock(article, span.block);
  if (result.status === 'ambiguous') {
    const count = result.occurrences.length;
    const picks = result.occurrences
      .map(({ span, prefix, suffix }) => `in ${where(span)}, ${pickOne(prefix, suffix)}`)
      .join('; ');
    error(
      claimsFile,
      `Quote of claim "${claim.id}" is found ${count} times (${result.occurrences
        .map(({ span }) => where(span))
        .join(', ')}): add a prefix or suffix that picks one (${picks})`,
      place,
      'quote-ambiguous',
    );
    return;
  }
  const nearMiss = result.occurrences.length > 0 ? undefined : findNearMiss(quoteOf(claim));
  if (nearMiss) {
    const message = error(claimsFile, explainNearMiss(claim, nearMiss, where), place, 'quote-not-found');
    message.actual = claim.quote;
    message.expected = nearMiss.kind === 'paragraph-break' ? nearMiss.passages : [nearMiss.passage];
    return;
  }
  const hints: string[] = [];
  if (result.occurrences.length > 0) {
    hints.push(
      `the quote itself occurs in ${result.occurrences.map(where).join(', ')}, but not with the given ${
        claim.prefix === undefined ? 'suffix' : claim.suffix === undefined ? 'prefix' : 'prefix and suffix'
      }`,
    );
  }
  let passage: string | undefined;
  if (result.closest) {
    const { span } = result.closest;
    passage = wholeWords(article.texts[span.block] ?? '', span);
    hints.push(`the closest passage is in ${where(span)}: “${passage}”`);
  }
  const message = error(
    claimsFile,
    `Quote of claim "${claim.id}" is not in the article${
      hints.length > 0 ? `: ${hints.join('; ')}` : ''
    }. Copy the quote from the article exactly`,
    place,
    'quote-not-found',
  );
  if (passage !== undefined) {
    message.actual = claim.quote;
    message.expected = [passage];
  }
}

function quoteOf(claim: Claim) {
  return {
    exact: claim.quote,
    ...(claim.prefix === undefined ? {} : { prefix: claim.prefix }),
    ...(claim.suffix === undefined ? {} : { suffix: claim.suffix }),
  };
}

const fixHint = 'or run `marginalia fix` to rewrite it';

function explainNearMiss(claim: Claim, nearMiss: NearMiss, where: (span: Span) => string): string {
  const subject = `Quote of claim "${claim.id}"`;
  if (nearMiss.kind === 'paragraph-break') {
    const [first, ...rest] = nearMiss.spans.map(where);
    const last = rest.pop();
    const parts = nearMiss.passages;
    const between = rest.length > 0 ? `, runs through ${rest.join(', ')},` : '';
    return (
      `${subject} crosses a paragraph break: it begins in ${first ?? ''} (“…${parts[0] ?? ''}”)${between} ` +
      `and ends in ${last ?? ''} (“${parts.at(-1) ?? ''}…”). A quote stays inside one paragraph: ` +
      `quote the part in one of them (a claim for each, if both matter)`
    );
  }
  const differences = describeDifferences(nearMiss.differences);
  if (nearMiss.kind === 'markdown') {
    return (
      `${subject} has Markdown syntax that the article's text does not: ${nearMiss.syntax.join(', ')}. ` +
      `In ${where(nearMiss.span)} the text reads “${nearMiss.passage}”` +
      (differences === '' ? '' : `, and it has ${differences}`) +
      `: quote the words as they read, ${fixHint}`
    );
  }
  const kinds = [...new Set(nearMiss.differences.map((difference) => difference.kind))].join(', ');
  return (
    `${subject} differs from the article only in typography (${kinds}): ${differences}. ` +
    `The quote must be exact: copy it from ${where(nearMiss.span)}, ${fixHint}`
  );
}

/** "’ (U+2019) in the article where the quote has ' (U+0027) (2 times); …", each kind once. */
function describeDifferences(differences: readonly Difference[]): string {
  const counts = new Map<string, number>();
  for (const difference of differences) {
    const key = describeDifference(difference);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => (count === 1 ? text : `${text} (${count} times)`)).join('; ');
}

function describeDifference({ kind, article, quote }: Difference): string {
  if (quote === '') return `${describeCharacters(article)} in the article, not in the quote`;
  if (article === '') return `${describeCharacters(quote)} in the quote, not in the article`;
  const text = `${describeCharacters(article)} in the article where the quote has ${describeCharacters(quote)}`;
  return kind === 'Unicode normalisation' ? `${text}, the same text composed another way (NFC/NFD)` : text;
}

/** The shorter context that picks an occurrence ("" from the anchorer means none within reach). */
function pickOne(prefix: string, suffix: string): string {
  if (prefix === '' && suffix === '') return 'no nearby text tells it apart: quote a longer passage';
  if (suffix === '' || (prefix !== '' && prefix.length <= suffix.length))
    return `prefix: ${JSON.stringify(prefix)}`;
  return `suffix: ${JSON.stringify(suffix)}`;
}

/** The text of a span, widened so that it neither starts nor ends inside a word. */
export function wholeWords(text: string, span: Span): string {
  const inWord = /[\p{L}\p{N}’'-]/u;
  let { start, end } = span;
  while (start > 0 && inWord.test(text[start - 1] ?? '') && inWord.test(text[start] ?? '')) start -= 1;
  while (end < text.length && inWord.test(text[end] ?? '') && inWord.test(text[end - 1] ?? '')) end += 1;
  return text.slice(start, end).replace(/\s+/gu, ' ').trim();
}
