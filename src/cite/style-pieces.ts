/**
 * What the reader needs of a citation style to cite a copied quotation without a CSL engine:
 * the article's reference entry, its in-text citation cut around the locator, the locator's
 * label for one paragraph and for several, and from what length a quotation is set off as a
 * block. Everything is formatted here, at build time, by citeproc with the style's CSL file;
 * the browser only puts the paragraph numbers in (`copy-formats.ts`).
 *
 * The in-text citation is formatted twice: without a locator, and with a paragraph locator whose
 * value is a number that appears nowhere else. Where the two differ is the locator with its
 * delimiter and label, so the citation is cut there into [before, delimiter, after], whatever
 * the style's punctuation (`(Doe, 2024, para. 2)`, `(Doe 2024, para. 2)`, `(Doe, par. 2)`).
 *
 * Two things are given to citeproc for the in-text citation only:
 * - a short title (its `title-short`, else one made here), for a source cited by its title: the
 *   main title (before a colon or a parenthesis), cut to its first four words without the short
 *   words they may end on ("OpenAI’s Sora and the state of …" → "OpenAI’s Sora"). APA 7 §8.14
 *   (a long title is shortened in the in-text citation), MLA 9 §6.10–6.11 (a shortened title,
 *   starting with the word the works-cited entry is alphabetised by), CMOS 17 §15.32 and §14.33
 *   (a short title of no more than four words). Set `title-short` in the claims file to choose it.
 * - no access date: none of the three styles shows it in the text, and the Chicago author-date
 *   CSL file would drop the comma before "n.d." when one is given ("(“Title” n.d.)" where it
 *   writes "(“Title,” n.d.)" without one; CMOS 17 §15.44).
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { CslItem } from '../claims/types.ts';
import type { BlockRule, CitationStyle, Pieces } from './copy-formats.ts';
import { formatInText, formatReference } from './format.ts';
import { hastToMarkdown } from './hast-markdown.ts';
import type { StyleId } from './styles.ts';

/**
 * From what length each built-in style sets a quotation off as a block (a quotation of more
 * than one paragraph always is):
 *
 * - APA 7 §8.25 and §8.27: a quotation of 40 words or more is a block quotation.
 * - MLA 9 (ch. 6, long quotations): prose that runs to more than four lines of the writer's text
 *   is set off. A line of a double-spaced manuscript
 *   in 12-point type with one-inch margins holds about 80 characters, so Marginalia sets off a
 *   quotation of more than 320 characters (321 or more, spaces included).
 * - CMOS 17 §13.10: a quotation of a hundred words or more is set off; so is one of two or more
 *   paragraphs.
 *
 * A claims file's own style follows Chicago's rule.
 */
export const blockRules: Readonly<Record<string, BlockRule>> = {
  apa: { words: 40 },
  mla: { characters: 321 },
  'chicago-author-date': { words: 100 },
};
const defaultBlockRule: BlockRule = { words: 100 };

/**
 * The label of a paragraph locator, where the style's CSL file does not print the manual's:
 * MLA 9 cites numbered paragraphs as "par." and "pars." (MLA 9, ch. 6, numbered paragraphs:
 * "(Chan, par. 41)"), while the MLA CSL file prints the en-US locale's "para." with no space.
 */
const pinLabels: Readonly<Record<string, readonly [string, string]>> = {
  mla: ['par.', 'pars.'],
};
/** The paragraph sign, when citeproc's output cannot be cut. */
const pilcrow = ['¶', '¶¶'] as const;

/** Locator values that no citation contains: where they are, the locator is. */
const sentinel = { first: '86420', last: '97531' } as const;

/** The pieces of `item`'s citation in `style`, for the page's data. */
export function citationStyle(item: CslItem, style: StyleId): CitationStyle {
  const reference = formatReference(item, style);
  const cited = inTextItem(item);
  const bare = formats(formatInText(cited, style).html);
  const one = formats(formatInText(cited, style, { label: 'paragraph', value: sentinel.first }).html);
  const many = formats(
    formatInText(cited, style, { label: 'paragraph', value: `${sentinel.first}–${sentinel.last}` }).html,
  );
  const cut = {
    text: cutAtLocator(bare.text, one.text, sentinel.first),
    html: cutAtLocator(bare.html, one.html, sentinel.first),
    markdown: cutAtLocator(bare.markdown, one.markdown, sentinel.first),
  };
  const plural = cutAtLocator(bare.text, many.text, `${sentinel.first}–${sentinel.last}`);
  const labels = cut.text && plural ? ([cut.text.label, plural.label] as const) : pilcrow;
  return {
    reference: formats(reference.html),
    inText:
      cut.text && cut.html && cut.markdown
        ? { text: cut.text.pieces, html: cut.html.pieces, markdown: cut.markdown.pieces }
        : {
            text: fallbackPieces(bare.text),
            html: fallbackPieces(bare.html),
            markdown: fallbackPieces(bare.markdown),
          },
    pin: pinLabels[style] ?? labels,
    block: blockRules[style] ?? defaultBlockRule,
  };
}

function formats(html: ElementContent[]): { text: string; html: string; markdown: string } {
  const text = html
    .map((node) => (node.type === 'text' ? node.value : toPlain(node)))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  return { text, html: toHtml(html).trim(), markdown: hastToMarkdown(html).replace(/\s+/gu, ' ').trim() };
}

function toPlain(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(toPlain).join('');
  return '';
}

/**
 * The item as the in-text citation should see it: its title shortened (the Chicago CSL file
 * cites an untitled work by its full `title`, so the short form goes there), without an access
 * date.
 */
function inTextItem(item: CslItem): CslItem {
  const rest = { ...item };
  delete rest.accessed;
  const short = typeof item['title-short'] === 'string' ? item['title-short'] : undefined;
  const title = typeof item.title === 'string' ? item.title : '';
  if (short === undefined && title === '') return rest;
  const cited = short ?? shortTitle(title);
  return { ...rest, title: cited, 'title-short': cited };
}

/** Words a short title does not end on. */
const minorWords = new Set(
  'a an and as at but by for from in into nor of on or over per the to upon via vs with'.split(' '),
);

/**
 * The short form of a title for an in-text citation: the main title (before a colon, a dash,
 * a parenthesis or a full stop that ends a sentence), and when that is more than four words,
 * its first four without the short words they end on.
 */
export function shortTitle(title: string): string {
  // A description of an untitled work, in square brackets (APA 7 §9.29), keeps its brackets when
  // shortened: ([Description], n.d.).
  const described = /^\[([^\]]+)\]$/u.exec(title.trim());
  if (described?.[1] !== undefined) return `[${shortTitle(described[1])}]`;
  const main = title.split(/:\s|\s[—–]\s|\s[([]|[.?!]\s/u)[0]?.trim() || title.trim();
  const words = main.split(/\s+/u);
  if (words.length <= 4) return main;
  const kept = words.slice(0, 4);
  while (kept.length > 1 && minorWords.has(kept.at(-1)!.toLowerCase())) kept.pop();
  return kept.join(' ').replace(/[,;]$/u, '');
}

interface Cut {
  pieces: Pieces;
  /** The locator's label as the style prints it ("para.", "paras."). */
  label: string;
}

/**
 * Cut `pinned` (the citation with the sentinel locator) where it differs from `bare` (the
 * citation without one): [before, delimiter, after], and the label between the delimiter and
 * the number. Undefined when the two do not differ by one run of text that ends with the
 * sentinel and holds no markup.
 */
export function cutAtLocator(bare: string, pinned: string, value: string): Cut | undefined {
  let start = 0;
  while (start < bare.length && bare[start] === pinned[start]) start += 1;
  let end = 0;
  while (end < bare.length - start && bare[bare.length - 1 - end] === pinned[pinned.length - 1 - end])
    end += 1;
  const middle = pinned.slice(start, pinned.length - end);
  if (!middle.endsWith(value) || /[<>]/u.test(middle)) return undefined;
  const locator = middle.slice(0, -value.length);
  const delimiter = /^[^\p{L}\p{N}¶§]*/u.exec(locator)?.[0] ?? '';
  const label = locator.slice(delimiter.length).trim();
  const after = bare.slice(start);
  const afterLocator = pinned.slice(pinned.length - end);
  const pieces: Pieces =
    afterLocator === after
      ? [bare.slice(0, start), delimiter, after]
      : [bare.slice(0, start), delimiter, after, afterLocator];
  return { pieces, label };
}

/** A citation that could not be cut: the locator goes before its closing parenthesis. */
function fallbackPieces(bare: string): Pieces {
  return bare.endsWith(')') ? [bare.slice(0, -1), ', ', ')'] : [`${bare} (`, '', ')'];
}
