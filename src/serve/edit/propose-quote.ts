/**
 * From a selection in the page to a claim's quote: the exact words of the article (the block's
 * text as the build anchors it, widened to whole words), a prefix or suffix only when the words
 * occur more than once (the shortest that the build's own matching finds unique), and an unused
 * id made from the words.
 */
import { anchorQuotes, foldWhiteSpace, normalizeWhiteSpace } from '../../anchor/index.ts';
import { widenToWords } from '../../cite/quote.ts';
import type { QuoteAnswer, QuoteRequest } from '../../editor/protocol.ts';
import type { ArticleBlocks } from './article-blocks.ts';
import { ChangeError } from './operations.ts';

/** Words an id can do without. */
const stopWords = new Set(
  'a an and are as at be been but by for from had has have in into is it its of on or so than that the their there these this those to was were which while will with'.split(
    ' ',
  ),
);

/** An id for a claim about `quote`, not among `taken`: a few of its words, `[a-z0-9-]+`. */
export function proposeId(quote: string, taken: Iterable<string>): string {
  const words = (
    quote
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[a-z0-9]+/gu) ?? []
  ).filter((word) => word.length > 0);
  const meaningful = words.filter((word) => !stopWords.has(word));
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, 4);
  let base = chosen.join('-').slice(0, 48).replace(/-+$/u, '');
  if (base === '') base = 'claim';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let number = 2; ; number++) if (!used.has(`${base}-${number}`)) return `${base}-${number}`;
}

/** The quote that a selection of the page makes, with the context it needs. */
export function proposeQuote(
  blocks: ArticleBlocks,
  request: QuoteRequest,
  taken: Iterable<string>,
): QuoteAnswer {
  const index = blocks.ids.indexOf(request.block);
  const text = blocks.texts[index];
  if (index === -1 || text === undefined) {
    throw new ChangeError(
      'The selection is not in a paragraph or heading of the article: select text of the article',
    );
  }
  const folded = foldWhiteSpace(text);
  const exact = normalizeWhiteSpace(request.exact).trim();
  if (exact === '') throw new ChangeError('Select some words of the article first');
  // Where the selection starts in the block, as the page counted it.
  const expected = normalizeWhiteSpace(request.before).trimStart().length;
  let best = -1;
  for (let at = folded.text.indexOf(exact); at !== -1; at = folded.text.indexOf(exact, at + 1)) {
    if (best === -1 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  if (best === -1) {
    throw new ChangeError(
      'The selected words are not in the article as it is now (a claim stays within one paragraph): reload the page and select again',
    );
  }
  const raw = widenToWords(text, folded.toRaw[best] ?? 0, folded.toRaw[best + exact.length] ?? text.length);
  const quote = normalizeWhiteSpace(text.slice(raw.start, raw.end)).trim();
  const id = proposeId(quote, taken);
  const [result] = anchorQuotes(blocks.texts, [{ exact: quote }]);
  if (result?.status !== 'ambiguous') return { quote, id };
  const mine = result.occurrences.find(
    ({ span }) => span.block === index && span.start < raw.end && span.end > raw.start,
  );
  if (!mine || (mine.prefix === '' && mine.suffix === '')) {
    throw new ChangeError(
      'These words occur elsewhere in the article with the same words around them: select a longer passage',
    );
  }
  const usePrefix = mine.suffix === '' || (mine.prefix !== '' && mine.prefix.length <= mine.suffix.length);
  return usePrefix ? { quote, prefix: mine.prefix, id } : { quote, suffix: mine.suffix, id };
}
