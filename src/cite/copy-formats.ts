/**
 * What a copied passage puts on the clipboard: the quotation with its in-text citation, run in
 * or set off as the reader's citation style says, the article's reference entry, and a link to
 * the passage, as plain text, Markdown and HTML.
 *
 * The quotation is article text and the link is built from the page's URL: both are escaped for
 * each format. The citation's pieces come pre-formatted and sanitised from the build and go in
 * as they are. Pure and DOM-free, for the reader's browser bundle.
 */
import { pinCite } from './pin-cite.ts';
import { nestQuotes } from './quote.ts';

/** A citation in the three formats of the clipboard: plain text, safe HTML, Markdown. */
export interface Formatted {
  text: string;
  html: string;
  markdown: string;
}

/**
 * An in-text citation cut around its locator: before it, the delimiter, after it; and, when it
 * differs, what follows the locator (a style may move punctuation when a locator is there: MLA
 * closes a quoted title before its comma, `(“Title,” par. 2)` against `(“Title”)`).
 */
export type Pieces = readonly [before: string, delimiter: string, after: string, afterLocator?: string];

/** From what length a quotation is set off as a block: a number of words, or of characters. */
export interface BlockRule {
  words?: number;
  characters?: number;
}

/**
 * How a citation style cites the article, as the page's data carries it: formatted at build
 * time by citeproc (`style-pieces.ts`), so that the browser needs no CSL engine.
 */
export interface CitationStyle {
  /** The reference entry, on its own. */
  reference: Formatted;
  /** The in-text citation around its locator: "(Doe, 2024" ", " ")". */
  inText: { text: Pieces; html: Pieces; markdown: Pieces };
  /** The locator's label for one paragraph and for several: ["para.", "paras."]. */
  pin: readonly [one: string, many: string];
  block: BlockRule;
}

/** A passage to copy, with everything its citation needs. */
export interface CopyInput {
  /** The quotation, one string per paragraph, tidied (see `tidyQuote`), its marks as written. */
  paragraphs: readonly string[];
  style: CitationStyle;
  /** The first and last paragraph quoted, as the page numbers them; null for none (a heading). */
  numbers: readonly [first: number, last: number] | null;
  /** The link to the passage (see `passageUrl`); left out unless it is an http(s) or file URL. */
  url: string;
}

/** The clipboard's three flavours of one copied passage. */
export interface CopyFormats {
  plain: string;
  markdown: string;
  html: string;
}

/**
 * The style of a page that offers none: the article's title in the in-text citation, the
 * paragraph sign, no reference entry, Chicago's block rule.
 */
export function untitledStyle(title: string): CitationStyle {
  return {
    reference: { text: '', html: '', markdown: '' },
    inText: {
      text: [`(${title}`, ', ', ')'],
      html: [`(<i>${escapeHtml(title)}</i>`, ', ', ')'],
      markdown: [`(*${escapeMarkdown(title)}*`, ', ', ')'],
    },
    pin: ['¶', '¶¶'],
    block: { words: 100 },
  };
}

/**
 * Whether a quotation is set off as a block in `rule`'s style: one of more than one paragraph
 * always (CMOS 17 §13.10; a run-in quotation cannot keep a paragraph break), else one of
 * `rule.words` words or more, or `rule.characters` characters or more. Words are runs of
 * non-space characters with a letter or digit in them; characters count spaces, one between
 * paragraphs.
 */
export function isBlockQuotation(paragraphs: readonly string[], rule: BlockRule): boolean {
  if (paragraphs.length > 1) return true;
  const text = paragraphs.join(' ');
  const words = text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return (
    (rule.words !== undefined && words >= rule.words) ||
    (rule.characters !== undefined && [...text].length >= rule.characters)
  );
}

/**
 * The passage in three formats, as the three manuals set a quotation and its citation:
 *
 * - Run in (a short quotation, in HTML and Markdown; every quotation in plain text, which cannot
 *   set a block off and where the quotation marks are what shows a quotation): in double
 *   quotation marks, double marks inside it made single; the in-text citation after the closing
 *   mark; a full stop that ends the quotation goes after the citation, and one is added there
 *   after a closing question or exclamation mark (APA 7 §8.26; MLA 9, ch. 6, punctuation with
 *   parenthetical citations; CMOS 17 §13.68 and §15.26). `“Quote” (Doe, 2024, para. 2).`
 * - Block (a long quotation or several paragraphs, in HTML and Markdown): no quotation marks,
 *   the marks inside kept; the citation after the final punctuation, with no full stop after it
 *   (APA 7 §8.27; MLA 9, ch. 6, long quotations; CMOS 17 §13.69 and §15.26). A `<blockquote>`
 *   with the passage's address in `cite`, a Markdown `>` quotation.
 *
 * Then the reference entry on its own, as the style's reference list has it, and the link to the
 * passage: in plain text on its own line, in HTML and Markdown on the paragraph locator
 * (on its own line when there is none). Several paragraphs in plain text: each opens with “,
 * only the last closes (CMOS 17 §13.30), with a blank line between them.
 */
export function formatCopy({ paragraphs, style, numbers, url }: CopyInput): CopyFormats {
  const href = safeHref(url);
  const pin = numbers ? pinCite(numbers[0], numbers[1], style.pin) : '';
  const last = paragraphs.length - 1;
  const cite = (format: 'text' | 'html' | 'markdown'): string => {
    const [before, delimiter, after, afterLocator = after] = style.inText[format];
    if (pin === '') return `${before}${after}`;
    const link =
      format === 'text'
        ? pin
        : format === 'html'
          ? href === null
            ? escapeHtml(pin)
            : `<a href="${escapeHtml(href)}">${escapeHtml(pin)}</a>`
          : href === null
            ? escapeMarkdown(pin)
            : markdownLink(pin, href);
    return `${before}${delimiter}${link}${afterLocator}`;
  };

  const nested = paragraphs.map(nestQuotes);
  const { body, stop } = endOfQuotation(nested[last] ?? '');
  const runIn = [...nested.slice(0, -1).map((paragraph) => `“${paragraph}`), `“${body}”`];
  const reference = style.reference;
  const ownLink = pin === '' && href !== null;

  const plain = [`${runIn.join('\n\n')} ${cite('text')}${stop}`, reference.text, href ?? '']
    .filter((part) => part !== '')
    .join('\n\n');

  let quoteMarkdown: string;
  let quoteHtml: string;
  if (isBlockQuotation(paragraphs, style.block)) {
    quoteMarkdown = paragraphs
      .map(
        (paragraph, index) => `> ${escapeMarkdown(paragraph)}${index === last ? ` ${cite('markdown')}` : ''}`,
      )
      .join('\n>\n');
    const citeAttribute = href === null ? '' : ` cite="${escapeHtml(href)}"`;
    quoteHtml = `<blockquote${citeAttribute}>${paragraphs
      .map((paragraph, index) => `<p>${escapeHtml(paragraph)}${index === last ? ` ${cite('html')}` : ''}</p>`)
      .join('')}</blockquote>`;
  } else {
    quoteMarkdown = `${escapeMarkdown(`“${body}”`)} ${cite('markdown')}${stop}`;
    quoteHtml = `<p>${escapeHtml(`“${body}”`)} ${cite('html')}${stop}</p>`;
  }
  const markdown = [quoteMarkdown, reference.markdown, ownLink ? `<${href}>` : '']
    .filter((part) => part !== '')
    .join('\n\n');
  const html = [
    quoteHtml,
    reference.html === '' ? '' : `<p>${reference.html}</p>`,
    ownLink ? `<p><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>` : '',
  ].join('');
  return { plain, markdown, html };
}

/**
 * The run-in quotation's last words and the full stop that follows its citation: a final full
 * stop (not an ellipsis) moves after the citation; after a final question or exclamation mark,
 * which stays, one is added; otherwise the quotation ends no sentence and none is added.
 */
function endOfQuotation(text: string): { body: string; stop: string } {
  if (/(?<!\.)\.$/u.test(text)) return { body: text.slice(0, -1), stop: '.' };
  if (/[?!]$/u.test(text)) return { body: text, stop: '.' };
  return { body: text, stop: '' };
}

/**
 * `url` as a link target, or null when it may not be one: only absolute http, https and file URLs
 * (a page opened from disk links to itself with `file:`) are kept, so never `javascript:`.
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'file:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Escape text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Escape text so that Markdown shows it as written: backslashes and the characters of emphasis,
 * code, links, HTML and strikethrough, an `&` that would start an entity, and at the start what
 * would open a heading or a list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<~]|&(?=#?[a-z0-9]+;)/gi, '\\$&')
    .replace(/^([#+=>-]|\d+(?=[.)]))/, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
}

function markdownLink(label: string, href: string): string {
  const target = href.replace(/[()\\]/g, '\\$&');
  return label === '' ? `<${href}>` : `[${escapeMarkdown(label)}](${target})`;
}
