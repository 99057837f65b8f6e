import {
  escapeHtml,
  escapeMarkdown,
  formatCopy,
  untitledStyle,
  type CitationStyle,
  type Pieces,
} from '../cite/copy-formats.ts';
import { pinCite } from '../cite/pin-cite.ts';
import { nestQuotes } from '../cite/quote.ts';
import { passageUrl, textDirective, type TextDirective } from '../cite/text-fragment.ts';
import type { CopyDetail } from './events.ts';
import type { PageData, StyledReference } from './page-data.ts';
import type { ArticlePassage, PageText } from './page-text.ts';
import { richText } from './rich-text.ts';

/**
 * What each kind of copy puts on the clipboard, in every flavour (see `CopyDetail`): a quotation
 * of the article, a note, the article's reference. Made from the page text, the page's data and
 * the notes' light DOM; the citation's pieces were formatted at build time.
 */

/** A copy before it is sent: everything but where it came from. */
export type Copy = Omit<CopyDetail, 'source'>;

/** The article's citation in a style, as plain text and safe HTML. */
export interface Citation {
  text: string;
  html: string;
}

/**
 * The article's reference in `style`, naming its title: a style whose reference leaves the
 * title out (a claims file's own style may) gets it in front. Without a style, the title alone.
 */
export function citationOf(title: string, style: StyledReference | undefined): Citation {
  const named = `<i>${escapeHtml(title)}</i>`;
  if (!style) return { text: title, html: named };
  if (title === '' || comparable(style.text).includes(comparable(title))) {
    return { text: style.text, html: style.html };
  }
  return { text: `${title}. ${style.text}`, html: `${named}. ${style.html}` };
}

/** Text compared without regard to case, accents, the kind of quotation mark or runs of white space. */
function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * How a copy is cited: the chosen style's pieces; the title and the paragraph sign when the page
 * offers no style (followed by the style's reference when the page has it without its pieces).
 */
export function citationStyleOf(title: string, style: StyledReference | undefined): CitationStyle {
  const untitled = untitledStyle(title);
  if (!style) return untitled;
  return (
    readCitationStyle(style.entry, style.text, style.html) ?? {
      ...untitled,
      reference: { text: style.text, html: style.html, markdown: style.text },
    }
  );
}

/**
 * A style's citation pieces in the page's data, checked field by field; undefined when any is
 * missing or damaged (a page built before they existed).
 */
function readCitationStyle(
  fields: Record<string, unknown>,
  text: string,
  html: string,
): CitationStyle | undefined {
  const inText = record(fields['inText']);
  const pieces = [inText['text'], inText['html'], inText['markdown']];
  const markdown = record(fields['reference'])['markdown'];
  const pin = fields['pin'];
  const block = record(fields['block']);
  const labels =
    Array.isArray(pin) && pin.length === 2 && pin.every((label) => typeof label === 'string')
      ? pin
      : undefined;
  if (!pieces.every(isPieces) || !labels) return undefined;
  return {
    reference: { text, html, markdown: typeof markdown === 'string' ? markdown : text },
    inText: { text: pieces[0] as Pieces, html: pieces[1] as Pieces, markdown: pieces[2] as Pieces },
    pin: [labels[0] as string, labels[1] as string],
    block: {
      ...(typeof block['words'] === 'number' ? { words: block['words'] } : {}),
      ...(typeof block['characters'] === 'number' ? { characters: block['characters'] } : {}),
    },
  };
}

function isPieces(value: unknown): value is Pieces {
  return (
    Array.isArray(value) &&
    (value.length === 3 || value.length === 4) &&
    value.every((piece) => typeof piece === 'string')
  );
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The address copied links are made from: the page's canonical address, else the browser's (`href`). */
export function linkBase(data: PageData, href: string): string {
  return data.canonical === '' ? href : data.canonical;
}

/**
 * A quotation of the article: the passage's words with the in-text citation of the reader's
 * style (its paragraph locator linked to the passage), run in or set off as the style says, the
 * article's reference entry, and the link to the passage: `pageUrl` (the page's canonical
 * address, else the browser's) with its first block's id and a text fragment.
 */
export function quoteCopy(
  page: PageText,
  passage: ArticlePassage,
  pageUrl: string,
  title: string,
  style: StyledReference | undefined,
): Copy {
  const { numbers, paragraphs } = passage;
  const url = passageUrl(pageUrl, passage.targetId, directiveFor(page, passage));
  return {
    ...formatCopy({ paragraphs, style: citationStyleOf(title, style), numbers, url }),
    quote: paragraphs.join('\n\n'),
    paragraphs: numbers,
    url,
    style: style?.id ?? '',
    content: 'quote',
  };
}

/**
 * The text directive that leads to the passage. When no directive picks the passage out of the
 * page (the same words, in the same surroundings, come earlier), its words still go in the link,
 * so that it keeps its `:~:text=`; the paragraph id before it then brings the right paragraph
 * into view.
 */
function directiveFor(page: PageText, { start, end }: ArticlePassage): TextDirective | null {
  const directive = textDirective({ pageText: page.text, start, end });
  if (directive) return directive;
  const words = page.text.slice(start, end).split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  return words === '' ? null : { textStart: words.slice(0, 300) };
}

/** What a note copy is made of, read from its `li.marginalia-note` by the caller. */
export interface NoteParts {
  claimId: string;
  number: number;
  /** Its kind and verdict, as the page labels them ("Fact", "Supported"). */
  labels: readonly string[];
  /** The claim's quote, tidied. */
  quote: string;
  paragraph: number;
  /** The note's body and its list of sources (may be absent). */
  body: Element | null;
  sources: Element | null;
}

/**
 * A note: "Editor’s note N on “quote” (Title, ¶ P): Kind, Verdict.", then the note's text and
 * its sources, with the link to the note (`pageUrl#note-ID`, which opens it).
 */
export function noteCopy(
  note: NoteParts,
  pageUrl: string,
  title: string,
  style: StyledReference | undefined,
): Copy {
  const url = `${pageUrl.replace(/#[\s\S]*$/, '')}#note-${encodeURIComponent(note.claimId)}`;
  const pin =
    note.paragraph > 0 ? pinCite(note.paragraph, note.paragraph, citationStyleOf(title, style).pin) : '';
  const quote = nestQuotes(note.quote);
  const where = (titled: string): string => [titled, pin].filter((part) => part !== '').join(', ');
  const labels = note.labels.join(', ');
  const name = `Editor’s note ${note.number}`;
  const head = {
    plain: `${name} on “${quote}” (${where(title)})${labels ? `: ${labels}` : ''}.`,
    markdown: `[${name}](${url.replace(/[()\\]/g, '\\$&')}) on “${escapeMarkdown(quote)}” (${where(`*${escapeMarkdown(title)}*`)})${labels ? `: ${escapeMarkdown(labels)}` : ''}.`,
    html: `<a href="${escapeHtml(url)}">${name}</a> on “${escapeHtml(quote)}” (${where(`<cite>${escapeHtml(title)}</cite>`)})${labels ? `: ${escapeHtml(labels)}` : ''}.`,
  };
  const body = richText(note.body?.childNodes ?? [], pageUrl);
  const sources = note.sources ? richText([note.sources], pageUrl) : undefined;
  const parts = (key: 'plain' | 'markdown', sourcesHead: string): string[] =>
    [head[key], body[key], sources && sources[key] !== '' ? `${sourcesHead}${sources[key]}` : ''].filter(
      (part) => part !== '',
    );
  return {
    plain: [...parts('plain', 'Sources:\n'), url].join('\n\n'),
    markdown: parts('markdown', 'Sources:\n\n').join('\n\n'),
    html: `<p>${head.html}</p>${body.html}${sources && sources.html !== '' ? `<p>Sources:</p>${sources.html}` : ''}`,
    quote: note.quote,
    paragraphs: note.paragraph > 0 ? [note.paragraph, note.paragraph] : null,
    url,
    style: style?.id ?? '',
    content: 'note',
  };
}

/** What "Cite this article" copies: the reference in a style, or the BibTeX or CSL-JSON. */
export type ReferenceKind = { style: StyledReference } | { format: 'bibtex' | 'csl-json' };

/** The article's reference, for "Cite this article". */
export function referenceCopy(data: PageData, kind: ReferenceKind, pageUrl: string): Copy {
  const url = pageUrl.replace(/#[\s\S]*$/, '');
  const common = { quote: '', paragraphs: null, url } as const;
  if ('format' in kind) {
    const text = kind.format === 'bibtex' ? data.bibtex : data.cslJson;
    return { ...common, plain: text, markdown: text, html: '', style: '', content: kind.format };
  }
  const citation = citationOf(data.title, kind.style);
  const parsed = new DOMParser().parseFromString(citation.html, 'text/html');
  const rich = richText(parsed.body.childNodes, url);
  return {
    ...common,
    plain: citation.text,
    markdown: rich.markdown,
    html: rich.html,
    style: kind.style.id,
    content: 'reference',
  };
}
